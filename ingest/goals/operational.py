"""Operational-goal tables (`Verksamhetsmål [Ansvarig avdelning] Bedömning Trend`): name,
unit, assessment line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.goals.followup import (
    BLOCK_START,
    COMMENT,
    goal_area_before,
    name_and_unit,
    read_assessment,
)
from ingest.goals.items import StatusFindings, StatusItem, comment_or_reject, text_paragraph
from ingest.rejects import Reject
from ingest.text import Line, join_fragments, paragraph_at

TITLE = re.compile(r"^\s*Verksamhetsmål (?P<unit>Ansvarig avdelning )?Bedömning\s+Trend\s*$")


def read_operational_table(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    has_unit = TITLE.match(content[index].text).group("unit") is not None  # type: ignore[union-attr]
    area = goal_area_before(content, index)
    index += 1
    texts: list[list[Line]] = []
    found.open_comment = None
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph or BLOCK_START.match(paragraph[0].text):
            return index
        first = paragraph[0].text
        if COMMENT.match(first):
            comment_or_reject(found, texts, paragraph, "operational_goal")
            texts, index = [], after
            continue
        try:
            assessment, trend = read_assessment(first) if len(paragraph) == 1 else (None, None)
        except ValueError:
            assessment, trend = None, None
        if assessment is None:
            texts = text_paragraph(found, texts, paragraph)
            index = after
            continue
        name_lines, unit = name_and_unit(texts, [], "", with_unit=has_unit)
        if not name_lines:
            found.rejects.append(
                Reject(paragraph[0].number, None, first, "operational goal without a name")
            )
        else:
            found.items.append(
                StatusItem(
                    "operational_goal",
                    join_fragments([ln.text for ln in name_lines]),
                    name_lines[0].number,
                    paragraph[0].number,
                    goal_area=area,
                    responsible_unit=unit,
                    reported_assessment=assessment,
                    reported_trend=trend,
                )
            )
        texts, index = [], after
