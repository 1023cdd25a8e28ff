"""Placement tables (Norrtälje): days per care category (`Volymer, antal dygn/dagar`) and
cost per day (`Kostnad per dygn/dagar`)."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import MONTH, MONTH_RANGE, YEAR

VOLUME_LEXICON = Lexicon(
    skip=(r"Volymer, antal dygn/dagar",),
    columns=(
        rf"Utfall {MONTH_RANGE} {YEAR}",
        rf"Peri?odiserad budget {MONTH_RANGE} {YEAR}",  # printed `Perodiserad`
        r"Avvikelse budget- ?prognos",
        r"Avvikelse",
        rf"Budget {YEAR}",
        rf"Prognos {YEAR}",
        rf"Utfall {MONTH} {YEAR}",
    ),
)
PRICE_LEXICON = Lexicon(
    skip=(r"Kostnad per dygn/dagar",),
    columns=(
        rf"Utfall {MONTH_RANGE} {YEAR}, kostnad per dygn",
        rf"Budget {YEAR}, kostnad per dygn",
        r"Avvikelse budget- ?utfall",
        rf"Prognos {YEAR}",
        r"Avvikelse budget- ?progn?os",  # printed `progos`
        rf"Utfall {MONTH} {YEAR}",
    ),
)

PLACEMENT_VOLUME = TableFamily(
    "placement_volume",
    re.compile(r"^Volymer, antal dygn/dagar\b"),
    VOLUME_LEXICON,
    prints_total=True,
    unit="dygn",
)
PLACEMENT_PRICE = TableFamily(
    "placement_price", re.compile(r"^Kostnad per dygn/dagar\b"), PRICE_LEXICON, unit="kr"
)
