"""Assignment and committee-initiative tables (`Uppdrag` / `Nämndinitiativ … Ansvarig
avdelning Prognos för slutförande Slutdatum Status`): name, responsible unit, then `Enligt
plan 2025-12-31 Påbörjad`, and a `Senaste kommentar`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.goals.followup import BLOCK_START, COMMENT, goal_area_before, header_end, name_and_unit
from ingest.goals.items import (
    COMPLETION_FORECASTS,
    STATUSES,
    StatusFindings,
    StatusItem,
    attach_comment,
    comment_or_reject,
    text_paragraph,
)
from ingest.rejects import Reject
from ingest.text import Line, join_fragments, paragraph_at

ITEM_KINDS = {"Uppdrag": "assignment", "Nämndinitiativ": "committee_initiative"}
TITLE = re.compile(r"^\s*(?P<kind>Uppdrag|Nämndinitiativ) Ansvarig avdelning Prognos")
_STATUS_LINE = re.compile(
    r"^(?P<unit>.*?) ?(?P<forecast>"
    + "|".join(COMPLETION_FORECASTS)
    + r") (?P<due>\d{4}-\d\d-\d\d) (?P<status>"
    + "|".join(STATUSES)
    + r")\s*$"
)


def read_assignment_table(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    kind = ITEM_KINDS[TITLE.match(content[index].text).group("kind")]  # type: ignore[union-attr]
    area = goal_area_before(content, index)
    index = header_end(content, index, "Slutdatum Status")
    texts: list[list[Line]] = []
    found.open_comment = None
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph or BLOCK_START.match(paragraph[0].text):
            return index
        status_at = next(
            (i for i, line in enumerate(paragraph) if _STATUS_LINE.match(line.text.strip())), None
        )
        if status_at is None:
            if COMMENT.match(paragraph[0].text):
                comment_or_reject(found, texts, paragraph, kind)
                texts = []
            else:
                texts = text_paragraph(found, texts, paragraph)
            index = after
            continue
        line = paragraph[status_at]
        match = _STATUS_LINE.match(line.text.strip())
        assert match is not None
        name_lines, unit = name_and_unit(texts, paragraph[:status_at], match.group("unit"))
        if not name_lines:
            found.rejects.append(Reject(line.number, None, line.text, f"{kind} without a name"))
        else:
            found.items.append(
                StatusItem(
                    kind,
                    join_fragments([ln.text for ln in name_lines]),
                    name_lines[0].number,
                    line.number,
                    goal_area=area,
                    responsible_unit=unit,
                    completion_forecast=match.group("forecast"),
                    due_date=match.group("due"),
                    status=match.group("status"),
                )
            )
        rest = paragraph[status_at + 1 :]
        if rest and COMMENT.match(rest[0].text):
            attach_comment(found, rest)
        texts = []
        index = after
