"""What every table family says about itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.headers import Lexicon

PROSE_LENGTH = 60  # a text line this long inside a table is prose: the table has ended


@dataclass(frozen=True)
class TableFamily:
    name: str
    title: re.Pattern[str]  # matches the start of the table's first (logical) line
    lexicon: Lexicon
    default_columns: tuple[str, ...] = ()  # for tables whose header names no column
    leading_text_columns: int = 0  # text cells between label and numbers (`Påbörjad`)
    max_label_length: int = PROSE_LENGTH
    # Rows of additive amounts may hold unmarked subtotals, found by arithmetic; rows of
    # rates (sick leave %) or counts over time never add up, so nothing is inferred there.
    infer_subtotals: bool = False
    # The family's tables end in a total (`Summa`, `Totalt`): one that does not was cut off.
    prints_total: bool = False
    unit: str | None = None  # of its values: tkr, kr, dygn, % (None: counts, persons, hours)
