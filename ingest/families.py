"""Table families: how each kind of report table is recognised and what headers it has.

A family is found by the words that open it (its title or first header words), never by
where it stands in a report, so the next report of the same family is read without new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import headers as h

PROSE_LENGTH = 60  # a text line this long inside a table is prose: the table has ended


@dataclass(frozen=True)
class TableFamily:
    name: str
    title: re.Pattern[str]  # matches the start of the table's first (logical) line
    lexicon: h.Lexicon
    default_columns: tuple[str, ...] = ()  # for tables whose header names no column
    leading_text_columns: int = 0  # text cells between label and numbers (`Påbörjad`)
    max_label_length: int = PROSE_LENGTH
    # Rows of additive amounts may hold unmarked subtotals, found by arithmetic; rows of
    # rates (sick leave %) or counts over time never add up, so nothing is inferred there.
    infer_subtotals: bool = False


def _title(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


FAMILIES = (
    TableFamily("budget", _title(r"^Verksamhet, tkr\b"), h.BUDGET_LEXICON, infer_subtotals=True),
    TableFamily(
        "budget",
        _title(r"^Driftredovisning(?: per verksamhet)?$"),
        h.BUDGET_LEXICON,
        infer_subtotals=True,
    ),
    TableFamily(
        "placement_volume", _title(r"^Volymer, antal dygn/dagar\b"), h.PLACEMENT_VOLUME_LEXICON
    ),
    TableFamily("placement_price", _title(r"^Kostnad per dygn/dagar\b"), h.PLACEMENT_PRICE_LEXICON),
    TableFamily(
        "personal_assistance",
        _title(
            r"^(?:Antal personer|Antal beviljade timmar|Beviljade timmar per månad och person)"
            r" genomsnitt per tertial\b"
        ),
        h.PERSONAL_ASSISTANCE_LEXICON,
    ),
    TableFamily(
        "state_grants",
        _title(r"^Statsbidrag (?:19|20)\d\d$"),
        h.STATE_GRANT_LEXICON,
        default_columns=("Belopp",),
        max_label_length=200,
    ),
    TableFamily("investments", _title(r"^Investeringar Årets\b"), h.INVESTMENT_LEXICON),
    TableFamily(
        "assignment_counts",
        _title(r"^Uppdrag/Nämndsinitiativ Status\b"),
        h.ASSIGNMENT_LEXICON,
        leading_text_columns=1,
    ),
    TableFamily(
        "staff_turnover",
        _title(r"^Personalomsättning [a-zåäö]+-[a-zåäö]+ Extern\b"),
        h.STAFF_TURNOVER_LEXICON,
    ),
    TableFamily(
        "sick_leave_cost_centre", _title(r"^Ansvar Benämning\b"), h.SICK_LEAVE_COST_CENTRE_LEXICON
    ),
    TableFamily(
        "sick_leave_unit", _title(r"^Tertial [123] (?:19|20)\d\d$"), h.SICK_LEAVE_UNIT_LEXICON
    ),
    TableFamily(
        "case_statistics",
        _title(r"^Barn och unga \d+-\d+ år [A-Z][a-z]{2}\b"),
        h.CASE_STATISTICS_LEXICON,
    ),
    TableFamily(
        "placement_counts",
        _title(r"^[A-Z][a-z]{2} Prel [a-zåäö]+ Genomsnitt\b"),
        h.PLACEMENT_COUNT_LEXICON,
    ),
)


def match_family(text: str) -> tuple[TableFamily, str] | None:
    """The family whose title opens `text`, and the title as printed."""
    for family in FAMILIES:
        match = family.title.match(text.strip())
        if match:
            return family, match.group(0)
    return None
