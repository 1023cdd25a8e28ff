"""The ingest's raw tables, defined here once: one per record kind of the extraction, its
columns in order with their DuckDB types and what a row is.

Everything else follows this module: the record builders (records.py), the CSV files
(seeds.py), the raw schema the build loads into DuckDB with DuckDB's own CSV reader
(raw.py), and the dbt sources file (`models/staging/_sources.yml`, rendered by
`sources_yml`; a test keeps the committed file current).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class RawTable:
    kind: str  # the Extraction attribute that holds the records
    description: str  # what one row is
    columns: dict[str, str]  # column -> DuckDB type, in file order

    @property
    def column_names(self) -> list[str]:
        return list(self.columns)


RAW_SCHEMA = "raw"
SOURCE_NAME = "ingest"

RAW_TABLES: dict[str, RawTable] = {
    "raw_reports": RawTable(
        "reports",
        (
            "One row per report loaded: its metadata with the evidence, and its file: content "
            "hash, encoding, line endings, size."
        ),
        {
            "report_id": "VARCHAR",
            "file_name": "VARCHAR",
            "municipality": "VARCHAR",
            "municipality_code": "VARCHAR",
            "committee": "VARCHAR",
            "report_kind": "VARCHAR",
            "period_start": "DATE",
            "period_end": "DATE",
            "metadata_source": "VARCHAR",
            "metadata_evidence": "VARCHAR",
            "content_sha256": "VARCHAR",
            "text_encoding": "VARCHAR",
            "line_endings": "VARCHAR",
            "file_bytes": "BIGINT",
            "line_count": "INTEGER",
        },
    ),
    "raw_report_tables": RawTable(
        "tables",
        (
            "One row per table read (a family's, or generic), with its title key, unit, why a "
            "family's table was read generically, and why it looks cut off."
        ),
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "table_family": "VARCHAR",
            "table_title": "VARCHAR",
            "title_line": "INTEGER",
            "header_last_line": "INTEGER",
            "last_line": "INTEGER",
            "column_count": "INTEGER",
            "header_text": "VARCHAR",
            "title_key": "VARCHAR",
            "unit": "VARCHAR",
            "read_note": "VARCHAR",
            "truncation": "VARCHAR",
        },
    ),
    "raw_table_columns": RawTable(
        "columns",
        "One row per table column header.",
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "column_number": "INTEGER",
            "column_header": "VARCHAR",
            "header_key": "VARCHAR",
            "header_line": "INTEGER",
        },
    ),
    "raw_table_rows": RawTable(
        "rows",
        "One row per table row.",
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "row_number": "INTEGER",
            "row_label": "VARCHAR",
            "row_role": "VARCHAR",
            "is_varav": "BOOLEAN",
            "parent_row_number": "INTEGER",
            "role_evidence": "VARCHAR",
            "label_line": "INTEGER",
            "source_line": "INTEGER",
            "resolution": "VARCHAR",
        },
    ),
    "raw_table_cells": RawTable(
        "cells",
        "One row per table cell.",
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "row_number": "INTEGER",
            "column_number": "INTEGER",
            "printed_text": "VARCHAR",
            "amount": "DECIMAL(18,4)",
            "printed_unit": "VARCHAR",
            "source_line": "INTEGER",
        },
    ),
    "raw_indicator_rows": RawTable(
        "indicator_rows",
        "One row per indicator table row (label, level, unit, assessment).",
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "table_layout": "VARCHAR",
            "table_title": "VARCHAR",
            "title_line": "INTEGER",
            "row_number": "INTEGER",
            "goal_area": "VARCHAR",
            "indicator": "VARCHAR",
            "indicator_level": "VARCHAR",
            "responsible_unit": "VARCHAR",
            "reported_assessment": "VARCHAR",
            "reported_trend": "VARCHAR",
            "label_line": "INTEGER",
            "source_line": "INTEGER",
            "placement": "VARCHAR",
        },
    ),
    "raw_indicator_values": RawTable(
        "indicator_values",
        "One row per indicator table cell, empty ones included, with its column's role and period.",
        {
            "report_id": "VARCHAR",
            "table_id": "VARCHAR",
            "row_number": "INTEGER",
            "column_number": "INTEGER",
            "column_header": "VARCHAR",
            "value_role": "VARCHAR",
            "period_start": "DATE",
            "period_end": "DATE",
            "printed_text": "VARCHAR",
            "value": "DECIMAL(18,4)",
            "is_percent": "BOOLEAN",
            "source_line": "INTEGER",
        },
    ),
    "raw_status_items": RawTable(
        "status_items",
        "One row per goal, assignment, initiative or action with its status or assessment.",
        {
            "report_id": "VARCHAR",
            "item_number": "INTEGER",
            "item_kind": "VARCHAR",
            "goal_area": "VARCHAR",
            "sub_goal": "VARCHAR",
            "item": "VARCHAR",
            "responsible_unit": "VARCHAR",
            "completion_forecast": "VARCHAR",
            "due_date": "DATE",
            "status": "VARCHAR",
            "reported_assessment": "VARCHAR",
            "reported_trend": "VARCHAR",
            "comment": "VARCHAR",
            "comment_date": "DATE",
            "label_line": "INTEGER",
            "source_line": "INTEGER",
        },
    ),
    "raw_line_coverage": RawTable(
        "line_coverage",
        (
            "One row per table-shaped line (or line a reader placed) and its fate: placed (where)"
            " or rejected."
        ),
        {
            "report_id": "VARCHAR",
            "source_line": "INTEGER",
            "outcome": "VARCHAR",
            "placed_in": "VARCHAR",
            "table_id": "VARCHAR",
        },
    ),
    "raw_input_files": RawTable(
        "input_files",
        (
            "One row per entry of the reports folder: its size and content hash, how it was "
            "decoded, and whether it was loaded, skipped as a duplicate or superseded, not loaded"
            " (a conflict, unreadable) or skipped (not a report text), with why."
        ),
        {
            "file_name": "VARCHAR",
            "report_id": "VARCHAR",
            "file_bytes": "BIGINT",
            "content_sha256": "VARCHAR",
            "text_encoding": "VARCHAR",
            "line_endings": "VARCHAR",
            "input_status": "VARCHAR",
            "same_as_file": "VARCHAR",
            "detail": "VARCHAR",
        },
    ),
    "raw_ingest_rejects": RawTable(
        "rejects",
        "One row per line or report that could not be placed.",
        {
            "report_id": "VARCHAR",
            "file_name": "VARCHAR",
            "source_line": "INTEGER",
            "table_id": "VARCHAR",
            "row_label": "VARCHAR",
            "printed_text": "VARCHAR",
            "reason": "VARCHAR",
        },
    ),
}


@dataclass(frozen=True)
class PrintedRows:
    """One report's records of a raw table, already printed as the rows of its CSV file
    (seeds.py): what the parse cache keeps, so a rebuild loads them without reading them."""

    report_id: str
    text: str
    count: int


class RecordList:
    """The records of one raw table, kept as tuples in the table's column order (a dict per
    row cost about 0.5 KB more: 1.4 GB at 10 000 reports). Appends take records (dicts whose
    keys are exactly the table's columns, in order); reading gives read-only mappings (a
    change to one would be lost, so it fails): replace a record by assigning it.

    Reports read back from the parse cache come as printed rows (`printed`): they count, are
    loaded and can be chosen by report, but reading them as records fails, loudly."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.columns = KIND_COLUMNS[kind]
        self.rows: list[tuple] = []
        self.printed: list[PrintedRows] = []

    def append(self, record: Mapping[str, Any]) -> None:
        self.rows.append(self._row(record))

    def extend(self, records: Iterable[Mapping[str, Any]]) -> None:
        if isinstance(records, RecordList):
            self.rows.extend(records.rows)
            self.printed.extend(records.printed)
            return
        self.rows.extend(self._row(record) for record in records)

    def of_reports(self, report_ids: Collection[str]) -> RecordList:
        """The records of these reports."""
        chosen, position = RecordList(self.kind), self.columns.index("report_id")
        chosen.rows = [row for row in self.rows if row[position] in report_ids]
        chosen.printed = [part for part in self.printed if part.report_id in report_ids]
        return chosen

    def _row(self, record: Mapping[str, Any]) -> tuple:
        if list(record) != self.columns:
            raise ValueError(
                f"a {self.kind} record has columns {list(record)}, "
                f"the raw table (schema.py) {self.columns}"
            )
        return tuple(record.values())

    def __len__(self) -> int:
        return len(self.rows) + sum(part.count for part in self.printed)

    def _record(self, row: tuple) -> Mapping[str, Any]:
        return MappingProxyType(dict(zip(self.columns, row, strict=True)))

    def readable_rows(self) -> list[tuple]:
        """The rows, when none came printed from the parse cache (else ValueError)."""
        if self.printed:
            raise ValueError(
                f"{sum(p.count for p in self.printed)} {self.kind} records of "
                f"{len(self.printed)} reports are printed rows from the parse cache, not records: "
                "read them from the raw table"
            )
        return self.rows

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        return (self._record(row) for row in self.readable_rows())

    def __getitem__(self, index: int | slice) -> Any:
        rows = self.readable_rows()
        if isinstance(index, slice):
            return [self._record(row) for row in rows[index]]
        return self._record(rows[index])

    def __setitem__(self, index: int, record: Mapping[str, Any]) -> None:
        self.rows[index] = self._row(record)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RecordList | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        printed = f", {len(self) - len(self.rows)} printed" if self.printed else ""
        return f"RecordList({self.kind!r}, {len(self.rows)} rows{printed})"


def sources_yml() -> str:
    """The dbt sources file for the raw tables (models/staging/_sources.yml)."""
    lines = [
        "# Rendered from ingest/schema.py by `warehouse schema`; do not edit by hand.",
        "version: 2",
        "",
        "sources:",
        f"  - name: {SOURCE_NAME}",
        f"    schema: {RAW_SCHEMA}",
        '    description: "What the ingest read from the reports, loaded into DuckDB by the'
        " build (DuckDB's CSV reader, the types of ingest/schema.py).\"",
        "    tables:",
    ]
    for name, table in RAW_TABLES.items():
        lines += [f"      - name: {name}", f"        description: {_quoted(table.description)}"]
        lines.append("        columns:")
        for column, data_type in table.columns.items():
            lines += [f"          - name: {column}", f"            data_type: {data_type.lower()}"]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


KIND_COLUMNS: dict[str, list[str]] = {t.kind: t.column_names for t in RAW_TABLES.values()}
