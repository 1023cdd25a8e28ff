"""Lines of extracted report text: splitting a line into label and cells, joining wraps.

Whitespace is evidence here (see GLOSSARY.md): a cell boundary is one space, every empty
cell adds one more, and every line keeps one trailing space. A line that ends without that
trailing space was broken inside a word (`intäkt` / `er`), so its continuation is glued on
without a space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.numbers import is_numeric_token


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the report file
    text: str  # as extracted, trailing space kept

    @property
    def is_blank(self) -> bool:
        return self.text.strip() == ""


@dataclass(frozen=True)
class SplitLine:
    label: str  # row label text on this line ('' when the line holds only cells)
    cell_tokens: list[str]  # tokens after the label; '' marks an empty cell
    leading_space: bool  # the line began with a space (page start, or an empty first cell)

    @property
    def numeric_token_count(self) -> int:
        return sum(1 for token in self.cell_tokens if token not in ("", "-"))


def read_lines(text: str) -> list[Line]:
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def split_line(text: str) -> SplitLine:
    """Split a line into its label (words up to the last non-number) and cell tokens."""
    body = text[:-1] if text.endswith(" ") else text
    body = re.sub("[\u2212\u2013](?=\\d)", "-", body)  # minus sign or en dash before a digit
    leading_space = body.startswith(" ")
    tokens = _drop_units(body.split(" "))
    last_word = max(
        (i for i, token in enumerate(tokens) if token and not is_numeric_token(token)),
        default=-1,
    )
    label = " ".join(token for token in tokens[: last_word + 1] if token)
    cells = tokens[last_word + 1 :]
    if last_word >= 0 and not any(cells):
        cells = []
    return SplitLine(label=label, cell_tokens=cells, leading_space=leading_space)


UNIT_TOKENS = ("%", "kr")  # printed after a number: `5,59 %`, `3 499 503 kr`


def _drop_units(tokens: list[str]) -> list[str]:
    """Remove unit tokens that follow a number; the unit is the table family's, not a cell."""
    kept: list[str] = []
    for token in tokens:
        if token in UNIT_TOKENS and kept and is_numeric_token(kept[-1]) and kept[-1] != "-":
            continue
        kept.append(token)
    return kept


def with_year_in_label(split: SplitLine) -> SplitLine | None:
    """The same line with a leading year cell moved into the label (`År 2016 36,0 40,8`,
    `2025 5,59 % 1,02 %`, `… psykisk hälsa` / `2018 3 499 503 kr`), if it starts with one."""
    tokens = split.cell_tokens
    first = next((i for i, token in enumerate(tokens) if token), None)
    if first is None or not re.fullmatch(r"(?:19|20)\d\d", tokens[first]):
        return None
    label = f"{split.label} {tokens[first]}".strip()
    rest = tokens[first + 1 :]
    return SplitLine(label=label, cell_tokens=rest if any(rest) else [], leading_space=False)


def join_fragments(fragments: list[str]) -> str:
    """Join wrapped label or header lines; a fragment without trailing space continues a word."""
    joined = ""
    for fragment in fragments:
        if not fragment.strip():
            continue
        joined += fragment if fragment.endswith(" ") else fragment.rstrip("\n")
    return normalize_spaces(joined)


def normalize_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


MIN_FURNITURE_LENGTH = 12  # shorter repeats are table cells (`T2`, `T3`), not page headers


def page_furniture(lines: list[Line], min_repeats: int = 3) -> set[int]:
    """Line numbers of running page headers and footers (`DELÅRSRAPPORT PER AUGUSTI 2025  14`).

    Such a line repeats on at least `min_repeats` pages, identical but for a page number
    (a number of at most three digits that changes), and carries at most two numbers.
    Repeated header cells such as `Aug 2025` / `Aug 2024` differ in a year, not a page.
    """
    by_shape: dict[str, list[tuple[int, list[str]]]] = {}
    for line in lines:
        if line.is_blank or not re.search(r"[A-Za-zÅÄÖåäö]", line.text):
            continue
        numbers = re.findall(r"\d+", line.text)
        if 1 <= len(numbers) <= 2 and len(line.text.strip()) >= MIN_FURNITURE_LENGTH:
            shape = re.sub(r"\d+", "#", line.text.strip())
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
