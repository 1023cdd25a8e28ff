"""Monthly indicator tables (`Indikatorer` with month headers `nov-19 dec-19 januari`): label
and values on one line, or the label wrapped above a line of values, under all-caps group
headings; a month header again starts a new set of columns."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ingest.indicators.columns import parse_column_header
from ingest.indicators.model import (
    IndicatorColumn,
    IndicatorError,
    IndicatorRow,
    IndicatorTable,
    Period,
)
from ingest.indicators.placement import place_line
from ingest.periods import MONTHS
from ingest.rejects import Reject
from ingest.reviewed import PlacementOverride
from ingest.text import Line, join_fragments, next_text, paragraph_at
from ingest.tokens import split_values

TITLE = re.compile(r"^Indikatorer ?$")
_MONTH_HEADER = re.compile(
    r"^(?:(?:[a-zåäö]{3}-\d\d|" + "|".join(MONTHS) + r")(?: |$))+$", re.IGNORECASE
)
_GROUP_HEADING = re.compile(r"^\d+(?:\.\d+)* [A-ZÅÄÖ/ ]+$")
MAX_LABEL_LINES = 3


def read_monthly_table(
    content: Sequence[Line],
    index: int,
    period: Period,
    overrides: Mapping[int, PlacementOverride],
) -> tuple[IndicatorTable, int] | None:
    """`Indikatorer`, a month header, then group headings and rows; None when no month
    header follows the title."""
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
        values = split_values(paragraph[-1].text)
        if not any(values.cell_tokens):
            if not pending:
                pending_at = index
            pending = [*pending, *paragraph]
            if len(pending) > MAX_LABEL_LINES:
                return table, pending_at  # text, not a label: the table has ended
            index = after
            continue
        label_lines = [*pending, *paragraph]
        label = join_fragments([line.text for line in [*pending, *paragraph[:-1]]] + [values.label])
        try:
            cells, placement = place_line(values, columns, paragraph[-1], overrides)
        except ValueError as error:
            table.rejects.append(
                Reject(paragraph[-1].number, label, paragraph[-1].text, str(error))
            )
        else:
            table.rows.append(
                IndicatorRow(
                    len(table.rows) + 1,
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
