"""Indicator tables: the values of each indicator, placed in their column by the spacing.

Three layouts are read by structure and header words, wherever they stand in a report:

- `Indikatorer Utfall 2016 Utfall 2017 Utfall 2018 Mål` (tertial reports): per indicator a
  wrapped label, then a line of values that ends in the tertial markers `T1` / `T2` / `T3`;
- `Indikatorer` with month headers `nov-19 dec-19 januari` (monthly reports): label and values
  on one line, or the label wrapped above a line of values, under all-caps group headings;
- `Indikator (KF)` / `Indikator (Nämnd)` with `Ansvarig avdelning`, `Utfall 2022` …
  `Utfall Aug 2025`, `Mål 2025`, `Prognos 2025`, `Bedömning Trend` (interim reports): label,
  responsible unit, a line of values with the assessment and trend (which may wrap below it),
  and a `Senaste kommentar` paragraph.

Empty cells vanish from the extracted text but leave their space behind (GLOSSARY.md: one
space per cell boundary, one more per empty cell), so `   19% 65% 30% Ej uppfyllt` is three
empty outcomes followed by August, target and forecast. A values line is placed only when the
spacing admits exactly one reading of the header's column count; otherwise the row is
rejected with its line, never placed by position alone.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from ingest.followup import (
    ASSESSMENT_START,
    BLOCK_START,
    COMMENT,
    collect_narrow,
    goal_area_before,
    header_end,
    name_and_unit,
    read_assessment,
    unread_item,
)
from ingest.metadata import MONTHS
from ingest.numbers import cell_readings, is_numeric_token, parse_number
from ingest.tables import Reject
from ingest.text import Line, join_fragments, next_text, normalize_spaces, paragraph_at


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


@dataclass(frozen=True)
class PlacementOverride:
    """A reviewed placement of one values line the spacing cannot place
    (reports/indicator_overrides.csv): the line as printed, its cells per column, and why."""

    report_id: str
    line: int
    printed_line: str
    cells: tuple[str, ...]  # per column: `19%`, `-15`, or '' for an empty cell
    justification: str


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


_TERTIAL_MARKER = re.compile(r"^(?P<body>.*?) ?T1 ?$")
_LEVEL_TITLE = re.compile(r"^Indikator \((?P<level>KF|Nämnd)\) Ansvarig\b")
_TERTIAL_TITLE = re.compile(r"^Indikatorer Utfall ?$")
_MONTHLY_TITLE = re.compile(r"^Indikatorer ?$")
_MONTH_HEADER = re.compile(
    r"^(?:(?:[a-zåäö]{3}-\d\d|" + "|".join(MONTHS) + r")(?: |$))+$", re.IGNORECASE
)
_GROUP_HEADING = re.compile(r"^\d+(?:\.\d+)* [A-ZÅÄÖ/ ]+$")
_LEVEL_MARK = re.compile(r"^\((?P<level>N|KF)\) ")
_ABBREVIATED_MONTHS = {name[:3]: number for name, number in MONTHS.items()}
MAX_LABEL_LINES = 8
MAX_MONTHLY_LABEL_LINES = 3
MAX_TERTIAL_LABEL_LINES = 4


def find_indicator_tables(
    lines: Sequence[Line],
    furniture: set[int],
    report_start: date,
    report_end: date,
    overrides: Mapping[int, PlacementOverride] | None = None,
) -> list[IndicatorTable]:
    """Every indicator table of a report, in the order they appear; `overrides` are the
    report's reviewed placements by line."""
    overrides = overrides or {}
    content = [line for line in lines if line.number not in furniture]
    tables: list[IndicatorTable] = []
    index = 0
    while index < len(content):
        start = index
        text = content[index].text.strip()
        if _TERTIAL_TITLE.match(text):
            table, index = _read_tertial_table(
                content, index, (report_start, report_end), overrides
            )
        elif _LEVEL_TITLE.match(text):
            table, index = _read_level_table(content, index, (report_start, report_end), overrides)
        elif _MONTHLY_TITLE.match(text) and next_text(content, index + 1)[1] is not None:
            found = _read_monthly_table(content, index, (report_start, report_end), overrides)
            if found is None:
                index += 1
                continue
            table, index = found
        else:
            index += 1
            continue
        area = goal_area_before(content, start)
        for row in table.rows:
            row.goal_area = row.goal_area or area
        tables.append(table)
    return tables


# --- headers ---------------------------------------------------------------------------


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
        month = _ABBREVIATED_MONTHS.get(words[1].lower()[:3])
        if month is not None:
            year = int(words[2])
            return IndicatorColumn(header, "actual", date(year, 1, 1), _month_end(year, month))
    if words[0] in ("Mål", "Prognos") and len(words) <= 2:
        if len(words) == 2:
            if not words[1].isdigit():
                raise ValueError(f"unknown indicator column header {header!r}")
            year = int(words[1])
        role = "target" if words[0] == "Mål" else "forecast"
        return IndicatorColumn(header, role, date(year, 1, 1), date(year, 12, 31))
    month_match = re.fullmatch(r"([a-zåäö]{3})-(\d\d)", header.lower())
    if month_match and month_match.group(1) in _ABBREVIATED_MONTHS:
        month = _ABBREVIATED_MONTHS[month_match.group(1)]
        year = 2000 + int(month_match.group(2))
        return IndicatorColumn(header, "actual", date(year, month, 1), _month_end(year, month))
    if header.lower() in MONTHS:
        month = MONTHS[header.lower()]
        if month > report_end.month:  # a month after the report's period is last year's
            year -= 1
        return IndicatorColumn(header, "actual", date(year, month, 1), _month_end(year, month))
    raise ValueError(f"unknown indicator column header {header!r}")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


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


# --- values lines ------------------------------------------------------------------------


@dataclass(frozen=True)
class ValuesLine:
    prefix: str  # text before the values (a label, or the responsible unit)
    cell_tokens: list[str]  # '' marks an empty cell; `%` units already dropped
    percent: list[bool]  # per cell token: printed with `%`
    tail: str  # text after the values (assessment and trend, or the tertial marker)


def split_values_line(text: str, tail_starts: set[str] | None = None) -> ValuesLine | None:
    """Split `prefix cells tail` by the spacing; None if the line holds no cell.

    With `tail_starts`, the tail begins at the first word (after the prefix) that is one of
    them; without, the line has no tail.
    """
    body = text[:-1] if text.endswith(" ") else text
    body = re.sub("[\u2212\u2013](?=\\d)", "-", body)
    tokens = body.split(" ")
    tokens, percent = _drop_percent(tokens)
    start = 0
    while start < len(tokens) and tokens[start] and not is_numeric_token(tokens[start]):
        start += 1
    end = len(tokens)
    if tail_starts is not None:
        end = next((i for i in range(start, len(tokens)) if tokens[i] in tail_starts), len(tokens))
    prefix_tokens = tokens[:start]
    cells = tokens[start:end]
    if prefix_tokens and not cells:
        return None
    if any(token and not is_numeric_token(token) for token in cells):
        # A word among the values: the prefix goes on after a number (`0-12 år`, `Ej`).
        last_word = max(i for i, token in enumerate(cells) if token and not is_numeric_token(token))
        prefix_tokens = prefix_tokens + cells[: last_word + 1]
        start += last_word + 1
        cells = tokens[start:end]
    if not any(token for token in cells) and prefix_tokens and tail_starts is None:
        return None
    return ValuesLine(
        prefix=normalize_spaces(" ".join(prefix_tokens)),
        cell_tokens=cells,
        percent=percent[start:end],
        tail=" ".join(tokens[end:]),
    )


def _drop_percent(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """`54 %` and `5,6%` → `54`, `5,6`, each marked as printed with a percent sign."""
    kept: list[str] = []
    percent: list[bool] = []
    for token in tokens:
        if token == "%" and kept and is_numeric_token(kept[-1]) and kept[-1] != "-":
            percent[-1] = True
            continue
        if token.endswith("%") and is_numeric_token(token[:-1]):
            kept.append(token[:-1])
            percent.append(True)
            continue
        kept.append(token)
        percent.append(False)
    return kept, percent


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


def read_placement_overrides(path: Path) -> dict[str, dict[int, PlacementOverride]]:
    """Report id → line → reviewed override; no file, no overrides."""
    if not path.exists():
        return {}
    overrides: dict[str, dict[int, PlacementOverride]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            override = PlacementOverride(
                row["report_id"],
                int(row["source_line"]),
                row["printed_line"],
                tuple(cell.strip() for cell in row["cells"].split("|")),
                row["justification"],
            )
            if not override.justification.strip():
                raise ValueError(f"{path.name}: override for line {override.line} says no why")
            overrides.setdefault(override.report_id, {})[override.line] = override
    return overrides


def place_values(values: ValuesLine, columns: list[IndicatorColumn]) -> list[IndicatorCell]:
    """The cells of a values line, one per column; ValueError unless exactly one reading."""
    readings = cell_readings(values.cell_tokens, len(columns))
    if len(readings) != 1:
        raise ValueError(
            f"{len(readings)} readings of {' '.join(values.cell_tokens)!r} "
            f"as {len(columns)} columns"
        )
    is_percent = any(values.percent)  # one indicator, one unit: `19% 65% 30%`
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


# --- layouts -----------------------------------------------------------------------------


Period = tuple[date, date]  # the report's period: first and last day


def _read_tertial_table(
    content: Sequence[Line],
    index: int,
    period: Period,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[IndicatorTable, int]:
    """`Indikatorer Utfall` / `2016` / `Utfall` / `2017` … `Mål`, then rows ending in T1-T3."""
    title_line = content[index].number
    header = [content[index].text]
    index += 1
    while index < len(content):
        line = content[index]
        index += 1
        if line.is_blank:
            continue
        header.append(line.text)
        if re.search(r"\bMål\s*$", line.text):
            break
    header_text = join_fragments(header)
    columns = header_columns(header_text, title_line, *period)
    table = IndicatorTable("tertial_outcomes", "Indikatorer", title_line, title_line, None, columns)
    pending: list[Line] = []  # label lines waiting for their values, maybe over a page break
    pending_at = index
    while True:
        paragraph, after = paragraph_at(content, index)
        if not paragraph:
            break
        first = _TERTIAL_MARKER.match(paragraph[0].text.rstrip(" "))
        markers, after_markers = _tertial_markers(content, paragraph, after)
        if first is None or markers != ["T2", "T3"]:
            if not pending:
                pending_at = index
            pending = [*pending, *paragraph]
            if len(pending) > MAX_TERTIAL_LABEL_LINES:
                return table, pending_at  # the narrative under the table
            index = after
            continue
        values = split_values_line(first.group("body") + " ")  # the line's own trailing space
        label_lines = [*pending, paragraph[0]] if pending else [paragraph[0]]
        prefix = values.prefix if values else first.group("body")
        label = join_fragments([line.text for line in pending] + [prefix])
        level, indicator = split_level_mark(label)
        row_number = len(table.rows) + 1
        try:
            if values is None:
                raise ValueError("no values")
            cells, placement = place_line(values, columns, paragraph[0], overrides)
        except ValueError as error:
            table.rejects.append(
                Reject(paragraph[0].number, indicator, paragraph[0].text, str(error))
            )
        else:
            table.rows.append(
                IndicatorRow(
                    row_number,
                    indicator,
                    label_lines[0].number,
                    paragraph[0].number,
                    cells,
                    placement,
                    indicator_level=level,
                )
            )
        table.last_line = content[after_markers - 1].number
        pending = []
        index = after_markers
    return table, index


def _tertial_markers(
    content: Sequence[Line], paragraph: list[Line], after: int
) -> tuple[list[str], int]:
    """The `T2` and `T3` lines under a values line ending in `T1`, in its paragraph or, after a
    page break, in the lines that follow; and the index after them."""
    markers = [line.text.strip() for line in paragraph[1:]]
    index = after
    while len(markers) < 2:
        at, text = next_text(content, index)
        if text is None or text.strip() not in ("T2", "T3"):
            break
        markers.append(text.strip())
        index = at + 1
    return markers, index


def _read_monthly_table(
    content: Sequence[Line],
    index: int,
    period: Period,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[IndicatorTable, int] | None:
    """`Indikatorer`, a month header, then group headings and rows; a month header again
    starts a new set of columns."""
    header_index, header = next_text(content, index + 1)
    if header is None or not _MONTH_HEADER.match(header.strip()):
        return None
    table = IndicatorTable(
        "monthly", "Indikatorer", content[index].number, content[header_index].number, None, []
    )
    columns = _month_columns(content[header_index], period)
    table.columns = list(columns)
    index = header_index + 1
    group: str | None = None
    pending: list[Line] = []  # label lines waiting for their values, maybe over a page break
    pending_at = index
    while True:
        paragraph, after = paragraph_at(content, index)
        if not paragraph or paragraph[0].text.lstrip().startswith("*"):
            break
        text = paragraph[0].text.strip()
        if _MONTH_HEADER.match(text):
            columns = _month_columns(paragraph[0], period)
            table.columns += [c for c in columns if c not in table.columns]
            index = after
            continue
        if _GROUP_HEADING.match(text) and len(paragraph) == 1:
            group, pending, index = text, [], after
            continue
        values = split_values_line(paragraph[-1].text)
        if values is None or not any(values.cell_tokens):
            if not pending:
                pending_at = index
            pending = [*pending, *paragraph]
            if len(pending) > MAX_MONTHLY_LABEL_LINES:
                return table, pending_at  # text, not a label: the table has ended
            index = after
            continue
        label_lines = [*pending, *paragraph]
        label = join_fragments(
            [line.text for line in [*pending, *paragraph[:-1]]] + [values.prefix]
        )
        row_number = len(table.rows) + 1
        try:
            cells, placement = place_line(values, columns, paragraph[-1], overrides)
        except ValueError as error:
            table.rejects.append(
                Reject(paragraph[-1].number, label, paragraph[-1].text, str(error))
            )
        else:
            table.rows.append(
                IndicatorRow(
                    row_number,
                    label,
                    label_lines[0].number,
                    paragraph[-1].number,
                    cells,
                    placement,
                    goal_area=group,
                )
            )
        table.last_line = paragraph[-1].number
        pending, index = [], after
    return table, index


def _month_columns(line: Line, period: Period) -> list[IndicatorColumn]:
    try:
        return [parse_column_header(word, *period) for word in line.text.split()]
    except ValueError as error:
        raise IndicatorError(str(error), line.number) from error


def _read_level_table(
    content: Sequence[Line],
    index: int,
    period: Period,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[IndicatorTable, int]:
    """`Indikator (KF) Ansvarig avdelning Utfall 2022 … Bedömning Trend`, then per row: label,
    unit, values with assessment and trend, `Senaste kommentar` paragraph."""
    title = content[index].text.strip()
    level = _LEVEL_TITLE.match(title).group("level")  # type: ignore[union-attr]
    title_line = content[index].number
    end = header_end(content, index, "Bedömning Trend")
    header = [line.text for line in content[index:end]]
    index = end
    columns = header_columns(join_fragments(header), title_line, *period)
    table = IndicatorTable(
        "outcome_target_forecast", f"Indikator ({level})", title_line, index, level, columns
    )
    paragraphs: list[list[Line]] = []  # text paragraphs since the last row: label, unit
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph:
            break
        first = paragraph[0].text
        if BLOCK_START.match(first):
            break
        values_at = next(
            (i for i, line in enumerate(paragraph) if _is_level_values_line(line.text)), None
        )
        if values_at is None:
            if COMMENT.match(first):
                if (unread := unread_item(paragraphs, "indicator row")) is not None:
                    table.rejects.append(unread)
                paragraphs = []
            else:
                paragraphs = collect_narrow(paragraphs, paragraph)
            index = after
            continue
        line = paragraph[values_at]
        values = split_values_line(line.text, ASSESSMENT_START)
        assert values is not None
        tail_lines, index = _assessment_lines(content, paragraph, values_at, after)
        row = _level_row(
            table, paragraphs, paragraph[:values_at], line, values, tail_lines, overrides
        )
        if row is not None:
            table.rows.append(row)
        table.last_line = line.number
        paragraphs = []
    return table, index


def _is_level_values_line(text: str) -> bool:
    """Cells (numbers, or the spaces of empty cells) followed by an assessment word; a line
    with the wrong number of cells is still a values line, to be rejected, never skipped."""
    values = split_values_line(text, ASSESSMENT_START)
    if values is None or not values.tail:
        return False
    return any(values.cell_tokens) or len(values.cell_tokens) >= 2


def _assessment_lines(
    content: Sequence[Line], paragraph: list[Line], values_at: int, after: int
) -> tuple[list[str], int]:
    """The assessment and trend words below a values line, up to `Senaste kommentar`
    (they may wrap over blank lines: `Ej` / `uppfyllt` / `` / `Negativ`)."""
    tail = [line.text for line in paragraph[values_at + 1 :]]
    if any(COMMENT.match(text) for text in tail):
        cut = next(i for i, text in enumerate(tail) if COMMENT.match(text))
        return tail[:cut], after
    index = after
    while index < len(content) and not COMMENT.match(content[index].text):
        if not content[index].is_blank:
            if len(content[index].text.strip()) > 20:
                break
            tail.append(content[index].text)
        index += 1
    return tail, index


def _level_row(
    table: IndicatorTable,
    paragraphs: list[list[Line]],
    above: list[Line],
    line: Line,
    values: ValuesLine,
    tail_lines: list[str],
    overrides: Mapping[int, PlacementOverride],
) -> IndicatorRow | None:
    label_lines, unit = name_and_unit(paragraphs, above, values.prefix)
    label = join_fragments([ln.text for ln in label_lines])
    if not label or len(label_lines) > MAX_LABEL_LINES:
        table.rejects.append(
            Reject(line.number, None, line.text, "indicator row without a label above")
        )
        return None
    try:
        cells, placement = place_line(values, table.columns, line, overrides)
        assessment, trend = read_assessment(join_fragments([values.tail + " ", *tail_lines]))
    except ValueError as error:
        table.rejects.append(Reject(line.number, label, line.text, str(error)))
        return None
    return IndicatorRow(
        len(table.rows) + 1,
        label,
        label_lines[0].number,
        line.number,
        cells,
        placement,
        indicator_level=table.indicator_level,
        responsible_unit=unit or None,
        reported_assessment=assessment,
        reported_trend=trend,
    )
