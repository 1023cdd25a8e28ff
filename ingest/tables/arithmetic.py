"""Choosing among the readings of a values line by the table's own arithmetic.

Where the digit groups of a line can be read in more than one way (`1 584 -38 196` is two
numbers or more), the table decides: column identities that hold on its unambiguous rows
(net = revenue + cost, deviation = actual − budget, whichever the table has) and its total
rows are counted for each reading. A line that still has no single best reading is
rejected with its reason, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import permutations, product

from ingest.numbers import Cell
from ingest.rejects import Reject
from ingest.tables.model import Row
from ingest.tables.roles import NET_LABEL, TOTAL_LABEL, VARAV_LABEL, value

Identity = tuple[int, int, int]  # column c = column a + column b
MAX_COMBINATIONS = 20000


@dataclass
class Draft:
    """A row before its reading is chosen: every reading of its values line."""

    label: str
    label_line: int
    source_line: int
    text: str
    readings: list[tuple[Cell, ...]]
    units: tuple[str | None, ...] = ()
    # The same line read with its leading year in the label, where that reading exists.
    year_label: str | None = None
    year_readings: list[tuple[Cell, ...]] = field(default_factory=list)
    fits_only_with_year_label: bool = False


def _holds(cells: tuple[Cell, ...], identity: Identity, tolerance: Decimal = Decimal(1)) -> bool:
    a, b, c = identity
    return abs(value(cells[a]) + value(cells[b]) - value(cells[c])) <= tolerance


def discover_identities(rows: Sequence[tuple[Cell, ...]], width: int) -> list[Identity]:
    """Column identities c = a + b (a − b is c + b = a) that hold on most unambiguous rows."""
    found: list[Identity] = []
    for a, b, c in permutations(range(width), 3):
        if a > b:
            continue
        usable = [r for r in rows if not any(r[i].is_empty for i in (a, b, c))]
        usable = [r for r in usable if any(r[i].value for i in (a, b, c))]
        held = sum(1 for r in usable if _holds(r, (a, b, c)))
        if held >= 2 and held >= 0.75 * len(usable):
            found.append((a, b, c))
    return found


def resolve(drafts: list[Draft], width: int) -> tuple[list[Row], list[Reject]]:
    """One reading per line: the combination of readings of the ambiguous lines that best
    satisfies the table's identities and its total rows. A tie is rejected."""
    certain = [d.readings[0] for d in drafts if len(d.readings) == 1]
    ambiguous = [i for i, d in enumerate(drafts) if len(d.readings) > 1]
    identities = discover_identities(certain, width) if ambiguous else []
    chosen: dict[int, tuple[Cell, ...]] = {
        i: d.readings[0] for i, d in enumerate(drafts) if len(d.readings) == 1
    }
    rejects: list[Reject] = []
    combinations = 1
    for i in ambiguous:
        combinations *= len(drafts[i].readings)
    groups = [ambiguous] if combinations <= MAX_COMBINATIONS else [[i] for i in ambiguous]
    for group in groups:
        scored = []
        for combo in product(*(drafts[i].readings for i in group)):
            trial = chosen | dict(zip(group, combo, strict=True))
            score = sum(_holds(r, identity) for r in combo for identity in identities)
            score += _total_hits(drafts, trial, width)
            scored.append((score, combo))
        best = max(score for score, _ in scored)
        winners = [combo for score, combo in scored if score == best]
        for position, i in enumerate(group):
            readings = {combo[position] for combo in winners}
            if len(readings) == 1:
                chosen[i] = readings.pop()
                continue
            rejects.append(
                Reject(
                    drafts[i].source_line,
                    drafts[i].label,
                    drafts[i].text,
                    f"{len(readings)} readings fit the table's arithmetic equally well",
                )
            )
    rows = [
        Row(
            row_number=number,
            label=drafts[i].label,
            label_line=drafts[i].label_line,
            source_line=drafts[i].source_line,
            cells=chosen[i],
            resolution="unique" if len(drafts[i].readings) == 1 else "arithmetic",
            units=_units_of(drafts[i], chosen[i]),
        )
        for number, i in enumerate((i for i in range(len(drafts)) if i in chosen), start=1)
    ]
    return rows, rejects


def _units_of(draft: Draft, cells: tuple[Cell, ...]) -> tuple[str | None, ...]:
    """The unit printed after each cell: a line printed with one unit (`5,59 % 1,02 %`)
    gives every filled cell that unit."""
    units = {unit for unit in draft.units if unit}
    unit = units.pop() if len(units) == 1 else None
    return tuple(unit if cell.value is not None else None for cell in cells)


def _is_total(drafts: list[Draft], i: int) -> bool:
    """A total by its label, or a `Netto` after its rows (no `varav` parts follow it)."""
    label = drafts[i].label
    if TOTAL_LABEL.match(label):
        return True
    parts_follow = i + 1 < len(drafts) and VARAV_LABEL.match(drafts[i + 1].label)
    return bool(NET_LABEL.search(label)) and not parts_follow


def _total_hits(drafts: list[Draft], chosen: dict[int, tuple[Cell, ...]], width: int) -> int:
    """How many columns of the total rows equal the sum of the lines above them."""
    hits = 0
    segment: list[tuple[Cell, ...]] = []
    for i, draft in enumerate(drafts):
        if i not in chosen or VARAV_LABEL.match(draft.label):
            continue
        if not _is_total(drafts, i):
            segment.append(chosen[i])
            continue
        tolerance = Decimal(len(segment) + 1) / 2
        for column in range(width):
            parts = sum((value(r[column]) for r in segment), Decimal(0))
            hits += abs(parts - value(chosen[i][column])) <= tolerance
        segment = []
    return hits
