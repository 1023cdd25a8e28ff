"""The Great Expectations suites on the ingest output: the real reports pass, broken records
are named by seed and expectation."""

from pathlib import Path

from ingest.build import validate_parsed
from ingest.cache import ParseCache
from ingest.folder import extract_reports
from ingest.run.progress import Progress
from ingest.validate import validate_extraction

from .conftest import NACKA_2020_FEB, REPORTS
from .next_reports import next_report


def extraction():
    return extract_reports(REPORTS)


def test_the_real_reports_pass_validation() -> None:
    assert validate_extraction(extraction()) == []


def test_broken_indicator_and_status_records_fail_validation() -> None:
    broken = extraction()
    values, rows, items = broken.indicator_values, broken.indicator_rows, broken.status_items
    values[1] = {**values[1], "printed_text": "54 %"}  # a unit left in the cell
    values[2] = {**values[2], "value_role": "budget"}
    rows[0] = {**rows[0], "reported_assessment": "Nästan uppfyllt"}
    items[-1] = {**items[-1], "item_number": items[-2]["item_number"]}
    failures = {(f.seed, f.expectation) for f in validate_extraction(broken)}
    assert failures == {
        ("raw_indicator_values", "expect_column_values_to_match_regex"),
        ("raw_indicator_values", "expect_column_values_to_be_in_set"),
        ("raw_indicator_rows", "expect_column_values_to_be_in_set"),
        ("raw_status_items", "expect_compound_columns_to_be_unique"),
    }


def test_a_record_that_drifts_from_the_schema_fails_validation() -> None:
    broken = extraction()
    for record in broken.input_files:
        record["encoding"] = record.pop("text_encoding")  # a builder renamed a column
    failures = {(f.seed, f.expectation) for f in validate_extraction(broken)}
    assert failures == {("raw_input_files", "expect_table_columns_to_match_ordered_list")}


def test_a_build_validates_the_reports_it_parsed_and_keeps_them_once_they_pass(
    tmp_path: Path,
) -> None:
    reports, cache_dir = tmp_path / "reports", tmp_path / "cache"
    reports.mkdir()
    for path in sorted(REPORTS.glob("*.txt")):
        (reports / path.name).symlink_to(path)
    first = ParseCache(cache_dir)
    assert validate_parsed(extract_reports(reports, cache=first), first, Progress(None)) == []
    assert len(list(cache_dir.glob("*.pickle"))) == 5 and not first.staged

    report = next_report(NACKA_2020_FEB, "Kiruna", 3)
    (reports / f"{report.name}.txt").write_text(report.text, encoding="utf-8")
    second, progress = ParseCache(cache_dir), Progress(None)
    broken = extract_reports(reports, cache=second)
    assert (second.hits, list(second.staged)) == (5, [report.name])
    rows = broken.indicator_rows  # the cached reports' are printed rows, the new one's records
    index = next(i for i, row in enumerate(rows.rows) if row[0] == report.name)
    record = dict(zip(rows.columns, rows.rows[index], strict=True))
    rows[index] = {**record, "reported_assessment": "Nästan uppfyllt"}
    failures = validate_parsed(broken, second, progress)
    assert {(f.seed, f.expectation) for f in failures} == {
        ("raw_indicator_rows", "expect_column_values_to_be_in_set")
    }
    (step,) = progress.steps
    assert step.detail == "1 report parsed by this build; 5 from the parse cache passed before"
    # the report that failed is not kept: the next build parses and validates it again
    assert len(list(cache_dir.glob("*.pickle"))) == 5
    third = ParseCache(cache_dir)
    extract_reports(reports, cache=third)
    assert (third.hits, list(third.staged)) == (5, [report.name])
