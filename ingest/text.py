"""Lines of extracted report text: wrapped lines joined, page furniture, paragraphs.

Whitespace is evidence here (see GLOSSARY.md): every line keeps one trailing space, so a
line that ends without it was broken inside a word (`intäkt` / `er`), and its continuation
is glued on without a space. Splitting a line into label and cells is tokens.py's work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the report file
    text: str  # as extracted, trailing space kept
    # asked of every line by every reader: computed once
    is_blank: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_blank", self.text.strip() == "")


def read_lines(text: str) -> list[Line]:
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def join_fragments(fragments: list[str]) -> str:
    """Join wrapped label or header lines; a fragment without trailing space continues a word."""
    joined = ""
    for fragment in fragments:
        if not fragment.strip():
            continue
        joined += fragment if fragment.endswith(" ") else fragment.rstrip("\n")
    return normalize_spaces(joined)


def normalize_spaces(text: str) -> str:
    return " ".join(text.split())  # what `\s+` → ` ` and strip() give, three times faster


def continues_in_lowercase(lines: Sequence[Line], index: int) -> bool:
    """Whether the next non-blank line after lines[index] starts with a lowercase letter:
    the text of lines[index] goes on there (a wrapped label or sentence)."""
    _, following = next_text(lines, index + 1)
    return following is not None and following.strip()[:1].islower()


MIN_FURNITURE_LENGTH = 12  # shorter repeats are table cells (`T2`, `T3`), not page headers
_LETTER = re.compile(r"[A-Za-zÅÄÖåäö]")
_DIGITS = re.compile(r"\d+")


def page_furniture(lines: list[Line], min_repeats: int = 3) -> set[int]:
    """Line numbers of running page headers and footers (`DELÅRSRAPPORT PER AUGUSTI 2025  14`).

    Such a line repeats on at least `min_repeats` pages, identical but for a page number
    (a number of at most three digits that changes), and carries at most two numbers.
    Repeated header cells such as `Aug 2025` / `Aug 2024` differ in a year, not a page.
    """
    by_shape: dict[str, list[tuple[int, list[str]]]] = {}
    for line in lines:
        if line.is_blank or not _LETTER.search(line.text):
            continue
        numbers = _DIGITS.findall(line.text)
        if 1 <= len(numbers) <= 2 and len(line.text.strip()) >= MIN_FURNITURE_LENGTH:
            shape = _DIGITS.sub("#", line.text.strip())
            by_shape.setdefault(shape, []).append((line.number, numbers))
    furniture: set[int] = set()
    for occurrences in by_shape.values():
        if len(occurrences) < min_repeats:
            continue
        columns = list(zip(*(numbers for _, numbers in occurrences), strict=True))
        changing = [values for values in columns if len(set(values)) > 1]
        if changing and all(len(value) <= 3 for values in changing for value in values):
            furniture.update(number for number, _ in occurrences)
    return furniture


def next_text(content: Sequence[Line], index: int) -> tuple[int, str | None]:
    while index < len(content):
        if not content[index].is_blank:
            return index, content[index].text
        index += 1
    return index, None


def paragraph_at(
    content: Sequence[Line], index: int, stop: re.Pattern[str] | None = None
) -> tuple[list[Line], int]:
    """The non-blank lines from `index` (skipping blanks before it), and the index after;
    a line matching `stop` opens a paragraph of its own (a table title printed right under
    the last comment line)."""
    index, _ = next_text(content, index)
    lines: list[Line] = []
    while index < len(content) and not content[index].is_blank:
        if lines and stop is not None and stop.match(content[index].text):
            break
        lines.append(content[index])
        index += 1
    return lines, index
