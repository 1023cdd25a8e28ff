"""The Great Expectations suites on the ingest output: the real reports pass, broken records
are named by seed and expectation."""

from ingest.folder import extract_reports
from ingest.validate import validate_extraction

from .conftest import REPORTS


def extraction():
    return extract_reports(REPORTS)


def test_the_real_reports_pass_validation() -> None:
    assert validate_extraction(extraction()) == []


def test_broken_indicator_and_status_records_fail_validation() -> None:
    broken = extraction()
    broken.indicator_values[1]["printed_text"] = "54 %"  # a unit left in the cell
    broken.indicator_values[2]["value_role"] = "budget"
    broken.indicator_rows[0]["reported_assessment"] = "Nästan uppfyllt"
    broken.status_items[-1]["item_number"] = broken.status_items[-2]["item_number"]
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
