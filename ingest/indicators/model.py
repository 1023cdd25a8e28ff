"""What the indicator readers produce: tables of indicator rows, each cell in its column."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ingest.rejects import Reject


class IndicatorError(Exception):
    """A report's indicator table cannot be read at all (unknown header, stale override)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class IndicatorColumn:
    header: str  # as printed, wrapped lines joined: `Utfall Aug 2025`
    value_role: str  # actual | target | forecast
    period_start: date
    period_end: date


@dataclass(frozen=True)
class IndicatorCell:
    column: IndicatorColumn
    printed_text: str  # '' for an empty cell, `-` for a printed dash
    value: Decimal | None
    is_percent: bool


@dataclass
class IndicatorRow:
    row_number: int
    indicator: str
    label_line: int
    source_line: int  # the line that holds the values
    cells: list[IndicatorCell]
    placement: str = "spacing"  # spacing | override
    indicator_level: str | None = None  # KF | Nämnd | N (the `(N)` mark)
    goal_area: str | None = None
    responsible_unit: str | None = None
    reported_assessment: str | None = None
    reported_trend: str | None = None


@dataclass
class IndicatorTable:
    layout: str  # tertial_outcomes | monthly | outcome_target_forecast
    title: str
    title_line: int
    last_line: int
    indicator_level: str | None
    columns: list[IndicatorColumn]
    rows: list[IndicatorRow] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


Period = tuple[date, date]  # the report's period: first and last day
