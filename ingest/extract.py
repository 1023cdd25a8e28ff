"""Reports folder → tidy records (one list per seed), with provenance on every record.

A report that cannot be read is not fatal for the others: its error, naming the file and
line, becomes a reject record and the remaining reports still load.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.goal_status import find_status_items
from ingest.indicators import (
    IndicatorError,
    IndicatorTable,
    PlacementOverride,
    find_indicator_tables,
    read_placement_overrides,
)
from ingest.metadata import MetadataError, read_manifest, resolve_metadata
from ingest.strategic_goals import (
    CuratedSpan,
    find_strategic_goal_tables,
    read_curated_spans,
    uncited_value_lines,
)
from ingest.tables import Reject, Table, TableError, find_tables
from ingest.text import page_furniture, read_lines

Record = dict[str, Any]
OVERRIDES_FILE = "indicator_overrides.csv"  # beside the reports, like manifest.csv
CURATED_INDICATORS = (
    Path(__file__).resolve().parent.parent / "seeds" / "reference" / "indicator_curated_values.csv"
)
RECORD_KINDS = (
    "reports",
    "tables",
    "columns",
    "rows",
    "cells",
    "indicator_rows",
    "indicator_values",
    "status_items",
    "rejects",
)


@dataclass
class Extraction:
    reports: list[Record] = field(default_factory=list)
    tables: list[Record] = field(default_factory=list)
    columns: list[Record] = field(default_factory=list)
    rows: list[Record] = field(default_factory=list)
    cells: list[Record] = field(default_factory=list)
    indicator_rows: list[Record] = field(default_factory=list)
    indicator_values: list[Record] = field(default_factory=list)
    status_items: list[Record] = field(default_factory=list)
    rejects: list[Record] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_municipalities(path: Path) -> dict[str, str]:
    """Municipality name → SCB code, from the reference seed."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["municipality"]: row["municipality_code"] for row in csv.DictReader(handle)}


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


def extract_reports(reports_dir: Path, municipalities: dict[str, str]) -> Extraction:
    manifest = read_manifest(reports_dir / "manifest.csv")
    curated = read_curated_spans(CURATED_INDICATORS)
    overrides = read_placement_overrides(reports_dir / OVERRIDES_FILE)
    result = Extraction()
    paths = sorted(reports_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no report files (*.txt) in {reports_dir}")
    for path in paths:
        try:
            _extract_report(
                path, manifest, municipalities, curated, overrides.get(path.stem, {}), result
            )
        except (MetadataError, TableError, IndicatorError, UnicodeDecodeError) as error:
            line = getattr(error, "line", None)
            where = f"{path.name}:{line}" if line else path.name
            message = str(error) if str(error).startswith(path.name) else f"{where}: {error}"
            result.errors.append(message)
            result.rejects.append(
                _reject(
                    path.stem, path.name, line, None, None, None, "report not loaded: " + message
                )
            )
    return result


def _extract_report(
    path: Path,
    manifest: dict[str, dict[str, str]],
    municipalities: dict[str, str],
    curated: list[CuratedSpan],
    overrides: dict[int, PlacementOverride],
    result: Extraction,
) -> None:
    text = path.read_text(encoding="utf-8")
    report_id = path.stem
    metadata = resolve_metadata(report_id, text, manifest, municipalities, path.name)
    lines = read_lines(text)
    furniture = page_furniture(lines)
    tables = find_tables(lines, furniture)
    indicator_tables = find_indicator_tables(
        lines, furniture, metadata.period_start, metadata.period_end, overrides
    )
    staged = Extraction()
    staged.reports.append(
        {
            "report_id": report_id,
            "file_name": path.name,
            "municipality": metadata.municipality,
            "municipality_code": metadata.municipality_code,
            "committee": metadata.committee,
            "report_kind": metadata.report_kind,
            "period_start": metadata.period_start,
            "period_end": metadata.period_end,
            "metadata_source": "text+manifest" if report_id in manifest else "text",
        }
    )
    table_ids = unique_table_ids([t.title for t in tables] + [t.title for t in indicator_tables])
    for table, table_id in zip(tables, table_ids, strict=False):
        _add_table(report_id, path.name, table_id, table, staged)
    for table, table_id in zip(indicator_tables, table_ids[len(tables) :], strict=True):
        _add_indicator_table(report_id, path.name, table_id, table, staged)
    _add_status_items(report_id, path.name, lines, furniture, staged)
    for goal_table in find_strategic_goal_tables(lines):
        table_id = table_slug(goal_table.title)
        for line in uncited_value_lines(goal_table, report_id, table_id, curated):
            staged.rejects.append(
                _reject(
                    report_id,
                    path.name,
                    line.number,
                    table_id,
                    None,
                    line.text,
                    "number in a strategic-goal table that no reviewed entry of "
                    "indicator_curated_values.csv places",
                )
            )
    for name in RECORD_KINDS:
        getattr(result, name).extend(getattr(staged, name))


def _add_table(
    report_id: str, file_name: str, table_id: str, table: Table, out: Extraction
) -> None:
    out.tables.append(
        {
            "report_id": report_id,
            "table_id": table_id,
            "table_family": table.family.name,
            "table_title": table.title,
            "title_line": table.title_line,
            "header_last_line": table.header_last_line,
            "last_line": table.last_line,
            "column_count": len(table.columns),
            "header_text": table.header_text,
        }
    )
    for number, header in enumerate(table.columns, start=1):
        out.columns.append(
            {
                "report_id": report_id,
                "table_id": table_id,
                "column_number": number,
                "column_header": header,
                "header_line": table.header_last_line,
            }
        )
    for row in table.rows:
        out.rows.append(
            {
                "report_id": report_id,
                "table_id": table_id,
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
        for number, cell in enumerate(row.cells, start=1):
            out.cells.append(
                {
                    "report_id": report_id,
                    "table_id": table_id,
                    "row_number": row.row_number,
                    "column_number": number,
                    "printed_text": cell.text,
                    "amount": cell.value,
                    "source_line": row.source_line,
                }
            )
    _add_rejects(report_id, file_name, table_id, table.rejects, out)


def _add_indicator_table(
    report_id: str, file_name: str, table_id: str, table: IndicatorTable, out: Extraction
) -> None:
    for row in table.rows:
        out.indicator_rows.append(
            {
                "report_id": report_id,
                "table_id": table_id,
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
            out.indicator_values.append(
                {
                    "report_id": report_id,
                    "table_id": table_id,
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
    _add_rejects(report_id, file_name, table_id, table.rejects, out)


def _add_status_items(
    report_id: str, file_name: str, lines: list, furniture: set[int], out: Extraction
) -> None:
    found = find_status_items(lines, furniture)
    for number, item in enumerate(found.items, start=1):
        out.status_items.append(
            {
                "report_id": report_id,
                "item_number": number,
                "item_kind": item.item_kind,
                "goal_area": item.goal_area,
                "sub_goal": item.sub_goal,
                "item": item.item,
                "responsible_unit": item.responsible_unit,
                "completion_forecast": item.completion_forecast,
                "due_date": item.due_date,
                "status": item.status,
                "reported_assessment": item.reported_assessment,
                "reported_trend": item.reported_trend,
                "comment": item.comment,
                "comment_date": item.comment_date,
                "label_line": item.label_line,
                "source_line": item.source_line,
            }
        )
    _add_rejects(report_id, file_name, None, found.rejects, out)


def _add_rejects(
    report_id: str, file_name: str, table_id: str | None, rejects: list[Reject], out: Extraction
) -> None:
    for reject in rejects:
        out.rejects.append(
            _reject(
                report_id,
                file_name,
                reject.line,
                table_id,
                reject.label,
                reject.text,
                reject.reason,
            )
        )


def _reject(
    report_id: str,
    file_name: str,
    line: int | None,
    table_id: str | None,
    label: str | None,
    text: str | None,
    reason: str,
) -> Record:
    return {
        "report_id": report_id,
        "file_name": file_name,
        "source_line": line,
        "table_id": table_id,
        "row_label": label,
        "printed_text": text.rstrip() if text else None,
        "reason": reason,
    }
