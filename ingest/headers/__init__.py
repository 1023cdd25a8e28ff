"""Column headers of family tables, whatever their wrapping.

Header cells wrap, split inside words and come out of order, so header text is read as a
sequence of known header phrases (the family's lexicon, in its module under families/). A
phrase is a column group (`Ack utfall 2017`, spanning several columns), a column (`Utfall
intäkter`, `Budget Jan - Aug 2025`) or a legend to skip (`Kostnader (-) Intäkter (+)`).
Period words inside phrases are parsed by the grammar of periods.py (`jan-apr`, `Jan - Aug`,
`januari-augusti`, `Tertial 2`), never matched as fixed text.

The lines of a header are read in two orders: as printed, one cell after another (the
lines joined), and as a grid, where one printed line holds the first words of several cells
and the next line their second words (`Utfall Utfall Budget-` / `intäkter kostnader
avvikelse`; see grid.py). Text that reads as no sequence of phrases is an error: the table
is then read by the generic reader, never guessed.

What a column means (flow, basis, scope) is not decided here but in dbt, through the
reviewed seeds `column_header_map`, `placement_column_map` and their kin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

UNNAMED_COLUMN = "(no header)"
# A column belongs to a group only if its basis words are in the group's header.
BASIS_WORDS = ("utfall", "budget", "prognos")
# A hyphen that ended a printed line (`Budget-` / `avvikelse`) joins its word again; one
# before `och` shortens a compound (`Individ- och familjeomsorg`) and stays.
WRAPPED_HYPHEN = re.compile(r"(?<=\w)- (?!(?:och|eller|samt)\b)(?=\w)")


@dataclass(frozen=True)
class Lexicon:
    """The header phrases of one table family, as regular expressions."""

    skip: tuple[str, ...] = ()  # titles and sign legends
    groups: tuple[str, ...] = ()  # headers spanning several columns
    columns: tuple[str, ...] = ()

    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        return _compiled(self)


@cache
def _compiled(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(pattern, re.IGNORECASE), kind)
        for kind, patterns in (
            ("skip", lexicon.skip),
            ("group", lexicon.groups),
            ("column", lexicon.columns),
        )
        for pattern in patterns
    ]


class HeaderError(ValueError):
    pass


@dataclass
class Phrase:
    text: str
    kind: str  # 'skip' | 'group' | 'column'


@dataclass
class Group:
    text: str
    columns: list[str] = field(default_factory=list)


def normalize_header(text: str) -> str:
    """Single spaces (an extra space on one printed line is kept: it is an empty cell) and
    wrapped hyphens joined."""
    return WRAPPED_HYPHEN.sub("-", text.strip())


def tokenize_header(text: str, lexicon: Lexicon) -> list[Phrase]:
    """Read header text as a sequence of lexicon phrases; raise on anything else."""
    text = normalize_header(text)
    patterns = lexicon.patterns()
    phrases: list[Phrase] = []
    position = 0
    gap = 0
    while position < len(text):
        if text[position] == " ":
            position += 1
            gap += 1
            continue
        if gap > 1 and phrases and phrases[-1].kind == "column":
            # On one printed line every extra space is an empty header cell.
            phrases.extend(Phrase(UNNAMED_COLUMN, "column") for _ in range(gap - 1))
        gap = 0
        best: tuple[int, str] | None = None
        for pattern, kind in patterns:
            match = pattern.match(text, position)
            if match and (best is None or match.end() > best[0]):
                best = (match.end(), kind)
        if best is None or (best[0] < len(text) and text[best[0]] != " "):
            raise HeaderError(f"unrecognised header text {text[position : position + 40]!r}")
        phrases.append(Phrase(text[position : best[0]], best[1]))
        position = best[0]
    return phrases


def _basis_words(text: str) -> set[str]:
    lowered = text.lower()
    return {word for word in BASIS_WORDS if word in lowered}


def column_headers(text: str, lexicon: Lexicon) -> list[str]:
    """Flat column headers, `group | column` where a group spans columns.

    Columns are dealt to groups in order: a column goes to the current group if its basis
    words are in the group's header and the group does not hold that header yet, otherwise
    to the next group that fits. A column that fits no group stands alone.
    """
    phrases = [p for p in tokenize_header(text, lexicon) if p.kind != "skip"]
    groups = [Group(p.text) for p in phrases if p.kind == "group"]
    if not groups:
        return [p.text for p in phrases]
    top_level: list[Group | str] = []
    pending_children: list[str] = []
    for phrase in phrases:
        if phrase.kind == "group":
            top_level.append(
                next(g for g in groups if g.text == phrase.text and g not in top_level)
            )
        elif any(_basis_words(phrase.text) <= _basis_words(g.text) for g in groups):
            pending_children.append(phrase.text)
        else:
            top_level.append(phrase.text)
    current = 0
    for child in pending_children:
        while current < len(groups) and not _fits(child, groups[current]):
            current += 1
        if current == len(groups):
            raise HeaderError(f"header column {child!r} fits no column group")
        groups[current].columns.append(child)
    flat: list[str] = []
    for item in top_level:
        if isinstance(item, Group):
            flat.extend(f"{item.text} | {column}" for column in item.columns or [""])
        else:
            flat.append(item)
    return [header.removesuffix(" | ") for header in flat]


def _fits(column: str, group: Group) -> bool:
    return _basis_words(column) <= _basis_words(group.text) and column not in group.columns
