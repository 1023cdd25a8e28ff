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
