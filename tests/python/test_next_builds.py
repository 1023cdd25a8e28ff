"""End to end with reports no code has seen: next reports of the bundled five and other
municipalities' layouts build green with no manifest entry, every cell as printed; and a
folder with a truncated report, a corrupted one, one whose line cannot be read, a new
indicator, a header no map knows yet and a report without a period publishes the others
and says what is wrong, the root cause first."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from ingest.cli import main
from ingest.numbers import parse_number

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    PROJECT_ROOT,
    REPORTS,
)
from .next_reports import NextReport, next_report
from .test_other_layouts import ALE, HARNOSAND, VETLANDA

NEXT = [
    (NACKA_2017_T1, "Kalmar", 1, "add"),
    (NACKA_2018_T1, "Vetlanda", 2, None),
    (NACKA_2014_T2, "Härnösand", 3, "remove"),
    (NACKA_2020_FEB, "Ale", 4, None),
    (NORRTALJE_2025_AUG, "Gällivare", 5, "add"),
]


@pytest.fixture(scope="module")
def next_reports() -> list[NextReport]:
    return [next_report(s, m, seed, row_change=change) for s, m, seed, change in NEXT]


@pytest.fixture(scope="module")
def green(tmp_path_factory: pytest.TempPathFactory, next_reports) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("next") / "reports"
    folder.mkdir()
    for report in next_reports:
        (folder / f"{report.name}.txt").write_text(report.text, encoding="utf-8")
    for fixture in (ALE, HARNOSAND, VETLANDA):
        (folder / fixture.name).write_bytes(fixture.read_bytes())
    output = folder.parent / "warehouse.duckdb"
    return folder, output, _run(folder, output, expected_exit=0)


def _run(folder: Path, output: Path, expected_exit: int) -> str:
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["build", "--reports", str(folder), "--output", str(output)]) == expected_exit
    return printed.getvalue()


def test_next_reports_build_green_with_their_metadata(green, next_reports) -> None:
    folder, output, printed = green
    assert printed.splitlines()[0].endswith(": 8 reports, 8 published, 0 quarantined, 0 not loaded")
    # per report, what was read and placed
    assert (
        "  harnosand_verksamhetsberattelse_2023.txt published: 1 table (generic), "
        "5 of 5 table-shaped lines placed, 0 rejected"
    ) in printed.splitlines()
    with duckdb.connect(str(output), read_only=True) as db:
        for report in next_reports:
            row = db.execute(
                """select municipality, committee, report_kind, period_start, period_end,
                    metadata_source, load_status from marts.dim_report where report_id = ?""",
                [report.name],
            ).fetchone()
            assert row == (
                report.municipality,
                report.committee,
                report.report_kind,
                report.period_start,
                report.period_end,
                "text",
                "published",
            )
        assert db.execute("select count(*) from marts.dq_source_discrepancies").fetchone() == (0,)


def test_every_cell_of_a_next_report_is_in_the_warehouse_as_printed(green, next_reports) -> None:
    folder, output, _ = green
    with duckdb.connect(str(output), read_only=True) as db:
        for report in next_reports:
            lines = report.text.split("\n")
            read = db.execute(
                """
                select cells.table_title, cells.row_label, cells.column_header,
                    cells.printed_text, cells.value, cells.source_line
                from intermediate.int_table_cells as cells
                inner join intermediate.int_report_tables as tables using (report_id, table_id)
                where cells.report_id = ? and tables.table_family != 'generic'
                order by tables.title_line, cells.row_number, cells.column_number
                """,
                [report.name],
            ).fetchall()
            expected = [
                (table.title, row.label, column, printed)
                for table in report.tables
                for row in table.rows
                for column, printed in zip(table.columns, row.cells, strict=True)
            ]
            assert [(*r[:3], r[3] or "") for r in read] == expected
            for *_, printed, value, line in read:
                assert (printed or "") in lines[line - 1]
                assert value == (parse_number(printed) if printed else None)


def test_a_next_reports_facts_and_indicators(green) -> None:
    _, output, _ = green
    with duckdb.connect(str(output), read_only=True) as db:
        # 004 one year on: `målvärde 95 dgr dec 2026` meets its reviewed entry of 2025
        assert db.execute(
            """select is_reviewed, direction, target_value, is_fulfilled
            from marts.fct_indicator_fulfilment
            where report_id like 'next_gällivare%' and indicator like '%dec 2026'
                and is_assessed_period"""
        ).fetchall() == [(True, "lower_is_better", Decimal(95), False)]
        assert db.execute(
            "select count(*) from marts.dq_unreviewed_indicators where report_id like 'next_%'"
        ).fetchone() == (0,)
        covered = db.execute(
            """select report_id, table_shaped_lines - lines_placed, lines_rejected
            from marts.dq_report_coverage order by report_id"""
        ).fetchall()
    # every table-shaped line placed, but 002's strategic-goal numbers, reviewed for the
    # bundled report only: listed in dq_ingest_rejects
    for report_id, unplaced, rejected in covered:
        assert unplaced == rejected
        assert (rejected > 0) == report_id.startswith("next_härnösand_002"), report_id


def test_other_layouts_land_generic_or_mapped_by_review(green) -> None:
    _, output, _ = green
    with duckdb.connect(str(output), read_only=True) as db:
        # Härnösand's `Resultat per verksamhet, mkr`: mapped into the budget marts by the
        # seeds table_family_map, table_kind_map and column_header_map (no code), in tkr
        rows = db.execute(
            """select row_label, basis, amount_tkr, printed_text, rounding_tkr, source_line
            from marts.fct_budget_outcome
            where report_id = 'harnosand_verksamhetsberattelse_2023'
                and row_label = 'Individ- och familjeomsorg' order by column_number"""
        ).fetchall()
        assert rows == [
            ("Individ- och familjeomsorg", "budget", Decimal(-145200), "-145,2", Decimal(100), 10),
            ("Individ- och familjeomsorg", "actual", Decimal(-151800), "-151,8", Decimal(100), 10),
            (
                "Individ- och familjeomsorg",
                "budget_deviation",
                Decimal(-6600),
                "-6,6",
                Decimal(100),
                10,
            ),
        ]
        # Ale and Vetlanda: the generic cells, with their lines and units
        ale = db.execute(
            """select row_label, column_header, value, unit, is_percent_column, source_line
            from marts.fct_report_table_cells
            where report_id = 'ale_manadsrapport_2024_04' and row_number = 1
            order by column_number"""
        ).fetchall()
        assert ale == [
            ("Individ- och familjeomsorg Netto", "Budget", Decimal(-120500), "tkr", False, 15),
            ("Individ- och familjeomsorg Netto", "Periodutfall", Decimal(-42310), "tkr", False, 15),
            ("Individ- och familjeomsorg Netto", "Utfall_proc", Decimal("35.1"), "tkr", True, 15),
            ("Individ- och familjeomsorg Netto", "Prognos apr", Decimal(-124000), "tkr", False, 15),
            ("Individ- och familjeomsorg Netto", "Avvikelse", Decimal(-3500), "tkr", False, 15),
        ]
        why = db.execute(
            """select distinct table_id, why_generic from marts.fct_report_table_cells
            where report_id = 'vetlanda_arsredovisning_2024' order by 1"""
        ).fetchall()
        assert why[0][0] == "driftredovisning"
        assert why[0][1].startswith("read as a generic table: the budget family")
        assert why[1] == ("nettokostnad_tkr", "a layout no family reads")


@pytest.fixture(scope="module")
def troubled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("troubled") / "reports"
    folder.mkdir()
    lines = (REPORTS / f"{NACKA_2018_T1}.txt").read_text(encoding="utf-8").split("\n")
    # cut off in its economic table after two rows (line 524): no Summa, no later tables
    (folder / "cut_off.txt").write_text("\n".join(lines[:524]), encoding="utf-8")
    # a varav part changed: Netto no longer equals its parts
    text = ALE.read_text(encoding="utf-8").replace(
        "- varav kostnader -150 000 -52 100", "- varav kostnader -151 000 -52 100"
    )
    (folder / "ale_corrupted.txt").write_text(text, encoding="utf-8")
    # a line that cannot be read (a number too many): its row is lost, the Summa breaks
    lines = (REPORTS / f"{NACKA_2020_FEB}.txt").read_text(encoding="utf-8").split("\n")
    lines[238] = "Vuxna 21-64 år 2 901 -12 646 -9 745 3 090 -12 867 -9 778 33 -58 667 -58 667 0 5 "
    (folder / "unreadable_row.txt").write_text("\n".join(lines), encoding="utf-8")
    # an indicator no reviewed entry knows, that says which way is better (line 283)
    lines = (REPORTS / f"{NACKA_2018_T1}.txt").read_text(encoding="utf-8").split("\n")
    lines[282] = " Antal unga som får insats av MiniMaria ska öka 199 232 128 70 T1 "
    # another municipality's: cut_off is Nacka's report of the same period
    text = "\n".join(lines).replace("Nacka", "Vetlanda").replace("NACKA", "VETLANDA")
    (folder / "new_indicator.txt").write_text(text, encoding="utf-8")
    # a column header no reviewed map knows yet (`Differens` for `Avvikelse`)
    text = HARNOSAND.read_text(encoding="utf-8").replace(" Avvikelse \n", " Differens \n")
    (folder / "unmapped_header.txt").write_text(text, encoding="utf-8")
    # no period anywhere
    (folder / "no_period.txt").write_text(
        "Socialnämnden i Nacka \nNacka kommun har många invånare. \n", encoding="utf-8"
    )
    output = folder.parent / "warehouse.duckdb"
    return output, _run(folder, output, expected_exit=2)


def test_a_troubled_folder_publishes_the_others_and_says_why_first(troubled) -> None:
    output, printed = troubled
    lines = printed.splitlines()
    assert lines[0].endswith(": 6 reports, 3 published, 2 quarantined, 1 not loaded")
    assert lines[1].startswith("NOT LOADED no_period.txt: report not loaded: cannot establish")
    # the root cause at the ingest before the rule it broke
    quarantined = lines.index(
        "QUARANTINED unreadable_row.txt: its numbers break rules no reviewed entry explains; "
        "its facts are left out (marts.dq_quarantined_reports)"
    )
    assert lines[quarantined + 1].startswith(
        "  root cause at the ingest: line 239: cannot read 10 cells from this line"
    )
    assert "rows_add_up_to_total" in lines[quarantined + 2]
    assert any(line.startswith("QUARANTINED ale_corrupted.txt") for line in lines)
    assert any(
        line.startswith("WARNING cut_off.txt: truncated: verksamhet_tkr (line 492): no total row")
        for line in lines
    )
    assert any("net_equals_its_varav_parts" in line for line in lines)


def test_a_troubled_folder_in_the_warehouse(troubled) -> None:
    output, _ = troubled
    with duckdb.connect(str(output), read_only=True) as db:
        coverage = dict(
            db.execute("select report_id, load_status from marts.dq_report_coverage").fetchall()
        )
        assert coverage == {
            "cut_off": "published",
            "ale_corrupted": "quarantined",
            "unreadable_row": "quarantined",
            "new_indicator": "published",
            "unmapped_header": "published",
            "no_period": "rejected",
        }
        assert db.execute(
            "select truncated_tables, warning like 'truncated: %' from marts.dq_report_coverage "
            "where report_id = 'cut_off'"
        ).fetchone() == (1, True)
        # no quarantined number reaches a fact
        for fact in ("fct_budget_outcome", "fct_report_table_cells", "fct_indicator_fulfilment"):
            reports = db.execute(f"select distinct report_id from marts.{fact}").fetchall()
            assert {r for (r,) in reports} <= {"cut_off", "new_indicator", "unmapped_header"}, fact
        assert db.execute(
            """select rule, source_line, root_cause like 'line 239: cannot read 10 cells%'
            from marts.dq_quarantined_reports where report_id = 'unreadable_row'
                and rule = 'rows_add_up_to_total' limit 1"""
        ).fetchone() == ("rows_add_up_to_total", 265, True)
        # the unmapped header is listed with the seed and key to add; meanwhile the table's
        # cells are in the generic cells, and none of them in the budget marts
        assert db.execute(
            """select table_id, title_line, mart_family, gap_kind, printed, mapping_key, seed
            from marts.dq_unmapped_tables where report_id = 'unmapped_header'"""
        ).fetchall() == [
            (
                "resultat_per_verksamhet_mkr",
                8,
                "budget",
                "column",
                "Differens",
                "differens",
                "column_header_map",
            )
        ]
        assert db.execute(
            """select count(*), sum(value) from marts.fct_report_table_cells
            where report_id = 'unmapped_header' and column_header = 'Differens'"""
        ).fetchone() == (5, Decimal("-2.2"))
        assert db.execute(
            "select count(*) from marts.fct_budget_outcome where report_id = 'unmapped_header'"
        ).fetchone() == (0,)
        # the new indicator is published with what its wording says, and listed
        assert db.execute(
            """select inferred_unit, inferred_direction, direction_source, has_target,
                suggested_seed_line
            from marts.dq_unreviewed_indicators where report_id = 'new_indicator'"""
        ).fetchall() == [
            (
                None,
                "higher_is_better",
                "wording",
                True,
                '"Antal unga som får insats av MiniMaria ska öka",?,higher_is_better,'
                '"(why: review the printing on line 283)"',
            )
        ]
        # T1 128 against the year's target 70, more is better: fulfilled so far
        assert db.execute(
            """select actual_value, target_value, fulfilment_basis, is_fulfilled
            from marts.fct_indicator_fulfilment
            where report_id = 'new_indicator' and not is_reviewed and is_latest_comparison"""
        ).fetchall() == [(Decimal(128), Decimal(70), "actual_to_date", True)]
        assert db.execute(
            "select period_end from marts.dim_report where report_id = 'new_indicator'"
        ).fetchone() == (date(2018, 4, 30),)


def test_a_budget_row_no_reviewed_entry_knows_is_a_finding_not_a_null(green) -> None:
    _, output, printed = green
    with duckdb.connect(str(output), read_only=True) as db:
        unmapped = db.execute(
            """select report_id, row_label, suggested_seed_line
            from marts.dq_unmapped_activities order by report_id, row_number"""
        ).fetchall()
        # unknown: the rows the generator added (`… ny enhet`), and the units reviewed for
        # one municipality's organisation only (Norrtälje's `Socialkontor`, a subtotal of its
        # departments there) printed in another's report
        with (PROJECT_ROOT / "seeds/reference/activity_map.csv").open(encoding="utf-8") as f:
            local = {r["row_label_key"] for r in csv.DictReader(f) if r["municipality_code"]}
        assert {label.endswith(" ny enhet") for _, label, _ in unmapped} == {True, False}
        assert all(
            label.endswith(" ny enhet") or label.lower() in local for _, label, _ in unmapped
        )
    report_id, label, seed = unmapped[0]
    assert seed.startswith(f'"{label.lower()}",,?,"(evidence: {report_id} line ')
    assert any(
        line.startswith(f"  FINDING {report_id}:")
        and f"budget row {label!r} has no activity" in line
        for line in printed.splitlines()
    )
