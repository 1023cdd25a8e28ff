"""Tertial indicator tables (`Indikatorer Utfall 2016 Utfall 2017 Utfall 2018 Mål`): per
indicator a wrapped label, then a line of values that ends in the tertial markers `T1` /
`T2` / `T3`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ingest.indicators.columns import header_columns
from ingest.indicators.model import IndicatorRow, IndicatorTable, Period
from ingest.indicators.placement import place_line, split_level_mark
from ingest.rejects import Reject
from ingest.reviewed import PlacementOverride
from ingest.text import Line, join_fragments, next_text, paragraph_at
from ingest.tokens import split_values

TITLE = re.compile(r"^Indikatorer Utfall ?$")
_TERTIAL_MARKER = re.compile(r"^(?P<body>.*?) ?T1 ?$")
MAX_LABEL_LINES = 4


def read_tertial_table(
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
    columns = header_columns(join_fragments(header), title_line, *period)
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
            if len(pending) > MAX_LABEL_LINES:
                return table, pending_at  # the narrative under the table
            index = after
            continue
        values = split_values(first.group("body") + " ")  # the line's own trailing space
        label_lines = [*pending, paragraph[0]] if pending else [paragraph[0]]
        prefix = values.label if values.cell_tokens else first.group("body")
        label = join_fragments([line.text for line in pending] + [prefix])
        level, indicator = split_level_mark(label)
        try:
            if not values.cell_tokens:
                raise ValueError("no values")
            cells, placement = place_line(values, columns, paragraph[0], overrides)
        except ValueError as error:
            table.rejects.append(
                Reject(paragraph[0].number, indicator, paragraph[0].text, str(error))
            )
        else:
            table.rows.append(
                IndicatorRow(
                    len(table.rows) + 1,
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
