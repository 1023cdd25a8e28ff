"""Assignments and committee initiatives counted by status (`Uppdrag/Nämndsinitiativ
Status Enligt plan Avvikelse från plan Total Summa`)."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon

ASSIGNMENT_COUNTS = TableFamily(
    "assignment_counts",
    re.compile(r"^Uppdrag/Nämndsinitiativ Status\b"),
    Lexicon(
        skip=(r"Uppdrag/Nämndsinitiativ Status",),
        columns=(r"Enligt plan", r"Avvikelse från plan", r"Total Summa"),
    ),
    leading_text_columns=1,
    prints_total=True,
)
