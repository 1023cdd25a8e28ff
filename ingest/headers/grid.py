"""A header printed as a grid: one line holds the first words of several cells, the next
line their second words.

    Utfall Utfall Utfall Budget Budget- Budget Prognos Prognos
    intäkter kostnader netto netto avvikelse netto netto avvikelse

reads `Utfall intäkter`, `Utfall kostnader`, … `Budget-avvikelse`, …: the words of the
longest line open one cell each, and the words of the other lines go, in order, to the
cells they belong to. Which cells get a word is not printed, so every assignment is tried
and the lexicon decides; readings that the lexicon accepts in more than one way are
ambiguous and rejected by the caller, never guessed. A month range counts as one word
(`Jan - Aug`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import combinations, islice, product

from ingest.periods import MONTH_RANGE
from ingest.text import join_fragments

MAX_WINDOW_LINES = 4  # a header cell is printed over at most this many lines
MAX_READINGS_PER_WINDOW = 400
_WORD = re.compile(rf"{MONTH_RANGE}|\S+")


def header_texts(lines: Sequence[str]) -> Iterator[str]:
    """The header read as grids, each window of 2-4 consecutive lines merged in turn."""
    for size in range(2, MAX_WINDOW_LINES + 1):
        for start in range(0, len(lines) - size + 1):
            window = lines[start : start + size]
            for merged in islice(grid_merges(window), MAX_READINGS_PER_WINDOW):
                yield join_fragments([*lines[:start], merged + " ", *lines[start + size :]])


def grid_merges(window: Sequence[str]) -> Iterator[str]:
    """Every way to read the lines of `window` as one row of cells opened by its longest
    line's words."""
    words = [_WORD.findall(line) for line in window]
    anchor = max(range(len(words)), key=lambda i: len(words[i]))
    width = len(words[anchor])
    if width < 2 or any(not line for line in words):
        return
    others = [i for i in range(len(words)) if i != anchor]
    placements = [combinations(range(width), len(words[i])) for i in others]
    for chosen in product(*placements):
        cells = [[word] for word in words[anchor]]
        before: list[list[str]] = [[] for _ in range(width)]
        for line, columns in zip(others, chosen, strict=True):
            target = before if line < anchor else cells
            for column, word in zip(columns, words[line], strict=True):
                target[column].append(word)
        yield " ".join(" ".join([*before[c], *cells[c]]) for c in range(width))
