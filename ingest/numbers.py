"""Swedish report numbers: `-1 175`, `- 35`, `84,4`, empty cells.

The extracted text separates cells with one space and marks every empty cell with one more
space, but thousands groups are separated by a space too. So a run of digit groups such as
`1 584 -38 196` has several readings; `cell_readings` lists all of them and the table parser
chooses among them by column count and arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

_FIRST_GROUP = re.compile(r"^(?:0|[1-9]\d{0,2})(?:,\d+)?$")
_LONE_NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:,\d+)?$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}(?:,\d+)?$")
_NUMBER = re.compile(r"(-)? ?((?:0|[1-9]\d{0,2})(?: \d{3})*|[1-9]\d*)(,\d+)?")
_NUMERIC_TOKEN = re.compile(r"^-?\d+(?:,\d+)?$|^-$|^-?\d{1,3}(?:[\xa0\u202f]\d{3})+(?:,\d+)?$")
# A no-break space inside a number is a thousands separator for certain, never a cell boundary.
_GLUED_SPACES = ("\xa0", "\u202f")

MAX_READINGS = 5000


@dataclass(frozen=True)
class Cell:
    """One table cell: the printed text and its value (None for an empty cell)."""

    text: str
    value: Decimal | None

    @property
    def is_empty(self) -> bool:
        return self.value is None


EMPTY = Cell("", None)


@lru_cache(maxsize=65536)  # asked of every token of every line, several times
def is_numeric_token(token: str) -> bool:
    """A token that can belong to a number: `-1`, `175`, `84,4` or a lone minus sign."""
    return bool(_NUMERIC_TOKEN.match(token))


def parse_number(text: str) -> Decimal:
    """Parse one Swedish-formatted number: `-1 175` → -1175, `- 35` → -35, `84,4` → 84.4."""
    match = _NUMBER.fullmatch(text.strip().replace("\u2212", "-"))
    if not match:
        raise ValueError(f"not a Swedish number: {text!r}")
    sign, digits, decimals = match.groups()
    value = Decimal(digits.replace(" ", "") + (decimals or "").replace(",", "."))
    return -value if sign else value


def _numbers_from(tokens: Sequence[str], start: int) -> Iterator[tuple[Cell, int]]:
    """Every number that can begin at tokens[start]: yields (cell, index after it)."""
    sign_tokens = 0
    if tokens[start] == "-":
        sign_tokens = 1
        if start + 1 >= len(tokens):
            return
    head = tokens[start + sign_tokens]
    negative = sign_tokens == 1
    if head.startswith("-"):
        if negative:
            return
        negative, head = True, head[1:]
    if any(space in head for space in _GLUED_SPACES):
        groups = re.split("[\xa0\u202f]", head)
        end = start + sign_tokens + 1
        yield _cell(tokens[start:end], negative, groups), end
        return
    if _LONE_NUMBER.match(head) and not _FIRST_GROUP.match(head):
        # An ungrouped long number (`61181`) cannot take further groups.
        end = start + sign_tokens + 1
        yield _cell(tokens[start:end], negative, [head]), end
        return
    if not _FIRST_GROUP.match(head):
        return
    groups = [head]
    end = start + sign_tokens + 1
    yield _cell(tokens[start:end], negative, groups), end
    while "," not in groups[-1] and end < len(tokens) and _THOUSANDS_GROUP.match(tokens[end]):
        groups.append(tokens[end])
        end += 1
        yield _cell(tokens[start:end], negative, groups), end


def _cell(printed: Sequence[str], negative: bool, groups: list[str]) -> Cell:
    digits = "".join(groups).replace(",", ".")
    value = Decimal(digits)
    text = re.sub("[\xa0\u202f]", " ", " ".join(printed))
    return Cell(text, -value if negative else value)


def cell_readings(tokens: list[str], width: int | None = None) -> list[tuple[Cell, ...]]:
    """All ways to read cell tokens as a row of cells (of exactly `width` cells, if given).

    `tokens` is the part of a line after its label, split on single spaces, so an empty
    string stands for an empty cell. A lone `-` is either an empty cell or a minus sign
    standing apart from its number; both readings are returned.
    """
    steps = _steps(tuple(tokens))
    # with a width, only the branches that can still end in exactly `width` cells are walked
    widths_after = _widths_after(tuple(tokens)) if width is not None else None
    readings: list[tuple[Cell, ...]] = []

    def walk(index: int, cells: tuple[Cell, ...]) -> None:
        if len(readings) >= MAX_READINGS:
            raise ValueError(f"too many readings of {' '.join(tokens)!r}")
        if index == len(tokens):
            readings.append(cells)
            return
        for cell, after in steps[index]:
            if widths_after is None or width - len(cells) - 1 in widths_after[after]:
                walk(after, (*cells, cell))

    walk(0, ())
    return readings


def possible_widths(tokens: list[str]) -> frozenset[int]:
    """How many cells the tokens can be read as, without listing the readings."""
    return _widths_after(tuple(tokens))[0]


Steps = tuple[tuple[tuple[Cell, int], ...], ...]


@lru_cache(maxsize=4096)  # a line's widths are asked before its readings, often twice
def _steps(tokens: tuple[str, ...]) -> Steps:
    """For each token, the cells a reading can take there, each with the index after it: an
    empty cell (for `` and a lone `-`), then every number that begins there."""
    steps: list[tuple[tuple[Cell, int], ...]] = []
    for index, token in enumerate(tokens):
        here = [(Cell(token, None), index + 1)] if token in ("", "-") else []
        if token != "":
            here += _numbers_from(tokens, index)
        steps.append(tuple(here))
    return tuple(steps)


@lru_cache(maxsize=4096)  # a header's width is tried against the same lines many times
def _widths_after(tokens: tuple[str, ...]) -> tuple[frozenset[int], ...]:
    """For each token index, how many cells the tokens from there to the end can be read as
    (dynamic programming from the end; the last entry, after every token, is {0})."""
    steps = _steps(tokens)
    widths: list[frozenset[int]] = [frozenset() for _ in steps] + [frozenset({0})]
    for index in range(len(steps) - 1, -1, -1):
        widths[index] = frozenset(count + 1 for _, after in steps[index] for count in widths[after])
    return tuple(widths)
