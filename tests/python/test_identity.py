"""Nothing is counted twice: the same text under two names is read once; two texts that
claim one report are neither loaded, unless a reviewed revision says which replaces which."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from ingest import extract
from ingest.folder import extract_reports
from ingest.identity import Revision
from ingest.reviewed import read_reviewed

from .conftest import NACKA_2014_T2, NACKA_2017_T1, NACKA_2020_FEB, REPORTS


def copy(folder: Path, report_id: str, name: str, change=None) -> Path:  # noqa: ANN001
    text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8")
    path = folder / name
    path.write_text(change(text) if change else text, encoding="utf-8")
    return path


def statuses(result) -> dict[str, tuple]:  # noqa: ANN001 - an Extraction
    return {
        f["file_name"]: (f["input_status"], f["same_as_file"], f["detail"])
        for f in result.input_files
    }


def test_a_copy_under_another_name_is_read_once(tmp_path: Path) -> None:
    copy(tmp_path, NACKA_2020_FEB, f"{NACKA_2020_FEB}.txt")
    copy(tmp_path, NACKA_2020_FEB, "kopia av februari.txt")
    # the same text saved in Windows-1252 with CRLF line ends is the same text
    text = (REPORTS / f"{NACKA_2020_FEB}.txt").read_text(encoding="utf-8")
    (tmp_path / "zz_windows.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    result = extract_reports(tmp_path)
    assert [r["report_id"] for r in result.reports] == [NACKA_2020_FEB]
    found = statuses(result)
    # sorted by name, the copy comes first (`0` < `k`): the original is the copy it repeats
    sha = result.reports[0]["content_sha256"]
    assert found[f"{NACKA_2020_FEB}.txt"] == ("loaded", None, None)
    assert found["kopia av februari.txt"] == (
        "duplicate",
        f"{NACKA_2020_FEB}.txt",
        f"the same text as {NACKA_2020_FEB}.txt (sha256 {sha[:12]}): read once",
    )
    status, same_as, detail = found["zz_windows.txt"]
    assert (status, same_as) == ("duplicate", f"{NACKA_2020_FEB}.txt")
    assert detail.startswith("decoded as Windows-1252 / Latin-1, not UTF-8")
    assert {c["report_id"] for c in result.cells} == {NACKA_2020_FEB}
    assert result.rejects == []


def conflicting_folder(folder: Path) -> None:
    copy(folder, NACKA_2014_T2, "nacka_t2_2014.txt")
    # the same report with one prose line changed: another text, the same identity
    copy(
        folder,
        NACKA_2014_T2,
        "nacka_t2_2014_rev.txt",
        lambda text: text.replace("\n", "\nReviderad version. \n", 1),
    )
    copy(folder, NACKA_2020_FEB, f"{NACKA_2020_FEB}.txt")


def test_two_texts_claiming_one_report_are_neither_loaded(tmp_path: Path) -> None:
    conflicting_folder(tmp_path)
    result = extract_reports(tmp_path)
    assert [r["report_id"] for r in result.reports] == [NACKA_2020_FEB]
    identity = (
        "Nacka (Social- och äldrenämnden), tertial_report 2014-01-01..2014-08-31, with another "
        "text: neither is loaded; remove the wrong one, or say which replaces which in "
        "seeds/reference/report_revisions.csv"
    )
    assert [r["reason"] for r in result.rejects] == [
        f"nacka_t2_2014.txt: report not loaded: nacka_t2_2014_rev.txt also says it is {identity}",
        f"nacka_t2_2014_rev.txt: report not loaded: nacka_t2_2014.txt also says it is {identity}",
    ]
    assert statuses(result)["nacka_t2_2014.txt"][:2] == ("conflict", "nacka_t2_2014_rev.txt")
    assert {c["report_id"] for c in result.cells} == {NACKA_2020_FEB}


def test_a_reviewed_revision_replaces_the_earlier_report(tmp_path: Path) -> None:
    conflicting_folder(tmp_path)
    reviewed = replace(
        read_reviewed(),
        revisions=(Revision("nacka_t2_2014_rev", "nacka_t2_2014", "a revised text was sent"),),
    )
    result = extract_reports(tmp_path, reviewed)
    assert sorted(r["report_id"] for r in result.reports) == [NACKA_2020_FEB, "nacka_t2_2014_rev"]
    assert statuses(result)["nacka_t2_2014.txt"] == (
        "superseded",
        "nacka_t2_2014_rev.txt",
        "superseded by its reviewed revision nacka_t2_2014_rev.txt (report_revisions.csv)",
    )
    assert not [r for r in result.rejects if "report not loaded" in r["reason"]]


def test_two_files_with_one_stem_load_the_first_only(tmp_path: Path) -> None:
    copy(tmp_path, NACKA_2020_FEB, "februari.TXT")
    copy(tmp_path, NACKA_2014_T2, "februari.txt")
    result = extract_reports(tmp_path)
    assert [r["file_name"] for r in result.reports] == ["februari.TXT"]
    assert [r["reason"] for r in result.rejects] == [
        "februari.txt: report not loaded: februari.TXT has the same name stem, and a report's "
        "id is its file stem: rename one"
    ]


def test_a_reader_that_fails_on_one_report_costs_only_that_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy(tmp_path, NACKA_2020_FEB, f"{NACKA_2020_FEB}.txt")
    copy(tmp_path, NACKA_2014_T2, f"{NACKA_2014_T2}.txt")
    real = extract.find_status_items

    def failing(lines, furniture):  # noqa: ANN001, ANN202
        if any(line.text.startswith("Tertialbokslut T2 2014") for line in lines[:5]):  # 002
            raise IndexError("list index out of range")
        return real(lines, furniture)

    monkeypatch.setattr(extract, "find_status_items", failing)
    result = extract_reports(tmp_path)
    assert [r["report_id"] for r in result.reports] == [NACKA_2020_FEB]
    (reject,) = result.rejects
    assert re.fullmatch(
        rf"{NACKA_2014_T2}\.txt: report not loaded: the ingest failed on this text \(IndexError "
        r"at test_identity\.py:\d+: list index out of range\)",
        reject["reason"],
    )


def test_of_two_copies_the_one_reviewed_entries_name_is_read(tmp_path: Path) -> None:
    # `000 kopia.txt` sorts before `000_0…`, but the reviewed discrepancies of 000 name
    # 000_03715a84921bc2c5: that file is read, so they keep applying
    copy(tmp_path, NACKA_2017_T1, "000 kopia.txt")
    copy(tmp_path, NACKA_2017_T1, f"{NACKA_2017_T1}.txt")
    result = extract_reports(tmp_path)
    assert [r["report_id"] for r in result.reports] == [NACKA_2017_T1]
    assert statuses(result)["000 kopia.txt"][:2] == ("duplicate", f"{NACKA_2017_T1}.txt")
