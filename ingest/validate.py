"""Validate the ingest output with Great Expectations (GX Core) before dbt loads it.

The expectations guard the contract between the ingest and the warehouse: every raw table's
columns as schema.py defines them, keys present and unique, vocabularies closed, every
number traceable to a line.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import pandas as pd

from ingest.extract import Extraction
from ingest.metadata import REPORT_KINDS
from ingest.schema import RAW_TABLES, RecordList

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@dataclass(frozen=True)
class Failure:
    seed: str
    expectation: str
    detail: str

    def __str__(self) -> str:
        return f"{self.seed}: {self.expectation} failed ({self.detail})"


def _suites(gx) -> dict[str, list]:  # noqa: ANN001 - the gx module, imported lazily
    e = gx.expectations
    return {
        "raw_reports": [
            e.ExpectColumnValuesToBeUnique(column="report_id"),
            e.ExpectColumnValuesToNotBeNull(column="municipality"),
            e.ExpectColumnValuesToMatchRegex(column="municipality_code", regex=r"^\d{4}$"),
            e.ExpectColumnValuesToBeInSet(
                column="report_kind",
                value_set=list(REPORT_KINDS),
            ),
            e.ExpectColumnValuesToNotBeNull(column="period_start"),
            e.ExpectColumnValuesToNotBeNull(column="period_end"),
        ],
        "raw_table_rows": [
            e.ExpectCompoundColumnsToBeUnique(column_list=["report_id", "table_id", "row_number"]),
            e.ExpectColumnValuesToNotBeNull(column="row_label"),
            e.ExpectColumnValuesToBeInSet(
                column="row_role", value_set=["line", "subtotal", "total"]
            ),
            e.ExpectColumnValuesToBeInSet(column="resolution", value_set=["unique", "arithmetic"]),
            e.ExpectColumnValuesToNotBeNull(column="source_line"),
        ],
        "raw_table_cells": [
            e.ExpectCompoundColumnsToBeUnique(
                column_list=["report_id", "table_id", "row_number", "column_number"]
            ),
            e.ExpectColumnValuesToNotBeNull(column="source_line"),
            e.ExpectColumnValuesToMatchRegex(
                column="printed_text", regex=r"^(?:- ?)?\d{1,3}(?: \d{3})*(?:,\d+)?$|^-?\d+$"
            ),
        ],
        "raw_indicator_rows": [
            e.ExpectCompoundColumnsToBeUnique(column_list=["report_id", "table_id", "row_number"]),
            e.ExpectColumnValuesToNotBeNull(column="indicator"),
            e.ExpectColumnValuesToBeInSet(column="indicator_level", value_set=["KF", "Nämnd", "N"]),
            e.ExpectColumnValuesToBeInSet(
                column="reported_assessment",
                value_set=[
                    "Uppfyllt",
                    "Delvis uppfyllt",
                    "Ej uppfyllt",
                    "Inget värde angivet",
                    "Ej utvärderad",
                ],
            ),
            e.ExpectColumnValuesToNotBeNull(column="source_line"),
            e.ExpectColumnValuesToBeInSet(column="placement", value_set=["spacing", "override"]),
        ],
        "raw_indicator_values": [
            e.ExpectCompoundColumnsToBeUnique(
                column_list=["report_id", "table_id", "row_number", "column_number"]
            ),
            e.ExpectColumnValuesToBeInSet(
                column="value_role", value_set=["actual", "target", "forecast"]
            ),
            e.ExpectColumnValuesToNotBeNull(column="period_start"),
            e.ExpectColumnValuesToNotBeNull(column="period_end"),
            e.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="period_end", column_B="period_start", or_equal=False
            ),
            e.ExpectColumnValuesToMatchRegex(
                column="printed_text", regex=r"^(?:-?\d{1,3}(?: \d{3})*(?:,\d+)?|-?\d+|-)?$"
            ),
        ],
        "raw_status_items": [
            e.ExpectCompoundColumnsToBeUnique(column_list=["report_id", "item_number"]),
            e.ExpectColumnValuesToNotBeNull(column="item"),
            e.ExpectColumnValuesToBeInSet(
                column="item_kind",
                value_set=[
                    "goal_area",
                    "assignment",
                    "committee_initiative",
                    "operational_goal",
                    "action",
                ],
            ),
            e.ExpectColumnValuesToMatchRegex(column="due_date", regex=r"^\d{4}-\d\d-\d\d$"),
            e.ExpectColumnValuesToNotBeNull(column="source_line"),
        ],
        "raw_table_columns": [
            e.ExpectCompoundColumnsToBeUnique(
                column_list=["report_id", "table_id", "column_number"]
            ),
            e.ExpectColumnValuesToNotBeNull(column="column_header"),
            e.ExpectColumnValuesToNotBeNull(column="header_key"),
        ],
        "raw_line_coverage": [
            e.ExpectCompoundColumnsToBeUnique(column_list=["report_id", "source_line"]),
            e.ExpectColumnValuesToBeInSet(column="outcome", value_set=["placed", "rejected"]),
        ],
    }


def _frame(extraction: Extraction, name: str) -> pd.DataFrame:
    """A raw table's records as a frame, columns as the builders made them (one at a time:
    at scale every table's frame at once would double the records' memory)."""
    records = getattr(extraction, RAW_TABLES[name].kind)
    frame = (
        pd.DataFrame.from_records(records.readable_rows(), columns=records.columns)
        if isinstance(records, RecordList) and records
        else pd.DataFrame(list(records))
    )
    if name == "raw_table_cells" and not frame.empty:
        return frame[frame["amount"].notna()]  # empty cells print no number
    return frame


def _schema_suites(gx) -> dict[str, list]:  # noqa: ANN001 - the gx module
    """Every raw table's columns, in order, as schema.py defines them: a builder that
    drifts from the schema fails here, before DuckDB loads its file."""
    e = gx.expectations
    return {
        name: [e.ExpectTableColumnsToMatchOrderedList(column_list=table.column_names)]
        for name, table in RAW_TABLES.items()
    }


def validate_extraction(extraction: Extraction) -> list[Failure]:
    """Run the expectation suites; return the failed expectations (empty when all pass)."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas(name="ingest")
    failures: list[Failure] = []
    suites = _schema_suites(gx)
    for seed, expectations in _suites(gx).items():
        suites[seed] += expectations
    for seed, expectations in suites.items():
        frame = _frame(extraction, seed)
        if frame.empty:
            continue
        batch = (
            source.add_dataframe_asset(name=seed)
            .add_batch_definition_whole_dataframe(f"{seed}_all")
            .get_batch(batch_parameters={"dataframe": frame})
        )
        suite = gx.ExpectationSuite(name=seed, expectations=expectations)
        result = batch.validate(suite)
        for outcome in result.results:
            if not outcome.success:
                details = outcome.result.get("partial_unexpected_list", [])
                failures.append(
                    Failure(seed, outcome.expectation_config.type, f"examples: {details[:5]}")
                )
    return failures
