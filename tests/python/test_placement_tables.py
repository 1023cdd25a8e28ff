"""The placement tables of 004: volumes (days) and prices (cost per day), on real lines."""

from decimal import Decimal

from ingest.families.placements import PRICE_LEXICON, VOLUME_LEXICON
from ingest.headers import column_headers
from ingest.tables import find_tables
from ingest.text import read_lines

from .conftest import NORRTALJE_2025_AUG, amounts, report_tables

D = Decimal


def volume_table():
    return next(t for t in report_tables(NORRTALJE_2025_AUG) if t.family.name == "placement_volume")


def price_table():
    return next(t for t in report_tables(NORRTALJE_2025_AUG) if t.family.name == "placement_price")


def test_volume_header_with_words_split_at_line_ends() -> None:
    # Lines 1680-1702: `budget jan-` / `aug 2025`, `budget-` / `prognos`.
    assert volume_table().columns == [
        "Utfall jan-apr 2025",
        "Perodiserad budget jan-aug 2025",
        "Avvikelse",
        "Budget 2025",
        "Prognos 2025",
        "Avvikelse budget-prognos",
        "Utfall dec 2024",
    ]


def test_price_header_keeps_the_printed_misspelling() -> None:
    assert price_table().columns == [
        "Utfall jan-apr 2025, kostnad per dygn",
        "Budget 2025, kostnad per dygn",
        "Avvikelse budget-utfall",
        "Prognos 2025",
        "Avvikelse budget-progos",
        "Utfall dec 2024",
    ]


def test_lexicons_read_another_period() -> None:
    text = (
        "Volymer, antal dygn/dagar Utfall jan-apr 2026 Periodiserad budget jan-apr 2026 "
        "Avvikelse Budget 2026 Prognos 2026 Avvikelse budget-prognos Utfall dec 2025"
    )
    assert len(column_headers(text, VOLUME_LEXICON)) == 7
    text = "Kostnad per dygn/dagar Prognos 2026 Avvikelse budget-prognos"
    assert column_headers(text, PRICE_LEXICON) == [
        "Prognos 2026",
        "Avvikelse budget-prognos",
    ]


def test_volume_rows_and_the_total_after_a_repeated_header() -> None:
    table = volume_table()
    row = amounts(table, "Institutsplaceringar barn och unga")
    assert list(row.values()) == [6994, 6726, -268, 10089, 9806, 283, 10097]
    # Lines 1723-1745 print the header again after a page break; Totalt (line 1747) follows.
    total = table.rows[-1]
    assert (total.label, total.role, total.source_line) == ("Totalt", "total", 1747)
    assert [c.value for c in total.cells] == [70046, 59007, -11039, 88510, 109669, -20421, 102355]
    assert all(r.parent_row_number == total.row_number for r in table.rows[:-1])


def test_price_rows_with_wrapped_labels_and_a_detached_minus() -> None:
    table = price_table()
    # Lines 1820-1823: label over two lines, numbers on the third.
    row = next(r for r in table.rows if r.label == "Våld i nära relationer, skyddat boende")
    assert (row.label_line, row.source_line) == (1820, 1823)
    assert [c.value for c in row.cells] == [3764, 3118, 646, 3764, 646, 2185]
    # Line 1825: `- 1 145`, a minus standing apart from its number.
    adults = amounts(table, "Institutionsplaceringar, vuxna")
    assert adults["Avvikelse budget-progos"] == D(-1145)
    assert adults["Avvikelse budget-utfall"] == D(-1358)  # as printed; a known source error
    # Line 1816: `210 208 2 210 2 207`, digit groups read by the table's arithmetic.
    assert list(amounts(table, "Kontaktfamilj/Person, antal dagar").values()) == [
        210,
        208,
        2,
        210,
        2,
        207,
    ]


def test_the_price_table_exported_with_other_wraps_reads_the_same() -> None:
    """The same table as another PDF export might give it: header on one line, labels on
    the numbers' line, a row label split inside a word."""
    original = price_table()
    lines = [
        "Mått och à-pris ",
        "",
        "Kostnad per dygn/dagar Utfall jan-apr 2025, kostnad per dygn Budget 2025, kostnad "
        "per dygn Avvikelse budget-utfall Prognos 2025 Avvikelse budget-progos Utfall dec 2024 ",
        "",
    ]
    for row in original.rows:
        printed = " ".join(c.text for c in row.cells)
        if row.label.startswith("Konsulentstödd"):
            lines += ["Konsulentstödd familjehems", "vård, barn & unga ", printed + " ", ""]
        else:
            lines += [f"{row.label} {printed} ", ""]
    lines += [
        "Externa insatser riktade till barn och unga redovisar ett högre pris än budgeterat. "
    ]
    parsed, _ = find_tables(read_lines("\n".join(lines)), set())
    (table,) = parsed
    assert table.family.name == "placement_price"
    assert [r.label for r in table.rows] == [r.label for r in original.rows]
    assert [[c.value for c in r.cells] for r in table.rows] == [
        [c.value for c in r.cells] for r in original.rows
    ]
