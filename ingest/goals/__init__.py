"""Goal follow-ups: what the committee says of its goals, assignments, initiatives and
actions, item by item, and the strategic-goal tables placed by review.

Found by structure and header words, wherever they stand; one module per layout:
goal-area assessments (goal_areas.py), assignment and initiative tables (assignments.py),
operational goals (operational.py), action plans (action_plans.py), strategic-goal tables
(strategic.py). followup.py holds what they and the indicator readers share.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.goals import action_plans, assignments, operational
from ingest.goals.followup import SECTION_HEADING
from ingest.goals.goal_areas import assessment_header_after, read_goal_area
from ingest.goals.items import StatusFindings, StatusItem
from ingest.text import Line


def find_status_items(lines: Sequence[Line], furniture: set[int]) -> StatusFindings:
    """Every status item of a report, in the order they appear."""
    content = [line for line in lines if line.number not in furniture]
    found = StatusFindings()
    index = 0
    while index < len(content):
        text = content[index].text
        if assignments.TITLE.match(text):
            index = assignments.read_assignment_table(content, index, found)
        elif operational.TITLE.match(text):
            index = operational.read_operational_table(content, index, found)
        elif action_plans.TITLE.match(text):
            index = action_plans.read_action_plan(content, index, found)
        elif SECTION_HEADING.match(text) and assessment_header_after(content, index) is not None:
            index = read_goal_area(content, index, found)
        else:
            index += 1
    return found


__all__ = ["StatusFindings", "StatusItem", "find_status_items"]
