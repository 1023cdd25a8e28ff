"""Action plans (`Mål Åtgärd Status` / `åtgärder Kommentar`): goal headings, sub-goals,
each action and its status with the comment (`Pågår Implementering pågår.`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.goals.followup import BLOCK_START, header_end
from ingest.goals.items import STATUSES, StatusFindings, StatusItem, joined
from ingest.text import Line, join_fragments, normalize_spaces, paragraph_at

TITLE = re.compile(r"^\s*Mål Åtgärd Status\s*$")
_ACTION_STATUS = re.compile(r"^(?P<status>" + "|".join(STATUSES) + r")\b ?(?P<comment>.*)$")


def read_action_plan(content: Sequence[Line], index: int, found: StatusFindings) -> int:
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
                comment=joined(status.group("comment"), paragraph[1:]),
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
            last.comment = joined(last.comment or "", paragraph)
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
