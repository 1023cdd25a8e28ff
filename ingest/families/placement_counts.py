"""Ongoing placements of children by type, per month and as monthly averages (`Jan Prel feb
Genomsnitt /mån 2019 …`)."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import MONTH, YEAR

PLACEMENT_COUNTS = TableFamily(
    "placement_counts",
    re.compile(rf"^(?:{MONTH} )*Prel {MONTH} Genomsnitt\b"),
    Lexicon(
        columns=(
            MONTH,
            rf"Prel {MONTH}",
            rf"Genomsnitt /mån {YEAR}",
            rf"Genomsnitt /mån år {YEAR}",
        ),
    ),
)
