"""Row roles: totals and `varav` rows by their labels, subtotals by arithmetic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ingest.numbers import Cell
from ingest.tables.model import Row

TOTAL_LABEL = re.compile(r"^(?:total\s+)?(?:summa|totalt|total)\b", re.IGNORECASE)
VARAV_LABEL = re.compile(r"^(?:[-–]\s*)?varav\b", re.IGNORECASE)
NET_LABEL = re.compile(r"(?:^|\s)netto$", re.IGNORECASE)


def value(cell: Cell) -> Decimal:
    return cell.value if cell.value is not None else Decimal(0)


def _sum_matches(parent: Row, block: Sequence[Row]) -> bool:
    """Does `parent` equal the sum of `block` in most columns (within rounding)?"""
    tolerance = Decimal(len(block) + 1) / 2 * _rounding(parent, block)
    compared = matched = nonzero = 0
    for column, cell in enumerate(parent.cells):
        parts = [row.cells[column] for row in block]
        if cell.is_empty and all(p.is_empty for p in parts):
            continue
        compared += 1
        if abs(value(cell) - sum((value(p) for p in parts), Decimal(0))) <= tolerance:
            matched += 1
            nonzero += bool(value(cell))
    return compared >= 3 and nonzero >= 1 and matched >= 0.7 * compared


def _rounding(parent: Row, block: Sequence[Row]) -> Decimal:
    """The unit of the last printed digit: 1 for whole numbers, 0.1 for `-145,2`."""
    exponents = [
        cell.value.as_tuple().exponent
        for row in (parent, *block)
        for cell in row.cells
        if cell.value is not None
    ]
    return Decimal(1).scaleb(min((e for e in exponents if isinstance(e, int)), default=0))


def assign_roles(rows: list[Row], infer_subtotals: bool = True) -> None:
    """Mark totals and `varav` rows by their labels and subtotals by arithmetic, and link
    each component row to the row it adds up to."""
    for row in rows:
        row.is_varav = bool(VARAV_LABEL.match(row.label))
        if TOTAL_LABEL.match(row.label):
            row.role = "total"
    previous: Row | None = None
    for row in rows:
        if row.is_varav and previous is not None:
            row.parent_row_number = previous.row_number
        elif not row.is_varav:
            previous = row
    if infer_subtotals:
        _close_with_net_rows(rows)
    segment: list[Row] = []
    for row in rows:
        if row.is_varav:
            continue
        if row.role == "total":
            if infer_subtotals:
                _infer_subtotals(segment)
            for member in segment:
                if member.parent_row_number is None:
                    member.parent_row_number = row.row_number
            segment = []
        else:
            segment.append(row)
    if infer_subtotals:
        _infer_subtotals(segment)


def _close_with_net_rows(rows: list[Row]) -> None:
    """A `Netto` row with no `varav` parts of its own (`Kostnader` / `Intäkter` / `Netto`)
    totals the rows above it; one with parts (`Netto` / `- varav kostnader` / `- varav
    intäkter`) is their row."""
    parents = {row.parent_row_number for row in rows if row.is_varav}
    for row in rows:
        if NET_LABEL.search(row.label) and row.row_number not in parents and not row.is_varav:
            row.role = "total"


def _infer_subtotals(rows: list[Row]) -> None:
    """A row equal to the sum of the rows right below it (a group heading) or right above
    it (a group footer) is a subtotal of them."""
    claimed: set[int] = set()
    for i, row in enumerate(rows):
        if i in claimed:
            continue
        block_found: range | None = None
        for end in range(i + 1, len(rows)):
            block = range(i + 1, end + 1)
            if claimed & set(block) or rows[end].role == "subtotal":
                break
            if _sum_matches(row, [rows[j] for j in block]):
                block_found = block
                break
        if block_found is None:
            for begin in range(i - 2, -1, -1):
                block = range(begin, i)
                if claimed & set(block) or rows[begin].role == "subtotal":
                    break
                if _sum_matches(row, [rows[j] for j in block]):
                    block_found = block
        if block_found is None:
            continue
        row.role, row.role_evidence = "subtotal", "arithmetic"
        for j in block_found:
            rows[j].parent_row_number = row.row_number
        claimed.update(block_found)
        claimed.add(i)


def closes_with_total(rows: Sequence[Row]) -> bool:
    """The table ends in a total (by its label) or a subtotal (by arithmetic)."""
    lines = [row for row in rows if not row.is_varav]
    return bool(lines) and lines[-1].role in ("total", "subtotal")
