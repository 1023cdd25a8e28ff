"""Placing an indicator values line in its columns: by the spacing when exactly one reading
fits the header's column count, else by a reviewed override, else not at all (a reject).

Empty cells vanish from the extracted text but leave their space behind (GLOSSARY.md), so
`   19% 65% 30%` is three empty outcomes followed by August, target and forecast.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ingest.indicators.model import IndicatorCell, IndicatorColumn, IndicatorError
from ingest.numbers import cell_readings, parse_number
from ingest.reviewed import PlacementOverride
from ingest.text import Line, normalize_spaces
from ingest.tokens import ValuesLine

_LEVEL_MARK = re.compile(r"^\((?P<level>N|KF)\) ")


def place_line(
    values: ValuesLine,
    columns: list[IndicatorColumn],
    line: Line,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[list[IndicatorCell], str]:
    """The cells of a values line and how they were placed: by the spacing, or by a reviewed
    override where the spacing admits no single reading. An override that no longer matches
    its line, or that the spacing makes needless, is an error."""
    override = overrides.get(line.number)
    try:
        cells = place_values(values, columns)
    except ValueError:
        if override is None:
            raise
        return _overridden_cells(override, columns, line), "override"
    if override is not None:
        raise IndicatorError(
            f"override for line {line.number} is needless: the spacing places it", line.number
        )
    return cells, "spacing"


def _overridden_cells(
    override: PlacementOverride, columns: list[IndicatorColumn], line: Line
) -> list[IndicatorCell]:
    if normalize_spaces(line.text) != normalize_spaces(override.printed_line):
        raise IndicatorError(
            f"override for line {line.number} was reviewed for {override.printed_line!r}, "
            f"the line now reads {line.text.strip()!r}",
            line.number,
        )
    if len(override.cells) != len(columns):
        raise IndicatorError(
            f"override for line {line.number} has {len(override.cells)} cells for "
            f"{len(columns)} columns",
            line.number,
        )
    cells: list[IndicatorCell] = []
    for column, text in zip(columns, override.cells, strict=True):
        number = text.removesuffix("%").strip()
        value = parse_number(number) if number else None
        cells.append(IndicatorCell(column, number, value, text.endswith("%")))
    return cells


def place_values(values: ValuesLine, columns: list[IndicatorColumn]) -> list[IndicatorCell]:
    """The cells of a values line, one per column; ValueError unless exactly one reading."""
    readings = cell_readings(values.cell_tokens, len(columns))
    if len(readings) != 1:
        raise ValueError(
            f"{len(readings)} readings of {' '.join(values.cell_tokens)!r} "
            f"as {len(columns)} columns"
        )
    is_percent = values.has_percent  # one indicator, one unit: `19% 65% 30%`
    return [
        IndicatorCell(column, cell.text, cell.value, is_percent and cell.value is not None)
        for column, cell in zip(columns, readings[0], strict=True)
    ]


def split_level_mark(label: str) -> tuple[str | None, str]:
    """`(N) Antal besök …` → ('N', 'Antal besök …')."""
    match = _LEVEL_MARK.match(label)
    if match is None:
        return None, label
    return match.group("level"), label[match.end() :]
