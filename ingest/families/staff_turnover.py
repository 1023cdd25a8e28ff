"""Staff turnover per year (`Personalomsättning januari-april Extern … Intern …`), %."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import MONTH_RANGE

STAFF_TURNOVER = TableFamily(
    "staff_turnover",
    re.compile(rf"^Personalomsättning {MONTH_RANGE} Extern\b"),
    Lexicon(
        groups=(rf"Personalomsättning {MONTH_RANGE}",),
        columns=(r"Extern Personalomsättning", r"Intern Personalomsättning"),
    ),
    unit="%",
)
