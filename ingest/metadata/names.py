"""Who a report is from: its municipality and its committee, as the text names them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ingest.text import Line

MIN_MENTIONS = 2  # a municipality named once may be a neighbour the text compares with

# Social-services committees: `Socialnämnden`, `Social- och äldrenämnden`, `Vård- och
# omsorgsnämnden`, `Arbetsmarknads- och socialnämnden`, `Individ- och familjeomsorgsnämnden`
# (also in the genitive, `socialnämndens`). A bare `nämnden` names no one.
_COMMITTEE_WORD = "nämnd"
_COMMITTEE_STEMS = r"(?i:social|omsorg|äldre|välfärd|familj|funktions?|stöd|vård)"
_COMMITTEE = re.compile(
    r"\b(?P<first>[A-ZÅÄÖa-zåäö]+ ?- och )?"
    rf"(?P<last>[a-zåäöA-ZÅÄÖ]*{_COMMITTEE_STEMS}[a-zåäö]*{_COMMITTEE_WORD})(?:en|ens)\b"
)


@dataclass(frozen=True)
class Named:
    name: str
    mentions: int
    first_line: int

    @property
    def evidence(self) -> str:
        times = "once" if self.mentions == 1 else f"{self.mentions} times"
        return f"'{self.name}' named {times}, first on line {self.first_line}"


def _most_named(found: list[tuple[str, int]], minimum: int) -> Named | None:
    counts = Counter(name for name, _ in found).most_common(2)
    if not counts or counts[0][1] < minimum or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    name, mentions = counts[0]
    return Named(name, mentions, min(line for found_name, line in found if found_name == name))


def detect_municipality(lines: Sequence[Line], names: Sequence[str]) -> Named | None:
    """The municipality named most often (`Nacka`, `Nackas`, `Norrtälje kommun`), at least
    twice and more often than any other."""
    pattern = names_pattern(tuple(names))
    # one search of the whole text finds what a search per line does: no name holds a newline
    text = "\n".join(line.text for line in lines)
    starts = list(accumulate((len(line.text) + 1 for line in lines[:-1]), initial=0))
    found = []
    for match in pattern.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        line, end = lines[index], match.end() - starts[index]
        # a line without its trailing space breaks inside a word (`Nacka` / `modell`)
        if line.text.endswith(" ") or end < len(line.text.rstrip()):
            found.append((match.group(1), line.number))
    return _most_named(found, MIN_MENTIONS)


@lru_cache(maxsize=4)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the names, its genitive `s` too, as a whole word; where one name begins
    another (`Upplands Väsby`, `Upplands-Bro`; `Ale`, `Alingsås`) the longest that stands."""
    return re.compile(rf"\b({_branching(list(names))})s?\b")


def _branching(names: list[str]) -> str:
    """The names as one regular expression that branches letter by letter, the longer
    names before the end of a shorter one: the regex engine follows only the letters that
    stand, and backtracks to a shorter name only where a longer one fails (the same match
    as trying every name in turn, longest first; test_metadata.py holds them equal)."""
    rests: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if name:
            rests[name[0]].append(name[1:])
    branches = [re.escape(first) + _branching(rest) for first, rest in sorted(rests.items())]
    if "" in names:
        branches.append("")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def committee_name(match: re.Match[str]) -> str:
    """`Social - och äldrenämndens` → `Social- och äldrenämnden`."""
    first = (match.group("first") or "").replace(" -", "-")
    name = f"{first}{match.group('last')}en"
    return name[:1].upper() + name[1:].lower()


def detect_committee(lines: Sequence[Line]) -> Named | None:
    """The social-services committee named most often; None when the text names none in full
    (only `nämnden`) or two equally often."""
    found = [
        (committee_name(m), line.number)
        for line in lines
        if _COMMITTEE_WORD in line.text  # no line without it can match
        for m in _COMMITTEE.finditer(line.text)
    ]
    return _most_named(found, 1)
