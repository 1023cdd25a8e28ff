"""Status items and what their readers share: the item record, comments and the text
paragraphs that wait for their status line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.goals.followup import collect_narrow, is_narrow, unread_item
from ingest.rejects import Reject
from ingest.text import Line, join_fragments

COMPLETION_FORECASTS = ("Enligt plan", "Avvikelse från plan")
STATUSES = ("Ej påbörjad", "Påbörjad", "Pågår", "Slutförd", "Avslutad")
_COMMENT_DATE = re.compile(r"Senaste kommentar \((?P<date>\d{4}-\d\d-\d\d)\)")


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


def comment_or_reject(
    found: StatusFindings, texts: list[list[Line]], comment: list[Line], kind: str
) -> None:
    """A comment closes an item: text paragraphs still waiting for their status line mean an
    item whose line could not be read; it is rejected, and the comment is not its."""
    unread = unread_item(texts, kind)
    if unread is not None:
        found.rejects.append(unread)
    else:
        attach_comment(found, comment)


def attach_comment(found: StatusFindings, paragraph: list[Line]) -> None:
    """`Senaste kommentar (2025-08-31):` and its text go to the last item."""
    if not found.items or found.items[-1].comment_date is not None:
        return
    match = _COMMENT_DATE.search(paragraph[0].text)
    item = found.items[-1]
    item.comment_date = match.group("date") if match else None
    item.comment = join_fragments([line.text for line in paragraph[1:]]) or None
    found.open_comment = item


def text_paragraph(
    found: StatusFindings, texts: list[list[Line]], paragraph: list[Line]
) -> list[list[Line]]:
    """A paragraph that is no status line: the comment going on (wide, or in lower case after
    a page break), or a name or unit waiting for its status line."""
    item = found.open_comment
    if item is not None and (not is_narrow(paragraph) or paragraph[0].text.strip()[:1].islower()):
        item.comment = joined(item.comment or "", paragraph)
        return texts
    found.open_comment = None
    return collect_narrow(texts, paragraph)


def joined(text: str, lines: list[Line]) -> str | None:
    return join_fragments([text + " "] + [line.text for line in lines]) or None
