"""Find the family tables in a report's text and read them into rows of cells.

A table is found by its title words (`Verksamhet, tkr`, `Driftredovisning …`, `Volymer,
antal dygn/dagar`; see families/), never by its position in a file. Its header is read up to
the first line of numbers (as printed, else as a grid; headers/), wrapped row labels are
joined, and every values line is read as exactly as many cells as the header has columns;
the table's arithmetic chooses among readings (arithmetic.py). A table whose header its
family cannot read is not read here: it is listed as a failure, and the generic reader
takes its lines, so one unreadable table never costs the report its other tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ingest.families import TableFamily, match_family
from ingest.headers import HeaderError, column_headers
from ingest.headers.grid import header_texts
from ingest.tables.arithmetic import resolve
from ingest.tables.body import (
    MAX_HEADER_LINES,
    choose_year_labels,
    read_body,
    readings,
    row_split,
)
from ingest.tables.model import Table, TableError
from ingest.tables.roles import assign_roles, closes_with_total
from ingest.text import Line, continues_in_lowercase, join_fragments, normalize_spaces
from ingest.tokens import ValuesLine, split_values

MIN_FIRST_ROW_NUMBERS = 2
PROBE_ROWS = 12  # values lines that weigh a header's width


@dataclass(frozen=True)
class TableFailure:
    """A table a family claimed by its title but could not read."""

    family: TableFamily
    title: str
    title_line: int
    reason: str


def logical_text(lines: Sequence[Line], index: int) -> str:
    """The text of lines[index], continued over following lines while it breaks mid-word."""
    fragments = [lines[index].text]
    position = index + 1
    while not fragments[-1].endswith(" ") and position < len(lines):
        if not lines[position].is_blank:
            fragments.append(lines[position].text)
        position += 1
    return join_fragments(fragments)


def find_tables(
    lines: Sequence[Line], furniture: set[int]
) -> tuple[list[Table], list[TableFailure]]:
    """Every table of a known family in the report, in order of appearance, and the tables
    a family claimed but could not read."""
    tables: list[Table] = []
    failures: list[TableFailure] = []
    index_of = {line.number: i for i, line in enumerate(lines)}
    index = 0
    while index < len(lines):
        found = opens_table(lines, index)
        if found is None:
            index += 1
            continue
        family, title = found
        try:
            table = read_table(lines, index, family, title, furniture)
        except TableError as error:
            failures.append(TableFailure(family, title, lines[index].number, str(error)))
            index += 1
            continue
        tables.append(table)
        index = max(index + 1, index_of[table.last_line] + 1)
    return tables, failures


def read_table(
    lines: Sequence[Line], start: int, family: TableFamily, title: str, furniture: set[int]
) -> Table:
    content = [line for line in lines[start:] if not line.is_blank and line.number not in furniture]
    first_row = first_values_line(content)
    if first_row is None:
        raise TableError(f"table {title!r} has no numbers line", lines[start].number)
    table = _read_header(content, first_row, family, title)
    read_rows(table, content, at_end=lines[-1].number)
    return table


def opens_table(lines: Sequence[Line], index: int) -> tuple[TableFamily, str] | None:
    """The family and title of the table lines[index] opens, if it opens one. A line of
    nothing but a title's words, continued by a lowercase word, is the start of a wrapped
    row label or sentence (`Statsbidrag 2018` / `för att stärka insatserna …`)."""
    if lines[index].is_blank:
        return None
    text = logical_text(lines, index)
    found = match_family(text)
    if found is None:
        return None
    whole_line = found[1] == normalize_spaces(text)
    return None if whole_line and continues_in_lowercase(lines, index) else found


def starts_family_table(content: Sequence[Line], index: int) -> bool:
    return opens_table(content, index) is not None


def read_rows(
    table: Table,
    content: Sequence[Line],
    at_end: int,
    stop: Callable[[Sequence[Line], int], bool] = starts_family_table,
) -> None:
    """Read the body after the table's header, choose readings, assign row roles and tell
    whether the table looks cut off."""
    table.last_line = table.header_last_line
    body_start = next(i for i, line in enumerate(content) if line.number > table.header_last_line)
    drafts = read_body(content[body_start:], table, stop)
    choose_year_labels(drafts)
    rows, rejects = resolve(drafts, len(table.columns))
    table.rows, table.rejects = rows, [*table.rejects, *rejects]
    assign_roles(table.rows, infer_subtotals=table.family.infer_subtotals)
    table.truncation = _truncation(table, at_end)


def _truncation(table: Table, at_end: int) -> str | None:
    if closes_with_total(table.rows):
        return None
    if table.family.prints_total:
        return f"no total row: {table.family.name} tables end in one"
    if table.last_line >= at_end:
        return "the text ends inside the table"
    return None


def first_values_line(content: Sequence[Line]) -> int | None:
    for i, line in enumerate(content[:MAX_HEADER_LINES]):
        if split_values(line.text).numeric_token_count >= MIN_FIRST_ROW_NUMBERS and i > 0:
            return i
    return None


def _read_header(content: Sequence[Line], first_row: int, family: TableFamily, title: str) -> Table:
    """The longest run of lines from the title that reads as a header whose column count
    fits the first numbers line; the lines after it are that row's wrapped label. The lines
    are read as printed first, and only if no run reads so, as a grid."""
    errors: list[str] = []
    first = split_values(content[first_row].text)
    for as_grid in (False, True):
        fitting: list[tuple[int, list[str]]] = []
        for end in range(first_row, 0, -1):
            try:
                fitting.append((end, _fitting_columns(content[:end], family, first, as_grid)))
            except HeaderError as error:
                errors.append(str(error))
        if fitting:
            # A label printed above its numbers can read as one more header column
            # (`Intäkter` / `31 324 48 751 …`): the header whose width reads the rows below
            # best wins, the longest among equals.
            end, columns = fitting[0]
            if len({len(c) for _, c in fitting}) > 1:
                end, columns = max(
                    fitting,
                    key=lambda fit: (_body_fit(content, fit[0], len(fit[1]), family), fit[0]),
                )
            lines = content[:end]
            header_text = join_fragments([line.text for line in lines])
            return Table(
                family,
                title,
                content[0].number,
                header_text,
                lines[-1].number,
                columns,
                unit=family.unit,
            )
    raise TableError(f"table {title!r}: cannot read its header ({errors[0]})", content[0].number)


def _body_fit(
    content: Sequence[Line], end: int, width: int, family: TableFamily
) -> tuple[int, int]:
    """How many of the values lines after a header of `end` lines read as `width` cells,
    and how many of them one way only."""
    values: list[ValuesLine] = []
    for line in content[end : end + MAX_HEADER_LINES]:
        split = split_values(line.text)
        prose = len(line.text.strip()) > family.max_label_length and split.numeric_token_count < 2
        if len(values) == PROBE_ROWS or prose:
            break  # the table has ended
        if split.numeric_token_count:
            values.append(split)
    splits = [row_split(v, width, family) for v in values]
    counts = [len(readings(split, width, family)) if split else 0 for split in splits]
    return sum(1 for c in counts if c), sum(1 for c in counts if c == 1)


def _fitting_columns(
    lines: Sequence[Line], family: TableFamily, first_row: ValuesLine, as_grid: bool
) -> list[str]:
    """The columns of the header `lines` that fit the first values line; HeaderError if
    none, or (read as a grid) more than one set of columns fits."""
    fitting: set[tuple[str, ...]] = set()
    error = HeaderError("no reading")
    for text in _header_readings(lines, as_grid):
        try:
            columns = tuple(column_headers(text, family.lexicon) or family.default_columns)
        except HeaderError as unreadable:
            error = unreadable if not fitting else error
            continue
        if row_split(first_row, len(columns), family) is None:
            error = HeaderError(f"{len(columns)} header columns do not fit the first numbers line")
            continue
        fitting.add(columns)
        if not as_grid or len(fitting) > 1:
            break
    if len(fitting) != 1:
        if len(fitting) > 1:
            raise HeaderError(f"the header reads as {len(fitting)} different sets of columns")
        raise error
    return list(fitting.pop())


def _header_readings(lines: Sequence[Line], as_grid: bool) -> Iterator[str]:
    texts = [line.text for line in lines]
    if as_grid:
        yield from header_texts(texts)
    elif len(lines) == 1:
        yield texts[0].strip()  # one printed line keeps its spacing: an extra space is a cell
    else:
        yield join_fragments(texts)
