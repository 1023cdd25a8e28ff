"""Write an extraction as dbt seed CSVs (one file per record kind, the layouts of schema.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest.extract import Extraction
from ingest.schema import SEEDS


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
    for seed, (kind, columns) in SEEDS.items():
        records = getattr(extraction, kind)
        with (seeds_dir / f"{seed}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for record in records:
                writer.writerow([_format(record.get(column)) for column in columns])
        counts[seed] = len(records)
    return counts
