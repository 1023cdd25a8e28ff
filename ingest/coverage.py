"""Nothing skipped in silence: the fate of every table-shaped line of a report.

A line that looks like a table row (a label followed by two or more numbers, or numbers
alone) is placed (a row of a table, an indicator row, a reviewed strategic-goal value) or
rejected with a reason; one that no reader placed or rejected becomes a reject here. The
rest of the text is prose. Title and header lines of the tables read are not rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingest.rejects import Reject
from ingest.tables.generic import is_table_shaped
from ingest.text import Line

UNPLACED = "table-shaped line that no reader placed (outside every table it could read)"


@dataclass(frozen=True)
class Placement:
    line: int
    placed_in: str  # table | indicator_table | reviewed_value
    table_id: str | None


@dataclass(frozen=True)
class LineOutcome:
    line: int
    outcome: str  # placed | rejected
    placed_in: str | None
    table_id: str | None


def account_lines(
    lines: Sequence[Line],
    furniture: set[int],
    placements: Iterable[Placement],
    rejects: Iterable[Reject],
    header_lines: set[int],
) -> tuple[list[LineOutcome], list[Reject]]:
    """The outcome of every table-shaped or placed line, and a reject for each table-shaped
    line nothing accounted for."""
    placed = {p.line: p for p in placements}
    rejected = {r.line for r in rejects if r.line is not None}
    outcomes: list[LineOutcome] = []
    unplaced: list[Reject] = []
    for line in lines:
        if line.number in placed:
            where = placed[line.number]
            outcomes.append(LineOutcome(line.number, "placed", where.placed_in, where.table_id))
            continue
        shaped = (
            not line.is_blank
            and line.number not in furniture
            and line.number not in header_lines
            and is_table_shaped(line.text)
        )
        if line.number in rejected or shaped:
            outcomes.append(LineOutcome(line.number, "rejected", None, None))
        if shaped and line.number not in rejected:
            unplaced.append(Reject(line.number, None, line.text, UNPLACED))
    return outcomes, unplaced
