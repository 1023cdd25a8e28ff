"""Tables of layouts no family reads, from other municipalities' reports (hand-written in the
extraction's style, tests/fixtures/other_layouts): the generic reader places every number
with its row, column, unit and line, or lists it; where the header's words cannot be split
into the rows' cells, the columns stay unnamed and nothing is guessed."""

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.extract import Extraction, extract_report
from ingest.reviewed import read_reviewed
from ingest.tables.generic import header_segments, is_table_shaped, table_unit

from .conftest import NORRTALJE_2025_AUG as NORRTALJE
from .conftest import PROJECT_ROOT, report_line

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "other_layouts"
ALE = FIXTURES / "ale_manadsrapport_2024_04.txt"
HARNOSAND = FIXTURES / "harnosand_verksamhetsberattelse_2023.txt"
VETLANDA = FIXTURES / "vetlanda_arsredovisning_2024.txt"
D = Decimal


def read(path: Path) -> Extraction:
    return extract_report(path, read_reviewed())


def rows_of(extraction: Extraction, table_id: str) -> list[tuple]:
    """(label, role, varav, parent, line, [printed cells]) per row."""
    cells = [c for c in extraction.cells if c["table_id"] == table_id]
    return [
        (
            r["row_label"],
            r["row_role"],
            r["is_varav"],
            r["parent_row_number"],
            r["source_line"],
            [c["printed_text"] for c in cells if c["row_number"] == r["row_number"]],
        )
        for r in extraction.rows
        if r["table_id"] == table_id
    ]


def test_a_monthly_report_with_netto_before_its_varav_parts() -> None:
    extraction = read(ALE)
    (meta,) = extraction.reports
    assert (meta["municipality"], meta["report_kind"], str(meta["period_end"])) == (
        "Ale",
        "monthly_report",
        "2024-04-30",
    )
    (table,) = extraction.tables
    assert (table["table_family"], table["table_title"], table["unit"], table["title_line"]) == (
        "generic",
        "Ekonomiskt utfall per verksamhet, tkr",
        "tkr",
        12,
    )
    assert [c["column_header"] for c in extraction.columns] == [
        "Budget",
        "Periodutfall",
        "Utfall_proc",
        "Prognos apr",
        "Avvikelse",
    ]
    rows = rows_of(extraction, table["table_id"])
    # the activity heading printed on its own line is part of its Netto row's label
    assert rows[0] == (
        "Individ- och familjeomsorg Netto",
        "line",
        False,
        10,
        15,
        ["-120 500", "-42 310", "35,1", "-124 000", "-3 500"],
    )
    assert rows[1] == (
        "- varav kostnader",
        "line",
        True,
        1,
        16,
        ["-150 000", "-52 100", "34,7", "-153 500", "-3 500"],
    )
    assert rows[8][:5] == ("- varav intäkter", "line", True, 7, 25)
    assert rows[9] == (
        "Summa verksamheter",
        "total",
        False,
        None,
        26,
        ["-440 000", "-147 120", "33,4", "-441 300", "-1 300"],
    )
    assert extraction.rejects == []
    assert {c["outcome"] for c in extraction.line_coverage} == {"placed"}


def test_result_per_activity_in_mkr_with_one_decimal_and_unicode_minus() -> None:
    extraction = read(HARNOSAND)
    (meta,) = extraction.reports
    assert (meta["municipality"], meta["report_kind"], str(meta["period_end"])) == (
        "Härnösand",
        "annual_report",
        "2023-12-31",
    )
    (table,) = extraction.tables
    assert (table["table_title"], table["unit"], table["title_key"]) == (
        "Resultat per verksamhet, mkr",
        "mkr",
        "resultat per verksamhet, mkr",
    )
    assert [(c["column_header"], c["header_key"]) for c in extraction.columns] == [
        ("Budget 2023", "budget {y}"),
        ("Utfall 2023", "utfall {y}"),
        ("Avvikelse", "avvikelse"),
    ]
    assert rows_of(extraction, table["table_id"])[0][4:] == (10, ["-145,2", "-151,8", "-6,6"])
    assert [c["amount"] for c in extraction.cells[:3]] == [D("-145.2"), D("-151.8"), D("-6.6")]
    assert rows_of(extraction, table["table_id"])[-1][:2] == ("Summa", "total")


def test_a_driftredovisning_its_family_cannot_read_lands_generic_and_says_why() -> None:
    extraction = read(VETLANDA)
    drift, net = extraction.tables
    # the budget family claims `Driftredovisning` by its title but knows no `2024 2023`
    # header: the generic reader takes it, and the note says so
    assert drift["table_family"] == "generic"
    assert drift["read_note"].startswith(
        "read as a generic table: the budget family table 'Driftredovisning': cannot read"
    )
    headers = [c["column_header"] for c in extraction.columns if c["table_id"] == drift["table_id"]]
    assert headers == [
        "2024 | Budget",
        "2024 | Utfall",
        "2024 | Avvikelse",
        "2023 | Budget",
        "2023 | Utfall",
        "2023 | Avvikelse",
    ]
    assert rows_of(extraction, drift["table_id"])[-1] == (
        "Totalt",
        "total",
        False,
        None,
        15,
        ["-337 000", "-334 800", "2 200", "-325 500", "-327 170", "-1 670"],
    )
    # costs printed positive, revenue negative, Netto after its rows: a total
    assert rows_of(extraction, net["table_id"]) == [
        ("Kostnader", "line", False, 3, 19, ["385 200", "371 400"]),
        ("Intäkter", "line", False, 3, 20, ["-50 400", "-44 230"]),
        ("Netto", "total", False, None, 21, ["334 800", "327 170"]),
    ]


def test_a_generic_table_of_a_bundled_report() -> None:
    # 004 lines 1545-1558: `Förslag på åtgärder …`, three numbered rows with empty cells
    # (their spaces say so: `1.   `) and their Summa.
    lines = [report_line(NORRTALJE, n) for n in (1545, 1547, 1549, 1558)]
    assert lines[2] == "1.   "
    assert is_table_shaped(lines[3]) and not is_table_shaped(lines[2])
    assert header_segments(lines[1]) == [
        "Beskrivning av åtgärd",
        "Förväntad effekt av åtgärd innevarande år (tkr)",
        "Realiserad effekt av åtgärd (tkr)",
    ]


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("Budget Periodutfall Utfall_proc Prognos apr Avvikelse", 5),
        ("Budget 2024 Utfall 2024 Avvikelse 2024 Utfall 2023", 4),
        ("Avvikelse Budget-Prognos Budget helår 2025", 2),
        ("2024 2023", 2),
        ("Individ- och familjeomsorg", 1),
    ],
)
def test_header_words_split_into_columns(text: str, segments: int) -> None:
    assert len(header_segments(text)) == segments


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Resultat per verksamhet, mkr", "mkr"), ("Belopp (tkr)", "tkr"), ("Antal dagar", "dygn")],
)
def test_units_printed_in_titles(text: str, unit: str) -> None:
    assert table_unit(text) == unit


@pytest.mark.parametrize(
    "text",
    [
        # prose that ends in numbers, real and in the same style
        report_line(NORRTALJE, 1409),
        "bruk och beroende. Vidare prognostiseras en negativ avvikelse motsvarande 13 100 ",
        " 2024 2023 ",  # years alone: a header
        "Summa 5 ",  # one number
    ],
)
def test_lines_that_are_not_table_rows(text: str) -> None:
    assert not is_table_shaped(text)


def report_with(tmp_path: Path, *table_lines: str) -> Extraction:
    path = tmp_path / "x.txt"
    path.write_text(
        "Tertialbokslut T1 2019 Socialnämnden \nKalmar. Kalmar. \n\n"
        "Nämnden redovisar utfallet per verksamhet i tabellen nedan. \n\nTabell 3 \n"
        + "".join(line + " \n" for line in table_lines)
        + "\nSlut på rapporten. \n",
        encoding="utf-8",
    )
    return read(path)


def test_rows_that_agree_on_no_width_are_rejected_line_by_line(tmp_path: Path) -> None:
    extraction = report_with(tmp_path, "Verksamhet A 12 34 56", "Verksamhet B 45 67")
    assert extraction.tables == []
    assert [(r["source_line"], r["reason"]) for r in extraction.rejects] == [
        (7, "the header names no columns and the rows can be read as more than one width"),
        (8, "the header names no columns and the rows can be read as more than one width"),
    ]


def test_without_header_words_thousands_groups_stay_together(tmp_path: Path) -> None:
    # `1 584 -38 196`: the fewest cells every row reads as; the columns stay unnamed.
    extraction = report_with(tmp_path, "Verksamhet A 1 584 -38 196", "Verksamhet B 2 400 -12 100")
    (table,) = extraction.tables
    assert [c["column_header"] for c in extraction.columns] == ["(no header)", "(no header)"]
    assert rows_of(extraction, table["table_id"]) == [
        ("Verksamhet A", "line", False, None, 7, ["1 584", "-38 196"]),
        ("Verksamhet B", "line", False, None, 8, ["2 400", "-12 100"]),
    ]
