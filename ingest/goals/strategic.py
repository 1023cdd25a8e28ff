"""Strategic-goal tables (`Tabell 1a)  Strategisk mål tabell 2014 (Verksamhetsresultat)`).

Their extraction interleaves four text columns word by word (goal, strategic goal, indicator,
target) and no spacing survives, so no reading of them is certain. Their values are placed by
review in `seeds/reference/indicator_curated_values.csv`, each with its cited lines and why;
this module finds the tables by their title and lists every line that holds a number, so that
a number no reviewed entry cites is reported, never silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.reviewed import CuratedSpan
from ingest.text import Line

_TITLE = re.compile(r"^Tabell \w+\)\s+(?P<title>Strategisk mål tabell (?:19|20)\d\d \([^)]+\))")
_END = re.compile(r"^\s*(?:Bilagor\b|Tabell \w+\))")
PROSE_LENGTH = 70  # a line this long is the prose after the table
# A target, an outcome or a unit: `>=80%`, `<7%`, `5`, `- 35`, `20mkr`, `=T1`, `mnkr`, `T3`.
_VALUE_TOKEN = re.compile(
    r"^(?:[<>]=?|=|\+/-)?-?\d+(?:[.,]\d+)?(?:%|mkr|mnkr)?$|^(?:=?T[123]|%|mnkr|mkr|-|\+/-)$"
)
_NUMBER_TOKEN = re.compile(r"\d")
_TERTIAL_MARK = re.compile(r"^=?T[123]$")  # `T3`: measured at tertial 3, not a number
_MARKED_TOKEN = re.compile(r"^(?:[<>]=?|\+/-)\d|%$")


@dataclass(frozen=True)
class StrategicGoalTable:
    title: str
    title_line: int
    last_line: int
    value_lines: tuple[Line, ...]  # lines that hold a number of the table


def find_strategic_goal_tables(lines: Sequence[Line]) -> list[StrategicGoalTable]:
    tables: list[StrategicGoalTable] = []
    for index, line in enumerate(lines):
        match = _TITLE.match(line.text.strip())
        if match is None:
            continue
        body: list[Line] = []
        for following in lines[index + 1 :]:
            text = following.text.strip()
            if _END.match(text) or len(text) >= PROSE_LENGTH:
                break
            body.append(following)
        tables.append(
            StrategicGoalTable(
                match.group("title"),
                line.number,
                body[-1].number if body else line.number,
                tuple(candidate for candidate in body if holds_value(candidate.text)),
            )
        )
    return tables


def holds_value(text: str) -> bool:
    """A line holds a value if it has a number and is made of values only (`5 5`, `- 35`), or
    has a marked value after its words (`Granskning >2`, `Kostnader >3,4 % 3.4%`)."""
    tokens = text.split()
    numbers = [t for t in tokens if _NUMBER_TOKEN.search(t) and not _TERTIAL_MARK.match(t)]
    if not numbers:
        return False
    if all(_VALUE_TOKEN.match(token) for token in tokens):
        return True
    return any(_MARKED_TOKEN.search(token) for token in tokens if _VALUE_TOKEN.match(token))


def uncited_value_lines(
    table: StrategicGoalTable, report_id: str, table_id: str, spans: Sequence[CuratedSpan]
) -> list[Line]:
    cited = [s for s in spans if s.report_id == report_id and s.table_id == table_id]
    return [
        line
        for line in table.value_lines
        if not any(span.first_line <= line.number <= span.last_line for span in cited)
    ]
