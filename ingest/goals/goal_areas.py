"""Goal-area assessments: a numbered goal heading followed by `Bedömning Trend` and its
assessment line (`1.1. En ekonomi i balans.` / `Bedömning Trend` / `Uppfyllt Positiv`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.goals.followup import BLOCK_START, SECTION_HEADING, goal_heading, read_assessment
from ingest.goals.items import StatusFindings, StatusItem
from ingest.rejects import Reject
from ingest.text import Line, next_text, paragraph_at

_ASSESSMENT_HEADER = re.compile(r"^\s*Bedömning\s+Trend\s*$")
# heading, a short introduction, `Bedömning Trend`, each maybe split by a page break
MAX_PARAGRAPHS_TO_ASSESSMENT = 6


def assessment_header_after(content: Sequence[Line], index: int) -> int | None:
    """The index of the `Bedömning Trend` line that a goal heading at `index` leads to: within
    a few paragraphs, before another heading or table."""
    _, at = paragraph_at(content, index)
    for _ in range(MAX_PARAGRAPHS_TO_ASSESSMENT):
        at, text = next_text(content, at)
        if text is None:
            return None
        if _ASSESSMENT_HEADER.match(text):
            return at
        if SECTION_HEADING.match(text) or BLOCK_START.match(text):
            return None
        _, at = paragraph_at(content, at)
    return None


def read_goal_area(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    header_at = assessment_header_after(content, index)
    assert header_at is not None
    at, assessment_text = next_text(content, header_at + 1)
    try:
        assessment, trend = read_assessment(assessment_text or "")
    except ValueError as error:
        found.rejects.append(Reject(content[at].number, None, assessment_text or "", str(error)))
        return at + 1
    found.items.append(
        StatusItem(
            "goal_area",
            goal_heading(content, index),
            content[index].number,
            content[at].number,
            reported_assessment=assessment,
            reported_trend=trend,
        )
    )
    return at + 1
