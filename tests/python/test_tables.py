"""Table detection and reading, with assertions on real values of every economic table."""

from decimal import Decimal

import pytest

from ingest.tables import find_tables
from ingest.text import page_furniture, read_lines

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    amounts,
    budget_tables,
    paginate,
    report_line,
    report_lines,
    report_tables,
)

D = Decimal


def test_each_report_has_its_tables_found_by_title() -> None:
    found = {
        report: [
            (t.family.name, t.title, t.title_line, len(t.columns), len(t.rows))
            for t in report_tables(report)
        ]
        for report in (
            NACKA_2017_T1,
            NACKA_2018_T1,
            NACKA_2014_T2,
            NACKA_2020_FEB,
            NORRTALJE_2025_AUG,
        )
    }
    assert found == {
        NACKA_2017_T1: [
            ("budget", "Verksamhet, tkr", 412, 8, 9),
            ("sick_leave_cost_centre", "Ansvar Benämning", 512, 4, 14),
        ],
        NACKA_2018_T1: [
            ("state_grants", "Statsbidrag 2018", 69, 1, 6),
            ("personal_assistance", "Antal personer genomsnitt per tertial", 447, 3, 3),
            ("personal_assistance", "Antal beviljade timmar genomsnitt per tertial", 457, 3, 3),
            (
                "personal_assistance",
                "Beviljade timmar per månad och person genomsnitt per tertial",
                467,
                3,
                3,
            ),
            ("budget", "Verksamhet, tkr", 492, 8, 7),
            ("sick_leave_unit", "Tertial 1 2017", 566, 6, 4),
            ("sick_leave_unit", "Tertial 1 2018", 619, 6, 2),
        ],
        NACKA_2014_T2: [("budget", "Verksamhet, tkr", 1096, 5, 8)],
        NACKA_2020_FEB: [
            ("case_statistics", "Barn och unga 0-20 år Jan", 106, 4, 7),
            ("placement_counts", "Jan Prel feb Genomsnitt", 121, 4, 6),
            ("budget", "Verksamhet, tkr", 187, 10, 7),
        ],
        NORRTALJE_2025_AUG: [
            ("assignment_counts", "Uppdrag/Nämndsinitiativ Status", 274, 3, 4),
            ("budget", "Driftredovisning", 1359, 7, 4),
            ("budget", "Driftredovisning per verksamhet", 1447, 7, 9),
            ("investments", "Investeringar Årets", 1495, 6, 9),
            ("placement_volume", "Volymer, antal dygn/dagar", 1680, 7, 11),
            ("placement_price", "Kostnad per dygn/dagar", 1768, 6, 10),
            ("staff_turnover", "Personalomsättning januari-april Extern", 1876, 2, 2),
        ],
    }


def test_no_line_of_the_bundled_tables_is_rejected() -> None:
    for report in (NACKA_2017_T1, NACKA_2018_T1, NACKA_2014_T2, NACKA_2020_FEB, NORRTALJE_2025_AUG):
        assert [r for t in report_tables(report) for r in t.rejects] == []


def test_2018_t1_barn_och_unga() -> None:
    (table,) = budget_tables(NACKA_2018_T1)
    row = amounts(table, "Barn och unga")
    assert row["Ack utfall 2018 | Utfall netto"] == D(-40604)
    assert row["Ack budget 2018 | Budget-avvikelse"] == D(-4191)
    assert row["Helår budget och prognos 2018 | Prognos netto"] == D(-119081)
    assert amounts(table, "Summa")["Ack utfall 2018 | Utfall netto"] == D(-243533)


def test_2018_t1_ambiguous_digit_groups_are_resolved_by_arithmetic() -> None:
    # Line 543 `0 -873 -873 -922 49 -2 766 -2 658 108`: `-2 658 108` alone could be one
    # number; the 8 columns and forecast deviation = forecast - budget pick this reading.
    (table,) = budget_tables(NACKA_2018_T1)
    row = next(r for r in table.rows if r.label == "Nämnd och nämndstöd")
    assert row.source_line == 543
    assert row.resolution == "arithmetic"
    assert [c.value for c in row.cells] == [0, -873, -873, -922, 49, -2766, -2658, 108]


def test_2017_t1_misprinted_row_is_still_read_as_printed() -> None:
    # Line 470 breaks net = revenue + cost (-490 printed, -511 computed); the forecast
    # columns and the Summa row decide how its digit groups are read.
    (table,) = budget_tables(NACKA_2017_T1)
    row = next(r for r in table.rows if r.label == "Nämnd och nämndstöd")
    assert [c.value for c in row.cells] == [0, -511, -490, -922, 411, -2766, -1883, 883]


def test_2017_t1_row_with_empty_cells_and_wrapped_label() -> None:
    (table,) = budget_tables(NACKA_2017_T1)
    row = table.rows[0]
    assert (row.label, row.label_line, row.source_line) == (
        "Ankomstregistrerade fakturor",
        441,
        444,
    )
    assert [c.value for c in row.cells] == [None, -552, -552, None, None, None, None, None]
    summa = amounts(table, "Summa")
    assert summa["Ack utfall 2017 | Utfall intäkter"] == D(21703)
    assert summa["Helår budget och prognos 2017 | Prognos avvikelse"] == D(1946)


def test_2014_t2_annual_forecast_table() -> None:
    (table,) = budget_tables(NACKA_2014_T2)
    summa = amounts(table, "Summa Social- äldrenämnden")
    assert summa == {
        "Årsprognos 2014 | Intäkter": D(143600),
        "Årsprognos 2014 | Kostnader": D(-1477490),
        "Årsprognos 2014 | Netto": D(-1333890),
        "Årsbudget 2014": D(-1298890),
        "Budgetavvikelse": D(-35000),
    }
    assert amounts(table, "Myndighet- och huvudmannaenhet")["Budgetavvikelse"] == D(-12000)


def test_2020_feb_labels_split_inside_words() -> None:
    (table,) = budget_tables(NACKA_2020_FEB)
    assert [r.label for r in table.rows] == [
        "Barn och unga",
        "Vuxna 21-64 år",
        "Personer med funktionsnedsättning",
        "Gemensam socialtjänst",
        "Myndighet och huvudmannaskap",
        "Nämnd och nämndstöd",
        "Summa",
    ]
    row = amounts(table, "Personer med funktionsnedsättning")
    assert row["Ack budget 2020 | Budget intäkter"] == D(5378)
    assert row["Ack budget 2020 | Budget-avvikelse"] == D(-1500)


def test_2025_aug_operating_accounts_by_flow_with_varav() -> None:
    table = budget_tables(NORRTALJE_2025_AUG)[0]
    assert amounts(table, "Intäkter")["Budget Jan - Aug 2025"] == D(31324)
    assert amounts(table, "Intäkter")["Utfall Jan - Aug 2024"] == D(31529)
    varav = next(r for r in table.rows if r.label == "Varav kapitalkostnader")
    kostnader = next(r for r in table.rows if r.label == "Kostnader")
    assert varav.is_varav and varav.parent_row_number == kostnader.row_number
    summa = next(r for r in table.rows if r.label == "Summa Driftbudget")
    assert summa.role == "total"
    assert kostnader.parent_row_number == summa.row_number
    assert [c.value for c in summa.cells][:3] == [-247748, -237784, 9964]


def test_2025_aug_units_subtotals_found_by_arithmetic() -> None:
    table = budget_tables(NORRTALJE_2025_AUG)[1]
    roles = [(r.label, r.role, r.parent_row_number) for r in table.rows]
    assert roles == [
        ("Socialnämnd", "subtotal", None),
        ("Socialnämnd", "line", 1),
        ("Socialdirektör", "line", 9),
        ("Avd f stöd & utveckling", "line", 9),
        ("Avd f försörjn & arbete", "line", 9),
        ("Placeringskostnader", "line", 9),
        ("Avd f barn & vuxna", "line", 9),
        ("Ekonomiskt bistånd", "line", 9),
        ("Socialkontor", "subtotal", None),
    ]
    # The empty prior-year cell of Socialnämnd (line 1469, `140  -1 784`) stays empty.
    assert amounts(table, "Socialnämnd")["Utfall Jan - Aug 2024"] is None
    assert amounts(table, "Socialkontor")["Prognos 4"] == D(-367842)


def _rewrap(text: str) -> str:
    """The same report as another PDF export might give it: a page break with a running
    footer inside the table, and labels wrapped at other places."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if line == "Gemensam socialtjänst ":
            out += ["Gemensam ", "", "social", "tjänst "]
        elif line.startswith("Vuxna 21-64 år "):
            out += ["NACKA KOMMUN TERTIALRAPPORT 1  7  ", ""]
            out += ["Vuxna ", "21-64 år", " " + line.removeprefix("Vuxna 21-64 år ")]
        else:
            out.append(line)
    out += ["NACKA KOMMUN TERTIALRAPPORT 1  8  ", "NACKA KOMMUN TERTIALRAPPORT 1  9  "]
    return "\n".join(out)


def test_another_export_of_the_same_table_reads_the_same() -> None:
    original = budget_tables(NACKA_2018_T1)[0]
    text = "\n".join(line.text for line in report_lines(NACKA_2018_T1))
    lines = read_lines(_rewrap(text))
    (table,) = [
        t for t in find_tables(lines, page_furniture(lines))[0] if t.family.name == "budget"
    ]
    assert [r.label for r in table.rows] == [r.label for r in original.rows]
    assert [[c.value for c in r.cells] for r in table.rows] == [
        [c.value for c in r.cells] for r in original.rows
    ]


def test_a_single_page_footer_inside_a_table_is_listed_and_skipped() -> None:
    # A footer seen only once (so not caught as repeated page furniture) between the two
    # lines of the label `Personer med` / `funktionsnedsättning` (001 lines 525-526).
    lines = [line.text for line in report_lines(NACKA_2018_T1)]
    lines.insert(525, "Nacka kommun Tertialbokslut 1  12  ")
    lines = read_lines("\n".join(lines))
    (table,) = [
        t for t in find_tables(lines, page_furniture(lines))[0] if t.family.name == "budget"
    ]
    original = budget_tables(NACKA_2018_T1)[0]
    assert [r.label for r in table.rows] == [r.label for r in original.rows]
    (reject,) = table.rejects
    assert (reject.line, reject.reason) == (526, "page header or footer inside table")


def test_a_bare_page_number_between_label_lines_is_listed_and_skipped() -> None:
    # Another export might put the page number alone between `Personer med` and
    # `funktionsnedsättning` (001 lines 525-526).
    lines = [line.text for line in report_lines(NACKA_2018_T1)]
    lines.insert(525, "12 ")
    lines = read_lines("\n".join(lines))
    (table,) = [
        t for t in find_tables(lines, page_furniture(lines))[0] if t.family.name == "budget"
    ]
    original = budget_tables(NACKA_2018_T1)[0]
    assert [r.label for r in table.rows] == [r.label for r in original.rows]
    assert [(r.line, r.reason) for r in table.rejects] == [
        (526, "page header or footer inside table")
    ]


def test_page_break_with_the_header_printed_again_continues_the_table() -> None:
    # Another export might break the page after `Nämnd och nämndstöd` (001 line 543) and
    # print the whole header again before `Summa`; the table goes on, Summa still totals it.
    lines = [line.text for line in report_lines(NACKA_2018_T1)]
    header = lines[491:519]  # lines 492-519: title, group headers, wrapped column headers
    lines[543:543] = ["", "Nacka kommun  7  ", " " + header[0], *header[1:], ""]
    lines = read_lines("\n".join(lines))
    (table,) = [
        t for t in find_tables(lines, page_furniture(lines))[0] if t.family.name == "budget"
    ]
    original = budget_tables(NACKA_2018_T1)[0]
    assert [(r.label, r.role) for r in table.rows] == [(r.label, r.role) for r in original.rows]
    assert table.rows[-1].source_line == 545 + len(header) + 3
    assert all(r.parent_row_number == 7 for r in table.rows[:-1])
    assert [r.reason for r in table.rejects] == ["page header or footer inside table"]


def test_a_label_wrapped_after_the_title_words_continues_the_row() -> None:
    # Another width might wrap `Statsbidrag 2018 för att stärka insatserna …` (001 line 79)
    # right after `Statsbidrag 2018`: the lowercase line below shows the label goes on, so
    # it is neither a new state-grant table nor a row of 2018 kronor.
    lines = [line.text for line in report_lines(NACKA_2018_T1)]
    assert lines[78].startswith("Statsbidrag 2018 för att stärka insatserna")
    lines[78:79] = ["Statsbidrag 2018 ", lines[78].removeprefix("Statsbidrag 2018 ")]
    lines = read_lines("\n".join(lines))
    (table,) = [
        t for t in find_tables(lines, page_furniture(lines))[0] if t.family.name == "state_grants"
    ]
    original = next(t for t in report_tables(NACKA_2018_T1) if t.family.name == "state_grants")
    assert [r.label for r in table.rows] == [r.label for r in original.rows]
    assert [(r.label_line, r.source_line) for r in table.rows][3] == (79, 80)
    label = "Statsbidrag 2018 för att stärka insatserna för barn och unga med psykisk ohälsa"
    assert amounts(table, label) == {"Belopp": D("294311")}
    assert table.rejects == []


def test_rows_keep_their_source_lines() -> None:
    (table,) = budget_tables(NACKA_2018_T1)
    for row in table.rows:
        printed = report_line(NACKA_2018_T1, row.source_line)
        assert all(c.text in printed for c in row.cells if c.text)


ALL_REPORTS = (NACKA_2017_T1, NACKA_2018_T1, NACKA_2014_T2, NACKA_2020_FEB, NORRTALJE_2025_AUG)


def _content(tables) -> list:
    return [
        (
            t.family.name,
            t.title,
            t.columns,
            [(r.label, r.role, [c.value for c in r.cells]) for r in t.rows],
        )
        for t in tables
    ]


@pytest.mark.parametrize("every", [7, 23])
@pytest.mark.parametrize("report_id", ALL_REPORTS)
def test_every_table_reads_the_same_when_paginated_differently(report_id: str, every: int) -> None:
    text = "\n".join(line.text for line in report_lines(report_id))
    lines = read_lines(paginate(text, every))
    tables, _ = find_tables(lines, page_furniture(lines))
    assert _content(tables) == _content(report_tables(report_id))
