"""Economic result tables: `Verksamhet, tkr` (Nacka) and `Driftredovisning [per verksamhet]`
(Norrtälje), by activity, by revenue and cost, or by unit."""

from __future__ import annotations

import re

from ingest.families.family import TableFamily
from ingest.headers import Lexicon
from ingest.periods import MONTH_RANGE, YEAR

LEXICON = Lexicon(
    skip=(
        r"Verksamhet, tkr",
        r"Kostnader \(-\) Intäkter \(\+\)",
        r"Driftredovisning per verksamhet",
        r"Driftredovisning",
        r"Ansvar: \S+ - \S+",
    ),
    groups=(
        rf"Ack (?:utfall|budget) {YEAR}",
        rf"Helår budget och prognos {YEAR}",
        rf"Årsprognos {YEAR}",
    ),
    columns=(
        r"(?:Utfall|Budget|Prognos) (?:intäkter|kostnader|netto|avvikelse)",
        r"Budget- ?avvikelse",
        r"Budgetavvikelse",
        rf"Årsbudget {YEAR}",
        rf"(?:Budget|Utfall|Avvikelse) {MONTH_RANGE} {YEAR}",
        rf"Budget helår {YEAR}",
        r"Avvikelse Budget- ?Prognos",
        r"Prognos \d{1,2}",
        r"Intäkter",
        r"Kostnader",
        r"Netto",
    ),
)

BUDGET = TableFamily(
    "budget",
    re.compile(r"^(?:Verksamhet, tkr\b|Driftredovisning(?: per verksamhet)?$)"),
    LEXICON,
    infer_subtotals=True,
    prints_total=True,
    unit="tkr",
)
