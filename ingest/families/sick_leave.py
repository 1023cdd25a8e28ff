"""Sick leave per cost centre (`Ansvar Benämning …`) and per unit and tertial (`Tertial 1
2017` / `Resultatenhet …`), % of working time and long-term share."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import TERTIAL, YEAR

_WHO = r"(?:Tot|Kvinnor|Män)"
_MODEL = r"[A-ZÅÄÖ][a-zåäö]+modell"  # the municipality's own measure (`Nackamodell`)
_COLUMNS = (
    rf"{_WHO} sjukfrånvaro \(SKL:s nyckeltal 1\)",
    rf"{_WHO} Kort sjukfrånvaro \(max 59 dgr\)(?: {_MODEL})?",
    rf"{_WHO} Lång sjukfrånvaro \(60 dgr eller mer\) ?(?:= ?)?(?:{_MODEL}|SKL:s nyckeltal 2)",
)

SICK_LEAVE_COST_CENTRE = TableFamily(
    "sick_leave_cost_centre",
    re.compile(r"^Ansvar Benämning\b"),
    Lexicon(skip=(r"Ansvar Benämning",), columns=_COLUMNS),
    unit="%",
)
SICK_LEAVE_UNIT = TableFamily(
    "sick_leave_unit",
    re.compile(rf"^{TERTIAL} {YEAR}$"),
    Lexicon(skip=(rf"{TERTIAL} {YEAR}", r"Resultatenhet"), columns=_COLUMNS),
    unit="%",
)
