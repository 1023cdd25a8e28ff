"""Find the tables in a report's text and read them into rows of cells.

A table is found by its title words (`Verksamhet, tkr`, `Driftredovisning …`, `Volymer,
antal dygn/dagar`; see families.py), never by its position in a file. Its header is read
up to the first line of numbers, wrapped row labels are joined, and every numbers line is
read as exactly as many cells as the header has columns. Where the digit groups of a line
can be read in more than one way, the table's own arithmetic decides: identities that hold
on the table's unambiguous rows (net = revenue + cost, deviation = actual − budget,
whichever the table has) and its total rows are counted for each reading. A line that
still has no single best reading is rejected with its reason, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import permutations, product

from ingest.families import TableFamily, match_family
from ingest.headers import HeaderError, column_headers
from ingest.numbers import Cell, cell_readings
from ingest.text import (
    Line,
    SplitLine,
    join_fragments,
    normalize_spaces,
    split_line,
    with_year_in_label,
)

TOTAL_LABEL = re.compile(r"^(?:total\s+)?(?:summa|totalt|total)\b", re.IGNORECASE)
VARAV_LABEL = re.compile(r"^varav\b", re.IGNORECASE)
MAX_LABEL_LINES = 3  # a row label wraps over at most this many lines
MAX_HEADER_LINES = 80
MIN_FIRST_ROW_NUMBERS = 2


class TableError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Row:
    row_number: int
    label: str
    label_line: int  # first line of the (possibly wrapped) label
    source_line: int  # the line that holds the numbers
    cells: tuple[Cell, ...]
    resolution: str  # 'unique' | 'arithmetic'
    role: str = "line"  # 'line' | 'subtotal' | 'total'
    is_varav: bool = False
    parent_row_number: int | None = None
    role_evidence: str = "label"  # 'label' | 'arithmetic'


@dataclass(frozen=True)
class Reject:
    """A line of a table that could not be placed, with the reason; listed, never dropped."""

    line: int
    label: str | None
    text: str
    reason: str


@dataclass
class Table:
    family: TableFamily
    title: str
    title_line: int
    header_text: str
    header_last_line: int
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    last_line: int = 0


@dataclass
class _Draft:
    label: str
    label_line: int
    source_line: int
    text: str
    readings: list[tuple[Cell, ...]]
    # The same line read with its leading year in the label, where that reading exists.
    year_label: str | None = None
    year_readings: list[tuple[Cell, ...]] = field(default_factory=list)
    fits_only_with_year_label: bool = False


def logical_text(lines: Sequence[Line], index: int) -> str:
    """The text of lines[index], continued over following lines while it breaks mid-word."""
    fragments = [lines[index].text]
    position = index + 1
    while not fragments[-1].endswith(" ") and position < len(lines):
        if not lines[position].is_blank:
            fragments.append(lines[position].text)
        position += 1
    return join_fragments(fragments)


def find_tables(lines: Sequence[Line], furniture: set[int]) -> list[Table]:
    """Every table of a known family in the report, in order of appearance."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        found = None if lines[index].is_blank else match_family(logical_text(lines, index))
        if found is None:
            index += 1
            continue
        table = read_table(lines, index, *found, furniture)
        tables.append(table)
        index = max(index + 1, _index_of(lines, table.last_line) + 1)
    return tables


def _index_of(lines: Sequence[Line], number: int) -> int:
    return next(i for i, line in enumerate(lines) if line.number == number)


def read_table(
    lines: Sequence[Line], start: int, family: TableFamily, title: str, furniture: set[int]
) -> Table:
    content = [line for line in lines[start:] if not line.is_blank and line.number not in furniture]
    first_row = _first_numbers_line(content)
    if first_row is None:
        raise TableError(f"table {title!r} has no numbers line", lines[start].number)
    table = _read_header(content, first_row, family, title)
    table.last_line = table.header_last_line
    body_start = next(i for i, line in enumerate(content) if line.number > table.header_last_line)
    drafts = _read_body(content[body_start:], table)
    _choose_year_labels(drafts)
    _resolve(drafts, table)
    assign_roles(table.rows, infer_subtotals=family.infer_subtotals)
    return table


def _first_numbers_line(content: Sequence[Line]) -> int | None:
    for i, line in enumerate(content[:MAX_HEADER_LINES]):
        if split_line(line.text).numeric_token_count >= MIN_FIRST_ROW_NUMBERS and i > 0:
            return i
    return None


def _read_header(content: Sequence[Line], first_row: int, family: TableFamily, title: str) -> Table:
    """The longest run of lines from the title that reads as a header whose column count
    fits the first numbers line; the lines after it are that row's wrapped label."""
    errors: list[str] = []
    for end in range(first_row, 0, -1):
        header_text = join_fragments([line.text for line in content[:end]])
        try:
            columns = _header_columns(content[:end], header_text, family)
        except HeaderError as error:
            errors.append(str(error))
            continue
        first = _row_split(split_line(content[first_row].text), len(columns), family)
        if first is not None:
            return Table(
                family, title, content[0].number, header_text, content[end - 1].number, columns
            )
        errors.append(f"{len(columns)} header columns do not fit the first numbers line")
    raise TableError(f"table {title!r}: cannot read its header ({errors[0]})", content[0].number)


def _header_columns(lines: Sequence[Line], joined: str, family: TableFamily) -> list[str]:
    # A header on one printed line keeps its spacing: an extra space is an empty header cell.
    text = lines[0].text.strip() if len(lines) == 1 else joined
    return column_headers(text, family.lexicon) or list(family.default_columns)


def _readings(split: SplitLine, width: int, family: TableFamily) -> list[tuple[Cell, ...]]:
    variants = [split.cell_tokens]
    if not split.label and split.leading_space:
        # A leading space is either an empty first cell or the start of a new page.
        variants.append(split.cell_tokens[1:])
    for skipped in range(1, family.leading_text_columns + 1):
        # An empty text cell (a total row's status) stands as a space before the numbers.
        if split.cell_tokens[:skipped] == [""] * skipped:
            variants.append(split.cell_tokens[skipped:])
    readings: list[tuple[Cell, ...]] = []
    for tokens in variants:
        readings.extend(cell_readings(tokens, width))
    return list(dict.fromkeys(readings))


def _row_split(split: SplitLine, width: int, family: TableFamily) -> SplitLine | None:
    """The reading of a numbers line as label and `width` cells: as printed, or with a
    leading year moved into the label when only then the cells fit (`År 2016 36,0 40,8`)."""
    if _readings(split, width, family):
        return split
    shifted = with_year_in_label(split)
    if shifted is not None and _readings(shifted, width, family):
        return shifted
    return None


def _choose_year_labels(drafts: list[_Draft]) -> None:
    """Rows of one table label themselves alike: if any row's cells fit only with its
    leading year in the label (`År 2018 242`), every row that starts with a year is read so
    (`År 2016 189 186 216`, which would also fit as 2016 | 189 186 | 216)."""
    if not any(d.fits_only_with_year_label for d in drafts):
        return
    for draft in drafts:
        if draft.year_label is not None:
            draft.label, draft.readings = draft.year_label, draft.year_readings


def _read_body(content: Sequence[Line], table: Table) -> list[_Draft]:
    family, width = table.family, len(table.columns)
    drafts: list[_Draft] = []
    pending: list[Line] = []
    after_total = False
    index = 0
    while index < len(content):
        repeated_header_end = _repeated_header_end(content, index, table)
        if repeated_header_end is not None:
            index = repeated_header_end
            continue
        line = content[index]
        index += 1
        if match_family(normalize_spaces(line.text)):
            break  # the next table begins
        split = split_line(line.text)
        fits = bool(split.numeric_token_count) and _row_split(split, width, family) is not None
        if not fits and _is_label_text(split):
            too_long = len(normalize_spaces(line.text)) > family.max_label_length
            word_lines = sum(1 for p in pending if p.text.endswith(" "))
            if too_long or word_lines >= MAX_LABEL_LINES:
                break
            pending.append(line)
            continue
        label = join_fragments([p.text for p in pending] + [split.label + " "])
        if not fits:
            if after_total or len(label) > family.max_label_length:
                break
            if _looks_like_page_furniture(split):
                # A running header or footer inside the table: listed, and the row label
                # it interrupted goes on below it.
                table.rejects.append(
                    Reject(
                        line.number, split.label, line.text, "page header or footer inside table"
                    )
                )
                continue
            table.rejects.append(
                Reject(
                    line.number,
                    label,
                    line.text,
                    f"cannot read {width} cells from this line",
                )
            )
        else:
            drafts.append(_draft(pending, line, split, width, family))
            after_total = bool(TOTAL_LABEL.match(label))
        table.last_line = line.number
        pending = []
    return drafts


def _draft(
    pending: list[Line], line: Line, split: SplitLine, width: int, family: TableFamily
) -> _Draft:
    """A row read both as printed and, where that fits too, with its leading year in the
    label; _choose_year_labels picks one reading for the whole table."""

    def label_of(own: str) -> str:
        return join_fragments([p.text for p in pending] + [own + " "])

    label_line = pending[0].number if pending else line.number
    draft = _Draft(
        label_of(split.label), label_line, line.number, line.text, _readings(split, width, family)
    )
    shifted = with_year_in_label(split)
    if shifted is not None:
        draft.year_readings = _readings(shifted, width, family)
        draft.year_label = label_of(shifted.label) if draft.year_readings else None
    if not draft.readings:
        draft.label, draft.readings = draft.year_label or draft.label, draft.year_readings
        draft.year_label, draft.fits_only_with_year_label = None, True
    return draft


def _is_label_text(split: SplitLine) -> bool:
    """Words only, or words ending in a year (`Kontorsutrustning socialförvaltningen 2025`)."""
    if split.numeric_token_count == 0:
        return True
    shifted = with_year_in_label(split)
    return shifted is not None and not shifted.cell_tokens


def _repeated_header_end(content: Sequence[Line], index: int, table: Table) -> int | None:
    """After a page break a table may print its header again, with or without its title:
    if it starts at content[index], the index of the line after it."""
    targets = {table.header_text, table.header_text.removeprefix(table.title).strip()}
    fragments: list[str] = []
    for end in range(index, min(index + MAX_HEADER_LINES, len(content))):
        fragments.append(content[end].text)
        joined = join_fragments(fragments)
        if joined in targets:
            return end + 1
        if not any(target.startswith(joined) for target in targets):
            return None
    return None


def _looks_like_page_furniture(split: SplitLine) -> bool:
    """Words and at most a year and a page number (`DELÅRSRAPPORT PER AUGUSTI 2025  14`),
    or a page number alone (`12`)."""
    numbers = [token for token in split.cell_tokens if token not in ("", "-")]
    if not split.label:
        return len(numbers) == 1 and re.fullmatch(r"\d{1,3}", numbers[0]) is not None
    return (
        len(split.label.split()) >= 2
        and len(numbers) <= 2
        and not any(token.startswith("-") for token in numbers)
        and len(numbers[-1]) <= 3
    )


Identity = tuple[int, int, int]  # column c = column a + column b


def _value(cell: Cell) -> Decimal:
    return cell.value if cell.value is not None else Decimal(0)


def _holds(cells: tuple[Cell, ...], identity: Identity, tolerance: Decimal = Decimal(1)) -> bool:
    a, b, c = identity
    return abs(_value(cells[a]) + _value(cells[b]) - _value(cells[c])) <= tolerance


def discover_identities(rows: Sequence[tuple[Cell, ...]], width: int) -> list[Identity]:
    """Column identities c = a + b (a − b is c + b = a) that hold on most unambiguous rows."""
    found: list[Identity] = []
    for a, b, c in permutations(range(width), 3):
        if a > b:
            continue
        usable = [r for r in rows if not any(r[i].is_empty for i in (a, b, c))]
        usable = [r for r in usable if any(r[i].value for i in (a, b, c))]
        held = sum(1 for r in usable if _holds(r, (a, b, c)))
        if held >= 2 and held >= 0.75 * len(usable):
            found.append((a, b, c))
    return found


MAX_COMBINATIONS = 20000


def _resolve(drafts: list[_Draft], table: Table) -> None:
    """Choose one reading per line: the combination of readings of the ambiguous lines that
    best satisfies the table's identities and its total rows. A tie is rejected."""
    width = len(table.columns)
    certain = [d.readings[0] for d in drafts if len(d.readings) == 1]
    ambiguous = [i for i, d in enumerate(drafts) if len(d.readings) > 1]
    identities = discover_identities(certain, width) if ambiguous else []
    chosen: dict[int, tuple[Cell, ...]] = {
        i: d.readings[0] for i, d in enumerate(drafts) if len(d.readings) == 1
    }
    combinations = 1
    for i in ambiguous:
        combinations *= len(drafts[i].readings)
    groups = [ambiguous] if combinations <= MAX_COMBINATIONS else [[i] for i in ambiguous]
    for group in groups:
        scored = []
        for combo in product(*(drafts[i].readings for i in group)):
            trial = chosen | dict(zip(group, combo, strict=True))
            score = sum(_holds(r, identity) for r in combo for identity in identities)
            score += _total_hits(drafts, trial, width)
            scored.append((score, combo))
        best = max(score for score, _ in scored)
        winners = [combo for score, combo in scored if score == best]
        for position, i in enumerate(group):
            readings = {combo[position] for combo in winners}
            if len(readings) == 1:
                chosen[i] = readings.pop()
                continue
            table.rejects.append(
                Reject(
                    drafts[i].source_line,
                    drafts[i].label,
                    drafts[i].text,
                    f"{len(readings)} readings fit the table's arithmetic equally well",
                )
            )
    for i, draft in enumerate(drafts):
        if i not in chosen:
            continue
        table.rows.append(
            Row(
                row_number=len(table.rows) + 1,
                label=draft.label,
                label_line=draft.label_line,
                source_line=draft.source_line,
                cells=chosen[i],
                resolution="unique" if len(draft.readings) == 1 else "arithmetic",
            )
        )


def _total_hits(drafts: list[_Draft], chosen: dict[int, tuple[Cell, ...]], width: int) -> int:
    """How many columns of the total rows equal the sum of the lines above them."""
    hits = 0
    segment: list[tuple[Cell, ...]] = []
    for i, draft in enumerate(drafts):
        if i not in chosen or VARAV_LABEL.match(draft.label):
            continue
        if not TOTAL_LABEL.match(draft.label):
            segment.append(chosen[i])
            continue
        tolerance = Decimal(len(segment) + 1) / 2
        for column in range(width):
            parts = sum((_value(r[column]) for r in segment), Decimal(0))
            hits += abs(parts - _value(chosen[i][column])) <= tolerance
        segment = []
    return hits


def _sum_matches(parent: Row, block: Sequence[Row]) -> bool:
    """Does `parent` equal the sum of `block` in most columns (within rounding)?"""
    tolerance = Decimal(len(block) + 1) / 2
    compared = matched = nonzero = 0
    for column, cell in enumerate(parent.cells):
        parts = [row.cells[column] for row in block]
        if cell.is_empty and all(p.is_empty for p in parts):
            continue
        compared += 1
        if abs(_value(cell) - sum((_value(p) for p in parts), Decimal(0))) <= tolerance:
            matched += 1
            nonzero += bool(_value(cell))
    return compared >= 3 and nonzero >= 1 and matched >= 0.7 * compared


def assign_roles(rows: list[Row], infer_subtotals: bool = True) -> None:
    """Mark totals and `varav` rows by their labels and subtotals by arithmetic, and link
    each component row to the row it adds up to."""
    for row in rows:
        row.is_varav = bool(VARAV_LABEL.match(row.label))
        if TOTAL_LABEL.match(row.label):
            row.role = "total"
    previous: Row | None = None
    for row in rows:
        if row.is_varav and previous is not None:
            row.parent_row_number = previous.row_number
        elif not row.is_varav:
            previous = row
    segment: list[Row] = []
    for row in rows:
        if row.is_varav:
            continue
        if row.role == "total":
            if infer_subtotals:
                _infer_subtotals(segment)
            for member in segment:
                if member.parent_row_number is None:
                    member.parent_row_number = row.row_number
            segment = []
        else:
            segment.append(row)
    if infer_subtotals:
        _infer_subtotals(segment)


def _infer_subtotals(rows: list[Row]) -> None:
    """A row equal to the sum of the rows right below it (a group heading) or right above
    it (a group footer) is a subtotal of them."""
    claimed: set[int] = set()
    for i, row in enumerate(rows):
        if i in claimed:
            continue
        block_found: range | None = None
        for end in range(i + 1, len(rows)):
            block = range(i + 1, end + 1)
            if claimed & set(block) or rows[end].role == "subtotal":
                break
            if _sum_matches(row, [rows[j] for j in block]):
                block_found = block
                break
        if block_found is None:
            for begin in range(i - 2, -1, -1):
                block = range(begin, i)
                if claimed & set(block) or rows[begin].role == "subtotal":
                    break
                if _sum_matches(row, [rows[j] for j in block]):
                    block_found = block
        if block_found is None:
            continue
        row.role, row.role_evidence = "subtotal", "arithmetic"
        for j in block_found:
            rows[j].parent_row_number = row.row_number
        claimed.update(block_found)
        claimed.add(i)
