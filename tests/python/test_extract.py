"""The ingest over a folder: bad input names file and line, the other reports still load."""

import csv
from pathlib import Path

from ingest.folder import extract_reports
from ingest.seeds import write_seeds

from .conftest import NACKA_2018_T1, NORRTALJE_2025_AUG, PROJECT_ROOT, REPORTS, report_tables


def replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def test_an_unknown_header_costs_only_its_family_reading(reports_copy: Path) -> None:
    # 001 line 492 is the table's title and first header line.
    replace_line(
        reports_copy / f"{NACKA_2018_T1}.txt",
        492,
        "Verksamhet, tkr Ack utfall 2018 Ack budget 2018 Helår budget och prognos 2018 "
        "Utfall mot plan ",
    )
    result = extract_reports(reports_copy)
    assert result.loaded_files == 5
    tables = [t for t in result.tables if t["report_id"] == NACKA_2018_T1]
    generic = [t for t in tables if t["title_line"] == 492]
    # The budget family cannot read the header: the generic reader takes the table and says why.
    assert [(t["table_family"], t["read_note"]) for t in generic] == [
        (
            "generic",
            "read as a generic table: the budget family table 'Verksamhet, tkr': cannot read "
            "its header (unrecognised header text 'Utfall mot plan Kostnader (-) Intäkter (')",
        )
    ]
    # No header words split into its rows' cells: the columns stay unnamed, the numbers are
    # read as the fewest cells, and the table's arithmetic chooses among the digit groups:
    # every cell as the budget family reads it in the bundled report, none guessed.
    table_id = generic[0]["table_id"]
    columns = [c["column_header"] for c in result.columns if c["table_id"] == table_id]
    assert columns == ["(no header)"] * 8
    read = [
        (c["source_line"], c["printed_text"]) for c in result.cells if c["table_id"] == table_id
    ]
    (budget,) = [t for t in report_tables(NACKA_2018_T1) if t.family.name == "budget"]
    assert read == [(r.source_line, c.text) for r in budget.rows for c in r.cells]
    assert [r for r in result.rejects if r["report_id"] == NACKA_2018_T1] == []
    # The report's other tables and every other report still load.
    assert {t["table_family"] for t in tables} == {
        "state_grants",
        "personal_assistance",
        "generic",
        "sick_leave_unit",
    }
    assert {r["report_id"] for r in result.reports} == {p.stem for p in REPORTS.glob("*.txt")}


def test_unreadable_row_is_rejected_with_file_line_and_reason(reports_copy: Path) -> None:
    # 004 line 1473 `Socialdirektör …` gains a number: 8 signed numbers cannot fill 7 cells.
    replace_line(
        reports_copy / f"{NORRTALJE_2025_AUG}.txt",
        1473,
        "Socialdirektör -6 323 -4 849 1 474 -5 360 -9 507 -8 091 1 416 -5 ",
    )
    result = extract_reports(reports_copy)
    assert result.loaded_files == 5
    (reject,) = result.rejects
    assert (reject["file_name"], reject["source_line"], reject["row_label"]) == (
        f"{NORRTALJE_2025_AUG}.txt",
        1473,
        "Socialdirektör",
    )
    assert "cannot read 7 cells" in reject["reason"]
    labels = [r["row_label"] for r in result.rows if r["report_id"] == NORRTALJE_2025_AUG]
    assert "Socialdirektör" not in labels
    assert "Ekonomiskt bistånd" in labels


def test_line_whose_digit_groups_arithmetic_cannot_place_is_rejected(reports_copy: Path) -> None:
    # With one number dropped, `… -8 091 1 416` still reads as 7 cells (`1`, `416`), in
    # several ways that no identity of the table prefers: rejected, not guessed.
    replace_line(
        reports_copy / f"{NORRTALJE_2025_AUG}.txt",
        1473,
        "Socialdirektör -6 323 -4 849 -5 360 -9 507 -8 091 1 416 ",
    )
    result = extract_reports(reports_copy)
    (reject,) = result.rejects
    assert (reject["source_line"], reject["row_label"]) == (1473, "Socialdirektör")
    assert "readings fit the table's arithmetic equally well" in reject["reason"]


def test_committed_ingest_is_the_ingest_of_the_bundled_reports(tmp_path: Path) -> None:
    write_seeds(extract_reports(REPORTS), tmp_path)
    committed = PROJECT_ROOT / "ingested"
    assert sorted(p.name for p in committed.glob("*.csv")) == sorted(
        p.name for p in tmp_path.glob("*.csv")
    )
    for fresh in sorted(tmp_path.glob("*.csv")):
        assert fresh.read_text() == (committed / fresh.name).read_text(), (
            f"{fresh.name} is stale: run `warehouse ingest` and commit ingested/"
        )


def test_every_printed_number_of_a_table_is_a_cell() -> None:
    """Nothing lost: each numbers line yields exactly its printed numbers as cells."""
    result = extract_reports(REPORTS)
    cells_by_line: dict[tuple[str, int], list[str]] = {}
    for cell in result.cells:
        if cell["printed_text"] not in ("", "-"):
            key = (cell["report_id"], cell["source_line"])
            cells_by_line.setdefault(key, []).append(cell["printed_text"])
    for (report_id, line), printed in cells_by_line.items():
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        digits_in_line = "".join(ch for ch in text if ch.isdigit())
        assert digits_in_line.endswith("".join(ch for p in printed for ch in p if ch.isdigit()))


def test_seed_files_have_headers_even_when_empty(tmp_path: Path) -> None:
    write_seeds(extract_reports(REPORTS), tmp_path)
    with (tmp_path / "raw_ingest_rejects.csv").open() as handle:
        assert next(csv.reader(handle))[0] == "report_id"


def test_numbers_glued_without_a_separator_are_listed_not_read(reports_copy: Path) -> None:
    # 003 line 239 printed with its first two numbers glued: no reading of them is certain.
    replace_line(
        reports_copy / "003_ce56c14ef47a6a38.txt",
        239,
        "Vuxna 21-64 år 2901-12 646 -9 745 3 090 -12 867 -9 778 33 -58 667 -58 667 0 ",
    )
    result = extract_reports(reports_copy)
    (reject,) = result.rejects
    assert (reject["source_line"], reject["table_id"], reject["reason"]) == (
        239,
        "verksamhet_tkr",
        "numbers glued without a separator ('2901-12'): not read",
    )
    labels = [r["row_label"] for r in result.rows if r["report_id"] == "003_ce56c14ef47a6a38"]
    assert "Barn och unga" in labels and "Summa" in labels


def test_letters_inside_a_number_reject_the_line_and_the_table_reads_on(
    reports_copy: Path,
) -> None:
    # 001 line 521, the last number printed `-9 8a43` (for -9 843): no reading is certain
    replace_line(
        reports_copy / f"{NACKA_2018_T1}.txt",
        521,
        "Barn och unga 1 906 -42 510 -40 604 -36 413 -4 191 -109 238 -119 081 -9 8a43 ",
    )
    result = extract_reports(reports_copy)
    (reject,) = result.rejects
    assert (reject["source_line"], reject["table_id"], reject["reason"]) == (
        521,
        "verksamhet_tkr",
        "letters inside a number ('8a43'): not read",
    )
    labels = [
        r["row_label"]
        for r in result.rows
        if r["report_id"] == NACKA_2018_T1 and r["table_id"] == "verksamhet_tkr"
    ]
    assert labels == [
        "Vuxna 21-64 år",
        "Personer med funktionsnedsättning",
        "Gemensam socialtjänst",
        "Myndighet och huvudmannaskap",
        "Nämnd och nämndstöd",
        "Summa",
    ]


def test_a_letter_in_a_number_outside_every_table_is_still_rejected(reports_copy: Path) -> None:
    # a table-shaped line in prose (004 line 20 is prose): listed, never silently skipped
    replace_line(reports_copy / f"{NORRTALJE_2025_AUG}.txt", 20, "Antal ärenden 1O5 2 310 ")
    result = extract_reports(reports_copy)
    (reject,) = [r for r in result.rejects if r["report_id"] == NORRTALJE_2025_AUG]
    assert (reject["source_line"], reject["printed_text"]) == (20, "Antal ärenden 1O5 2 310")


def with_no_break_spaces(text: str, cells: list[dict], spaces: str) -> str:
    """Every cell's thousands spaces printed as no-break spaces (U+00A0 or U+202F, taken
    in turn), the cell boundaries kept: how another PDF exporter prints the numbers."""
    lines = text.split("\n")
    by_line: dict[int, list[str]] = {}
    for cell in cells:
        if cell["printed_text"] and " " in cell["printed_text"].lstrip("- "):
            by_line.setdefault(cell["source_line"], []).append(cell["printed_text"])
    turn = 0
    for number, printed in by_line.items():
        line, offset = lines[number - 1], 0
        for cell in printed:
            start = line.index(cell, offset)
            sign = "- " if cell.startswith("- ") else ""
            body = cell.removeprefix(sign)
            glued = sign + body.replace(" ", spaces[turn % len(spaces)])
            turn += 1
            line = line[:start] + glued + line[start + len(cell) :]
            offset = start + len(glued)
        lines[number - 1] = line
    return "\n".join(lines)


def test_no_break_spaces_in_numbers_read_as_the_same_cells(reports_copy: Path) -> None:
    original = extract_reports(REPORTS)
    for path in reports_copy.glob("*.txt"):
        cells = [c for c in original.cells if c["report_id"] == path.stem]
        text = path.read_text(encoding="utf-8")
        path.write_text(with_no_break_spaces(text, cells, "\xa0\u202f"), encoding="utf-8")
    printed = (reports_copy / f"{NACKA_2018_T1}.txt").read_text(encoding="utf-8")
    assert "Barn och unga 1\u202f906 -42\xa0510 -40\u202f604" in printed
    result = extract_reports(reports_copy)
    key = ("report_id", "table_id", "row_number", "column_number", "amount", "source_line")
    assert [tuple(c[k] for k in key) for c in result.cells] == [
        tuple(c[k] for k in key) for c in original.cells
    ]
    assert [r["row_label"] for r in result.rows] == [r["row_label"] for r in original.rows]
    assert result.rejects == []


def test_a_report_counts_its_lines_as_an_editor_does() -> None:
    for report in extract_reports(REPORTS).reports:
        text = (REPORTS / report["file_name"]).read_text(encoding="utf-8")
        assert report["line_count"] == len(text.splitlines()), report["file_name"]
    assert [r["line_count"] for r in extract_reports(REPORTS).reports][0] == 697  # 000, wc -l
