"""Table families: how each kind of report table is recognised and what headers it has.

A family is found by the words that open it (its title or first header words), never by
where it stands in a report, so the next report of the same family is read without new code.
One module per family holds its title pattern and header lexicon; the reader is shared
(ingest/tables). A table that no family claims is read by the generic reader.
"""

from __future__ import annotations

import re

from ingest.families.assignment_counts import ASSIGNMENT_COUNTS
from ingest.families.budget import BUDGET
from ingest.families.case_statistics import CASE_STATISTICS
from ingest.families.family import TableFamily
from ingest.families.investments import INVESTMENTS
from ingest.families.personal_assistance import PERSONAL_ASSISTANCE
from ingest.families.placement_counts import PLACEMENT_COUNTS
from ingest.families.placements import PLACEMENT_PRICE, PLACEMENT_VOLUME
from ingest.families.sick_leave import SICK_LEAVE_COST_CENTRE, SICK_LEAVE_UNIT
from ingest.families.staff_turnover import STAFF_TURNOVER
from ingest.families.state_grants import STATE_GRANTS

FAMILIES: tuple[TableFamily, ...] = (
    BUDGET,
    PLACEMENT_VOLUME,
    PLACEMENT_PRICE,
    PERSONAL_ASSISTANCE,
    STATE_GRANTS,
    INVESTMENTS,
    ASSIGNMENT_COUNTS,
    STAFF_TURNOVER,
    SICK_LEAVE_COST_CENTRE,
    SICK_LEAVE_UNIT,
    CASE_STATISTICS,
    PLACEMENT_COUNTS,
)


# Any family's title: most lines open none, and one match says so (the families' own
# patterns then say which, in order).
_ANY_TITLE = re.compile("|".join(f"(?:{family.title.pattern})" for family in FAMILIES))
if any(family.title.flags != _ANY_TITLE.flags for family in FAMILIES):
    raise ValueError("a family's title pattern has flags of its own: write them inline")


def match_family(text: str) -> tuple[TableFamily, str] | None:
    """The family whose title opens `text`, and the title as printed."""
    stripped = text.strip()
    if not _ANY_TITLE.match(stripped):
        return None
    for family in FAMILIES:
        match = family.title.match(stripped)
        if match:
            return family, match.group(0)
    return None


__all__ = ["FAMILIES", "TableFamily", "match_family"]
