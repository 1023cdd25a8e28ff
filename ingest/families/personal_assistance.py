"""Personal assistance per tertial (Nacka): persons, granted hours, hours per person."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon

_TITLE = (
    r"(?:Antal personer|Antal beviljade timmar|Beviljade timmar per månad och person)"
    r" genomsnitt per tertial"
)

PERSONAL_ASSISTANCE = TableFamily(
    "personal_assistance",
    re.compile(rf"^{_TITLE}\b"),
    Lexicon(skip=(_TITLE,), columns=(r"T[123]",)),
)
