"""Choosing among the readings of a values line by the table's own arithmetic.

Where the digit groups of a line can be read in more than one way (`1 584 -38 196` is two
numbers or more), the table decides: column identities that hold on its unambiguous rows
(net = revenue + cost, deviation = actual − budget, whichever the table has) and its total
rows are counted for each reading. A line that still has no single best reading is
rejected with its reason, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    # each column's values, None for an empty cell
    columns = [[row[column].value for row in rows] for column in range(width)]
    found: list[Identity] = []
    for a, b, c in permutations(range(width), 3):
        if a > b:
            continue
        usable = [
            (x, y, z)
            for x, y, z in zip(columns[a], columns[b], columns[c], strict=True)
            if x is not None and y is not None and z is not None and (x or y or z)
        ]
        held = sum(1 for x, y, z in usable if abs(x + y - z) <= 1)
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
        winners = _winning_readings(drafts, chosen, group, identities, width)
        for i in group:
            readings = winners[i]
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


def _winning_readings(
    drafts: list[Draft],
    chosen: dict[int, tuple[Cell, ...]],
    group: list[int],
    identities: list[Identity],
    width: int,
) -> dict[int, set[tuple[Cell, ...]]]:
    """For each line of `group`, its readings in the best-scoring combinations of the
    group's readings (score: identities that hold, plus total columns that equal the sum of
    the lines above them). The score is a sum over total segments, so each segment's lines
    are combined on their own: the same winners as every combination of the whole group,
    without listing their product."""
    in_group = set(group)
    winners: dict[int, set[tuple[Cell, ...]]] = {}
    for members, total in _segments(drafts, chosen.keys() | in_group):
        varying = [i for i in (*members, total) if i in in_group]
        # lines that no total row closes are each chosen by its identities alone
        parts = [varying] if total is not None and varying else [[i] for i in varying]
        for part in parts:
            winners |= _best_in_segment(drafts, chosen, part, members, total, identities, width)
    for i in group:  # `varav` lines, in no segment
        if i not in winners:
            winners |= _best_in_segment(drafts, chosen, [i], [], None, identities, width)
    return winners


def _best_in_segment(
    drafts: list[Draft],
    chosen: dict[int, tuple[Cell, ...]],
    part: list[int],
    members: list[int],
    total: int | None,
    identities: list[Identity],
    width: int,
) -> dict[int, set[tuple[Cell, ...]]]:
    """The best-scoring readings of the `part` lines, which `total` (if not None) closes
    with the `members` above it."""
    options = [
        [(sum(_holds(r, i) for i in identities), _values(r)) for r in drafts[line].readings]
        for line in part
    ]
    hits = _total_hits(chosen, part, members, total, width) if total is not None else None
    scored = []
    for combo in product(*(range(len(o)) for o in options)):
        picked = [options[position][n] for position, n in enumerate(combo)]
        score = sum(identity_score for identity_score, _ in picked)
        if hits is not None:
            score += hits([values for _, values in picked])
        scored.append((score, combo))
    best = max(score for score, _ in scored)
    winning = [combo for score, combo in scored if score == best]
    return {
        line: {drafts[line].readings[combo[position]] for combo in winning}
        for position, line in enumerate(part)
    }


def _values(cells: tuple[Cell, ...]) -> tuple[Decimal, ...]:
    return tuple(value(cell) for cell in cells)


def _segments(drafts: list[Draft], present: set[int]) -> list[tuple[list[int], int | None]]:
    """The present lines in total segments: the lines above a total row, and that total
    (`varav` parts belong to none); the lines after the last total close with None."""
    segments: list[tuple[list[int], int | None]] = []
    members: list[int] = []
    for i, draft in enumerate(drafts):
        if i not in present or VARAV_LABEL.match(draft.label):
            continue
        if not _is_total(drafts, i):
            members.append(i)
            continue
        segments.append((members, i))
        members = []
    segments.append((members, None))
    return segments


def _total_hits(
    chosen: dict[int, tuple[Cell, ...]],
    part: list[int],
    members: list[int],
    total: int,
    width: int,
) -> Callable[[list[tuple[Decimal, ...]]], int]:
    """How many columns of the `total` row equal the sum of the `members` above it (within
    rounding), as a function of the values of the `part` lines in a combination (the other
    lines' sums taken once)."""
    tolerance = Decimal(len(members) + 1) / 2
    fixed = [
        sum((value(chosen[i][c]) for i in members if i not in part), Decimal(0))
        for c in range(width)
    ]
    at_total = part.index(total) if total in part else None
    fixed_total = _values(chosen[total]) if at_total is None else None
    summed = [position for position, line in enumerate(part) if line != total]

    def hits(values: list[tuple[Decimal, ...]]) -> int:
        totals = fixed_total if at_total is None else values[at_total]
        columns = zip(fixed, totals, *(values[p] for p in summed), strict=True)
        return sum(abs(sum(parts, start) - total) <= tolerance for start, total, *parts in columns)

    return hits
