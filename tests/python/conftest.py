from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import duckdb
import pytest

from ingest.build import build
from ingest.tables import Table, find_tables
from ingest.text import Line, page_furniture, read_lines

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REPORTS = PROJECT_ROOT / "reports"
NACKA_2017_T1 = "000_03715a84921bc2c5"
NACKA_2018_T1 = "001_062984d3b3c9a087"
NACKA_2014_T2 = "002_055cf2bad57563d4"
NACKA_2020_FEB = "003_ce56c14ef47a6a38"
NORRTALJE_2025_AUG = "004_4dcfca0e7f6d3a6a"


@cache
def report_lines(report_id: str) -> tuple[Line, ...]:
    return tuple(read_lines((REPORTS / f"{report_id}.txt").read_text(encoding="utf-8")))


def report_line(report_id: str, number: int) -> str:
    """The text of one line of a report, exactly as extracted (trailing space kept)."""
    return report_lines(report_id)[number - 1].text


@cache
def report_tables(report_id: str) -> tuple[Table, ...]:
    lines = list(report_lines(report_id))
    tables, failures = find_tables(lines, page_furniture(lines))
    assert failures == []
    return tuple(tables)


def budget_tables(report_id: str) -> tuple[Table, ...]:
    return tuple(t for t in report_tables(report_id) if t.family.name == "budget")


def family_table(report_id: str, family: str, title_start: str = "") -> Table:
    """The (first) table of a family in a report, optionally by the start of its title."""
    return next(
        t
        for t in report_tables(report_id)
        if t.family.name == family and t.title.startswith(title_start)
    )


def amounts(table: Table, label: str) -> dict[str, Decimal | None]:
    """Column header → amount for the (first) row with this label."""
    row = next(r for r in table.rows if r.label == label)
    return {header: cell.value for header, cell in zip(table.columns, row.cells, strict=True)}


def paginate(text: str, every: int) -> str:
    """The report as another export might paginate it: a running footer with the page
    number every `every` lines (inside tables too) and doubled blank lines."""
    out: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        out.append(line)
        if line == "":
            out.append("")
        if number % every == 0:
            out += [f"SOCIALNÄMNDEN UPPFÖLJNING  {number // every}  ", " "]
    return "\n".join(out)


@pytest.fixture
def reports_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled reports folder."""
    target = tmp_path / "reports"
    target.mkdir()
    for path in REPORTS.iterdir():
        (target / path.name).write_bytes(path.read_bytes())
    return target


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built from the bundled reports, once per test session (with the
    dashboard and docs pages beside it)."""
    output = tmp_path_factory.mktemp("build") / "warehouse.duckdb"
    build(REPORTS, output)
    return output


@pytest.fixture(scope="session")
def warehouse(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the session's warehouse."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    yield connection
    connection.close()
