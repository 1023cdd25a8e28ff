"""Period words of Swedish reports: months, month ranges, tertials and years.

One grammar for every reader: report titles (`Tertialbokslut T2 2014`), body sentences
(`Utfallet för perioden januari-augusti 2018`), column headers (`Utfall jan-aug 2018`,
`Budget Jan - Aug 2025`, `Tertial 2 2017`) and indicator columns (`nov-19`, `Utfall Aug
2025`). The regular-expression fragments below are used inside larger patterns; the parse
functions turn a matched phrase into month numbers and dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
ABBREVIATED_MONTHS = {name[:3]: number for name, number in MONTHS.items()}

YEAR = r"(?:19|20)\d\d"
# A month: its full name or its three-letter abbreviation (`Aug`, `aug.`, `sept`), any case.
MONTH = (
    r"(?<![A-Za-zÅÄÖåäö])(?i:(?:"
    + "|".join(MONTHS)
    + r"|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)(?:t\b)?\.?)(?![a-zåäö]))"
)
# A month range: `jan-apr`, `Jan - Aug`, `januari-augusti`, `januari till april`, `jan–aug`.
MONTH_RANGE = rf"{MONTH} ?(?:[-–]|(?i:till)) ?{MONTH}"
# A tertial: `T2`, `Tertial 2`, `tertialet 2`.
TERTIAL = r"(?:T|(?i:tertial(?:et)?) )[123]\b"
_RANGE_PARTS = re.compile(rf"({MONTH}) ?(?:[-–]|(?i:till)) ?({MONTH})")


def month_number(word: str) -> int | None:
    """`augusti`, `Aug`, `aug.`, `sept` → 8 / 9; None for anything else."""
    key = word.strip().rstrip(".").lower()
    if key in MONTHS:
        return MONTHS[key]
    if key == "sept":
        return 9
    return ABBREVIATED_MONTHS.get(key) if len(key) == 3 else None


def month_range(text: str) -> tuple[int, int] | None:
    """`jan-aug`, `Jan - Aug`, `januari till april` → (1, 8) / (1, 4); None if not a range."""
    match = _RANGE_PARTS.fullmatch(text.strip())
    if match is None:
        return None
    first, last = month_number(match.group(1)), month_number(match.group(2))
    if first is None or last is None or first > last:
        return None
    return first, last


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def tertial_end_month(tertial: int) -> int:
    """T1 = January-April, T2 = January-August (accumulated), T3 = the full year."""
    return 4 * tertial


def two_digit_year(digits: str) -> int:
    """`19` in `nov-19` → 2019."""
    return 2000 + int(digits)
