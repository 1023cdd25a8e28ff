"""A table's body: wrapped labels joined, every values line read as the header's width.

Labels wrap over up to three lines above their numbers; a running page header or footer
inside a table is listed and skipped; a table may print its header again after a page
break. The body ends at prose (a text line longer than a label), at the next table, or at a
line that fits no row after the total.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ingest.families.family import TableFamily
from ingest.numbers import EMPTY, Cell, cell_readings, possible_widths
from ingest.rejects import Reject
from ingest.tables.arithmetic import Draft
from ingest.tables.model import Table
from ingest.tables.roles import TOTAL_LABEL
from ingest.text import Line, continues_in_lowercase, join_fragments, normalize_spaces
from ingest.tokens import ValuesLine, split_values, with_year_in_label

MAX_LABEL_LINES = 3  # a row label wraps over at most this many lines
MAX_HEADER_LINES = 80


def _variants(values: ValuesLine, family: TableFamily) -> list[list[str]]:
    """The token lists a values line may be read from."""
    variants = [values.cell_tokens]
    if not values.label and values.leading_space:
        # A leading space is either an empty first cell or the start of a new page.
        variants.append(values.cell_tokens[1:])
    for skipped in range(1, family.leading_text_columns + 1):
        # An empty text cell (a total row's status) stands as a space before the numbers.
        if values.cell_tokens[:skipped] == [""] * skipped:
            variants.append(values.cell_tokens[skipped:])
    return variants


def readings(values: ValuesLine, width: int, family: TableFamily) -> list[tuple[Cell, ...]]:
    found: list[tuple[Cell, ...]] = []
    for tokens in _variants(values, family):
        found.extend(cell_readings(tokens, width))
    return list(dict.fromkeys(found))


def fits(values: ValuesLine, width: int, family: TableFamily) -> bool:
    """Whether the line has a reading of `width` cells, without listing the readings."""
    return any(width in possible_widths(tokens) for tokens in _variants(values, family))


def row_split(values: ValuesLine, width: int, family: TableFamily) -> ValuesLine | None:
    """The reading of a values line as label and `width` cells: as printed, or with a
    leading year moved into the label when only then the cells fit (`År 2016 36,0 40,8`)."""
    if fits(values, width, family):
        return values
    shifted = with_year_in_label(values)
    if shifted is not None and fits(shifted, width, family):
        return shifted
    return None


def choose_year_labels(drafts: list[Draft]) -> None:
    """Rows of one table label themselves alike: if any row's cells fit only with its
    leading year in the label (`År 2018 242`), every row that starts with a year is read so
    (`År 2016 189 186 216`, which would also fit as 2016 | 189 186 | 216)."""
    if not any(d.fits_only_with_year_label for d in drafts):
        return
    for draft in drafts:
        if draft.year_label is not None:
            draft.label, draft.readings = draft.year_label, draft.year_readings


def read_body(
    content: Sequence[Line], table: Table, stop: Callable[[Sequence[Line], int], bool]
) -> list[Draft]:
    """The rows of `table` from `content` (the lines after its header), as drafts; lines
    that cannot be read are added to the table's rejects. `stop` tells a line that belongs
    to something else (the next table), given the lines and its index among them."""
    family, width = table.family, len(table.columns)
    drafts: list[Draft] = []
    pending: list[Line] = []
    after_total = False
    index = 0
    while index < len(content):
        repeated_header_end = _repeated_header_end(content, index, table)
        if repeated_header_end is not None:
            index = repeated_header_end
            continue
        if stop(content, index):
            break
        line = content[index]
        index += 1
        values = split_values(line.text)
        reason = unreadable_number(values)
        if reason is not None:
            table.rejects.append(Reject(line.number, values.label, line.text, reason))
            table.last_line, pending = line.number, []
            continue
        if _is_empty_row(line.text, values, width):
            drafts.append(_empty_draft(pending, line, values, width))
            table.last_line, pending = line.number, []
            continue
        fits = bool(values.numeric_token_count) and row_split(values, width, family) is not None
        if fits and _ends_in_year(values) and continues_in_lowercase(content, index - 1):
            fits = False  # `Statsbidrag 2018` / `för att stärka …`: the year is label text
        if not fits and _is_label_text(values, width):
            too_long = len(normalize_spaces(line.text)) > family.max_label_length
            word_lines = sum(1 for p in pending if p.text.endswith(" "))
            if too_long or word_lines >= MAX_LABEL_LINES:
                break
            pending.append(line)
            continue
        label = join_fragments([p.text for p in pending] + [values.label + " "])
        if not fits:
            if after_total or len(label) > family.max_label_length:
                break
            if _looks_like_page_furniture(values):
                # A running header or footer inside the table: listed, and the row label
                # it interrupted goes on below it.
                table.rejects.append(
                    Reject(
                        line.number, values.label, line.text, "page header or footer inside table"
                    )
                )
                continue
            table.rejects.append(
                Reject(line.number, label, line.text, f"cannot read {width} cells from this line")
            )
        else:
            drafts.append(_draft(pending, line, values, width, family))
            after_total = bool(TOTAL_LABEL.match(label))
        table.last_line = line.number
        pending = []
    return drafts


def unreadable_number(values: ValuesLine) -> str | None:
    """Why a values line holds a number no reading can be certain of, if it does."""
    if values.glued:
        return f"numbers glued without a separator ({values.glued!r}): not read"
    if values.letters_in_number:
        return f"letters inside a number ({values.letters_in_number!r}): not read"
    return None


def _draft(
    pending: list[Line], line: Line, values: ValuesLine, width: int, family: TableFamily
) -> Draft:
    """A row read both as printed and, where that fits too, with its leading year in the
    label; choose_year_labels picks one reading for the whole table."""

    def label_of(own: str) -> str:
        return join_fragments([p.text for p in pending] + [own + " "])

    label_line = pending[0].number if pending else line.number
    draft = Draft(
        label_of(values.label),
        label_line,
        line.number,
        line.text,
        readings(values, width, family),
        tuple(values.units),
    )
    shifted = with_year_in_label(values)
    if shifted is not None:
        draft.year_readings = readings(shifted, width, family)
        draft.year_label = label_of(shifted.label) if draft.year_readings else None
    if not draft.readings:
        draft.label, draft.readings = draft.year_label or draft.label, draft.year_readings
        draft.year_label, draft.fits_only_with_year_label = None, True
    return draft


def _is_empty_row(text: str, values: ValuesLine, width: int) -> bool:
    """`1.   `: a label and, by its spaces, `width` empty cells (a wrapped label line keeps
    one trailing space only)."""
    trailing = len(text) - len(text.rstrip(" "))
    return width >= 2 and bool(values.label) and not values.cell_tokens and trailing == width + 1


def _empty_draft(pending: list[Line], line: Line, values: ValuesLine, width: int) -> Draft:
    label = join_fragments([p.text for p in pending] + [values.label + " "])
    label_line = pending[0].number if pending else line.number
    return Draft(label, label_line, line.number, line.text, [(EMPTY,) * width])


def _ends_in_year(values: ValuesLine) -> bool:
    shifted = with_year_in_label(values)
    return shifted is not None and not shifted.cell_tokens


def _is_label_text(values: ValuesLine, width: int) -> bool:
    """Words only, words ending in a year (`Kontorsutrustning socialförvaltningen 2025`),
    or words and one small number that cannot be a row of `width` cells: the spacing shows
    no empty cell (`LSS/SoL yngre 65` / `år 25 700 …`, a label wrapped inside `65 år`)."""
    if values.numeric_token_count == 0:
        return True
    if _ends_in_year(values):
        return True
    return (
        width > 1
        and bool(values.label)
        and values.cell_tokens == [values.cell_tokens[0]]
        and re.fullmatch(r"\d{1,3}", values.cell_tokens[0]) is not None
    )


def _repeated_header_end(content: Sequence[Line], index: int, table: Table) -> int | None:
    """After a page break a table may print its header again, with or without its title:
    if it starts at content[index], the index of the line after it."""
    columns = table.header_text.removeprefix(table.title).strip()
    if not columns:
        return None  # a title alone (`Statsbidrag 2018`) may open a row's label too
    targets = {table.header_text, columns}
    fragments: list[str] = []
    for end in range(index, min(index + MAX_HEADER_LINES, len(content))):
        fragments.append(content[end].text)
        joined = join_fragments(fragments)
        if joined in targets:
            return end + 1
        if not any(target.startswith(joined) for target in targets):
            return None
    return None


def _looks_like_page_furniture(values: ValuesLine) -> bool:
    """Words and at most a year and a page number (`DELÅRSRAPPORT PER AUGUSTI 2025  14`),
    or a page number alone (`12`)."""
    numbers = [token for token in values.cell_tokens if token not in ("", "-")]
    if not values.label:
        return len(numbers) == 1 and re.fullmatch(r"\d{1,3}", numbers[0]) is not None
    return (
        len(values.label.split()) >= 2
        and len(numbers) <= 2
        and not any(token.startswith("-") for token in numbers)
        and len(numbers[-1]) <= 3
    )
