"""The one tokenizer for values lines: `label cells [tail]`, split by the spacing.

Whitespace is evidence (GLOSSARY.md): a cell boundary is one space, every empty cell adds one
more, and a line keeps one trailing space. So `Socialnämnd -1 189 -1 049 140  -1 784 ` is the
label `Socialnämnd` and the tokens `-1 189 -1 049 140 '' -1 784`, where '' is an empty cell;
which tokens make one number is decided later (numbers.cell_readings). Units printed after a
number (`5,59 %`, `19%`, `3 499 503 kr`) are taken off their token and kept beside it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ingest.numbers import is_numeric_token

UNITS = ("%", "kr", "tkr", "mkr", "mnkr")
_MINUS_BEFORE_DIGIT = re.compile("[\u2212\u2013](?=\\d)")  # minus sign or en dash
_GLUED_PERCENT = re.compile(r"^(?P<number>.+?)%$")


@dataclass(frozen=True)
class ValuesLine:
    label: str  # the words before the values ('' when the line holds only values)
    cell_tokens: list[str]  # tokens after the label; '' marks an empty cell
    units: list[str | None]  # per cell token: the unit printed after it, if any
    tail: str  # words after the values (an assessment and trend), '' if none
    leading_space: bool  # the line began with a space (page start, or an empty first cell)

    @property
    def numeric_token_count(self) -> int:
        return sum(1 for token in self.cell_tokens if token not in ("", "-"))

    @property
    def has_percent(self) -> bool:
        return "%" in self.units

    @property
    def glued(self) -> str | None:
        """Numbers printed with no space between them (`1584-38196`, `35,1-124,0`), which
        end the label where cells should stand: no reading of them is certain."""
        last = self.label.rsplit(" ", 1)[-1]
        return last if is_glued_numbers(last) else None

    @property
    def letters_in_number(self) -> str | None:
        """A number with letters inside it (`12a45`, `1 0O5`), which the split left in the
        label: a misprint or a broken extraction, never a cell to guess from."""
        return next(
            (word for word in self.label.split(" ") if _LETTERS_IN_NUMBER.match(word)), None
        )


def split_values(text: str, tail_starts: Collection[str] | None = None) -> ValuesLine:
    """Split a line into label, cell tokens and tail.

    The label is every word up to the last word before the values (a word among numbers,
    `0-12 år`, belongs to the label); with `tail_starts`, the tail begins at the first of
    those words after the first value. A label with nothing but empty cells after it, and no
    tail expected, is a line of words: it has no cell tokens.
    """
    body = text[:-1] if text.endswith(" ") else text
    body = _MINUS_BEFORE_DIGIT.sub("-", body)
    tokens, units = _take_units(body.split(" "))
    first_value = next(
        (i for i, token in enumerate(tokens) if not token or is_numeric_token(token)), len(tokens)
    )
    end = len(tokens)
    if tail_starts is not None:
        end = next((i for i in range(first_value, end) if tokens[i] in tail_starts), end)
    last_word = max(
        (i for i in range(end) if tokens[i] and not is_numeric_token(tokens[i])), default=-1
    )
    label = " ".join(token for token in tokens[: last_word + 1] if token)
    cells, cell_units = tokens[last_word + 1 : end], units[last_word + 1 : end]
    if label and tail_starts is None and not any(cells):
        cells, cell_units = [], []
    return ValuesLine(
        label=label,
        cell_tokens=cells,
        units=cell_units,
        tail=" ".join(tokens[end:]),
        leading_space=body.startswith(" "),
    )


_LETTERS_IN_NUMBER = re.compile(r"^-?\d+[A-Za-zÅÄÖåäö]{1,2}\d+(?:,\d+)?$")
_GLUED = re.compile(r"^-?\d+(?:,\d+)?(?:-\d+(?:,\d+)?)+$")


def is_glued_numbers(token: str) -> bool:
    """`1584-38196` is two numbers glued; `21-64` (ages), `2025-2027` (years) are ranges and
    `2025-08-31` a date."""
    if not _GLUED.match(token) or re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", token):
        return False
    parts = token.lstrip("-").split("-")
    if all(re.fullmatch(r"(?:19|20)\d\d", part) for part in parts):
        return False
    return any(len(part) > 2 or "," in part for part in parts)


def _take_units(tokens: list[str]) -> tuple[list[str], list[str | None]]:
    """`5,59 %` and `19%` → `5,59`, `19`, each with its unit; other tokens as they are."""
    kept: list[str] = []
    units: list[str | None] = []
    for token in tokens:
        if token in UNITS and kept and is_numeric_token(kept[-1]) and kept[-1] != "-":
            units[-1] = token
            continue
        glued = _GLUED_PERCENT.match(token)
        if glued and is_numeric_token(glued.group("number")):
            kept.append(glued.group("number"))
            units.append("%")
            continue
        kept.append(token)
        units.append(None)
    return kept, units


def with_year_in_label(values: ValuesLine) -> ValuesLine | None:
    """The same line with a leading year cell moved into the label (`År 2016 36,0 40,8`,
    `2025 5,59 % 1,02 %`, `… psykisk hälsa` / `2018 3 499 503 kr`), if it starts with one."""
    tokens = values.cell_tokens
    first = next((i for i, token in enumerate(tokens) if token), None)
    if first is None or not re.fullmatch(r"(?:19|20)\d\d", tokens[first]):
        return None
    label = f"{values.label} {tokens[first]}".strip()
    rest, rest_units = tokens[first + 1 :], values.units[first + 1 :]
    if not any(rest):
        rest, rest_units = [], []
    return ValuesLine(label, rest, rest_units, values.tail, leading_space=False)
