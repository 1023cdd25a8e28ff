"""End to end: indicator fulfilment, assessment findings and goal status in the built
warehouse, and builds on corrupted copies of the reports."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from ingest.build import BuildError, build

from .conftest import (
    NACKA_2014_T2,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    REPORTS,
)
from .test_extract import replace_line

D = Decimal


def period_row(db, report_id: str, indicator_start: str, period_end: str) -> dict:
    cursor = db.execute(
        """
        select * from marts.fct_indicator_fulfilment
        where report_id = ? and starts_with(indicator, ?) and measure_period_end = ?
        """,
        [report_id, indicator_start, period_end],
    )
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    assert len(rows) == 1, rows
    return dict(zip(names, rows[0], strict=True))


def test_outcomes_targets_and_forecasts_in_their_periods(warehouse) -> None:
    db = warehouse
    so_far = period_row(db, NORRTALJE_2025_AUG, "Andel manuella och digitalt", "2025-08-31")
    year = period_row(db, NORRTALJE_2025_AUG, "Andel manuella och digitalt", "2025-12-31")
    assert (so_far["actual_value"], so_far["target_value"], so_far["forecast_value"]) == (
        D(19),
        D(65),
        None,
    )
    assert (so_far["fulfilment_basis"], so_far["is_fulfilled"]) == ("actual_to_date", False)
    assert (year["actual_value"], year["forecast_value"], year["target_value"]) == (
        None,
        D(30),
        D(65),
    )
    assert (year["unit"], year["direction"], year["indicator_level"]) == (
        "percent",
        "higher_is_better",
        "Nämnd",
    )
    assert (year["reported_assessment"], year["reported_trend"]) == ("Ej uppfyllt", "Negativ")
    assert (year["is_fulfilled"], year["assessment_agrees"], year["source_line"]) == (
        False,
        True,
        542,
    )
    # 001: T1 2018 outcome against the year's target, 2017 a full year of its own.
    violence = period_row(db, NACKA_2018_T1, "Andel kunder som utsatts för våld", "2018-04-30")
    assert (violence["actual_value"], violence["target_value"], violence["is_fulfilled"]) == (
        D(36),
        D(75),
        False,
    )
    before = period_row(db, NACKA_2018_T1, "Andel kunder som utsatts för våld", "2017-12-31")
    assert (before["actual_value"], before["target_value"]) == (D(54), None)
    # 003: monthly values, no target.
    january = period_row(db, NACKA_2020_FEB, "Personalomsättning", "2020-02-29")
    assert (january["actual_value"], january["unit"], january["is_fulfilled"]) == (
        D("2.4"),
        "percent",
        None,
    )
    # 002: reviewed placements, strict comparators: 2 reviews against `>2` misses.
    reviews = period_row(db, NACKA_2014_T2, "Granskning av ärenden", "2014-08-31")
    assert (reviews["actual_value"], reviews["target_comparator"], reviews["target_value"]) == (
        D(2),
        ">",
        D(2),
    )
    assert (reviews["is_fulfilled"], reviews["placement"]) == (False, "reviewed")
    budget = period_row(db, NACKA_2014_T2, "Avvikelse mot budget", "2014-12-31")
    assert (budget["forecast_value"], budget["is_fulfilled"], budget["unit"]) == (
        D(-35),
        False,
        "mnkr",
    )


def test_every_indicator_target_equals_its_printed_line(warehouse) -> None:
    rows = warehouse.execute(
        """
        select distinct report_id, target_source_line, target_printed, target_value
        from marts.fct_indicator_fulfilment
        where placement = 'spacing' and target_value is not null
        """
    ).fetchall()
    assert len(rows) == 22  # 001 9 targets, 004 13
    for report_id, line, printed, value in rows:
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        assert printed in text
        assert D(printed.replace(" ", "").replace(",", ".")) == value


def test_every_indicator_value_equals_its_printed_line(warehouse) -> None:
    rows = warehouse.execute(
        """
        select report_id, source_line, coalesce(actual_printed, forecast_printed),
            coalesce(actual_value, forecast_value)
        from marts.fct_indicator_fulfilment
        where placement = 'spacing' and coalesce(actual_value, forecast_value) is not null
        """
    ).fetchall()
    assert len(rows) == 92  # outcomes and forecasts: 001 17, 003 31, 004 44
    for report_id, line, printed, value in rows:
        text = (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8").split("\n")[line - 1]
        assert printed in text
        assert D(printed.replace(" ", "").replace(",", ".")) == value


def test_an_analyst_lists_missed_targets_and_disagreements(warehouse) -> None:
    missed = warehouse.execute(
        """
        select report_id, count(*) from marts.fct_indicator_fulfilment
        where is_latest_comparison and not is_fulfilled
        group by report_id order by report_id
        """
    ).fetchall()
    assert missed == [(NACKA_2018_T1, 4), (NACKA_2014_T2, 3), (NORRTALJE_2025_AUG, 6)]
    assessed = warehouse.execute(
        """
        select reported_assessment, count(*), count(*) filter (where assessment_agrees)
        from marts.fct_indicator_fulfilment
        where is_assessed_period and report_id = ?
        group by reported_assessment order by reported_assessment
        """,
        [NORRTALJE_2025_AUG],
    ).fetchall()
    assert assessed == [("Ej uppfyllt", 6, 6), ("Inget värde angivet", 6, 0), ("Uppfyllt", 5, 5)]
    # The real reports' assessments all follow from their numbers.
    assert warehouse.execute("select count(*) from marts.dq_indicator_assessments").fetchone() == (
        0,
    )


def test_goal_status_mart(warehouse) -> None:
    kinds = warehouse.execute(
        """
        select report_id, item_kind, count(*) from marts.fct_goal_status
        group by all order by all
        """
    ).fetchall()
    assert kinds == [
        (NACKA_2020_FEB, "action", 11),
        (NORRTALJE_2025_AUG, "assignment", 3),
        (NORRTALJE_2025_AUG, "committee_initiative", 8),
        (NORRTALJE_2025_AUG, "goal_area", 11),
        (NORRTALJE_2025_AUG, "operational_goal", 3),
    ]
    # Goal areas meet their indicators on the goal number.
    joined = warehouse.execute(
        """
        select goals.goal_code, goals.reported_assessment, count(*)
        from marts.fct_goal_status as goals
        inner join marts.fct_indicator_fulfilment as indicators
            on goals.report_id = indicators.report_id
            and goals.goal_code = split_part(indicators.goal_area, '. ', 1)
        where goals.item_kind = 'goal_area' and indicators.is_assessed_period
        group by all order by all
        """
    ).fetchall()
    assert joined == [
        ("1.1", "Uppfyllt", 2),
        ("1.2", "Uppfyllt", 4),
        ("3.2", "Uppfyllt", 6),
        ("7.1", "Uppfyllt", 1),
        ("7.3", "Ej uppfyllt", 4),
    ]


def test_contradicted_assessments_and_unplaceable_lines_are_listed_not_failed(
    reports_copy: Path, tmp_path: Path
) -> None:
    # 004 line 565: forecast 385 → 200 meets the target 215 (fewer is better), but the report
    # still says Ej uppfyllt. 004 line 472: seven numbers for six columns, no single reading.
    report = reports_copy / f"{NORRTALJE_2025_AUG}.txt"
    replace_line(report, 565, "301 302 257 309 215 200 Ej uppfyllt Negativ ")
    replace_line(report, 472, "578 534 448 399 480 450 12 Uppfyllt Negativ ")
    output = tmp_path / "warehouse.duckdb"
    summary = build(reports_copy, output)
    assert len(summary.outcome.findings) == 1
    assert summary.outcome.findings[0].startswith(f"{NORRTALJE_2025_AUG}:565 'Inriktat stöd")
    with duckdb.connect(str(output), read_only=True) as db:
        finding = db.execute(
            "select finding, reported_assessment, is_fulfilled from marts.dq_indicator_assessments"
        ).fetchall()
        rejects = db.execute(
            "select source_line, table_id, row_label, reason from marts.dq_ingest_rejects"
        ).fetchall()
        lost = db.execute(
            "select count(*) from marts.fct_indicator_fulfilment where source_line = 472"
        ).fetchone()
    assert finding == [("assessment_contradicts_numbers", "Ej uppfyllt", True)]
    assert rejects == [
        (
            472,
            "indikator_kf_2",
            "Vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd.",
            "5 readings of '578 534 448 399 480 450 12' as 6 columns",
        )
    ]
    assert lost == (0,)


def test_corrupted_indicator_values_and_statuses_fail_a_strict_build(
    reports_copy: Path, tmp_path: Path
) -> None:
    # 004 line 853: a share of 180 %; 001 line 141: the outcome the text restates as 36 %;
    # 004 line 695: an initiative moved off plan, against the summary table (line 283).
    replace_line(
        reports_copy / f"{NORRTALJE_2025_AUG}.txt",
        853,
        "100,0% 100,0% 100,0% 180,0% 100,0% 100,0% Uppfyllt Oförändrad ",
    )
    replace_line(reports_copy / f"{NACKA_2018_T1}.txt", 141, "- 54 % 38 % 75 % T1 ")
    # 003 line 398: 12 placements over 6 months of 25 is no longer the printed 40 %.
    replace_line(reports_copy / f"{NACKA_2020_FEB}.txt", 398, "  12 ")
    replace_line(
        reports_copy / f"{NORRTALJE_2025_AUG}.txt", 695, "Avvikelse från plan 2025-10-02 Slutförd "
    )
    output = tmp_path / "warehouse.duckdb"
    output.write_bytes(b"last good warehouse")
    with pytest.raises(BuildError) as failure:
        build(reports_copy, output, strict=True)
    message = str(failure.value)
    assert (
        f"report {NORRTALJE_2025_AUG}, indicator 'Öka antal utbildade handläggare i verktyg för "
        "att öka tryggheten i hemmet i samband med handläggning.' (line 853): share_within_0_100"
    ) in message
    assert (
        f"report {NACKA_2018_T1}, indicator 'Andel kunder som utsatts för våld i nära relation "
        "och som lever ett liv utan våld efter avslutad insats.' (line 163): text_restates_value: "
        "text 36.0000, table 38.0000"
    ) in message
    assert (
        f"report {NACKA_2020_FEB}, indicator 'Andel av pågående placeringar i jourhem som pågått "
        "mer än 6 mån' (line 402): share_equals_part_over_whole: printed 40.0000, "
        "12.0000 / 25.0000 = 48.0"
    ) in message
    assert "status_items_match_summary" in message
    assert "assignment_kind=Nämndinitiativ, status=Slutförd, measure=on_plan" in message
    assert output.read_bytes() == b"last good warehouse"


def test_every_reviewed_002_value_lands_in_its_role_and_period(warehouse) -> None:
    with (REPORTS.parent / "seeds" / "reference" / "indicator_curated_values.csv").open(
        encoding="utf-8"
    ) as handle:
        entries = list(csv.DictReader(handle))
    assert len(entries) == 28
    printed_column = {
        "actual": "actual_printed",
        "forecast": "forecast_printed",
        "target": "target_printed",
    }
    for entry in entries:
        role = entry["value_role"]
        source = "target_source_line" if role == "target" else "source_line"
        found = warehouse.execute(
            f"""
            select count(*) from marts.fct_indicator_fulfilment
            where report_id = ? and table_id = ? and row_number = ?
                and measure_period_end = ? and {printed_column[role]} = ? and {source} = ?
            """,
            [
                entry["report_id"],
                entry["table_id"],
                int(entry["row_number"]),
                entry["period_end"],
                entry["printed_text"],
                int(entry["source_line"]),
            ],
        ).fetchone()
        assert found == (1,), entry


def test_indicator_dimension(warehouse) -> None:
    assert warehouse.execute("select count(*) from marts.dim_indicator").fetchone() == (63,)
    assert warehouse.execute(
        """
        select unit, direction, report_count, first_period_start, last_period_end
        from marts.dim_indicator where indicator = 'Personalomsättning'
        """
    ).fetchone() == ("percent", "lower_is_better", 2, date(2014, 1, 1), date(2020, 2, 29))
