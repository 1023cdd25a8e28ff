"""Investment projects (`Investeringar Årets budget …`): year and whole-project figures."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon

INVESTMENTS = TableFamily(
    "investments",
    re.compile(r"^Investeringar Årets\b"),
    Lexicon(
        skip=(r"Investeringar",),
        columns=(
            r"Årets budget",
            r"Årets prognos",
            r"Avvikelse",
            r"Total budget",
            r"Total prognos",
            r"Total avvikelse",
        ),
    ),
    prints_total=True,
    unit="tkr",
)
