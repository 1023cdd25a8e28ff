"""Write an extraction as dbt seed CSVs (one file per record kind, fixed columns)."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest.extract import Extraction, Record

SEED_COLUMNS: dict[str, list[str]] = {
    "raw_reports": [
        "report_id",
        "file_name",
        "municipality",
        "municipality_code",
        "committee",
        "report_kind",
        "period_start",
        "period_end",
        "metadata_source",
    ],
    "raw_report_tables": [
        "report_id",
        "table_id",
        "table_family",
        "table_title",
        "title_line",
        "header_last_line",
        "last_line",
        "column_count",
        "header_text",
    ],
    "raw_table_columns": ["report_id", "table_id", "column_number", "column_header", "header_line"],
    "raw_table_rows": [
        "report_id",
        "table_id",
        "row_number",
        "row_label",
        "row_role",
        "is_varav",
        "parent_row_number",
        "role_evidence",
        "label_line",
        "source_line",
        "resolution",
    ],
    "raw_table_cells": [
        "report_id",
        "table_id",
        "row_number",
        "column_number",
        "printed_text",
        "amount",
        "source_line",
    ],
    "raw_indicator_rows": [
        "report_id",
        "table_id",
        "table_layout",
        "table_title",
        "title_line",
        "row_number",
        "goal_area",
        "indicator",
        "indicator_level",
        "responsible_unit",
        "reported_assessment",
        "reported_trend",
        "label_line",
        "source_line",
        "placement",
    ],
    "raw_indicator_values": [
        "report_id",
        "table_id",
        "row_number",
        "column_number",
        "column_header",
        "value_role",
        "period_start",
        "period_end",
        "printed_text",
        "value",
        "is_percent",
        "source_line",
    ],
    "raw_status_items": [
        "report_id",
        "item_number",
        "item_kind",
        "goal_area",
        "sub_goal",
        "item",
        "responsible_unit",
        "completion_forecast",
        "due_date",
        "status",
        "reported_assessment",
        "reported_trend",
        "comment",
        "comment_date",
        "label_line",
        "source_line",
    ],
    "raw_ingest_rejects": [
        "report_id",
        "file_name",
        "source_line",
        "table_id",
        "row_label",
        "printed_text",
        "reason",
    ],
}

_RECORDS = {
    "raw_reports": "reports",
    "raw_report_tables": "tables",
    "raw_table_columns": "columns",
    "raw_table_rows": "rows",
    "raw_table_cells": "cells",
    "raw_indicator_rows": "indicator_rows",
    "raw_indicator_values": "indicator_values",
    "raw_status_items": "status_items",
    "raw_ingest_rejects": "rejects",
}


def _format(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_seeds(extraction: Extraction, seeds_dir: Path) -> dict[str, int]:
    """Write every seed file (header row even when empty); returns rows written per seed."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for seed, columns in SEED_COLUMNS.items():
        records: list[Record] = getattr(extraction, _RECORDS[seed])
        with (seeds_dir / f"{seed}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for record in records:
                writer.writerow([_format(record.get(column)) for column in columns])
        counts[seed] = len(records)
    return counts
