"""End to end: build the warehouse into temporary folders and query its marts."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from ingest.build import BuildError, build
from ingest.cli import main
from ingest.numbers import parse_number
from ingest.run.record import run_records

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    REPORTS,
)
from .test_extract import replace_line


def amount(db, report_id: str, row_label: str, flow: str, basis: str, scope: str) -> Decimal:
    (value,) = db.execute(
        """
        select amount_tkr from marts.fct_budget_outcome
        where report_id = ? and row_label = ? and flow = ? and basis = ? and scope = ?
        """,
        [report_id, row_label, flow, basis, scope],
    ).fetchone()
    return value


def test_issue_examples_land_on_their_measures(warehouse) -> None:
    db = warehouse
    assert amount(db, NACKA_2018_T1, "Barn och unga", "net", "actual", "period") == -40604
    assert amount(db, NACKA_2018_T1, "Barn och unga", "net", "budget_deviation", "period") == -4191
    assert amount(db, NACKA_2018_T1, "Barn och unga", "net", "forecast", "full_year") == -119081
    assert (
        amount(db, NACKA_2017_T1, "Barn och unga", "net", "forecast_deviation", "full_year")
        == -1175
    )
    assert (
        amount(db, NACKA_2014_T2, "IFO/Barn & Ungdom", "revenue", "forecast", "full_year") == 4300
    )
    assert amount(db, NORRTALJE_2025_AUG, "Intäkter", "revenue", "budget", "period") == 31324
    assert (
        amount(db, NORRTALJE_2025_AUG, "Intäkter", "revenue", "prior_year_actual", "period")
        == 31529
    )
    assert amount(db, NORRTALJE_2025_AUG, "Socialkontor", "net", "forecast", "full_year") == -367842


def test_every_cell_of_every_table_equals_its_printed_line(warehouse) -> None:
    rows = warehouse.execute(
        "select report_id, source_line, printed_text, amount_tkr from marts.fct_budget_outcome"
    ).fetchall()
    assert len(rows) == 329  # 44 rows: 9x8 + 7x8 + 8x5 + 7x10 + 4x7 + 9x7 cells
    for report_id, line, printed, value in rows:
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        if printed is None:
            assert value is None
            continue
        assert printed in text
        assert value == parse_number(printed)


def test_every_cell_of_every_table_family_equals_its_printed_line(warehouse) -> None:
    rows = warehouse.execute(
        """
        select table_family, report_id, source_line, printed_text, value
        from intermediate.int_table_cells where not is_empty
        """
    ).fetchall()
    families = {row[0] for row in rows}
    assert len(families) == 13  # 12 families and the generic reader (004 line 1545)
    for _, report_id, line, printed, value in rows:
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        assert printed in text
        assert value == parse_number(printed)


def test_marts_schema_and_dimensions(warehouse) -> None:
    tables = {
        name
        for (name,) in warehouse.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    }
    assert {"fct_budget_outcome", "dim_report", "dim_municipality"} <= tables
    assert warehouse.execute("select count(*) from marts.dim_municipality").fetchone() == (290,)
    report = warehouse.execute(
        """
        select municipality, municipality_code, committee, report_kind, period_start, period_end
        from marts.dim_report where report_id = ?
        """,
        [NORRTALJE_2025_AUG],
    ).fetchone()
    assert [str(v) for v in report] == [
        "Norrtälje",
        "0188",
        "Socialnämnden",
        "interim_report",
        "2025-01-01",
        "2025-08-31",
    ]


def test_discrepancy_model_lists_the_real_source_errors(warehouse) -> None:
    rows = warehouse.execute(
        """
        select report_id, row_label, rule, expected_value, printed_value, is_known
        from marts.dq_source_discrepancies where table_family = 'budget'
        order by source_line, rule, column_number
        """
    ).fetchall()
    assert len(rows) == 8
    assert all(row[0] == NACKA_2017_T1 and row[5] for row in rows)
    assert (
        NACKA_2017_T1,
        "Nämnd och nämndstöd",
        "net_equals_revenue_plus_cost",
        -511,
        -490,
        True,
    ) in rows


def test_cost_per_placement_day_joins_days_and_price(warehouse) -> None:
    rows = warehouse.execute(
        """
        select care_category, basis, scope, placement_days, cost_per_day_sek, cost_tkr,
            days_source_line, price_source_line
        from marts.fct_cost_per_placement_day
        where report_id = ? and care_category_key = ?
        order by basis, scope
        """,
        [NORRTALJE_2025_AUG, "institution_children_youth"],
    ).fetchall()
    assert [r[1:6] for r in rows] == [
        ("actual", "period", 6994, 6562, Decimal("45894.628")),
        ("budget", "full_year", 10089, 5885, Decimal("59373.765")),
        ("budget", "period", 6726, 5885, Decimal("39582.510")),
        ("forecast", "full_year", 9806, 6562, Decimal("64346.972")),
        ("prior_year_actual", "full_year", 10097, 5866, Decimal("59229.002")),
    ]
    assert {(r[0], r[6], r[7]) for r in rows} == {
        ("Institutsplaceringar barn och unga", 1704, 1794)
    }


def test_differently_named_categories_meet_on_one_key(warehouse) -> None:
    (row,) = warehouse.execute(
        """
        select care_category, placement_days, cost_per_day_sek, target_group
        from marts.fct_cost_per_placement_day
        where care_category_key = 'protected_housing_adults' and basis = 'actual'
        """
    ).fetchall()
    assert row == ("Skyddade boenden", 1609, 3764, "adults")
    unmatched = warehouse.execute(
        """
        select count(*) from marts.fct_cost_per_placement_day
        where not is_total and (placement_days is null or cost_per_day_sek is null)
        """
    ).fetchone()
    assert unmatched == (0,)


def test_every_placement_cell_equals_its_printed_line(warehouse) -> None:
    rows = warehouse.execute(
        """
        select distinct report_id, table_id, row_number, column_number, source_line,
            printed_text, value
        from marts.fct_placement_measures
        """
    ).fetchall()
    assert len(rows) == 11 * 7 + 10 * 6
    for report_id, _, _, _, line, printed, value in rows:
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        assert printed in text
        assert value == parse_number(printed)


def test_placement_discrepancies_are_the_known_source_errors(warehouse) -> None:
    rows = warehouse.execute(
        """select row_label, rule, printed_value, is_known from marts.dq_source_discrepancies
        where table_family like 'placement_%'"""
    ).fetchall()
    assert sorted(rows) == [
        ("Externt stödboende, vuxna", "deviation_equals_actual_minus_budget", -336, True),
        ("Institutionsplaceringar, vuxna", "deviation_equals_actual_minus_budget", -1358, True),
        ("Totalt", "deviation_equals_budget_minus_forecast", -20421, True),
        ("Totalt", "rows_add_up_to_total", 109669, True),
    ]


def test_smaller_tables_land_in_their_marts(warehouse) -> None:
    db = warehouse

    def one(sql: str, *params):
        return db.execute(sql, list(params)).fetchall()

    assert one(
        """select value, reference_period_start, reference_period_end, source_line
        from marts.fct_personal_assistance
        where measure = 'persons' and year = 2016 and tertial = 1"""
    ) == [(Decimal("36.0"), date(2016, 1, 1), date(2016, 4, 30), 449)]
    assert one("select amount_sek from marts.fct_state_grants where row_role = 'total'") == [
        (7405664,)
    ]
    assert one(
        """select amount_tkr from marts.fct_investments
        where project = 'Summa' and basis = 'forecast' and scope = 'year'"""
    ) == [(-4696,)]
    assert one(
        """select assignment_kind, status, assignment_count from marts.fct_assignment_counts
        where measure = 'deviating_from_plan' order by row_number"""
    ) == [("Nämndinitiativ", "Påbörjad", 2), ("Nämndinitiativ", "Slutförd", 1), (None, None, 3)]
    assert one(
        """select turnover_pct, printed_months, reference_period_start, reference_period_end
        from marts.fct_staff_turnover where year = 2025 and turnover_kind = 'external'"""
    ) == [(Decimal("5.59"), "januari-april", date(2025, 1, 1), date(2025, 8, 31))]
    assert one(
        """select value, period_kind, reference_period_start from marts.fct_case_statistics
        where statistic = 'Antal inkomna aktualiseringar' order by reference_period_start"""
    ) == [
        (3310, "year", date(2018, 1, 1)),
        (3453, "year", date(2019, 1, 1)),
        (356, "month", date(2020, 1, 1)),
    ]
    assert one(
        """select placements, is_preliminary, reference_period_end
        from marts.fct_child_placement_counts
        where placement_type = 'Antal pågående heldygnsplaceringar' and not is_monthly_average
        order by reference_period_start"""
    ) == [(114, False, date(2020, 1, 31)), (113, True, date(2020, 2, 29))]


def test_smaller_tables_discrepancies_are_the_known_source_errors(warehouse) -> None:
    rows = warehouse.execute(
        """select row_label, rule, printed_value, is_known from marts.dq_source_discrepancies
        where table_family not like 'placement_%' and table_family <> 'budget'"""
    ).fetchall()
    assert sorted(rows) == [
        ("Summa", "deviation_equals_forecast_minus_budget", 0, True),
        ("Summa", "rows_add_up_to_total", -4696, True),
        ("Total Summa", "rows_add_up_to_total", 0, True),
        ("Total Summa", "total_equals_on_plan_plus_deviating", 0, True),
    ]


def test_corrupted_numbers_in_the_smaller_tables_fail_a_strict_build(
    reports_copy: Path, tmp_path: Path
) -> None:
    corruptions = [
        # (report, line, corrupted text, table, row named in the failure)
        (
            NACKA_2018_T1,
            79,
            "Statsbidrag 2018 för att stärka insatserna för barn och unga "
            "med psykisk ohälsa 294 411 kr ",
            "statsbidrag_2018",
            "Summa",
        ),
        (
            NACKA_2018_T1,
            449,
            "År 2016 38,0 40,8 41,8 ",
            "beviljade_timmar_per_manad_och_person_genomsnitt_per_tertial",
            "År 2016",
        ),
        (
            NORRTALJE_2025_AUG,
            1512,
            "Införa digital personakt -641 -614 0 -1 000 -1 000 0 ",
            "investeringar_arets",
            "Införa digital personakt",
        ),
        (
            NORRTALJE_2025_AUG,
            281,
            "Nämndinitiativ Påbörjad 4 2 7 ",
            "uppdrag_namndsinitiativ_status",
            "Nämndinitiativ Påbörjad",
        ),
        (
            NORRTALJE_2025_AUG,
            1794,
            "6 652 5 885 677 6 562 677 5 866 ",
            "kostnad_per_dygn_dagar",
            "Institutsplaceringar barn och unga",
        ),
        (
            NORRTALJE_2025_AUG,
            1881,
            "2025 5,95 % 1,02 % ",
            "personalomsattning_januari_april_extern",
            "2025",
        ),
        (
            NACKA_2020_FEB,
            110,
            "Antal inledda utredningar 393  955 1 118 ",
            "barn_och_unga_0_20_ar_jan",
            "Antal inledda utredningar",
        ),
        (
            NACKA_2020_FEB,
            131,
            "varav pågående institutionsplaceringar 25 125 17 12 ",
            "jan_prel_feb_genomsnitt",
            "varav pågående institutionsplaceringar",
        ),
    ]
    for report_id, line, text, _, _ in corruptions:
        replace_line(reports_copy / f"{report_id}.txt", line, text)
    with pytest.raises(BuildError) as failure:
        build(reports_copy, tmp_path / "warehouse.duckdb", strict=True)
    message = str(failure.value)
    for report_id, _, _, table_id, row_label in corruptions:
        assert f"report {report_id}, table {table_id}, row {row_label!r}" in message


def test_sick_leave_from_tables_and_prose(warehouse) -> None:
    rows = warehouse.execute(
        """
        select org_unit, org_unit_code, gender, absence_kind, reference_period_start,
            reference_period_end, sick_leave_pct, source_line
        from marts.fct_sick_leave
        where (org_unit_code = '21210' and absence_kind = 'total')
            or (org_unit = 'MH STJ Barn o Ungdom IFO' and gender = 'M' and absence_kind = 'short')
            or (org_unit = 'Barn och unga: socialsekreterare')
        order by reference_period_start, org_unit
        """
    ).fetchall()
    assert rows == [
        (
            "MH STJ Barn o Ungdom IFO",
            None,
            "M",
            "short",
            date(2017, 1, 1),
            date(2017, 4, 30),
            Decimal("4.61"),
            612,
        ),
        (
            "MH STJ IFO BoU Mottagning",
            "21210",
            "T",
            "total",
            date(2017, 1, 1),
            date(2017, 4, 30),
            Decimal("8.78"),
            544,
        ),
        (
            "Barn och unga: socialsekreterare",
            None,
            "T",
            "total",
            date(2024, 1, 1),
            date(2024, 8, 31),
            Decimal("12.4"),
            1860,
        ),
        (
            "Barn och unga: socialsekreterare",
            None,
            "T",
            "total",
            date(2025, 1, 1),
            date(2025, 8, 31),
            Decimal("7.2"),
            1860,
        ),
    ]


def test_corrupted_sick_leave_figures_fail_a_strict_build(
    reports_copy: Path, tmp_path: Path
) -> None:
    # 000 line 552: long 7,43 → 7,34 breaks short + long = total and the long-term share;
    # 001 line 612: the total 2,84 → 5,84 is no longer between women (2,66) and men (4,61).
    replace_line(reports_copy / f"{NACKA_2017_T1}.txt", 552, "11,44 4,01 7,34 64,94 ")
    replace_line(reports_copy / f"{NACKA_2018_T1}.txt", 612, "5,84 2,66 4,61 2,22 2,44 0,00 ")
    with pytest.raises(BuildError) as failure:
        build(reports_copy, tmp_path / "warehouse.duckdb", strict=True)
    message = str(failure.value)
    assert (
        f"report {NACKA_2017_T1}, table ansvar_benamning, row "
        "'21220 MH STJ IFO BoU Uppf öppenvård' (line 552)"
    ) in message
    assert "short_plus_long_equals_total" in message
    assert (
        f"report {NACKA_2018_T1}, table tertial_1_2017, row 'MH STJ Barn o Ungdom IFO'" in message
    )


CORRUPTIONS = [
    # (report, line, corrupted text, the row a rule names, the line of that row)
    # Barn och unga, net actual -40 604 → -40 614 (breaks net, deviation and the total).
    (
        NACKA_2018_T1,
        521,
        "Barn och unga 1 906 -42 510 -40 614 -36 413 -4 191 -109 238 -119 081 -9 843 ",
        "Barn och unga",
        521,
    ),
    # Avd f barn & vuxna, prior-year actual -57 156 → -57 165: only its subtotal sees it.
    (
        NORRTALJE_2025_AUG,
        1487,
        "Avd f barn & vuxna -55 649 -61 051 -5 402 -57 165 -83 696 -93 267 -9 571 ",
        "Socialkontor",
        1491,
    ),
    # Stödboende unga, placement days -718 → -781: breaks budget - actual (volume table).
    (
        NORRTALJE_2025_AUG,
        1710,
        "Stödboende unga 2 539 1 821 -781 2 731 3 902 -1 171 3 315 ",
        "Stödboende unga",
        1710,
    ),
]


def test_a_corrupted_number_quarantines_its_report_and_the_others_publish(
    reports_copy: Path, tmp_path: Path, capsys
) -> None:
    for report_id, line, text, _, _ in CORRUPTIONS:
        replace_line(reports_copy / f"{report_id}.txt", line, text)
    output = tmp_path / "warehouse.duckdb"
    assert main(["build", "--reports", str(reports_copy), "--output", str(output)]) == 2
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith("5 reports, 3 published, 2 quarantined, 0 not loaded")
    assert printed[1].startswith(f"QUARANTINED {NACKA_2018_T1}.txt")
    with duckdb.connect(str(output), read_only=True) as db:
        breaches = db.execute(
            "select report_id, source_line, detail from marts.dq_quarantined_reports"
        ).fetchall()
        for report_id, _, _, row_label, row_line in CORRUPTIONS:
            assert any(
                b[0] == report_id and b[1] == row_line and f"row '{row_label}'" in b[2]
                for b in breaches
            ), (report_id, row_label)
        # No quarantined number reaches a fact; the other reports' facts are all there.
        for fact in ("fct_budget_outcome", "fct_indicator_fulfilment", "fct_goal_status"):
            reports = {
                r for (r,) in db.execute(f"select distinct report_id from marts.{fact}").fetchall()
            }
            assert not reports & {NACKA_2018_T1, NORRTALJE_2025_AUG}, fact
        assert db.execute(
            "select count(*) from marts.fct_budget_outcome where report_id = ?", [NACKA_2017_T1]
        ).fetchone() == (72,)
        status = dict(db.execute("select report_id, load_status from marts.dim_report").fetchall())
        assert status[NACKA_2018_T1] == status[NORRTALJE_2025_AUG] == "quarantined"
        assert status[NACKA_2014_T2] == "published"


def test_a_corrupted_number_fails_a_strict_build_and_keeps_the_last_warehouse(
    reports_copy: Path, tmp_path: Path, capsys
) -> None:
    for report_id, line, text, _, _ in CORRUPTIONS:
        replace_line(reports_copy / f"{report_id}.txt", line, text)
    output = tmp_path / "warehouse.duckdb"
    output.write_bytes(b"last good warehouse")
    assert main(["build", "--strict", "--reports", str(reports_copy), "--output", str(output)]) == 1
    printed = capsys.readouterr().out
    first, *message = printed.splitlines()
    assert first == f"BUILD FAILED ({output} left as it was)"
    for report_id, _, _, row_label, _ in CORRUPTIONS:
        assert f"report {report_id}, table " in printed
        assert f"row {row_label!r}" in printed
    assert output.read_bytes() == b"last good warehouse"
    assert list(tmp_path.glob("warehouse.duckdb.build-*")) == []
    # the failed night's run record and dbt log say the same
    (path,) = run_records(output)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["exit_code"] == 1
    assert record["first_lines"] == [first, *message][:40]
    assert "published" not in record
    assert "Failure in test" in Path(record["dbt_log"]).read_text(encoding="utf-8")


def test_cli_builds_another_reports_folder_to_another_path(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "my_reports"
    folder.mkdir()
    source = REPORTS / f"{NORRTALJE_2025_AUG}.txt"
    (folder / source.name).write_bytes(source.read_bytes())
    output = tmp_path / "out" / "mine.duckdb"
    output.parent.mkdir()
    assert main(["build", "--reports", str(folder), "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert ": 1 reports, 1 published, 0 quarantined, 0 not loaded" in printed
    assert f"{NORRTALJE_2025_AUG}.txt published: 8 tables" in printed
    assert "WARNING" not in printed
    count = "select count(distinct report_id) from marts.fct_budget_outcome"
    with duckdb.connect(str(output), read_only=True) as reader:
        assert reader.execute(count).fetchone() == (1,)
        # A BI tool holding the published file open does not block the next build.
        source = REPORTS / f"{NACKA_2014_T2}.txt"
        (folder / source.name).write_bytes(source.read_bytes())
        assert main(["build", "--reports", str(folder), "--output", str(output)]) == 0
        assert reader.execute(count).fetchone() == (1,)
    with duckdb.connect(str(output), read_only=True) as reopened:
        assert reopened.execute(count).fetchone() == (2,)


def test_nothing_is_published_when_no_report_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "empty_report.txt").write_text("Ingen tabell här.\n", encoding="utf-8")
    output = tmp_path / "warehouse.duckdb"
    output.write_bytes(b"last good warehouse")
    with pytest.raises(
        BuildError, match=r"empty_report\.txt: report not loaded: cannot establish its municipality"
    ):
        build(folder, output)
    assert output.read_bytes() == b"last good warehouse"
