"""One report's text → tidy records (one list per raw table), with provenance on each.

Its metadata (the report is rejected whole only when municipality or period cannot be
established), the family tables, indicator tables, status items and strategic-goal tables,
then the generic reader over what no family claimed, and the fate of every table-shaped
line. A table that cannot be read rejects only itself. folder.py runs this over a folder.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.coverage import Placement, account_lines
from ingest.goals import find_status_items
from ingest.goals.strategic import find_strategic_goal_tables, uncited_value_lines
from ingest.indicators import IndicatorTable, find_indicator_tables
from ingest.inputs import (
    InputError,
    ReportText,
    read_report_file,
)
from ingest.metadata import ReportMetadata, resolve_metadata
from ingest.records import (
    indicator_records,
    line_record,
    reject_record,
    report_record,
    status_records,
    table_records,
    table_slug,
    unique_table_ids,
)
from ingest.rejects import Reject
from ingest.reviewed import Reviewed
from ingest.schema import RecordList
from ingest.tables import Table, find_tables
from ingest.tables.generic import read_generic_tables
from ingest.text import Line, page_furniture, read_lines

Record = dict[str, Any]
RECORD_KINDS = (
    "reports",
    "tables",
    "columns",
    "rows",
    "cells",
    "indicator_rows",
    "indicator_values",
    "status_items",
    "line_coverage",
    "input_files",
    "rejects",
)
STRATEGIC_REJECT = (
    "number in a strategic-goal table that no reviewed entry of indicator_curated_values.csv places"
)


@dataclass
class Extraction:
    reports: list[Record] = field(default_factory=list)
    tables: RecordList = field(default_factory=lambda: RecordList("tables"))
    columns: RecordList = field(default_factory=lambda: RecordList("columns"))
    rows: RecordList = field(default_factory=lambda: RecordList("rows"))
    cells: RecordList = field(default_factory=lambda: RecordList("cells"))
    indicator_rows: RecordList = field(default_factory=lambda: RecordList("indicator_rows"))
    indicator_values: RecordList = field(default_factory=lambda: RecordList("indicator_values"))
    status_items: RecordList = field(default_factory=lambda: RecordList("status_items"))
    line_coverage: RecordList = field(default_factory=lambda: RecordList("line_coverage"))
    input_files: list[Record] = field(default_factory=list)
    rejects: list[Record] = field(default_factory=list)

    def add(self, other: Extraction) -> None:
        for name in RECORD_KINDS:
            getattr(self, name).extend(getattr(other, name))

    def of_reports(self, report_ids: Collection[str]) -> Extraction:
        """These reports' records, with every file's input record and every reject (the
        folder's own records, few)."""
        chosen = Extraction(
            reports=[record for record in self.reports if record["report_id"] in report_ids],
            input_files=self.input_files,
            rejects=self.rejects,
        )
        for name in RECORD_KINDS:
            records = getattr(self, name)
            if isinstance(records, RecordList):
                setattr(chosen, name, records.of_reports(report_ids))
        return chosen

    @property
    def loaded_files(self) -> int:
        return sum(record["input_status"] == "loaded" for record in self.input_files)


def extract_report(path: Path, reviewed: Reviewed) -> Extraction:
    """Every record of the report in one file (InputError when it is no readable text)."""
    read = read_report_file(path)
    if not isinstance(read, ReportText):
        raise InputError(f"{path.name}: {read.reason}")
    return extract_text(read, reviewed)


def extract_text(report: ReportText, reviewed: Reviewed) -> Extraction:
    """Every record of one report; MetadataError when it cannot be placed at all."""
    report_id, file_name = report.report_id, report.path.name
    lines = read_lines(report.text)
    furniture = page_furniture(lines)
    metadata = resolve_metadata(
        report_id, lines, furniture, reviewed.manifest, reviewed.municipalities
    )
    out = Extraction(reports=[report_record(metadata, report)])
    tables, failures = find_tables(lines, furniture)
    indicator_tables, indicator_failures = find_indicator_tables(
        lines,
        furniture,
        metadata.period_start,
        metadata.period_end,
        reviewed.overrides.get(report_id),
    )
    status = find_status_items(lines, furniture)
    strategic = find_strategic_goal_tables(lines)
    claimed = _claimed_lines(tables, indicator_tables, strategic, status.items)
    generic, generic_rejects = read_generic_tables(
        lines, furniture, claimed, {f.title_line: _failure_note(f) for f in failures}
    )
    all_tables = sorted([*tables, *generic], key=lambda t: t.title_line)
    table_ids = unique_table_ids(
        [t.title for t in all_tables] + [t.title for t in indicator_tables]
    )
    placements: list[Placement] = []
    rejects: list[Reject] = [*generic_rejects, *indicator_failures, *status.rejects]
    for table, table_id in zip(all_tables, table_ids, strict=False):
        _add_records(out, table_records(report_id, table_id, table, metadata.period_end.year))
        placements += [Placement(row.source_line, "table", table_id) for row in table.rows]
        rejects += _with_table(table.rejects, table_id)
    for table, table_id in zip(indicator_tables, table_ids[len(all_tables) :], strict=True):
        _add_records(out, indicator_records(report_id, table_id, table))
        placements += [
            Placement(row.source_line, "indicator_table", table_id) for row in table.rows
        ]
        rejects += _with_table(table.rejects, table_id)
    out.status_items.extend(status_records(report_id, status.items))
    for goal_table in strategic:
        table_id = table_slug(goal_table.title)
        uncited = uncited_value_lines(goal_table, report_id, table_id, reviewed.curated_spans)
        rejects += [Reject(ln.number, None, ln.text, STRATEGIC_REJECT) for ln in uncited]
        cited = [ln for ln in goal_table.value_lines if ln not in uncited]
        placements += [Placement(ln.number, "reviewed_value", table_id) for ln in cited]
    outcomes, unplaced = account_lines(
        lines, furniture, placements, rejects, _header_lines([*tables, *generic], indicator_tables)
    )
    out.line_coverage.extend(line_record(report_id, outcome) for outcome in outcomes)
    out.rejects.extend(reject_record(report_id, file_name, r) for r in [*rejects, *unplaced])
    return out


def _failure_note(failure) -> str:  # noqa: ANN001 - a tables.TableFailure
    return f"read as a generic table: the {failure.family.name} family {failure.reason}"


def _with_table(rejects: list[Reject], table_id: str) -> list[Reject]:
    return [Reject(r.line, r.label, r.text, r.reason, table_id) for r in rejects]


def _add_records(out: Extraction, records: dict[str, list[Record]]) -> None:
    for kind, rows in records.items():
        getattr(out, kind).extend(rows)


def _claimed_lines(
    tables: list[Table], indicator_tables: list[IndicatorTable], strategic, status_items
) -> set[int]:  # noqa: ANN001
    """Lines another reader took: the spans of its tables and the lines of status items."""
    claimed: set[int] = set()
    for table in tables:
        claimed.update(range(table.title_line, table.last_line + 1))
    for table in indicator_tables:
        claimed.update(range(table.title_line, max(table.title_line, table.last_line) + 1))
    for goal_table in strategic:
        claimed.update(range(goal_table.title_line, goal_table.last_line + 1))
    for item in status_items:
        claimed.update(range(item.label_line, item.source_line + 1))
    return claimed


def _header_lines(tables: list[Table], indicator_tables: list[IndicatorTable]) -> set[int]:
    header: set[int] = set()
    for table in tables:
        header.update(range(table.title_line, table.header_last_line + 1))
    for table in indicator_tables:
        header.update(range(table.title_line, table.title_line + 1))
    return header


__all__ = ["Extraction", "Line", "ReportMetadata", "extract_report", "extract_text"]
