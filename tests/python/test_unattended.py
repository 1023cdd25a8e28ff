"""Unattended builds end to end: a folder of every kind of bad input publishes the good
reports and says per file what is wrong, in one line each; one build at a time per output
(real processes); a killed build leaves the last warehouse and the next one cleans up; every
run leaves a run record and dbt's log; `warehouse status` tells the morning after."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from ingest.cli import main
from ingest.folder import extract_reports
from ingest.run.lock import holder_path, lock_path
from ingest.run.record import run_records

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    PROJECT_ROOT,
    REPORTS,
)
from .next_reports import NextReport, next_report
from .test_extract import with_no_break_spaces


@dataclass(frozen=True)
class Run:
    code: int
    out: list[str]
    err: str


def run_cli(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue().splitlines(), err.getvalue())


def bundled(report_id: str) -> str:
    return (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8")


BUDGET = "Verksamhet, tkr"


def replace_row(
    report: NextReport, label: str, column: int | None, change: Callable[[str], str] | None
) -> str:
    """The report's text with one printed cell of a row of its budget table changed, or
    (`column` None) the row's numbers all removed. The label may wrap above its numbers."""
    table = next(t for t in report.tables if t.title == BUDGET)
    row = next(r for r in table.rows if r.label == label)
    cells = list(row.cells)
    old = f"{' '.join(cells)} "
    lines = report.text.split("\n")
    (number,) = [
        n for n, line in enumerate(lines) if line.endswith(old) and not line.endswith("-" + old)
    ]
    if column is not None and change is not None:
        cells[column] = change(cells[column])
    new = f"{' '.join(cells)} " if column is not None else ""
    lines[number] = lines[number].removesuffix(old) + new
    return "\n".join(lines)


def plus_1000(printed: str) -> str:
    from ingest.numbers import parse_number

    from .rewrap import format_number

    return format_number(parse_number(printed) - 1000)


PROSE_ONLY = (
    "Tertialbokslut T1 2019 \n\nSocialnämnden i Nacka \n\nNacka kommuns socialnämnd följer upp "
    "verksamheten. \nInga tabeller finns i denna version av rapporten. \n"
)


def bad_folder(folder: Path) -> None:
    """Every kind of bad input beside good reports (see TROUBLESHOOTING.md)."""
    write = lambda name, text: (folder / name).write_text(text, encoding="utf-8")  # noqa: E731
    # good reports, unusually saved
    write("Nacka månadsrapport februari 2020.txt", bundled(NACKA_2020_FEB))  # spaces, å
    write("kopia av februari.txt", bundled(NACKA_2020_FEB))  # a duplicate
    (folder / f"{NACKA_2017_T1}.txt").write_bytes(
        bundled(NACKA_2017_T1).replace("\n", "\r\n").encode("cp1252")
    )
    (folder / f"{NACKA_2018_T1}.txt").write_bytes(b"\xef\xbb\xbf" + bundled(NACKA_2018_T1).encode())
    cells = [c for c in extract_reports(REPORTS).cells if c["report_id"] == NORRTALJE_2025_AUG]
    write(
        f"{NORRTALJE_2025_AUG}.txt",
        with_no_break_spaces(bundled(NORRTALJE_2025_AUG), cells, "\xa0\u202f"),
    )
    # two texts claiming one report
    write("nacka_t2_2014.txt", bundled(NACKA_2014_T2))
    write("nacka_t2_2014_rev.txt", bundled(NACKA_2014_T2).replace("\n", "\nReviderad. \n", 1))
    # numbers that break their table: next reports of other municipalities
    kalmar = next_report(NACKA_2017_T1, "Kalmar", 1)
    write("kalmar_total_off.txt", replace_row(kalmar, "Summa", 2, plus_1000))
    vetlanda = next_report(NACKA_2018_T1, "Vetlanda", 2)
    letters = replace_row(vetlanda, "Barn och unga", 7, lambda p: p.replace(" 8", " 8a"))
    write("vetlanda_letters.txt", letters)
    ale = next_report(NACKA_2020_FEB, "Ale", 4)
    write("ale_missing_numbers.txt", replace_row(ale, "Barn och unga", None, None))
    # texts that are no report, or no text
    write("no_tables.txt", PROSE_ONLY)
    write(
        "no_municipality.txt",
        PROSE_ONLY.replace(" i Nacka", "").replace("Nacka kommuns", "Kommunens"),
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1_unclear.txt").write_bytes(b"Rapport\nKostnad \xb5 12\n")
    (folder / "all_reports.txt").write_bytes(b"Socialn\xc3\xa4mnden 12 34\n" * 120_000)  # 2.4 MiB
    (folder / "scan_2019.pdf").write_bytes(b"%PDF-1.7\n")
    write("README.md", "Rapporterna för 2019.\n")


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    folder = tmp_path_factory.mktemp("bad") / "reports"
    folder.mkdir()
    bad_folder(folder)
    output = folder.parent / "warehouse.duckdb"
    return output, run_cli("build", "--reports", str(folder), "--output", str(output))


def test_every_bad_input_gets_one_line_and_the_good_reports_publish(bad) -> None:
    output, run = bad
    assert run.code == 2
    lines = run.out
    assert lines[0] == (
        f"published {output}: 16 reports, 5 published, 3 quarantined, 8 not loaded; 2 files skipped"
    )
    not_loaded = [line for line in lines if line.startswith("NOT LOADED ")]
    assert not_loaded == [
        "NOT LOADED all_reports.txt: report not loaded: 2.4 MB, above the limit of 2.0 MB for "
        "one report (--max-report-mb): is it several reports in one file, or not a report?",
        "NOT LOADED binary.txt line 2: report not loaded: a binary file, not text (33 control "
        "bytes, the first on line 2): extract its text first (e.g. `pdftotext -layout FILE.pdf "
        "FILE.txt`)",
        "NOT LOADED empty.txt: report not loaded: the file is empty: no text to read",
        "NOT LOADED latin1_unclear.txt line 2: report not loaded: not UTF-8 (byte 0xb5 on line "
        "2) and no å, ä or ö to tell its encoding: save it as UTF-8 (e.g. `iconv -f "
        "WINDOWS-1252 -t UTF-8`)",
        "NOT LOADED nacka_t2_2014.txt: report not loaded: nacka_t2_2014_rev.txt also says it is "
        "Nacka (Social- och äldrenämnden), tertial_report 2014-01-01..2014-08-31, with another "
        "text: neither is loaded; remove the wrong one, or say which replaces which in "
        "seeds/reference/report_revisions.csv",
        "NOT LOADED nacka_t2_2014_rev.txt: report not loaded: nacka_t2_2014.txt also says it is "
        "Nacka (Social- och äldrenämnden), tertial_report 2014-01-01..2014-08-31, with another "
        "text: neither is loaded; remove the wrong one, or say which replaces which in "
        "seeds/reference/report_revisions.csv",
        "NOT LOADED no_municipality.txt: report not loaded: cannot establish its municipality "
        "from the text (no title such as `Tertialbokslut T2 2018`, no `Utfallet för perioden "
        "januari-augusti 2018`, no municipality named twice); add the report to "
        "seeds/reference/report_manifest.csv",
        "NOT LOADED scan_2019.pdf: report not loaded: a .pdf document with no scan_2019.txt "
        "beside it: extract its text first (e.g. `pdftotext -layout FILE.pdf FILE.txt`)",
    ]
    assert (
        "SKIPPED kopia av februari.txt: duplicate: the same text as Nacka månadsrapport "
        "februari 2020.txt (sha256 "
    ) in "\n".join(lines)
    assert "  SKIPPED README.md: a .md file, not a report text (*.txt)" in lines
    assert "Traceback" not in run.err


def test_broken_numbers_quarantine_their_report_with_the_root_cause(bad) -> None:
    _, run = bad
    text = "\n".join(run.out)
    for name in ("kalmar_total_off", "vetlanda_letters", "ale_missing_numbers"):
        assert f"QUARANTINED {name}.txt: its numbers break rules no reviewed entry explains" in text
    quarantined = run.out.index(
        "QUARANTINED vetlanda_letters.txt: its numbers break rules no reviewed entry explains; "
        "its facts are left out (marts.dq_quarantined_reports)"
    )
    assert run.out[quarantined + 1].startswith("  root cause at the ingest: line ")
    assert run.out[quarantined + 1].endswith(": letters inside a number ('8a43'): not read")
    # the root cause once, then every breach it explains
    assert sum("root cause at the ingest" in line for line in run.out) == 1
    assert run.out[quarantined + 2].startswith("  rows_add_up_to_total (line ")
    assert "rows_add_up_to_total" in text
    assert (
        "WARNING no_tables.txt: nothing placed: no table, indicator or status item in its 6 lines"
        in text
    )


def test_good_reports_saved_unusually_read_as_the_bundled_ones(bad) -> None:
    output, run = bad
    assert (
        f"  FINDING {NACKA_2017_T1}.txt: decoded as Windows-1252 / Latin-1, not UTF-8 (byte "
        "0xf6 on line 3; 939 letters å ä ö read that way): save it as UTF-8"
    ) in run.out
    with duckdb.connect(str(output), read_only=True) as db:
        reports = dict(db.execute("select report_id, load_status from marts.dim_report").fetchall())
        assert reports["Nacka månadsrapport februari 2020"] == "published"
        assert {reports[r] for r in (NACKA_2017_T1, NACKA_2018_T1, NORRTALJE_2025_AUG)} == {
            "published"
        }
        encodings = db.execute(
            f"""select report_id, text_encoding, line_endings from marts.dim_report
            where report_id in ('{NACKA_2017_T1}', '{NACKA_2018_T1}') order by 1"""
        ).fetchall()
        assert encodings == [
            (NACKA_2017_T1, "windows-1252", "crlf"),
            (NACKA_2018_T1, "utf-8-sig", "lf"),
        ]
        # every cell of the unusually saved reports as in the bundled warehouse
        for report_id, expected in [(NACKA_2017_T1, 72), (NORRTALJE_2025_AUG, 91)]:
            count = db.execute(
                "select count(*) from marts.fct_budget_outcome where report_id = ?", [report_id]
            ).fetchone()
            assert count == (expected,)
        assert db.execute(
            """select amount_tkr from marts.fct_budget_outcome
            where report_id = ? and row_label = 'Socialkontor' and flow = 'net'
                and basis = 'forecast' and scope = 'full_year'""",
            [NORRTALJE_2025_AUG],
        ).fetchone() == (-367842,)
        # nothing counted twice: February 2020 once
        assert db.execute(
            """select count(*) from marts.dim_report
            where municipality = 'Nacka' and period_end = '2020-02-29'"""
        ).fetchone() == (1,)
        files = dict(
            db.execute("select file_name, input_status from marts.dq_input_files").fetchall()
        )
    assert files == {
        "Nacka månadsrapport februari 2020.txt": "loaded",
        "kopia av februari.txt": "duplicate",
        f"{NACKA_2017_T1}.txt": "loaded",
        f"{NACKA_2018_T1}.txt": "loaded",
        f"{NORRTALJE_2025_AUG}.txt": "loaded",
        "nacka_t2_2014.txt": "conflict",
        "nacka_t2_2014_rev.txt": "conflict",
        "kalmar_total_off.txt": "loaded",
        "vetlanda_letters.txt": "loaded",
        "ale_missing_numbers.txt": "loaded",
        "no_tables.txt": "loaded",
        "no_municipality.txt": "not_loaded",
        "empty.txt": "unreadable",
        "binary.txt": "unreadable",
        "latin1_unclear.txt": "unreadable",
        "all_reports.txt": "unreadable",
        "scan_2019.pdf": "missing_text",
        "README.md": "skipped",
    }


def test_the_run_leaves_a_record_and_dbt_log_and_status_tells_it(bad) -> None:
    output, run = bad
    (path,) = run_records(output)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["exit_code"] == 2 and record["outcome"] == "published_partial"
    assert record["first_lines"][0] == run.out[0]
    assert record["published"] == str(output)
    inputs = {i["file_name"]: i for i in record["inputs"]}
    assert len(inputs) == 18
    assert (
        inputs[f"{NACKA_2018_T1}.txt"]["content_sha256"]
        == (
            # the BOM is not part of the text: the hash is the bundled report's
            extract_reports(REPORTS).reports[1]["content_sha256"]
        )
    )
    assert sorted(record["quarantined"]) == [
        "ale_missing_numbers.txt",
        "kalmar_total_off.txt",
        "vetlanda_letters.txt",
    ]
    steps = [step["step"] for step in record["steps"]]
    for step in (
        "ingest",
        "validate (Great Expectations)",
        "load raw tables (DuckDB)",
        "dbt parse",
        "dbt seeds",
        "dbt models",
        "dbt tests",
        "dbt build",
        "dbt docs generate",
        "publish",
    ):
        assert step in steps
    assert f"ingest {NACKA_2017_T1}.txt" in steps
    assert record["counts"]["dbt_tests"]["pass"] > 100
    # every result event of the dbt process arrived whole (its two threads write at once)
    found = next(step["detail"] for step in record["steps"] if step["step"] == "dbt parse")
    for phase, noun in (
        ("dbt_tests", "data tests"),
        ("dbt_models", "models"),
        ("dbt_seeds", "seeds"),
    ):
        expected = int(re.search(rf"(\d+) {noun}\b", found).group(1))
        assert sum(record["counts"][phase].values()) == expected, phase
    assert any("letters inside a number" in reject for reject in record["rejects"])
    dbt_log = Path(record["dbt_log"])
    assert dbt_log.parent == output.parent / "logs"
    assert "Running with dbt=" in dbt_log.read_text(encoding="utf-8")
    # the steps went to stderr as they ran, each with its time
    assert "] dbt models done in " in run.err and "] publish done in " in run.err
    status = run_cli("status", "--output", str(output))
    assert status.code == 0
    assert status.out[0].startswith(f"warehouse {output}: built ")
    assert status.out[0].endswith(
        "5 reports published, 3 quarantined, 8 not loaded, 2 files skipped"
    )
    assert any(
        line.startswith("last run ") and "published_partial (exit 2)" in line for line in status.out
    )


def test_a_folder_that_cannot_be_built_fails_in_one_line_and_creates_nothing(
    tmp_path: Path,
) -> None:
    before = _project_files()
    output = tmp_path / "out" / "warehouse.duckdb"
    run = run_cli("build", "--reports", str(tmp_path / "nowhere"), "--output", str(output))
    assert (run.code, run.out) == (
        1,
        [
            f"BUILD FAILED ({output} left as it was)",
            f"the reports folder {tmp_path / 'nowhere'} does not exist",
        ],
    )
    (tmp_path / "empty").mkdir()
    (tmp_path / "out").mkdir()
    run = run_cli("build", "--reports", str(tmp_path / "empty"), "--output", str(output))
    assert run.out[1] == f"no report texts (*.txt) in {tmp_path / 'empty'}"
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(PROSE_ONLY, encoding="utf-8")
    elsewhere = tmp_path / "missing" / "warehouse.duckdb"
    run = run_cli("build", "--reports", str(tmp_path / "reports"), "--output", str(elsewhere))
    assert run.out[1] == (
        f"the output folder {elsewhere.parent} does not exist: create it first "
        f"(mkdir -p {elsewhere.parent})"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "out", "reports"]
    # the failed runs whose output folder exists are recorded beside it
    records = [json.loads(p.read_text(encoding="utf-8")) for p in run_records(output)]
    assert [(r["exit_code"], r["first_lines"][1][:23]) for r in records] == [
        (1, "no report texts (*.txt)")
    ]
    assert _project_files() == before


def _project_files() -> set[Path]:
    skip = {".venv", ".git", ".pytest_cache", ".ruff_cache", "__pycache__", "logs", "target"}
    return {
        path.relative_to(PROJECT_ROOT)
        for path in PROJECT_ROOT.rglob("*")
        if not skip & set(path.relative_to(PROJECT_ROOT).parts)
    }


def _unprivileged(command: list[str]) -> list[str]:
    """The command as a user that cannot write everywhere: root can, so tests that need a
    read-only folder run the CLI as nobody."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]


@pytest.fixture
def shared_tmp() -> Path:
    """A temporary folder another user can enter (pytest's are the owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="unattended-"))
    folder.chmod(0o755)
    yield folder
    subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_output_folder_or_an_unreadable_reports_folder_is_one_clear_line(
    shared_tmp: Path,
) -> None:
    reports = shared_tmp / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(PROSE_ONLY, encoding="utf-8")
    reports.chmod(0o755)
    (reports / "a.txt").chmod(0o644)
    read_only = shared_tmp / "read_only"
    read_only.mkdir()
    read_only.chmod(0o555)
    done = _failed_unprivileged_build(reports, read_only / "w.duckdb")
    assert done.stdout.splitlines()[:2] == [
        f"BUILD FAILED ({read_only / 'w.duckdb'} left as it was)",
        f"cannot write in the output folder {read_only} (read-only or not ours): the build "
        "writes its scratch folder, lock and logs beside the output",
    ]
    unreadable = shared_tmp / "unreadable"
    unreadable.mkdir()
    unreadable.chmod(0o000)
    writable = shared_tmp / "out"
    writable.mkdir()
    writable.chmod(0o777)
    done = _failed_unprivileged_build(unreadable, writable / "w.duckdb")
    assert done.stdout.splitlines()[1] == (
        f"cannot read the reports folder {unreadable}: permission denied"
    )


def _failed_unprivileged_build(reports: Path, output: Path) -> subprocess.CompletedProcess:
    """A build run as a user that cannot write everywhere, which fails in a verdict
    (exit 1), never a traceback."""
    command = [sys.executable, "-m", "ingest.cli", "build", "--quiet", "--reports", str(reports)]
    done = subprocess.run(
        _unprivileged([*command, "--output", str(output)]),
        capture_output=True,
        text=True,
        cwd=output.parent.parent,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return done


def _start(reports: Path, output: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "ingest.cli", "build", "--reports", str(reports)]
    return subprocess.Popen(
        [*command, "--output", str(output), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: killed with its dbt
    )


def _wait_for(condition, seconds: float = 120) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _one_report(folder: Path, report_id: str) -> Path:
    folder.mkdir()
    (folder / f"{report_id}.txt").write_text(bundled(report_id), encoding="utf-8")
    return folder


def _reports_in(output: Path) -> list[str]:
    with duckdb.connect(str(output), read_only=True) as db:
        return [r for (r,) in db.execute("select report_id from marts.dim_report").fetchall()]


def test_a_second_build_of_one_output_waits_or_gives_up(tmp_path: Path) -> None:
    before = _project_files()
    first_reports = _one_report(tmp_path / "first", NACKA_2020_FEB)
    second_reports = _one_report(tmp_path / "second", NACKA_2017_T1)
    output = tmp_path / "warehouse.duckdb"
    first = _start(first_reports, output)
    _wait_for(lambda: holder_path(output).exists())
    busy = subprocess.run(
        [
            sys.executable,
            "-m",
            "ingest.cli",
            "build",
            "--reports",
            str(second_reports),
            "--output",
            str(output),
            "--no-wait",
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert busy.returncode == 3
    assert busy.stdout.startswith(
        f"NOT RUN: another build of {output} is running (pid {first.pid} on "
    )
    assert busy.stdout.rstrip().endswith(f"; nothing published, {output} left as it was")
    second = _start(second_reports, output)
    first_out, first_err = first.communicate(timeout=300)
    second_out, second_err = second.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 0), first_err + second_err
    assert first_out.startswith(f"published {output}: 1 reports, 1 published")
    assert second_out.startswith(f"published {output}: 1 reports, 1 published")
    assert f"waiting for the build of {output} that is running (pid {first.pid} on " in second_err
    # the second waited, so it published last: its report is the warehouse
    assert _reports_in(output) == [NACKA_2017_T1]
    records = [json.loads(p.read_text(encoding="utf-8")) for p in run_records(output)]
    assert sorted(r["exit_code"] for r in records) == [0, 0, 3]
    assert not holder_path(output).exists()
    # builds from another folder to another output leave nothing in the project
    assert _project_files() == before


def test_a_killed_build_leaves_the_last_warehouse_and_the_next_cleans_up(tmp_path: Path) -> None:
    reports = _one_report(tmp_path / "reports", NACKA_2020_FEB)
    output = tmp_path / "warehouse.duckdb"
    output.write_bytes(b"last good warehouse")
    killed = _start(reports, output)
    # killed while dbt builds into its scratch folder
    _wait_for(lambda: any(tmp_path.glob("warehouse.duckdb.build-*/dbt-logs/dbt.log")))
    time.sleep(2)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    assert output.read_bytes() == b"last good warehouse"
    (left,) = tmp_path.glob("warehouse.duckdb.build-*")
    assert holder_path(output).exists()
    run = run_cli("build", "--reports", str(reports), "--output", str(output))
    assert run.code == 0, run.out
    assert f"took over the lock of a build that did not finish (pid {killed.pid} on " in run.err
    assert f"removed {left.name}, left by a build that did not finish" in run.err
    assert list(tmp_path.glob("warehouse.duckdb.build-*")) == []
    assert not holder_path(output).exists()
    assert lock_path(output).exists() is False or lock_path(output).stat().st_size == 0
    assert _reports_in(output) == [NACKA_2020_FEB]
