"""The dashboard at scale and when it fails: many reports draw the most recent ones and
say so; a dashboard that cannot be drawn never fails the build nor leaves an old page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ingest import build as build_module
from ingest.cli import main
from ingest.publish.dashboard import CHARTS, MAX_PANELS, chart_frames, render

from .conftest import NACKA_2020_FEB, REPORTS


def many_reports(count: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "report": [f"Kommun {n} 2025-08" for n in range(count) for _ in range(2)],
            "recency": [date(2000 + n % 25, 1 + n % 12, 1) for n in range(count) for _ in range(2)],
            "category": ["Barn och unga", "Vuxna"] * count,
            "measure": ["actual period"] * (2 * count),
            "value": [float(n) for n in range(2 * count)],
        }
    )


def test_a_thousand_reports_draw_the_most_recent_and_say_so() -> None:
    frame = many_reports(1000)
    frames = {chart.key: frame for chart in CHARTS}
    frames["budget_outcome"] = frame.rename(columns={"category": "activity", "value": "amount_tkr"})
    page = render(frames, "2026-12-07 03:15")
    assert page.count(f"showing the {MAX_PANELS} most recent of 1000 reports") == len(CHARTS)
    assert page.count("Plotly.newPlot") == len(CHARTS)


def test_a_dashboard_that_cannot_be_drawn_does_not_fail_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def broken(database: Path, target: Path) -> Path:
        raise ValueError("no room for the panels")

    monkeypatch.setattr(build_module, "write_dashboard", broken)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / f"{NACKA_2020_FEB}.txt").write_bytes((REPORTS / f"{NACKA_2020_FEB}.txt").read_bytes())
    output = tmp_path / "warehouse.duckdb"
    (tmp_path / "warehouse-dashboard.html").write_text("yesterday's charts", encoding="utf-8")
    assert main(["build", "--quiet", "--reports", str(folder), "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert (
        "  WARNING dashboard not drawn (ValueError: no room for the panels); the marts are whole"
        in printed.splitlines()
    )
    page = (tmp_path / "warehouse-dashboard.html").read_text(encoding="utf-8")
    assert "The dashboard could not be drawn" in page and "yesterday" not in page


def test_every_chart_is_drawn_from_rows_of_the_marts(warehouse_path: Path) -> None:
    frames = chart_frames(warehouse_path)
    assert {key: len(frame) > 0 for key, frame in frames.items()} == {
        chart.key: True for chart in CHARTS
    }
    # 004 line 1794: 6 562 kr per day in institutions for children and youth, actual
    cost = frames["cost_per_day"]
    actual = cost[
        (cost["measure"] == "actual period") & cost["category"].str.startswith("Instituts")
    ]
    assert list(actual["value"]) == [6562]
