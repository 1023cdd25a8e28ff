"""Tables no family claims: read by their structure alone, so their numbers still land.

A block of table-shaped lines (a label followed by two or more numbers, or numbers alone)
that no family, indicator, status or strategic-goal reader took is read here. The lines
above its first row are its title and header (`Resultat per verksamhet, mkr` / `Budget 2023
Utfall 2023 Avvikelse`). The header is split into columns where its capitalised words make
exactly as many columns as the rows have cells (one more: the label column's header); the
width itself is what every row can be read as. Rows are then read by the family reader's
body and arithmetic, with the same whitespace evidence: a line the width and the table's
sums cannot place is rejected with its reason. Where the header names no columns and the
rows admit more than one width, nothing is guessed: the lines are rejected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ingest.families import TableFamily
from ingest.headers import UNNAMED_COLUMN, WRAPPED_HYPHEN, Lexicon
from ingest.numbers import cell_readings, possible_widths
from ingest.periods import MONTH, MONTH_RANGE, YEAR
from ingest.rejects import Reject
from ingest.tables.body import MAX_LABEL_LINES
from ingest.tables.model import Table
from ingest.tables.reader import read_rows, starts_family_table
from ingest.text import Line, join_fragments, normalize_spaces
from ingest.tokens import split_values

GENERIC = TableFamily(
    "generic", re.compile(r"(?!)"), Lexicon(), max_label_length=80, infer_subtotals=True
)
MAX_LABEL_LENGTH = 60  # a longer text before numbers is a sentence, not a row label
_SENTENCE_BREAK = re.compile(r"[a-zåäö)][.!?] [A-ZÅÄÖ]")
_YEAR_TOKEN = re.compile(rf"^{YEAR}$")  # a line of years alone is a header (` 2024 2023`)
MAX_REGION_LINES = 40  # title and header lines above a table's first row
PROBE_LINES = 12  # rows looked at to learn how many cells a row has
_UNIT = re.compile(r"(?<![\wåäö])(tkr|mkr|mnkr|kr|%|dygn|dagar)(?![\wåäö])", re.IGNORECASE)
_WORD = re.compile(rf"{MONTH_RANGE}|\S+")
_PERIOD_WORD = re.compile(rf"^(?:{YEAR}|{MONTH_RANGE}|T[123])$")
_COLUMN_WORD = re.compile(
    r"budget|utfall|prognos|avvikelse|bokslut|resultat|belopp|antal|andel|kostnad|intäkt"
    r"|netto|diff|helår|ack|total|summa|förbrukning|effekt|procent|proc|mål|årets",
    re.IGNORECASE,
)
_PERIOD = re.compile(rf"{YEAR}|{MONTH_RANGE}|\bT[123]\b|{MONTH}")
_COMPOUND = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+-[A-ZÅÄÖ][a-zåäö]+$")  # `Budget-Prognos`


def _is_period_header(text: str) -> bool:
    words = text.split()
    return bool(words) and all(_YEAR_TOKEN.match(word) for word in words)


@lru_cache(maxsize=8192)  # the line accounting and the generic reader ask of each line
def is_table_shaped(text: str) -> bool:
    """A label of at most a sentence's length followed by two or more numbers (or numbers
    glued together, `1584-38196`, or with letters inside, `12a45`)."""
    values = split_values(text)
    if values.glued and len(values.label) <= MAX_LABEL_LENGTH:
        return True
    if values.letters_in_number and len(_words_before_numbers(values.label)) <= MAX_LABEL_LENGTH:
        return True
    numbers = [token for token in values.cell_tokens if token not in ("", "-")]
    return (
        len(numbers) >= 2
        and len(values.label) <= MAX_LABEL_LENGTH
        and not _SENTENCE_BREAK.search(values.label)
        and not (not values.label and all(_YEAR_TOKEN.match(token) for token in numbers))
    )


def _words_before_numbers(label: str) -> str:
    return re.split(r"(?:^| )-?\d", label, maxsplit=1)[0]


def table_unit(text: str) -> str | None:
    """The unit a title or header prints (`, tkr`, `(mkr)`, `dygn`), normalised."""
    match = _UNIT.search(text)
    if match is None:
        return None
    unit = match.group(1).lower()
    return {"mnkr": "mkr", "dagar": "dygn"}.get(unit, unit)


def read_generic_tables(
    lines: Sequence[Line], furniture: set[int], claimed: set[int], failures: dict[int, str]
) -> tuple[list[Table], list[Reject]]:
    """The tables among unclaimed lines, and the lines of blocks whose width is unknown.
    `failures` maps the title line of a table its family could not read to the reason."""
    content = [line for line in lines if not line.is_blank and line.number not in furniture]
    taken = set(claimed)
    tables: list[Table] = []
    rejects: list[Reject] = []
    index = 0
    while index < len(content):
        line = content[index]
        if line.number in taken or not is_table_shaped(line.text):
            index += 1
            continue
        region = _region_above(content, index, taken, failures)
        table = _read_block(content, index, region, taken, lines[-1].number)
        if table is None or not table.rows:
            block = _probe(content, index, taken)
            reason = "the header names no columns and the rows can be read as more than one width"
            rejects.extend(Reject(ln.number, None, ln.text, reason) for ln in block)
            taken.update(ln.number for ln in block)
            index += 1
            continue
        table.note = failures.get(table.title_line)
        tables.append(table)
        taken.update(range(table.title_line, table.last_line + 1))
        index += 1
        while index < len(content) and content[index].number <= table.last_line:
            index += 1
    return tables, rejects


def _is_prose(text: str) -> bool:
    """A sentence's end (titles, headers and row labels end in no full stop; `1.` is a
    label), or a line longer than any header."""
    stripped = text.strip()
    return len(stripped) > 130 or (stripped[-1:] in ".:;" and len(stripped.split()) >= 3)


def _region_above(
    content: Sequence[Line], index: int, taken: set[int], failures: dict[int, str]
) -> list[Line]:
    """The title, header and label lines above a table's first row, top to bottom."""
    region: list[Line] = []
    at = index - 1
    while at >= 0 and len(region) < MAX_REGION_LINES:
        line = content[at]
        if line.number in taken or _is_prose(line.text) or is_table_shaped(line.text):
            break
        region.insert(0, line)
        if line.number in failures:
            break
        at -= 1
    return region


def _probe(content: Sequence[Line], index: int, taken: set[int]) -> list[Line]:
    """The table-shaped lines from `index` on, before prose, a claimed line or the header
    of another table (a line of years alone, ` 2024 2023`)."""
    probe: list[Line] = []
    for line in content[index:]:
        stop = line.number in taken or _is_prose(line.text) or _is_period_header(line.text)
        if stop or len(probe) == PROBE_LINES:
            break
        if is_table_shaped(line.text):
            probe.append(line)
    return probe


def _read_block(
    content: Sequence[Line], index: int, region: list[Line], taken: set[int], last: int
) -> Table | None:
    """The table whose first row is content[index], or None when no width reads its rows.

    Every row must read as the width. Without other evidence the width is the fewest cells
    every row reads as (thousands groups kept together: `-1 584` is one number), and the
    columns stay unnamed. The header's words may name the columns: where they split into
    that width (exactly, else with a label column's header), or into more columns if most
    rows then read one way only (`189 186 216` under `T1 T2 T3`); never where the rows must
    be torn apart to fit them. Which digit groups make a number is then the table's
    arithmetic's to decide, row by row, or the line is rejected."""
    probe = _probe(content, index, taken)
    widths = [possible_widths(split_values(line.text).cell_tokens) for line in probe]
    readable = sorted(frozenset.intersection(*widths)) if widths else []
    if not readable:
        return None
    fewest = readable[0]
    plausible = [w for w in readable if w == fewest or _mostly_one_reading(probe, w)]
    layouts = {w: _layout(region, w) for w in plausible}
    for exact in (True, False):
        fitting = [w for w, layout in layouts.items() if layout and layout[3] == exact]
        if len(fitting) == 1:
            title, columns, header_lines, _ = layouts[fitting[0]]  # type: ignore[misc]
            return _table(
                content, index, region, fitting[0], title, columns, header_lines, taken, last
            )
    title = normalize_spaces(region[0].text) if region else None
    columns = [UNNAMED_COLUMN] * fewest
    return _table(content, index, region, fewest, title, columns, len(region), taken, last)


def _readings(line: Line, width: int) -> int:
    return len(cell_readings(split_values(line.text).cell_tokens, width))


def _mostly_one_reading(probe: list[Line], width: int) -> bool:
    return sum(1 for line in probe if _readings(line, width) == 1) * 2 > len(probe)


def _widths(probe: list[Line]) -> set[int]:
    """The widths some probe line can be read as."""
    return {w for line in probe for w in possible_widths(split_values(line.text).cell_tokens)}


def _layout(region: list[Line], width: int) -> tuple[str | None, list[str], int, bool] | None:
    """(title, column headers, lines of title and header, whether the header names exactly
    the columns) for a table `width` cells wide, or None if no top part of the region splits
    into that many columns (or one more: the label column's header). An exact split wins
    over one with a label column's header; a longer header over a shorter one."""
    head = _before_empty_rows(region, width)
    found: list[tuple[str | None, list[str], int, bool]] = []
    # what follows the header is the first row's label: at most MAX_LABEL_LINES lines
    for end in range(len(head), max(0, len(head) - MAX_LABEL_LINES - 1), -1):
        lines = head[:end]
        if any(_names_a_column(normalize_spaces(ln.text)) for ln in head[end:]):
            continue  # header words left over: this is not where the header ends
        title = normalize_spaces(lines[0].text) if len(lines) > 1 else None
        header_lines = lines[1:] if len(lines) > 1 else lines
        segments = header_segments(join_fragments([ln.text for ln in header_lines]))
        if len(segments) == width and all(map(_names_a_column, segments)):
            found.append((title, segments, end, True))
        elif len(segments) == width + 1 and all(map(_names_a_column, segments[1:])):
            found.append((title or segments[0], segments[1:], end, False))
    return next((layout for layout in found if layout[3]), found[0] if found else None)


def _names_a_column(segment: str) -> bool:
    """A column header says what its numbers are: a measure word, a period or a unit
    (`Periodutfall`, `Prognos apr`, `2024 | Budget`, `Förväntad effekt … (tkr)`)."""
    name = segment.split(" | ")[-1]  # the column's own words, not its group's
    return bool(_COLUMN_WORD.search(name) or _PERIOD.search(name) or _UNIT.search(name))


def _before_empty_rows(region: list[Line], width: int) -> list[Line]:
    for at, line in enumerate(region):
        trailing = len(line.text) - len(line.text.rstrip(" "))
        if trailing == width + 1 and not split_values(line.text).cell_tokens:
            return region[:at]
    return region


def header_segments(text: str) -> list[str]:
    """Header text split where a capitalised word opens a column (`Budget 2023 Utfall 2023
    Avvikelse`, `Prognos apr`, `Avvikelse Budget-Prognos`, `Förväntad effekt (tkr)`). Periods
    printed before the columns head them as groups, dealt evenly (`2024 2023 Budget Utfall
    Budget Utfall` → `2024 | Budget`, `2024 | Utfall`, `2023 | Budget`, `2023 | Utfall`)."""
    segments: list[list[str]] = []
    depth = 0
    for word in _WORD.findall(WRAPPED_HYPHEN.sub("-", text)):
        continues = bool(segments) and (
            depth > 0
            or not word[:1].isupper()
            or segments[-1][-1].endswith("-")
            or _COMPOUND.match(word) is not None
        )
        if continues and not (_is_group(segments[-1]) and not _PERIOD_WORD.match(word)):
            segments[-1].append(word)
        else:
            segments.append([word])
        depth = max(0, depth + word.count("(") - word.count(")"))
    groups = [segment for segment in segments if _is_group(segment)]
    columns = [" ".join(segment) for segment in segments if not _is_group(segment)]
    if not columns:  # ` 2024 2023`: the periods are the columns
        return [word for segment in segments for word in segment]
    if len(groups) == 1 and segments[0] is groups[0] and len(groups[0]) > 1:
        periods = groups[0]
        if len(columns) % len(periods) == 0:
            share = len(columns) // len(periods)
            return [f"{periods[i // share]} | {name}" for i, name in enumerate(columns)]
    labelled: list[str] = []
    group: str | None = None
    for segment in segments:
        if _is_group(segment):
            group = " ".join(segment)
        else:
            name = " ".join(segment)
            labelled.append(f"{group} | {name}" if group else name)
    return labelled


def _is_group(segment: list[str]) -> bool:
    return all(_PERIOD_WORD.match(word) for word in segment)


def _table(
    content: Sequence[Line],
    index: int,
    region: list[Line],
    width: int,
    title: str | None,
    columns: list[str],
    header_lines: int,
    taken: set[int],
    last: int,
) -> Table:
    top = region[:header_lines] if region else []
    start = content.index(top[0]) if top else index
    header_text = join_fragments([line.text for line in top])
    table = Table(
        GENERIC,
        title or f"(untitled table at line {content[index].number})",
        top[0].number if top else content[index].number,
        header_text,
        top[-1].number if top else content[index].number - 1,
        columns,
        unit=table_unit(f"{title or ''} {header_text}"),
    )
    read_rows(
        table,
        content[start:],
        at_end=last,
        stop=lambda lines, at: lines[at].number in taken or starts_family_table(lines, at),
    )
    return table
