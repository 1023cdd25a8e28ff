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
    collect_narrow,
    goal_area_before,
    goal_heading,
    header_end,
    is_narrow,
    name_and_unit,
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
    open_comment: StatusItem | None = None  # the item whose `Senaste kommentar` is being read


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


# heading, a short introduction, `Bedömning Trend`, each maybe split by a page break
MAX_PARAGRAPHS_TO_ASSESSMENT = 6


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
            goal_heading(content, index),
            content[index].number,
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
                _comment_or_reject(found, texts, paragraph, kind)
                texts = []
            else:
                texts = _text_paragraph(found, texts, paragraph)
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
            _attach_comment(found, rest)
        texts = []
        index = after


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
    """`Senaste kommentar (2025-08-31):` and its text go to the last item."""
    if not found.items or found.items[-1].comment_date is not None:
        return
    match = _COMMENT_DATE.search(paragraph[0].text)
    item = found.items[-1]
    item.comment_date = match.group("date") if match else None
    item.comment = join_fragments([line.text for line in paragraph[1:]]) or None
    found.open_comment = item


def _text_paragraph(
    found: StatusFindings, texts: list[list[Line]], paragraph: list[Line]
) -> list[list[Line]]:
    """A paragraph that is no status line: the comment going on (wide, or in lower case after
    a page break), or a name or unit waiting for its status line."""
    item = found.open_comment
    if item is not None and (not is_narrow(paragraph) or paragraph[0].text.strip()[:1].islower()):
        item.comment = _joined(item.comment or "", paragraph)
        return texts
    found.open_comment = None
    return collect_narrow(texts, paragraph)


def _read_operational_table(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    has_unit = _OPERATIONAL_TITLE.match(content[index].text).group("unit") is not None  # type: ignore[union-attr]
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
            _comment_or_reject(found, texts, paragraph, "operational_goal")
            texts, index = [], after
            continue
        try:
            assessment, trend = read_assessment(first) if len(paragraph) == 1 else (None, None)
        except ValueError:
            assessment, trend = None, None
        if assessment is None:
            texts = _text_paragraph(found, texts, paragraph)
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


def _read_action_plan(content: Sequence[Line], index: int, found: StatusFindings) -> int:
    """`Mål Åtgärd Status` / `åtgärder Kommentar`; then goal headings (no indent, followed by
    a sub-goal), sub-goals (indented, one line, trailing empty cells), actions (indented first
    line) and their status lines (`Pågår …` with the comment). Unindented text after an
    action or a status goes on from it, split off by a page break."""
    index = header_end(content, index, "Kommentar")
    goal: str | None = None
    sub_goal: str | None = None
    action: list[Line] = []
    last: StatusItem | None = None  # the item whose comment a continuation extends
    while True:
        paragraph, after = paragraph_at(content, index, BLOCK_START)
        if not paragraph or BLOCK_START.match(paragraph[0].text):
            return index
        first = paragraph[0].text
        status = _ACTION_STATUS.match(first)
        if status and action:
            last = StatusItem(
                "action",
                join_fragments([ln.text for ln in action]),
                action[0].number,
                paragraph[0].number,
                goal_area=goal,
                sub_goal=sub_goal,
                status=status.group("status"),
                comment=_joined(status.group("comment"), paragraph[1:]),
            )
            found.items.append(last)
            action, index = [], after
            continue
        indented = first.startswith(" ")
        if action and not indented:
            action, index = [*action, *paragraph], after
            continue
        if action:
            return index  # an action without a status: the table has ended
        if _is_sub_goal(paragraph):
            sub_goal, last = normalize_spaces(first), None
        elif indented:
            action, last = paragraph, None
        elif _is_goal_heading(paragraph) and _is_sub_goal(paragraph_at(content, after)[0]):
            goal, sub_goal, last = normalize_spaces(first), None, None
        elif last is not None:
            last.comment = _joined(last.comment or "", paragraph)
        else:
            return index
        index = after


def _is_goal_heading(paragraph: list[Line]) -> bool:
    """`Bästa utveckling för alla`: one short line, capitalised, no full stop."""
    text = paragraph[0].text.strip()
    return len(paragraph) == 1 and len(text) < 60 and text[:1].isupper() and not text.endswith(".")


def _is_sub_goal(paragraph: list[Line]) -> bool:
    """` Trygghet och säkerhet   `: one indented line ending in the spaces of empty cells."""
    return (
        len(paragraph) == 1
        and paragraph[0].text.startswith(" ")
        and paragraph[0].text.endswith("  ")
    )


def _joined(text: str, lines: list[Line]) -> str | None:
    return join_fragments([text + " "] + [line.text for line in lines]) or None
