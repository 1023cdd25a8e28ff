"""What a table reader produces: a table with its header, rows of cells and rejects."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.families.family import TableFamily
from ingest.numbers import Cell
from ingest.rejects import Reject


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
    units: tuple[str | None, ...] = ()  # per cell: a unit printed after it (`%`, `kr`)


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
    unit: str | None = None  # printed in the title or header: tkr, mkr, kr, %, dygn
    note: str | None = None  # why a family's table was read by the generic reader
    truncation: str | None = None  # why the table looks cut off, if it does
