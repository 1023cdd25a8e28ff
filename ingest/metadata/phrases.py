"""The phrases that name a report's kind and period, and what each says: (kind, year, last
month). A `title` phrase counts as a title only where it opens a short line (or a running
page header); inside a sentence it is `named`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.periods import MONTH, MONTH_RANGE, MONTHS, YEAR, month_number, month_range

_ORDINALS = {"första": 1, "andra": 2, "tredje": 3}

_Extractor = Callable[[re.Match[str]], tuple[str | None, int | None, int | None] | None]


def _year(match: re.Match[str]) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _tertial(kind: str) -> _Extractor:
    return lambda m: (kind, _year(m), 4 * int(m.group("n")))


def _month(kind: str | None) -> _Extractor:
    return lambda m: (kind, _year(m), month_number(m.group("month")))


def _range_end(match: re.Match[str]) -> tuple[str | None, int | None, int | None] | None:
    months = month_range(match.group("range"))
    if months is None or months[0] != 1:  # the report's period runs from January
        return None
    return None, _year(match), months[1]


@dataclass(frozen=True)
class Phrase:
    """A rule's pattern and what a match says; `title` phrases count as `named` inside a
    sentence. Every match starts with one of `starts` in the lowercased flat text, where
    words stand one space apart (so `per ` for `per` and a space): the report is searched
    only there, since a case-insensitive pattern tried at every offset of a report is the
    slowest step of reading its metadata (test_metadata.py holds the two searches equal)."""

    rule: str
    starts: tuple[str, ...]
    pattern: re.Pattern[str]
    says: _Extractor


_FULL_MONTH = "(?i:" + "|".join(MONTHS) + ")"
_Y = rf"(?:\s*:?\s*(?:för\s+)?(?P<year>{YEAR}))?"
RULES: list[Phrase] = [
    Phrase(
        "title",
        ("tertial",),
        re.compile(
            rf"(?i:tertialbokslut(?:et)?|tertialrapport(?:en)?)\s+(?:T\s?)?(?P<n>[123])\b{_Y}"
        ),
        _tertial("tertial_report"),
    ),
    Phrase(
        "title",
        ("delår",),
        re.compile(
            rf"(?i:delårsrapport(?:en)?|delårsbokslut(?:et)?|delår(?:et)?)\s+(?i:per\s+)?"
            rf"(?:(?i:den)\s+\d\d?\s+)?"
            rf"(?P<month>{_FULL_MONTH}){_Y}"
        ),
        _month("interim_report"),
    ),
    Phrase(
        "title",
        ("delår",),
        re.compile(rf"(?i:delårsrapport(?:en)?)\s+(?P<n>[12])\b{_Y}"),
        _tertial("interim_report"),  # delårsrapport 1 = January-April, 2 = January-August
    ),
    Phrase(
        "title",
        ("månads",),
        re.compile(
            rf"(?i:månadsrapport(?:en)?|månadsuppföljning(?:en)?)\s+(?i:per\s+)?"
            rf"(?P<month>{_FULL_MONTH}){_Y}"
        ),
        _month("monthly_report"),
    ),
    Phrase(
        "title",
        ("års", "verksamhetsberättelse"),
        re.compile(
            rf"(?i:årsredovisning(?:en)?|verksamhetsberättelse(?:n)?|årsbokslut(?:et)?){_Y}"
        ),
        lambda m: ("annual_report", _year(m), 12) if _year(m) else None,
    ),
    Phrase(
        "period",
        ("perioden",),
        re.compile(rf"(?i:perioden)\s+(?P<range>{MONTH_RANGE})(?:\s+(?P<year>{YEAR}))?"),
        _range_end,
    ),
    Phrase(
        "period",
        ("per ",),
        re.compile(
            rf"(?i:\bper)\s+(?:(?i:den)\s+\d\d?\s+)?(?P<month>{_FULL_MONTH})"
            rf"(?:\s+(?P<year>{YEAR}))?(?!\s+(?i:föregående|förra))"
        ),
        _month(None),
    ),
    Phrase(
        "period",
        ("ack",),
        re.compile(rf"(?i:\back(?:umulerat|\.)?\s+utfall)\s+(?P<range>{MONTH_RANGE})"),
        _range_end,
    ),
    Phrase(
        "year",
        ("ack",),
        re.compile(rf"(?i:\back(?:\.|umulerat)?\s+(?:utfall|budget))\s+(?P<year>{YEAR})"),
        lambda m: (None, _year(m), None),
    ),
    Phrase(
        "header",
        ("utfall", "budget", "avvikelse", "periodiserad", "perodiserad"),
        re.compile(
            rf"\b(?:Utfall|Budget|Avvikelse|Peri?odiserad budget)\s+(?P<range>{MONTH_RANGE})"
            rf"\s+(?P<year>{YEAR})"
        ),
        _range_end,
    ),
    Phrase(
        "header",
        ("utfall",),
        re.compile(rf"\bUtfall\s+(?P<month>{MONTH})\s+(?P<year>{YEAR})"),
        _month(None),
    ),
    Phrase(
        "tertial",
        ("under ", "för ", "i ", "efter ", "per "),
        re.compile(
            rf"(?i:\b(?:under|för|i|efter|per)\s+(?:det\s+|detta\s+)?)"
            rf"(?:(?i:tertial(?:et)?)\s+|T)(?P<n>[123])\b(?:\s*:?\s*(?P<year>{YEAR}))?"
        ),
        _tertial("tertial_report"),
    ),
    Phrase(
        "tertial",
        ("första", "andra", "tredje"),
        re.compile(r"(?i:\b(?P<ordinal>första|andra|tredje)\s+tertial(?:et|en)?)\b"),
        lambda m: ("tertial_report", None, 4 * _ORDINALS[m.group("ordinal").lower()]),
    ),
    Phrase(
        "latest_month",
        ("prel",),
        re.compile(rf"(?i:\bprel(?:iminär|\.)?)\s+(?P<month>{MONTH})"),
        _month(None),
    ),
]
