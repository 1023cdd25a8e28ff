"""Sick leave: the 000 and 001 tables on real lines, and the curated 004 prose figures."""

import csv
from decimal import Decimal

from ingest.numbers import parse_number

from .conftest import (
    NACKA_2017_T1,
    NACKA_2018_T1,
    PROJECT_ROOT,
    amounts,
    family_table,
    report_line,
)

D = Decimal


def test_cost_centre_table_with_codes_and_wrapped_names() -> None:
    table = family_table(NACKA_2017_T1, "sick_leave_cost_centre")
    assert table.columns == [
        "Tot sjukfrånvaro (SKL:s nyckeltal 1)",
        "Tot Kort sjukfrånvaro (max 59 dgr)",
        "Tot Lång sjukfrånvaro (60 dgr eller mer) = Nackamodell",
        "Tot Lång sjukfrånvaro (60 dgr eller mer) = SKL:s nyckeltal 2",
    ]
    assert len(table.rows) == 14
    # Lines 550-552: `21220 MH STJ IFO BoU` / `Uppf öppenvård` / `11,44 4,01 7,43 64,94`.
    assert list(amounts(table, "21220 MH STJ IFO BoU Uppf öppenvård").values()) == [
        D("11.44"),
        D("4.01"),
        D("7.43"),
        D("64.94"),
    ]
    assert list(amounts(table, "21400 MH STJ LSS-gruppen").values())[3] == D("100.00")


def test_unit_tables_per_tertial_with_women_and_men() -> None:
    table_2017 = family_table(NACKA_2018_T1, "sick_leave_unit", "Tertial 1 2017")
    table_2018 = family_table(NACKA_2018_T1, "sick_leave_unit", "Tertial 1 2018")
    assert [r.label for r in table_2017.rows] == [
        "MH Bostad adm o Socialjour",
        "MH Omsorgsenheten",
        "MH STJ Barn o Ungdom IFO",
        "MH STJ Vuxenenhet IFO",
    ]
    row = amounts(table_2017, "MH STJ Barn o Ungdom IFO")
    assert row["Män Kort sjukfrånvaro (max 59 dgr)"] == D("4.61")
    assert row["Kvinnor Lång sjukfrånvaro (60 dgr eller mer)= Nackamodell"] == D("2.44")
    assert list(amounts(table_2018, "MH STJ Omsorgsenheten").values()) == [
        D("3.31"),
        D("3.67"),
        D("0.00"),
        D("3.35"),
        D("3.71"),
        D("0.00"),
    ]


def test_every_curated_prose_figure_is_on_its_cited_line() -> None:
    path = PROJECT_ROOT / "seeds" / "reference" / "sick_leave_prose.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 16
    for row in rows:
        line = report_line(row["report_id"], int(row["source_line"]))
        assert row["quoted_text"] in line, (row["source_line"], row["quoted_text"])
        printed = row["quoted_text"].rstrip("%").strip()
        assert parse_number(printed) == D(row["sick_leave_pct"])


def test_every_prose_cross_check_is_on_its_cited_line() -> None:
    path = PROJECT_ROOT / "seeds" / "reference" / "prose_cross_checks.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert row["quoted_text"] in report_line(row["report_id"], int(row["source_line"]))
