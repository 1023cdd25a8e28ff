"""The reviewed reference data the ingest reads, all in one home: `seeds/reference/`.

They are dbt seeds too, so every reviewed decision is also in the warehouse:
- `municipalities.csv`: the 290 municipalities and their SCB codes;
- `report_manifest.csv`: metadata of a report whose text does not say it, with evidence;
- `indicator_overrides.csv`: placements of indicator values lines the spacing cannot place;
- `indicator_curated_values.csv`: the values of the strategic-goal tables placed by review
  (the ingest reads which lines each entry cites; dbt reads the values);
- `report_revisions.csv`: a revised report that replaces an earlier one of the same identity.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ingest.identity import Revision

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


class ReviewedDataError(ValueError):
    pass


@dataclass(frozen=True)
class PlacementOverride:
    """A reviewed placement of one indicator values line the spacing cannot place: the line
    as printed, its cells per column, and why."""

    report_id: str
    line: int
    printed_line: str
    cells: tuple[str, ...]  # per column: `19%`, `-15`, or '' for an empty cell
    justification: str


@dataclass(frozen=True)
class CuratedSpan:
    """The lines one reviewed strategic-goal value cites."""

    report_id: str
    table_id: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Reviewed:
    municipalities: dict[str, str]  # name → SCB code
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)  # report id → row
    overrides: dict[str, dict[int, PlacementOverride]] = field(default_factory=dict)
    curated_spans: tuple[CuratedSpan, ...] = ()
    revisions: tuple[Revision, ...] = ()
    named_reports: frozenset[str] = frozenset()  # report ids any reviewed entry names


def read_reviewed(folder: Path = REFERENCE_DIR) -> Reviewed:
    return Reviewed(
        municipalities=read_municipalities(folder / "municipalities.csv"),
        manifest=read_manifest(folder / "report_manifest.csv"),
        overrides=read_placement_overrides(folder / "indicator_overrides.csv"),
        curated_spans=tuple(read_curated_spans(folder / "indicator_curated_values.csv")),
        revisions=tuple(read_revisions(folder / "report_revisions.csv")),
        named_reports=read_named_reports(folder),
    )


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_municipalities(path: Path) -> dict[str, str]:
    """Municipality name → SCB code."""
    return {row["municipality"]: row["municipality_code"] for row in _rows(path)}


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Report id → its reviewed metadata; every entry must say why (`evidence`)."""
    manifest = {row["report_id"]: row for row in _rows(path)}
    for report_id, row in manifest.items():
        if not (row.get("evidence") or "").strip():
            raise ReviewedDataError(f"{path.name}: the entry for {report_id} gives no evidence")
    return manifest


def read_placement_overrides(path: Path) -> dict[str, dict[int, PlacementOverride]]:
    """Report id → line → reviewed override."""
    overrides: dict[str, dict[int, PlacementOverride]] = {}
    for row in _rows(path):
        override = PlacementOverride(
            row["report_id"],
            int(row["source_line"]),
            row["printed_line"],
            tuple(cell.strip() for cell in row["cells"].split("|")),
            row["justification"],
        )
        if not override.justification.strip():
            raise ReviewedDataError(f"{path.name}: override for line {override.line} says no why")
        overrides.setdefault(override.report_id, {})[override.line] = override
    return overrides


def read_curated_spans(path: Path) -> list[CuratedSpan]:
    return [
        CuratedSpan(
            row["report_id"], row["table_id"], int(row["source_line"]), int(row["source_last_line"])
        )
        for row in _rows(path)
    ]


def read_revisions(path: Path) -> list[Revision]:
    revisions = [
        Revision(row["report_id"], row["replaces_report_id"], row["justification"])
        for row in _rows(path)
    ]
    for revision in revisions:
        if not revision.justification.strip():
            raise ReviewedDataError(f"{path.name}: the entry for {revision.report_id} says no why")
    return revisions


def read_named_reports(folder: Path) -> frozenset[str]:
    """The report ids that reviewed entries name (known discrepancies, overrides, prose
    checks, …): of two files with the same text, the one they name is the one read."""
    return frozenset(
        row["report_id"]
        for path in sorted(folder.glob("*.csv"))
        for row in _rows(path)
        if row.get("report_id")
    )
