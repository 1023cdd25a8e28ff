"""Reports folder → tidy records (one list per raw table), with provenance on every record.

Every entry of the folder gets an input record (inputs.py: read, unreadable or skipped);
the same text twice is read once and two texts claiming one report are neither loaded
(identity.py). Per report: its metadata (rejected whole only when municipality or period
cannot be established), the family tables, indicator tables, status items and strategic-goal
tables, then the generic reader over what no family claimed, and the fate of every
table-shaped line. A table that cannot be read rejects only itself; a report that cannot be
read is not fatal for the others: its error, naming the file and line, becomes a reject
record.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.cache import ParseCache
from ingest.coverage import Placement, account_lines
from ingest.goals import find_status_items
from ingest.goals.strategic import find_strategic_goal_tables, uncited_value_lines
from ingest.identity import REVISIONS_FILE, ReportIdentity, resolve_identities, split_duplicates
from ingest.indicators import IndicatorTable, find_indicator_tables
from ingest.inputs import (
    DEFAULT_MAX_REPORT_BYTES,
    InputError,
    ReportsFolder,
    ReportText,
    read_report_file,
    read_reports_folder,
)
from ingest.metadata import MetadataError, ReportMetadata, resolve_metadata
from ingest.records import (
    entry_record,
    indicator_records,
    line_record,
    reject_record,
    report_record,
    status_records,
    table_records,
    table_slug,
    text_file_record,
    unique_table_ids,
)
from ingest.rejects import Reject
from ingest.reviewed import Reviewed, read_reviewed
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
NOT_LOADED = "report not loaded"
STRATEGIC_REJECT = (
    "number in a strategic-goal table that no reviewed entry of indicator_curated_values.csv places"
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
    line_coverage: list[Record] = field(default_factory=list)
    input_files: list[Record] = field(default_factory=list)
    rejects: list[Record] = field(default_factory=list)

    def add(self, other: Extraction) -> None:
        for name in RECORD_KINDS:
            getattr(self, name).extend(getattr(other, name))

    @property
    def loaded_files(self) -> int:
        return sum(record["input_status"] == "loaded" for record in self.input_files)


# Called after each report text is read: the text, its records (None when it was not
# loaded) and the seconds it took (None: its records came from the parse cache).
ReportDone = Callable[[ReportText, "Extraction | None", float | None], None]


def extract_reports(
    reports_dir: Path,
    reviewed: Reviewed | None = None,
    max_bytes: int = DEFAULT_MAX_REPORT_BYTES,
    on_report: ReportDone | None = None,
    cache: ParseCache | None = None,
) -> Extraction:
    """Every entry of `reports_dir` read and accounted for; InputError when the folder has
    no report text to read."""
    folder = read_reports_folder(reports_dir, max_bytes)
    return extract_folder(folder, reviewed, on_report, cache)


def extract_folder(
    folder: ReportsFolder,
    reviewed: Reviewed | None = None,
    on_report: ReportDone | None = None,
    cache: ParseCache | None = None,
    workers: int | None = None,
) -> Extraction:
    reviewed = reviewed or read_reviewed()
    result = Extraction()
    unique, duplicates = split_duplicates(folder.texts, reviewed.named_reports)
    parsed: dict[str, tuple[ReportText, Extraction]] = {}
    for text, outcome, seconds in parse_texts(
        _distinct_ids(unique, result), reviewed, cache, workers
    ):
        if isinstance(outcome, Extraction):
            parsed[text.report_id] = (text, outcome)
        else:
            _not_loaded(result, text, "not_loaded", outcome)
        if on_report is not None:
            on_report(text, outcome if isinstance(outcome, Extraction) else None, seconds)
    resolution = resolve_identities(
        {report_id: _identity(out) for report_id, (_, out) in parsed.items()}, reviewed.revisions
    )
    files = {report_id: text.path.name for report_id, (text, _) in parsed.items()}
    for report_id, (text, out) in parsed.items():
        if report_id in resolution.superseded:
            revision = files[resolution.superseded[report_id]]
            detail = f"superseded by its reviewed revision {revision} (report_revisions.csv)"
            result.input_files.append(text_file_record(text, "superseded", detail, revision))
        elif report_id in resolution.conflicts:
            others = [files[other] for other in resolution.conflicts[report_id]]
            _not_loaded(result, text, "conflict", _conflict_reason(out, others), others)
        else:
            result.add(out)
            result.input_files.append(text_file_record(text, "loaded"))
    for duplicate in duplicates:
        kept = duplicate.same_as.path.name
        detail = f"the same text as {kept} (sha256 {duplicate.text.content_sha256[:12]}): read once"
        result.input_files.append(text_file_record(duplicate.text, "duplicate", detail, kept))
    for unreadable in folder.unreadable:
        _not_loaded_file(
            result,
            unreadable.path,
            unreadable.reason,
            unreadable.line,
            unreadable.size_bytes,
            "unreadable",
        )
    for entry in folder.skipped:
        status = "missing_text" if entry.is_missing_report else "skipped"
        if entry.is_missing_report:
            _not_loaded_file(result, entry.path, entry.reason, None, None, status)
        else:
            result.input_files.append(entry_record(entry.path, status, entry.reason))
    result.input_files.sort(key=lambda record: record["file_name"])
    return result


MIN_PARALLEL = 8  # fewer reports than this parse faster in one process than with a pool


def parse_texts(
    texts: list[ReportText],
    reviewed: Reviewed,
    cache: ParseCache | None = None,
    workers: int | None = None,
) -> Iterator[tuple[ReportText, Extraction | str, float | None]]:
    """Each text with its records (or why it could not be placed) and the seconds it took,
    in the texts' order: from the cache where it has them, else parsed, on every core when
    there are many."""
    cached = {t.report_id: cache.get(t) if cache else None for t in texts}
    todo = [t for t in texts if cached[t.report_id] is None]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(todo) >= MIN_PARALLEL:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            fresh = dict(
                zip(
                    (t.report_id for t in todo),
                    pool.map(_parse_one, todo, [reviewed] * len(todo), chunksize=4),
                    strict=True,
                )
            )
    else:
        fresh = {t.report_id: _parse_one(t, reviewed) for t in todo}
    for text in texts:
        if cached[text.report_id] is not None:
            yield text, cached[text.report_id], None
            continue
        outcome, seconds = fresh[text.report_id]
        if cache is not None and isinstance(outcome, Extraction):
            cache.put(text, outcome)
        yield text, outcome, seconds


def _parse_one(text: ReportText, reviewed: Reviewed) -> tuple[Extraction | str, float]:
    """One report's records, or the one-line reason it cannot be placed; and the time."""
    started = time.perf_counter()
    try:
        outcome: Extraction | str = extract_text(text, reviewed)
    except MetadataError as error:
        outcome = str(error)
    except Exception as error:  # noqa: BLE001 - a reader's bug stays with its report
        outcome = _reader_failure(error)
    return outcome, time.perf_counter() - started


def _distinct_ids(texts: list[ReportText], result: Extraction) -> list[ReportText]:
    """Texts whose report id (the file stem) no earlier file has (`a.txt`, `a.TXT`)."""
    seen: dict[str, ReportText] = {}
    for text in texts:
        if text.report_id in seen:
            reason = (
                f"{seen[text.report_id].path.name} has the same name stem, and a report's id "
                "is its file stem: rename one"
            )
            _not_loaded(result, text, "not_loaded", reason)
            continue
        seen[text.report_id] = text
    return list(seen.values())


def _reader_failure(error: Exception) -> str:
    """A reader failed on this text (a bug to report): where, so it can be found."""
    frame = traceback.extract_tb(error.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    return f"the ingest failed on this text ({type(error).__name__} at {where}: {error})"


def _identity(out: Extraction) -> ReportIdentity:
    (report,) = out.reports
    return ReportIdentity(
        report["municipality_code"],
        report["committee"],
        report["report_kind"],
        report["period_start"],
        report["period_end"],
    )


def _conflict_reason(out: Extraction, others: list[str]) -> str:
    (report,) = out.reports
    identity = _identity(out).describe(report["municipality"])
    return (
        f"{' and '.join(others)} also says it is {identity}, with another text: neither is "
        f"loaded; remove the wrong one, or say which replaces which in {REVISIONS_FILE}"
    )


def _not_loaded(
    result: Extraction,
    text: ReportText,
    status: str,
    reason: str,
    others: list[str] | None = None,
) -> None:
    message = f"{text.path.name}: {NOT_LOADED}: {reason}"
    result.rejects.append(
        reject_record(text.report_id, text.path.name, Reject(None, None, "", message))
    )
    same_as = ", ".join(others) if others else None
    result.input_files.append(text_file_record(text, status, reason, same_as))


def _not_loaded_file(
    result: Extraction,
    path: Path,
    reason: str,
    line: int | None,
    size: int | None,
    status: str,
) -> None:
    message = f"{path.name}{f' line {line}' if line else ''}: {NOT_LOADED}: {reason}"
    result.rejects.append(reject_record(path.stem, path.name, Reject(line, None, "", message)))
    result.input_files.append(entry_record(path, status, reason, path.stem, size))


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


__all__ = ["Extraction", "Line", "ReportMetadata", "extract_reports"]
