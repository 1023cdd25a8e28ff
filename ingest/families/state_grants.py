"""State grant lists (`Statsbidrag 2018`): a grant per row, kronor, a Summa."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import YEAR

STATE_GRANTS = TableFamily(
    "state_grants",
    re.compile(rf"^Statsbidrag {YEAR}$"),
    Lexicon(skip=(rf"Statsbidrag {YEAR}",)),
    default_columns=("Belopp",),
    max_label_length=200,
    prints_total=True,
    unit="kr",
)
