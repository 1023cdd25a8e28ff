"""The smaller tables: real values, and golden tests on their ugly lines."""

from decimal import Decimal

from ingest.headers import UNNAMED_COLUMN

from .conftest import (
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    amounts,
    family_table,
)

D = Decimal


def values(table, label: str) -> list[Decimal | None]:
    return list(amounts(table, label).values())


def test_state_grants_with_long_wrapped_labels_and_kr() -> None:
    table = family_table(NACKA_2018_T1, "state_grants")
    first = table.rows[0]
    # Lines 71-72: the label wraps and its last line starts with the year: `2018 3 499 503 kr`.
    assert first.label == (
        "Stimulansmedel inom ramen för överenskommelsen om stöd till riktade insatser inom "
        "området psykisk hälsa 2018"
    )
    assert (first.label_line, first.source_line, first.cells[0].value) == (71, 72, 3499503)
    assert values(table, "Statsbidrag habiliteringsersättning") == [2240000]
    summa = table.rows[-1]
    assert (summa.label, summa.role, summa.cells[0].value) == ("Summa", "total", 7405664)


def test_personal_assistance_rows_labelled_by_year() -> None:
    persons = family_table(NACKA_2018_T1, "personal_assistance", "Antal personer")
    assert values(persons, "År 2016") == [D("36.0"), D("40.8"), D("41.8")]
    assert values(persons, "År 2018") == [D("50.3"), None, None]  # T2, T3 not yet
    hours = family_table(NACKA_2018_T1, "personal_assistance", "Antal beviljade timmar")
    assert values(hours, "År 2017") == [10327, 11418, 11402]
    # `År 2016 189 186 216` could also read 2016 | 189 186 | 216; `År 2018 242` cannot, so
    # the whole table labels its rows by year.
    per_person = family_table(NACKA_2018_T1, "personal_assistance", "Beviljade timmar per")
    assert values(per_person, "År 2016") == [189, 186, 216]


def test_case_statistics_with_an_empty_header_cell() -> None:
    # Line 106 `… 0-20 år Jan  Utfall 2019 …`: the double space is an empty header cell,
    # and every row has an empty cell there (`356  3 453 3 310`).
    table = family_table(NACKA_2020_FEB, "case_statistics")
    assert table.columns == ["Jan", UNNAMED_COLUMN, "Utfall 2019", "Utfall år 2018"]
    assert values(table, "Antal inkomna aktualiseringar") == [356, None, 3453, 3310]
    assert values(table, "Medeltal antal utredningsdagar i avslutade barnavårdsutredningar") == [
        87,
        None,
        63,
        72,
    ]
    varav = next(r for r in table.rows if r.label == "varav avslutade med insats")
    assert varav.is_varav and varav.parent_row_number == 4


def test_placement_counts_with_varav_rows() -> None:
    table = family_table(NACKA_2020_FEB, "placement_counts")
    assert table.columns == ["Jan", "Prel feb", "Genomsnitt /mån 2019", "Genomsnitt /mån år 2018"]
    assert values(table, "Antal pågående heldygnsplaceringar") == [114, 113, 110, 78]
    assert values(table, "varav pågående placeringar i jourhem") == [37, 41, 37, 25]
    assert all(r.parent_row_number == 1 for r in table.rows[1:])


def test_investments_label_ending_in_a_year_on_its_own_line() -> None:
    # Lines 1507-1510: `Kontorsutrustning` / `socialförvaltningen 2025` / numbers.
    table = family_table(NORRTALJE_2025_AUG, "investments")
    first = table.rows[0]
    assert first.label == "Kontorsutrustning socialförvaltningen 2025"
    assert [c.value for c in first.cells] == [-1500, -1500, 0, -1500, -1500, 0]
    assert values(table, "Summa") == [-5396, -4696, 0, -7300, -7300, 0]


def test_assignment_counts_with_a_status_column_and_empty_cells() -> None:
    # Line 285 `Total Summa  8 3  `: empty status cell first, empty total cell last.
    table = family_table(NORRTALJE_2025_AUG, "assignment_counts")
    assert values(table, "Uppdrag Påbörjad") == [3, None, 3]
    assert values(table, "Nämndinitiativ Påbörjad") == [4, 2, 6]
    total = table.rows[-1]
    assert (total.label, total.role) == ("Total Summa", "total")
    assert [c.value for c in total.cells] == [8, 3, None]


def test_staff_turnover_percentages_labelled_by_year() -> None:
    table = family_table(NORRTALJE_2025_AUG, "staff_turnover")
    assert values(table, "2025") == [D("5.59"), D("1.02")]
    assert values(table, "2024") == [D("4.73"), D("1.18")]
    assert table.columns[0] == "Personalomsättning januari-april | Extern Personalomsättning"
