"""Children and youth case statistics (`Barn och unga 0-20 år Jan Utfall 2019 …`)."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import MONTH, YEAR

CASE_STATISTICS = TableFamily(
    "case_statistics",
    re.compile(rf"^Barn och unga \d+-\d+ år {MONTH}"),
    Lexicon(
        skip=(r"Barn och unga \d+-\d+ år",),
        columns=(MONTH, rf"Utfall {YEAR}", rf"Utfall år {YEAR}"),
    ),
)
