"""Indicator tables by level (`Indikator (KF)` / `Indikator (Nämnd)` with `Ansvarig
avdelning`, `Utfall 2022` … `Utfall Aug 2025`, `Mål 2025`, `Prognos 2025`, `Bedömning
Trend`): label, responsible unit, a line of values with the assessment and trend (which may
wrap below it), and a `Senaste kommentar` paragraph."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ingest.goals.followup import (
    ASSESSMENT_START,
    BLOCK_START,
    COMMENT,
    collect_narrow,
    header_end,
    name_and_unit,
    read_assessment,
    unread_item,
)
from ingest.indicators.columns import header_columns
from ingest.indicators.model import IndicatorRow, IndicatorTable, Period
from ingest.indicators.placement import place_line
from ingest.rejects import Reject
from ingest.reviewed import PlacementOverride
from ingest.text import Line, join_fragments, paragraph_at
from ingest.tokens import ValuesLine, split_values

TITLE = re.compile(r"^Indikator \((?P<level>KF|Nämnd)\) Ansvarig\b")
MAX_LABEL_LINES = 8
MAX_ASSESSMENT_LINE = 20  # a wrapped assessment or trend word; longer lines are text


def read_level_table(
    content: Sequence[Line],
    index: int,
    period: Period,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[IndicatorTable, int]:
    """`Indikator (KF) Ansvarig avdelning Utfall 2022 … Bedömning Trend`, then per row: label,
    unit, values with assessment and trend, `Senaste kommentar` paragraph."""
    title = content[index].text.strip()
    level = TITLE.match(title).group("level")  # type: ignore[union-attr]
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
            (i for i, line in enumerate(paragraph) if _is_values_line(line.text)), None
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
        values = split_values(line.text, ASSESSMENT_START)
        tail_lines, index = _assessment_lines(content, paragraph, values_at, after)
        row = _level_row(
            table, paragraphs, paragraph[:values_at], line, values, tail_lines, overrides
        )
        if row is not None:
            table.rows.append(row)
        table.last_line = line.number
        paragraphs = []
    return table, index


def _is_values_line(text: str) -> bool:
    """Cells (numbers, or the spaces of empty cells) followed by an assessment word; a line
    with the wrong number of cells is still a values line, to be rejected, never skipped."""
    if ASSESSMENT_START.isdisjoint(text.split()):
        return False  # no assessment word, so no tail: most lines, answered without a split
    values = split_values(text, ASSESSMENT_START)
    if not values.cell_tokens or not values.tail:
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
            if len(content[index].text.strip()) > MAX_ASSESSMENT_LINE:
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
    label_lines, unit = name_and_unit(paragraphs, above, values.label)
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
