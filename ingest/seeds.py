"""Write an extraction as CSV files, one per raw table of schema.py (header row even when
empty): the files the build loads into DuckDB, and the reviewable copy of the bundled
reports' ingest in seeds/ingested."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ingest.extract import Extraction
from ingest.schema import RAW_TABLES, PrintedRows, RawTable, RecordList


def _format(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_seeds(extraction: Extraction, seeds_dir: Path) -> dict[str, int]:
    """Write every raw table's file; returns the rows written per table."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for seed, table in RAW_TABLES.items():
        records, columns = getattr(extraction, table.kind), table.column_names
        with (seeds_dir / f"{seed}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(_printed_rows(records, table))
            for part in getattr(records, "printed", ()):
                handle.write(part.text)
        counts[seed] = len(records)
    return counts


def as_printed(extraction: Extraction) -> Extraction:
    """One report's extraction with its raw-table records printed as their CSV rows (the
    bytes write_seeds writes for them), as the parse cache keeps it; the reports, input
    files and rejects stay records (the folder's checks and the build's messages read them)."""
    printed = replace(extraction)
    for table in RAW_TABLES.values():
        records = getattr(extraction, table.kind)
        if isinstance(records, RecordList) and records.rows:
            position = records.columns.index("report_id")
            (report_id,) = {row[position] for row in records.rows}  # one report's, always
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(_printed_rows(records, table))
            kept = RecordList(records.kind)
            kept.printed = [PrintedRows(report_id, buffer.getvalue(), len(records.rows))]
            setattr(printed, table.kind, kept)
    return printed


def _printed_rows(records: RecordList | list, table: RawTable) -> Iterable[Sequence[object]]:
    """The records as rows the csv module prints as DuckDB reads them: it writes None as an
    empty field and any other value with str(), so only the booleans need spelling out
    (at C speed for the other tables: 3 million rows at 10 000 reports)."""
    rows = (
        records.rows
        if isinstance(records, RecordList)
        else [[record.get(column) for column in table.column_names] for record in records]
    )
    booleans = [i for i, kind in enumerate(table.columns.values()) if kind == "BOOLEAN"]
    if not booleans:
        return rows
    return ([_format(v) if i in booleans else v for i, v in enumerate(row)] for row in rows)
