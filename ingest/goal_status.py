"""Goal and initiative status: what the committee says of its goals, assignments, initiatives
and actions, item by item.

Found by structure and header words, wherever they stand:

- a numbered goal heading followed by `Bedömning Trend` and its assessment line
  (`1.1. En ekonomi i balans.` / `Bedömning Trend` / `Uppfyllt Positiv`);
- `Uppdrag` and `Nämndinitiativ` tables (`… Ansvarig avdelning Prognos för slutförande
  Slutdatum Status`): name, responsible unit, then `Enligt plan 2025-12-31 Påbörjad`;
- `Verksamhetsmål [Ansvarig avdelning] Bedömning Trend` tables: name, unit, assessment line;
- action plans (`Mål Åtgärd Status` / `åtgärder Kommentar`): goal headings, sub-goals, each
  action and its status with the comment (`Pågår Implementering pågår.`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.followup import (
    BLOCK_START,
    COMMENT,
    SECTION_HEADING,
    goal_area_before,
    header_end,
    read_assessment,
    unread_item,
)
from ingest.tables import Reject
from ingest.text import Line, join_fragments, next_text, normalize_spaces, paragraph_at

ITEM_KINDS = {
    "Uppdrag": "assignment",
    "Nämndinitiativ": "committee_initiative",
    "Verksamhetsmål": "operational_goal",
}
COMPLETION_FORECASTS = ("Enligt plan", "Avvikelse från plan")
STATUSES = ("Ej påbörjad", "Påbörjad", "Pågår", "Slutförd", "Avslutad")
_ASSIGNMENT_TITLE = re.compile(r"^\s*(?P<kind>Uppdrag|Nämndinitiativ) Ansvarig avdelning Prognos")
_OPERATIONAL_TITLE = re.compile(
    r"^\s*Verksamhetsmål (?P<unit>Ansvarig avdelning )?Bedömning\s+Trend\s*$"
)
_ASSESSMENT_HEADER = re.compile(r"^\s*Bedömning\s+Trend\s*$")
_ACTION_PLAN_TITLE = re.compile(r"^\s*Mål Åtgärd Status\s*$")
_STATUS_LINE = re.compile(
    r"^(?P<unit>.*?) ?(?P<forecast>"
    + "|".join(COMPLETION_FORECASTS)
    + r") (?P<due>\d{4}-\d\d-\d\d) (?P<status>"
    + "|".join(STATUSES)
    + r")\s*$"
)
_ACTION_STATUS = re.compile(r"^(?P<status>" + "|".join(STATUSES) + r")\b ?(?P<comment>.*)$")
_COMMENT_DATE = re.compile(r"Senaste kommentar \((?P<date>\d{4}-\d\d-\d\d)\)")
MAX_NAME_LINES = 12


@dataclass
class StatusItem:
    item_kind: str  # goal_area | assignment | committee_initiative | operational_goal | action
    item: str
    label_line: int
    source_line: int  # the line with the status or assessment
    goal_area: str | None = None
    sub_goal: str | None = None
    responsible_unit: str | None = None
    completion_forecast: str | None = None  # Enligt plan | Avvikelse från plan
    due_date: str | None = None  # ISO date as printed
    status: str | None = None
    reported_assessment: str | None = None
    reported_trend: str | None = None
    comment: str | None = None
    comment_date: str | None = None


@dataclass
class StatusFindings:
    items: list[StatusItem] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def find_status_items(lines: Sequence[Line], furniture: set[int]) -> StatusFindings:
    """Every status item of a report, in the order they appear."""
    content = [line for line in lines if line.number not in furniture]
    found = StatusFindings()
    index = 0
    while index < len(content):
        text = content[index].text
        if _ASSIGNMENT_TITLE.match(text):
            index = _read_assignment_table(content, index, found)
        elif _OPERATIONAL_TITLE.match(text):
            index = _read_operational_table(content, index, found)
        elif _ACTION_PLAN_TITLE.match(text):
            index = _read_action_plan(content, index, found)
        elif SECTION_HEADING.match(text) and _assessment_header_after(content, index) is not None:
            index = _read_goal_area(content, index, found)
        else:
            index += 1
    return found


MAX_PARAGRAPHS_TO_ASSESSMENT = 4  # heading, a short introduction, then `Bedömning Trend`


def _assessment_header_after(content: Sequence[Line], index: int) -> int | None:
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


def _read_goal_area(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    heading, _ = paragraph_at(content, index)
    header_at = _assessment_header_after(content, index)
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
            join_fragments([line.text for line in heading]),
            heading[0].number,
            content[at].number,
            reported_assessment=assessment,
            reported_trend=trend,
        )
    )
    return at + 1


def _read_assignment_table(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    kind = ITEM_KINDS[_ASSIGNMENT_TITLE.match(content[index].text).group("kind")]  # type: ignore[union-attr]
    area = goal_area_before(content, index)
    index = header_end(content, index, "Slutdatum Status")
    texts: list[list[Line]] = []
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph or BLOCK_START.match(paragraph[0].text):
            return index
        status_at = next(
            (i for i, line in enumerate(paragraph) if _STATUS_LINE.match(line.text.strip())), None
        )
        if status_at is None:
            if COMMENT.match(paragraph[0].text):
                _comment_or_reject(found, texts, paragraph, kind)
                texts = []
            else:
                texts.append(paragraph)
            index = after
            continue
        line = paragraph[status_at]
        match = _STATUS_LINE.match(line.text.strip())
        assert match is not None
        name_lines, unit = _name_and_unit(texts, paragraph[:status_at], match.group("unit"))
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
            _attach_comment(found, rest)
        texts = []
        index = after


def _name_and_unit(
    texts: list[list[Line]], above: list[Line], unit_prefix: str
) -> tuple[list[Line], str | None]:
    """The item's name and responsible unit: the unit is printed before the status words or
    as the paragraph above them; the name is the paragraph above the unit."""
    paragraphs = [*texts, above] if above else list(texts)
    if unit_prefix.strip():
        name = paragraphs[-1] if paragraphs else []
        return name[:MAX_NAME_LINES], normalize_spaces(unit_prefix)
    if len(paragraphs) >= 2:
        unit = join_fragments([ln.text for ln in paragraphs[-1]])
        return paragraphs[-2][:MAX_NAME_LINES], unit
    return (paragraphs[-1] if paragraphs else []), None


def _comment_or_reject(
    found: StatusFindings, texts: list[list[Line]], comment: list[Line], kind: str
) -> None:
    """A comment closes an item: text paragraphs still waiting for their status line mean an
    item whose line could not be read; it is rejected, and the comment is not its."""
    unread = unread_item(texts, kind)
    if unread is not None:
        found.rejects.append(unread)
    else:
        _attach_comment(found, comment)


def _attach_comment(found: StatusFindings, paragraph: list[Line]) -> None:
    """`Senaste kommentar (2025-08-31):` and the comment's first paragraph go to the last item."""
    if not found.items or found.items[-1].comment_date is not None:
        return
    match = _COMMENT_DATE.search(paragraph[0].text)
    item = found.items[-1]
    item.comment_date = match.group("date") if match else None
    text = join_fragments([line.text for line in paragraph[1:]])
    item.comment = text or None


def _read_operational_table(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    has_unit = _OPERATIONAL_TITLE.match(content[index].text).group("unit") is not None  # type: ignore[union-attr]
    area = goal_area_before(content, index)
    index += 1
    texts: list[list[Line]] = []
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph or BLOCK_START.match(paragraph[0].text):
            return index
        first = paragraph[0].text
        if COMMENT.match(first):
            _comment_or_reject(found, texts, paragraph, "operational_goal")
            texts, index = [], after
            continue
        try:
            assessment, trend = read_assessment(first) if len(paragraph) == 1 else (None, None)
        except ValueError:
            assessment, trend = None, None
        if assessment is None:
            texts.append(paragraph)
            index = after
            continue
        wanted = 2 if has_unit else 1
        if len(texts) < wanted:
            found.rejects.append(
                Reject(paragraph[0].number, None, first, "operational goal without a name")
            )
        else:
            name_lines = texts[-wanted]
            unit = join_fragments([ln.text for ln in texts[-1]]) if has_unit else None
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


def _read_action_plan(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    """`Mål Åtgärd Status` / `åtgärder Kommentar`; then goal headings (no indent), sub-goals
    (indented, one line, trailing empty cells), actions (indented) and their status lines."""
    index = header_end(content, index, "Kommentar")
    goal: str | None = None
    sub_goal: str | None = None
    action: list[Line] = []
    while True:
        paragraph, after = paragraph_at(content, index)
        if not paragraph:
            return index
        first = paragraph[0].text
        status = _ACTION_STATUS.match(first)
        if status and action:
            comment = join_fragments(
                [status.group("comment") + " "] + [ln.text for ln in paragraph[1:]]
            )
            found.items.append(
                StatusItem(
                    "action",
                    join_fragments([ln.text for ln in action]),
                    action[0].number,
                    paragraph[0].number,
                    goal_area=goal,
                    sub_goal=sub_goal,
                    status=status.group("status"),
                    comment=comment or None,
                )
            )
            action, index = [], after
            continue
        if action:
            return index  # an action without a status: the table has ended
        if not first.startswith(" ") and len(paragraph) == 1 and len(first.strip()) < 60:
            goal, sub_goal = normalize_spaces(first), None
        elif first.startswith(" ") and len(paragraph) == 1 and first.endswith("  "):
            sub_goal = normalize_spaces(first)
        elif first.startswith(" "):
            action = paragraph
        else:
            return index
        index = after
