"""A report's kind and period, from what it says.

Every phrase that speaks of the report's own period is evidence: a title (`Tertialbokslut T2
2014`, `DELÅRSRAPPORT PER AUGUSTI 2025`, `Månadsrapport februari 2020`, `Årsredovisning
2024`), a sentence (`Utfallet för perioden januari-augusti 2018`, `per den 31 augusti`,
`redovisar per augusti`), a column header (`Utfall jan-aug 2018`, `Ack utfall 2018`), the
report's own tertial (`Prognosen för tertial 2`, `under det andra tertialet`) and the latest
month of a month table (`Prel feb`). A phrase that speaks of another report (`till
tertialbokslut 2`, `vid delår per april`, `per december föregående år`) is no evidence.

The most specific evidence wins: a title decides alone; otherwise the year is the one the
evidence names most (by weight), and the last month is voted among the evidence of that
year. Everything found is kept, so the choice can be shown with its lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ingest.metadata.phrases import RULES, Phrase
from ingest.periods import MONTH, month_end, month_number
from ingest.text import Line

# How much one phrase of each kind weighs; a title outweighs everything else together.
WEIGHTS = {
    "title": 1000,
    "named": 4,  # a title phrase inside a sentence (`fastställa bokslut - Tertialbokslut T2`)
    "period": 3,  # `för perioden januari-augusti`, `per den 31 augusti`, `per augusti`
    "year": 3,  # `Ack utfall 2018`
    "header": 2,  # `Utfall jan-aug 2018`, `Budget Jan - Aug 2025`, `Utfall Aug 2025`
    "tertial": 2,  # `för tertial 2`, `under det andra tertialet`
    "latest_month": 1,  # `Prel feb`, the last of `nov-19 dec-19 januari februari`
}
TITLE_LENGTH = 80  # a title phrase opens a line this short (or a running page header)
# A phrase right after these words speaks of another report or period.
_OTHER_REPORT = re.compile(
    r"(?:\b(?:till|inför|vid|än|sedan|jämfört med|jämförelse med|från)\s+(?:\S+\s+){0,2})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    rule: str  # a key of WEIGHTS
    line: int
    phrase: str  # as printed, spaces normalised
    kind: str | None = None
    year: int | None = None
    month: int | None = None  # the last month of the period the phrase names

    @property
    def weight(self) -> int:
        return WEIGHTS[self.rule]


@dataclass(frozen=True)
class PeriodDecision:
    report_kind: str
    period_start: date
    period_end: date
    explanation: str


# --- reading the evidence --------------------------------------------------------------------


@dataclass(frozen=True)
class _Flat:
    """The report as one string of single-spaced words, with the line of every offset, so
    that a phrase wrapped over lines (and the blank lines between) is still one match."""

    text: str
    starts: list[int]
    numbers: list[int]
    short: set[int]  # numbers of lines short enough to be a title
    words: dict[int, str]  # each line's words, single-spaced, in the order of the lines

    def line_at(self, offset: int) -> int:
        return self.numbers[bisect_right(self.starts, offset) - 1]

    def opens_line(self, offset: int) -> bool:
        return offset in self.starts


def flatten(lines: Sequence[Line], furniture: set[int]) -> _Flat:
    """The text lines joined, and the running headers and footers after them, each on its
    own (` | ` between): a sentence goes on over a page footer, and a footer's title phrase
    (`DELÅRSRAPPORT PER AUGUSTI 2025`) stays whole."""
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    short: set[int] = set()
    offset = 0
    of_line = {line.number: " ".join(line.text.split()) for line in lines}
    ordered = [n for n in of_line if n not in furniture] + [n for n in of_line if n in furniture]
    for number in ordered:
        words = of_line[number]
        if not words:
            continue
        if number in furniture:
            words = f"| {words} |"
        starts.append(offset + (2 if number in furniture else 0))
        numbers.append(number)
        if len(words) <= TITLE_LENGTH or number in furniture:
            short.add(number)
        parts.append(words)
        offset += len(words) + 1
    return _Flat(" ".join(parts), starts, numbers, short, of_line)


_MONTH_TOKEN = rf"(?:{MONTH}(?:-\d\d)?)"
_MONTH_RUN = re.compile(rf"^{_MONTH_TOKEN}(?: {_MONTH_TOKEN})+$")


def collect_evidence(lines: Sequence[Line], furniture: set[int]) -> list[Evidence]:
    """Every phrase of the report that names its kind or period, in text order."""
    flat = flatten(lines, furniture)
    lowered = flat.text.lower()
    found: list[tuple[tuple[int, int], Evidence]] = []
    for phrase in RULES:
        for match in phrase_matches(phrase, flat.text, lowered):
            if _OTHER_REPORT.search(flat.text[max(0, match.start() - 40) : match.start()]):
                continue
            said = phrase.says(match)
            if said is None or (said[2] is None and phrase.rule != "year"):
                continue
            line = flat.line_at(match.start())
            opens_title = flat.opens_line(match.start()) and line in flat.short
            rule = "named" if phrase.rule == "title" and not opens_title else phrase.rule
            found.append((match.span(), Evidence(rule, line, match.group(0), *said)))
    titles = [span for span, e in found if e.rule in ("title", "named")]
    kept = [e for span, e in found if e.rule in ("title", "named") or not _inside(span, titles)]
    return sorted([*kept, *_month_runs(flat.words)], key=lambda e: (e.line, e.rule))


def phrase_matches(phrase: Phrase, text: str, lowered: str) -> Iterator[re.Match[str]]:
    """What `phrase.pattern.finditer(text)` finds, tried only where one of its starts is."""
    if len(lowered) != len(text):  # a letter whose lowercase is longer: offsets differ
        yield from phrase.pattern.finditer(text)
        return
    offsets = sorted({i for start in phrase.starts for i in _offsets(lowered, start)})
    end = 0
    for offset in offsets:
        if offset >= end and (match := phrase.pattern.match(text, offset)):
            yield match
            end = match.end()


def _offsets(text: str, word: str) -> Iterator[int]:
    offset = text.find(word)
    while offset >= 0:
        yield offset
        offset = text.find(word, offset + 1)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """The phrase is part of a title phrase (`per augusti 2025` in `DELÅRSRAPPORT PER
    AUGUSTI 2025`): that title is the evidence, once."""
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _month_runs(of_line: dict[int, str]) -> list[Evidence]:
    """The last month of a line of month headers (`nov-19 dec-19 januari februari`)."""
    found: list[Evidence] = []
    for number, words in of_line.items():
        if not _MONTH_RUN.match(words):
            continue
        last = words.split()[-1]
        month, _, yy = last.partition("-")
        year = 2000 + int(yy) if yy.isdigit() else None
        found.append(Evidence("latest_month", number, words, None, year, month_number(month)))
    return found


# --- deciding ----------------------------------------------------------------------------


def _vote(evidence: Sequence[Evidence], key: Callable[[Evidence], int | str | None]):
    """The value with the greatest total weight, or None on a tie or no evidence."""
    totals: dict[int | str, int] = defaultdict(int)
    for item in evidence:
        value = key(item)
        if value is not None:
            totals[value] += item.weight
    if not totals:
        return None
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def decide_period(evidence: Sequence[Evidence]) -> PeriodDecision | None:
    """Kind and period from the evidence, or None when year or last month stay open."""
    titles = [e for e in evidence if e.rule == "title"]
    pool = titles if any(e.year for e in titles) else list(evidence)
    year = _vote(pool, lambda e: e.year)
    if year is None:
        return None
    of_year = [e for e in evidence if e.year in (None, year)]
    month_pool = [e for e in titles if e.year in (None, year)] or of_year
    month = _vote(month_pool, lambda e: e.month)
    if month is None:
        return None
    kind = _vote([e for e in titles if e.month == month], lambda e: e.kind)
    kind = kind or _vote([e for e in of_year if e.month == month and e.kind], lambda e: e.kind)
    if kind is None:
        kind = "annual_report" if month == 12 else "monthly_report"
    chosen = [e for e in evidence if e.year in (None, year) and e.month in (None, month)]
    outweighed = [e for e in evidence if e not in chosen]
    end = month_end(year, month)
    return PeriodDecision(kind, date(year, 1, 1), end, _explain(kind, end, chosen, outweighed))


def _explain(kind: str, end: date, chosen: list[Evidence], outweighed: list[Evidence]) -> str:
    said = f"{kind} to {end}: {', '.join(_cite(chosen))}"
    if not any(e.kind for e in chosen):
        said += f"; {kind} as no title or own tertial names the kind"
    if outweighed:
        said += f"; outweighed: {', '.join(_cite(outweighed))}"
    return said


def _cite(evidence: Sequence[Evidence], limit: int = 4) -> list[str]:
    """`'tertial 1' (lines 21, 71, 73)` per distinct phrase, strongest first."""
    by_phrase: dict[str, list[int]] = defaultdict(list)
    weight: dict[str, int] = defaultdict(int)
    for item in evidence:
        by_phrase[item.phrase].append(item.line)
        weight[item.phrase] += item.weight
    ranked = sorted(by_phrase, key=lambda phrase: -weight[phrase])
    cited = [f"'{phrase}' ({_lines(by_phrase[phrase])})" for phrase in ranked[:limit]]
    if len(ranked) > limit:
        cited.append(f"{len(ranked) - limit} more")
    return cited


def _lines(numbers: list[int]) -> str:
    unique = sorted(set(numbers))
    shown = ", ".join(str(n) for n in unique[:3]) + (" …" if len(unique) > 3 else "")
    return f"line {shown}" if len(unique) == 1 else f"lines {shown}"
