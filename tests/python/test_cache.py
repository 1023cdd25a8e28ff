"""Parsing kept between builds and spread over the cores: the records are the same as a
fresh parse in one process, and a change to a report, its file, the code or the reviewed
data parses it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cache import ParseCache
from ingest.extract import RECORD_KINDS, Extraction
from ingest.folder import extract_folder
from ingest.inputs import decode_report, read_reports_folder
from ingest.reviewed import read_reviewed
from ingest.seeds import write_seeds

from .conftest import NACKA_2017_T1, NACKA_2020_FEB, REPORTS
from .next_reports import next_report

REVIEWED = read_reviewed()


def records(extraction: Extraction) -> dict[str, list]:
    return {kind: getattr(extraction, kind) for kind in RECORD_KINDS}


def raw_files(extraction: Extraction, folder: Path) -> dict[str, list[str]]:
    """The raw tables' CSV files the build loads, each file's lines as a set would be."""
    write_seeds(extraction, folder)
    return {
        path.name: sorted(path.read_text(encoding="utf-8").splitlines())
        for path in folder.iterdir()
    }


def test_a_second_build_loads_the_same_raw_tables_from_the_cache(tmp_path: Path) -> None:
    folder = read_reports_folder(REPORTS)
    fresh = extract_folder(folder, REVIEWED)
    cache = ParseCache(tmp_path / "cache")
    first = extract_folder(folder, REVIEWED, cache=cache)
    assert records(first) == records(fresh)
    assert (cache.hits, len(list((tmp_path / "cache").glob("*.staged")))) == (0, 5)
    # parsed, not yet validated: a build commits them once Great Expectations passed them
    assert ParseCache(tmp_path / "cache").get(folder.texts[0]) is None
    cache.commit()
    again = ParseCache(tmp_path / "cache")
    second = extract_folder(folder, REVIEWED, cache=again)
    assert (again.hits, again.staged) == (5, {})
    # the cache keeps the records as the rows of the raw files: the same rows are loaded
    assert raw_files(second, tmp_path / "second") == raw_files(fresh, tmp_path / "fresh")
    assert {kind: len(getattr(second, kind)) for kind in RECORD_KINDS} == {
        kind: len(getattr(fresh, kind)) for kind in RECORD_KINDS
    }
    assert second.reports == fresh.reports and second.rejects == fresh.rejects
    with pytest.raises(ValueError, match="cells records of 5 reports are printed rows"):
        list(second.cells)


def test_a_changed_report_file_code_or_review_is_parsed_again(tmp_path: Path) -> None:
    path = REPORTS / f"{NACKA_2020_FEB}.txt"
    original = path.read_bytes()
    text = decode_report(path, original)
    cache = ParseCache(tmp_path)
    cache.put(text, "records")
    assert ParseCache(tmp_path).get(text) == "records"
    changed = decode_report(path, original.replace(b"Nacka", b"Nacka ", 1))
    crlf = decode_report(path, original.replace(b"\n", b"\r\n"))
    assert crlf.content_sha256 == text.content_sha256  # the same text, another file
    renamed = decode_report(tmp_path / "februari.txt", original)
    for other in (changed, crlf, renamed):
        assert ParseCache(tmp_path).get(other) is None
    assert ParseCache(tmp_path, code_fingerprint="another ingest").get(text) is None
    # a damaged entry is a miss, never an error
    (entry,) = tmp_path.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert ParseCache(tmp_path).get(text) is None


def test_what_no_build_asked_for_is_pruned(tmp_path: Path) -> None:
    texts = [decode_report(p, p.read_bytes()) for p in sorted(REPORTS.glob("*.txt"))]
    cache = ParseCache(tmp_path)
    for text in texts:
        cache.put(text, text.report_id)
    later = ParseCache(tmp_path)
    assert later.get(texts[0]) == texts[0].report_id
    assert later.prune() == 4
    assert len(list(tmp_path.iterdir())) == 1


def test_parsing_on_every_core_gives_the_records_of_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed, municipality in enumerate(["Kalmar", "Vetlanda", "Ale", "Kiruna", "Lund"]):
        for source in (NACKA_2017_T1, NACKA_2020_FEB):
            report = next_report(source, municipality, seed)
            (folder / f"{report.name}.txt").write_text(report.text, encoding="utf-8")
    read = read_reports_folder(folder)
    assert len(read.texts) == 10
    serial = extract_folder(read, REVIEWED, workers=1)
    parallel = extract_folder(read, REVIEWED, workers=2)
    assert records(parallel) == records(serial)
    assert serial.loaded_files == 10
