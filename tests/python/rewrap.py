"""Printing the same words with other line breaks, as another PDF export would.

Every printed line keeps one trailing space, except a line broken inside a word, whose
continuation is glued on (GLOSSARY.md). A header can come out one word per line, broken at
random word boundaries, inside a word, after a hyphen (`Budget-` / `avvikelse`), with blank
lines between, or as a grid where one line holds the first words of several cells and the
next line their second words. A row label can stand on the numbers line or wrap above it.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

from ingest.periods import MONTH_RANGE
from ingest.tables import Row
from ingest.text import Line

HEADER_STYLES = ("one_word_per_line", "random_breaks", "inside_words", "hyphens", "blank_lines")
_WORD = re.compile(rf"{MONTH_RANGE}|\S+")
MAX_LABEL_CHUNK = 45  # a wrapped label line; family tables end at longer text lines


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def header_lines(title: str, rest: str, style: str, rng: random.Random) -> list[str]:
    """The header `title rest` printed in `style`; the title stands alone on the first line
    (it is how the table is found)."""
    words = words_of(rest)
    if style == "one_word_per_line":
        return [title + " ", *(word + " " for word in words)]
    if style == "hyphens":
        return [title + " ", *_hyphen_breaks(words)] if words else [title + " "]
    lines = _random_breaks(words, rng, inside_words=style == "inside_words")
    if style == "blank_lines":
        lines = [line for text in lines for line in ([text, ""] if rng.random() < 0.5 else [text])]
    return [title + " ", *lines]


def indicator_header_lines(header: str, style: str, rng: random.Random) -> list[str]:
    """An indicator table's header printed anew: its opening words (`Indikatorer Utfall`,
    `Indikator (KF) Ansvarig`) alone on the first line, as the readers find the table, and
    its closing words (`Mål`, `Bedömning Trend`) ending the last."""
    words = header.split()
    opening = 2 if words[0] == "Indikatorer" else 3
    closing = 1 if words[-1] == "Mål" else 2
    title, middle, end = words[:opening], words[opening:-closing], words[-closing:]
    lines = header_lines(" ".join(title), " ".join(middle), style, rng)
    lines = [line for line in lines if line.strip()] if style == "hyphens" else lines
    last = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].strip())
    if lines[last].endswith(" "):
        lines[last] = lines[last] + " ".join(end) + " "
    else:  # broken inside a word: the closing words go on the next line
        lines.insert(last + 1, " ".join(end) + " ")
    return lines


def grid_lines(cells: list[str]) -> list[str] | None:
    """Cells printed as a grid, top-aligned: line k holds the k-th word of every cell that
    has one (a hyphenated word breaks after its hyphen); None if a cell has over four."""
    split = [[part for word in words_of(cell) for part in _hyphen_parts(word)] for cell in cells]
    if not split or max(len(words) for words in split) > 4:
        return None
    depth = max(len(words) for words in split)
    return [" ".join(words[k] for words in split if len(words) > k) + " " for k in range(depth)]


def _hyphen_parts(word: str) -> list[str]:
    head, hyphen, tail = word.partition("-")
    if hyphen and head and tail and head[-1].isalpha() and tail[0].isalpha():
        return [head + "-", tail]
    return [word]


def _hyphen_breaks(words: list[str]) -> list[str]:
    """One line, broken after every hyphen inside a word (`Budget-` / `avvikelse`)."""
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        parts = _hyphen_parts(word)
        if len(parts) == 2:
            lines.append(" ".join([*current, parts[0]]))  # no space: the word goes on
            current = [parts[1]]
        else:
            current.append(word)
    lines.append(" ".join(current) + " ")
    return [line if line.endswith("-") or line.endswith(" ") else line + " " for line in lines]


def _random_breaks(words: list[str], rng: random.Random, inside_words: bool) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        if current and rng.random() < 0.35:
            lines.append(current + " ")
            current = ""
        if inside_words and len(word) >= 7 and word.isalpha() and rng.random() < 0.5:
            cut = rng.randrange(3, len(word) - 2)
            lines.append((current + " " if current else "") + word[:cut])  # broken in the word
            current = word[cut:]
            continue
        current = f"{current} {word}" if current else word
    if current:
        lines.append(current + " ")
    return lines


def label_lines(label: str, cells: str, rng: random.Random) -> list[str]:
    """A row printed with its label on the numbers line, or wrapped over one to three lines
    above it, the last words on the numbers line or not. `cells` is the numbers part as
    printed, without the space that separates it from a label (` -552 -552      `: its
    leading space is an empty first cell)."""
    chunks = _label_chunks(label.split(), rng)
    if chunks is None:
        return [f"{label} {cells}"]
    if rng.random() < 0.5:  # the last words on the numbers line
        return [chunk + " " for chunk in chunks[:-1]] + [f"{chunks[-1]} {cells}"]
    return [chunk + " " for chunk in chunks] + [cells]


def _label_chunks(words: list[str], rng: random.Random) -> list[str] | None:
    """Words in one to three lines of words; None when the label must stay whole (a line
    would hold only numbers, or be too long)."""
    count = rng.choice([1, 2, 3])
    if len(words) < count or any(_is_number(w) for w in words[-1:]):
        return None
    cuts = sorted(rng.sample(range(1, len(words)), count - 1)) if count > 1 else []
    chunks = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
    if any(len(c) > MAX_LABEL_CHUNK or all(_is_number(w) for w in c.split()) for c in chunks):
        return None
    return chunks


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"-?[\d,.]+", word))


def cells_text(row: Row) -> str:
    """The row's cells as printed: one space between cells, one more per empty cell, the
    trailing space; units after their numbers."""
    units = row.units or (None,) * len(row.cells)
    printed = [
        f"{c.text} {u}" if u and c.text else c.text for c, u in zip(row.cells, units, strict=True)
    ]
    return " ".join(printed) + " "


def footer_line(lines: list[Line], furniture: set[int], words) -> str:  # noqa: ANN001
    first = next((ln.text for ln in lines if ln.number in furniture), None)
    template = words(first) if first else "SOCIALNÄMNDEN UPPFÖLJNING  1  "
    return re.sub(r"\b\d{1,3}\b(?=\s*$)", "{page}", template.rstrip() + " ").rstrip() + "  "


def with_footers(lines: list[str], footer: str, every: int) -> list[str]:
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        out.append(line)
        if number % every == 0:
            out.append(footer.replace("{page}", str(number // every + 1)))
    return out


def format_number(value: Decimal) -> str:
    """-1175 → `-1 175`, 84.4 → `84,4`, as the reports print."""
    sign = "-" if value < 0 else ""
    whole, _, decimals = f"{abs(value):f}".partition(".")
    groups = re.sub(r"(?<=\d)(?=(\d{3})+$)", " ", whole)
    return sign + groups + ("," + decimals if decimals else "")
