"""Table families: how each kind of report table is recognised and what headers it has.

A family is found by the words that open it (its title), never by where it stands in a
report, so the next report of the same family is read without new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.headers import (
    BUDGET_LEXICON,
    PLACEMENT_PRICE_LEXICON,
    PLACEMENT_VOLUME_LEXICON,
    Lexicon,
)


@dataclass(frozen=True)
class TableFamily:
    name: str
    title: re.Pattern[str]  # matches the start of the table's first (logical) line
    lexicon: Lexicon


FAMILIES = (
    TableFamily("budget", re.compile(r"^Verksamhet, tkr\b"), BUDGET_LEXICON),
    TableFamily("budget", re.compile(r"^Driftredovisning(?: per verksamhet)?$"), BUDGET_LEXICON),
    TableFamily(
        "placement_volume",
        re.compile(r"^Volymer, antal dygn/dagar\b"),
        PLACEMENT_VOLUME_LEXICON,
    ),
    TableFamily(
        "placement_price",
        re.compile(r"^Kostnad per dygn/dagar\b"),
        PLACEMENT_PRICE_LEXICON,
    ),
)


def match_family(text: str) -> tuple[TableFamily, str] | None:
    """The family whose title opens `text`, and the title as printed."""
    for family in FAMILIES:
        match = family.title.match(text.strip())
        if match:
            return family, match.group(0)
    return None
