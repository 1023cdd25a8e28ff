"""Indicator tables: the values of each indicator, placed in their column by the spacing.

Three layouts are read by structure and header words, wherever they stand in a report (one
module each): tertial outcomes (tertial.py), monthly (monthly.py) and by level with
assessment and trend (level.py). A values line is placed only when the spacing admits
exactly one reading of the header's column count (placement.py); otherwise the row is
rejected with its line, never placed by position alone. A table whose header cannot be
read rejects itself; the report's other tables still load.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ingest.goals.followup import goal_area_before
from ingest.indicators.columns import parse_column_header
from ingest.indicators.level import TITLE as LEVEL_TITLE
from ingest.indicators.level import read_level_table
from ingest.indicators.model import (
    IndicatorCell,
    IndicatorColumn,
    IndicatorError,
    IndicatorRow,
    IndicatorTable,
)
from ingest.indicators.monthly import TITLE as MONTHLY_TITLE
from ingest.indicators.monthly import read_monthly_table
from ingest.indicators.placement import place_values, split_level_mark
from ingest.indicators.tertial import TITLE as TERTIAL_TITLE
from ingest.indicators.tertial import read_tertial_table
from ingest.rejects import Reject
from ingest.reviewed import PlacementOverride
from ingest.text import Line, next_text


def find_indicator_tables(
    lines: Sequence[Line],
    furniture: set[int],
    report_start: date,
    report_end: date,
    overrides: Mapping[int, PlacementOverride] | None = None,
) -> tuple[list[IndicatorTable], list[Reject]]:
    """Every indicator table of a report, in the order they appear, and the tables that
    could not be read (as rejects naming their line); `overrides` are the report's reviewed
    placements by line."""
    overrides = overrides or {}
    period = (report_start, report_end)
    content = [line for line in lines if line.number not in furniture]
    tables: list[IndicatorTable] = []
    failures: list[Reject] = []
    index = 0
    while index < len(content):
        start = index
        text = content[index].text.strip()
        try:
            if TERTIAL_TITLE.match(text):
                table, index = read_tertial_table(content, index, period, overrides)
            elif LEVEL_TITLE.match(text):
                table, index = read_level_table(content, index, period, overrides)
            elif MONTHLY_TITLE.match(text) and next_text(content, index + 1)[1] is not None:
                found = read_monthly_table(content, index, period, overrides)
                if found is None:
                    index += 1
                    continue
                table, index = found
            else:
                index += 1
                continue
        except IndicatorError as error:
            failures.append(
                Reject(error.line, None, content[start].text, f"indicator table not read: {error}")
            )
            index = start + 1
            continue
        area = goal_area_before(content, start)
        for row in table.rows:
            row.goal_area = row.goal_area or area
        tables.append(table)
    return tables, failures


__all__ = [
    "IndicatorCell",
    "IndicatorColumn",
    "IndicatorError",
    "IndicatorRow",
    "IndicatorTable",
    "find_indicator_tables",
    "parse_column_header",
    "place_values",
    "split_level_mark",
]
