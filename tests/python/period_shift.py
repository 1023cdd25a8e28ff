"""Period words moved one period on, as the next report prints them: the next tertial
(`tertial 1` → `tertial 2`, `januari-april` → `januari-augusti`), month (`Prel feb` → `Prel
mar`, `dec-19` → `jan-20`) or year (every year + 1)."""

from __future__ import annotations

import re

from ingest.periods import MONTHS

_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?!\d)")
_TERTIAL = re.compile(r"\b([Tt]ertial(?:et|bokslut(?:et)?)?) ([12])\b")
_ORDINAL = re.compile(r"\b(första|andra)( tertial)", re.IGNORECASE)
_T_WORD = re.compile(r"\b((?:för|under|vid|i|per) T)([12])\b|\bT([12])(?= (?:19|20)\d\d)")
_MONTH_NAMES = list(MONTHS)
_MONTH_WORD = re.compile(
    r"\b(?P<name>"
    + "|".join(_MONTH_NAMES)
    + r"|(?i:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec))"
    r"(?:-(?P<yy>\d\d))?\b"
)
_JANUARY_RANGE = re.compile(r"\b(januari|jan)( ?(?:-|–|till) ?)(?P<end>[a-zåäö]+)\b", re.I)


def shift_period(text: str, shift: str) -> str:
    """`text` one period on: every year +1; or every month +1; or the report's tertial +1
    (tertial words, and month ranges from January end four months later); `none`: as is."""
    if shift == "none":
        return text
    if shift == "year":
        return shift_years(text, 1)
    if shift == "month":
        return _MONTH_WORD.sub(_next_month, text)
    text = _TERTIAL.sub(lambda m: f"{m.group(1)} {int(m.group(2)) + 1}", text)
    text = _ORDINAL.sub(
        lambda m: (
            _case("andra" if m.group(1).lower() == "första" else "tredje", m.group(1)) + m.group(2)
        ),
        text,
    )
    text = _T_WORD.sub(_next_t_word, text)
    return _JANUARY_RANGE.sub(_range_four_months_on, text)


def shift_years(text: str, years: int) -> str:
    """Every year of `text` `years` on (`2018` → `2021`, `dec-19` as it is: only full years)."""
    if years == 0:
        return text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def _case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _month_word(number: int, like: str) -> str:
    name = _MONTH_NAMES[(number - 1) % 12]
    word = name if len(like) > 3 else name[:3]
    return word.capitalize() if like[:1].isupper() else word


def _next_month(match: re.Match[str]) -> str:
    name, yy = match.group("name"), match.group("yy")
    number = _MONTH_NAMES.index(name.lower()) + 1 if len(name) > 3 else _abbreviation(name)
    if yy is None:
        return _month_word(number + 1, name)
    year = int(yy) + (1 if number == 12 else 0)
    return f"{_month_word(number + 1, name)}-{year:02d}"


def _abbreviation(name: str) -> int:
    return next(i for i, full in enumerate(_MONTH_NAMES, start=1) if full.startswith(name.lower()))


def _next_t_word(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}{int(match.group(2)) + 1}"
    return f"T{int(match.group(3)) + 1}"


def _range_four_months_on(match: re.Match[str]) -> str:
    end = match.group("end")
    names = [n for n in _MONTH_NAMES if n == end.lower() or n[:3] == end.lower()]
    if not names:
        return match.group(0)
    number = _MONTH_NAMES.index(names[0]) + 1
    return f"{match.group(1)}{match.group(2)}{_month_word(min(number + 4, 12), end)}"
