"""Indicator column headers: what a column holds (actual, target, forecast) and for which
period, parsed from its period words."""

from __future__ import annotations

import re
from datetime import date

from ingest.indicators.model import IndicatorColumn, IndicatorError
from ingest.periods import MONTHS, month_end, month_number, two_digit_year


def parse_column_header(header: str, report_start: date, report_end: date) -> IndicatorColumn:
    """What an indicator column holds and for which period.

    `Utfall 2016` is the outcome of 2016, but `Utfall 2018` in a report on 2018 is the outcome
    so far (the report's own period); `Utfall Aug 2025` is January-August; `Mål` without a year
    is the target of the report's year; `nov-19` and `januari` are single months.
    """
    words = header.split()
    year = report_end.year
    if words[0] == "Utfall" and len(words) == 2 and words[1].isdigit():
        year = int(words[1])
        if year == report_end.year:
            return IndicatorColumn(header, "actual", report_start, report_end)
        return IndicatorColumn(header, "actual", date(year, 1, 1), date(year, 12, 31))
    if words[0] == "Utfall" and len(words) == 3 and words[2].isdigit():
        month = month_number(words[1])
        if month is not None:
            year = int(words[2])
            return IndicatorColumn(header, "actual", date(year, 1, 1), month_end(year, month))
    if words[0] in ("Mål", "Prognos") and len(words) <= 2:
        if len(words) == 2:
            if not words[1].isdigit():
                raise ValueError(f"unknown indicator column header {header!r}")
            year = int(words[1])
        role = "target" if words[0] == "Mål" else "forecast"
        return IndicatorColumn(header, role, date(year, 1, 1), date(year, 12, 31))
    month_match = re.fullmatch(r"([a-zåäö]{3})-(\d\d)", header.lower())
    if month_match and month_number(month_match.group(1)) is not None:
        month = month_number(month_match.group(1))
        year = two_digit_year(month_match.group(2))
        return IndicatorColumn(header, "actual", date(year, month, 1), month_end(year, month))
    if header.lower() in MONTHS:
        month = MONTHS[header.lower()]
        if month > report_end.month:  # a month after the report's period is last year's
            year -= 1
        return IndicatorColumn(header, "actual", date(year, month, 1), month_end(year, month))
    raise ValueError(f"unknown indicator column header {header!r}")


_HEADER_PHRASE = re.compile(
    r"\bUtfall(?: [A-ZÅÄÖ][a-zåäö]{2})? \d{4}|\bMål(?: \d{4})?\b|\bPrognos \d{4}"
)


def header_columns(
    header_text: str, line: int, report_start: date, report_end: date
) -> list[IndicatorColumn]:
    """The value columns named in a joined header (`… Utfall 2022 … Mål 2025 Prognos 2025 …`)."""
    phrases = _HEADER_PHRASE.findall(header_text)
    if not phrases:
        raise IndicatorError(f"indicator table header names no column: {header_text!r}", line)
    try:
        return [parse_column_header(phrase, report_start, report_end) for phrase in phrases]
    except ValueError as error:
        raise IndicatorError(str(error), line) from error
