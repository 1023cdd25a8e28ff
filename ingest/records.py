"""The builders that turn what the readers found into records with provenance (report,
table, line), in the layouts of schema.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.coverage import LineOutcome
from ingest.goals import StatusItem
from ingest.headers.keys import period_key
from ingest.indicators import IndicatorTable
from ingest.inputs import ReportText
from ingest.metadata import ReportMetadata
from ingest.rejects import Reject
from ingest.schema import RAW_TABLES
from ingest.tables import Table

Record = dict[str, Any]


def table_slug(title: str) -> str:
    slug = title.lower().translate(str.maketrans("åäö", "aao"))
    return re.sub(r"[^a-z0-9]+", "_", slug).strip("_")


def unique_table_ids(titles: list[str]) -> list[str]:
    """One id per table of a report: its title's slug, numbered from the second on."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for title in titles:
        slug = table_slug(title)
        seen[slug] = seen.get(slug, 0) + 1
        ids.append(slug if seen[slug] == 1 else f"{slug}_{seen[slug]}")
    return ids


def report_record(metadata: ReportMetadata, text: ReportText) -> Record:
    return {
        "report_id": metadata.report_id,
        "file_name": text.path.name,
        "municipality": metadata.municipality,
        "municipality_code": metadata.municipality_code,
        "committee": metadata.committee,
        "report_kind": metadata.report_kind,
        "period_start": metadata.period_start,
        "period_end": metadata.period_end,
        "metadata_source": metadata.source,
        "metadata_evidence": metadata.evidence,
        "content_sha256": text.content_sha256,
        "text_encoding": text.encoding,
        "line_endings": text.line_endings,
        "file_bytes": text.size_bytes,
        "line_count": line_count(text.text),
    }


def line_count(text: str) -> int:
    """Lines as an editor counts them: a final line break ends the last line, it starts none."""
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def text_file_record(
    text: ReportText, status: str, detail: str | None = None, same_as: str | None = None
) -> Record:
    """The input record of a report text read: loaded, or why not."""
    details = [d for d in (*text.findings, detail) if d]
    return {
        "file_name": text.path.name,
        "report_id": text.report_id,
        "file_bytes": text.size_bytes,
        "content_sha256": text.content_sha256,
        "text_encoding": text.encoding,
        "line_endings": text.line_endings,
        "input_status": status,
        "same_as_file": same_as,
        "detail": "; ".join(details) or None,
    }


def entry_record(
    path: Path, status: str, detail: str, report_id: str | None = None, size: int | None = None
) -> Record:
    """The input record of a folder entry that is no readable report text."""
    return {
        "file_name": path.name,
        "report_id": report_id,
        "file_bytes": size,
        "content_sha256": None,
        "text_encoding": None,
        "line_endings": None,
        "input_status": status,
        "same_as_file": None,
        "detail": detail,
    }


def table_records(
    report_id: str, table_id: str, table: Table, report_year: int
) -> dict[str, list[Record]]:
    keys = {"report_id": report_id, "table_id": table_id}
    tables = [
        keys
        | {
            "table_family": table.family.name,
            "table_title": table.title,
            "title_line": table.title_line,
            "header_last_line": table.header_last_line,
            "last_line": table.last_line,
            "column_count": len(table.columns),
            "header_text": table.header_text,
            "title_key": period_key(table.title, report_year),
            "unit": table.unit,
            "read_note": table.note,
            "truncation": table.truncation,
        }
    ]
    columns = [
        keys
        | {
            "column_number": number,
            "column_header": header,
            "header_key": period_key(header, report_year),
            "header_line": table.header_last_line,
        }
        for number, header in enumerate(table.columns, start=1)
    ]
    rows: list[Record] = []
    cells: list[Record] = []
    for row in table.rows:
        rows.append(
            keys
            | {
                "row_number": row.row_number,
                "row_label": row.label,
                "row_role": row.role,
                "is_varav": row.is_varav,
                "parent_row_number": row.parent_row_number,
                "role_evidence": row.role_evidence,
                "label_line": row.label_line,
                "source_line": row.source_line,
                "resolution": row.resolution,
            }
        )
        units = row.units or (None,) * len(row.cells)
        for number, (cell, unit) in enumerate(zip(row.cells, units, strict=True), start=1):
            cells.append(
                keys
                | {
                    "row_number": row.row_number,
                    "column_number": number,
                    "printed_text": cell.text,
                    "amount": cell.value,
                    "printed_unit": unit,
                    "source_line": row.source_line,
                }
            )
    return {"tables": tables, "columns": columns, "rows": rows, "cells": cells}


def indicator_records(
    report_id: str, table_id: str, table: IndicatorTable
) -> dict[str, list[Record]]:
    keys = {"report_id": report_id, "table_id": table_id}
    rows: list[Record] = []
    values: list[Record] = []
    for row in table.rows:
        rows.append(
            keys
            | {
                "table_layout": table.layout,
                "table_title": table.title,
                "title_line": table.title_line,
                "row_number": row.row_number,
                "goal_area": row.goal_area,
                "indicator": row.indicator,
                "indicator_level": row.indicator_level,
                "responsible_unit": row.responsible_unit,
                "reported_assessment": row.reported_assessment,
                "reported_trend": row.reported_trend,
                "label_line": row.label_line,
                "source_line": row.source_line,
                "placement": row.placement,
            }
        )
        for number, cell in enumerate(row.cells, start=1):
            values.append(
                keys
                | {
                    "row_number": row.row_number,
                    "column_number": number,
                    "column_header": cell.column.header,
                    "value_role": cell.column.value_role,
                    "period_start": cell.column.period_start,
                    "period_end": cell.column.period_end,
                    "printed_text": cell.printed_text,
                    "value": cell.value,
                    "is_percent": cell.is_percent,
                    "source_line": row.source_line,
                }
            )
    return {"indicator_rows": rows, "indicator_values": values}


def status_records(report_id: str, items: list[StatusItem]) -> list[Record]:
    return [
        {"report_id": report_id, "item_number": number}
        | {
            column: getattr(item, column)
            for column in RAW_TABLES["raw_status_items"].columns
            if column not in ("report_id", "item_number")
        }
        for number, item in enumerate(items, start=1)
    ]


def line_record(report_id: str, outcome: LineOutcome) -> Record:
    return {
        "report_id": report_id,
        "source_line": outcome.line,
        "outcome": outcome.outcome,
        "placed_in": outcome.placed_in,
        "table_id": outcome.table_id,
    }


def reject_record(report_id: str, file_name: str, reject: Reject) -> Record:
    return {
        "report_id": report_id,
        "file_name": file_name,
        "source_line": reject.line,
        "table_id": reject.table_id,
        "row_label": reject.label,
        "printed_text": reject.text.rstrip() if reject.text else None,
        "reason": reject.reason,
    }
