"""Write an extraction as CSV files, one per raw table of schema.py (header row even when
empty): the files the build loads into DuckDB, and the reviewable copy of the bundled
reports' ingest in seeds/ingested."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest.extract import Extraction
from ingest.schema import RAW_TABLES, RecordList


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
            rows = (
                records.rows
                if isinstance(records, RecordList)
                else ([record.get(column) for column in columns] for record in records)
            )
            for row in rows:
                writer.writerow([_format(value) for value in row])
        counts[seed] = len(records)
    return counts
