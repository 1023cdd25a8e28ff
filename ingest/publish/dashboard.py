"""The dashboard the build writes beside the warehouse: one static HTML file, offline (plotly's
JavaScript inlined once, no CDN), every chart drawn from a mart and saying which one and
with what filter, so a reader can run the same query.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

DASHBOARD_SUFFIX = "-dashboard.html"
MAX_PANELS = 8  # reports drawn side by side: the most recent
MAX_CATEGORIES = 40  # bars of one panel: the largest


@dataclass(frozen=True)
class Chart:
    key: str  # the element id
    title: str
    mart: str
    filter: str
    query: str
    draw: str  # the name of the function in DRAWERS that makes the figure
    value_label: str  # the value axis' title


def placement_chart(key: str, title: str, column: str, value_label: str) -> Chart:
    """A measure of fct_cost_per_placement_day per care category, basis and scope."""
    return Chart(
        key,
        f"{title} per care category and basis ({value_label})",
        "marts.fct_cost_per_placement_day",
        f"not is_total; {column} by care_category, basis and scope",
        f"""
        select municipality || ' ' || strftime(period_end, '%Y-%m') as report,
            period_end as recency,
            care_category as category, basis || ' ' || replace(scope, '_', ' ') as measure,
            {column} as value
        from marts.fct_cost_per_placement_day
        where not is_total and {column} is not null
        order by report, care_category_key, measure
        """,
        "category_bars",
        value_label,
    )


CHARTS = (
    Chart(
        "budget_outcome",
        "Net outcome against budget and forecast, per activity and report (tkr)",
        "marts.fct_budget_outcome join marts.dim_activity",
        "flow = 'net' and row_role = 'line' and not is_varav and activity_key <> 'total', "
        "summed per report, activity, basis and scope; amount_tkr_consistent",
        """
        select dim_report.municipality || ' ' || strftime(outcome.period_end, '%Y-%m')
                || ' (' || outcome.report_id || ')' as report,
            outcome.period_end as recency,
            activity.activity, activity.sort_order,
            outcome.basis || ' ' || replace(outcome.scope, '_', ' ') as measure,
            sum(outcome.amount_tkr_consistent) as amount_tkr
        from marts.fct_budget_outcome as outcome
        inner join marts.dim_activity as activity using (activity_key)
        inner join marts.dim_report using (report_id)
        where outcome.flow = 'net' and outcome.row_role = 'line' and not outcome.is_varav
            and outcome.activity_key <> 'total'
            and outcome.basis in ('actual', 'budget', 'forecast')
            and outcome.amount_tkr_consistent is not null
        group by all
        order by report, activity.sort_order, measure
        """,
        "grouped_bars_by_report",
        "net tkr (costs negative)",
    ),
    placement_chart("cost_per_day", "Cost per placement day", "cost_per_day_sek", "kr per day"),
    placement_chart("placement_days", "Placement days", "placement_days", "days"),
    Chart(
        "sick_leave",
        "Sick leave by unit, gender and period (% of scheduled working time)",
        "marts.fct_sick_leave",
        "sick_leave_pct is not null (total, short and long; the long-term share is a "
        "separate measure), per org_unit_key, gender and reference period",
        """
        select municipality || ' ' || strftime(reference_period_start, '%Y-%m') || '..'
                || strftime(reference_period_end, '%Y-%m') || ' (' || report_id || ')' as report,
            reference_period_end as recency,
            coalesce(org_unit_code || ' ', '') || org_unit as category,
            absence_kind || ' ' || gender as measure,
            sick_leave_pct as value
        from marts.fct_sick_leave
        where sick_leave_pct is not null
        order by report, org_unit_key, measure
        """,
        "category_bars",
        "% of working time",
    ),
    Chart(
        "indicator_fulfilment",
        "Indicators that met and missed their target, per report and goal area",
        "marts.fct_indicator_fulfilment, marts.dq_indicator_assessments",
        "is_latest_comparison; red: the report's own assessment contradicts the numbers "
        "(dq_indicator_assessments)",
        """
        with latest as (
            select fulfilment.report_id, fulfilment.municipality, fulfilment.goal_area,
                max(fulfilment.measure_period_end) over (partition by fulfilment.report_id)
                    as recency,
                fulfilment.indicator, fulfilment.is_fulfilled,
                assessments.finding is not null as contradicted
            from marts.fct_indicator_fulfilment as fulfilment
            left join marts.dq_indicator_assessments as assessments
                on fulfilment.report_id = assessments.report_id
                and fulfilment.indicator = assessments.indicator
            where fulfilment.is_latest_comparison
        )
        select municipality || ' (' || report_id || ')' as report,
            recency,
            coalesce(left(goal_area, 40), '(no goal area)') as category,
            case when contradicted then 'assessment contradicts the numbers'
                when is_fulfilled then 'met its target' else 'missed its target' end
                as measure,
            count(*) as value
        from latest
        group by all
        order by report, category, measure
        """,
        "stacked_counts",
        "indicators",
    ),
    Chart(
        "coverage",
        "Table-shaped lines placed and rejected, per report",
        "marts.dq_report_coverage",
        "every report file; load_status in the label",
        """
        select file_name || ' (' || load_status || ')' as category, 'all' as report,
            cast(null as date) as recency, measure, value
        from marts.dq_report_coverage
        unpivot (value for measure in (lines_placed, lines_rejected))
        order by category, measure
        """,
        "stacked_counts",
        "lines",
    ),
    Chart(
        "discrepancies",
        "Where the reports contradict their own arithmetic",
        "marts.dq_source_discrepancies",
        "every broken rule, per report and rule; known = reviewed in "
        "known_source_discrepancies, the others quarantine their report",
        """
        select report_id as category, 'all' as report, cast(null as date) as recency,
            rule || case when is_known then ' (known)' else ' (unreviewed)' end as measure,
            count(*) as value
        from marts.dq_source_discrepancies
        group by all
        order by category, measure
        """,
        "stacked_counts",
        "broken rules",
    ),
)


def grouped_bars_by_report(frame: pd.DataFrame):  # noqa: ANN201 - a plotly Figure
    import plotly.express as px

    figure = px.bar(
        frame,
        x="activity",
        y="amount_tkr",
        color="measure",
        barmode="group",
        facet_col="report",
        facet_col_wrap=2,
        height=320 * ((frame["report"].nunique() + 1) // 2),
    )
    figure.update_xaxes(matches=None, showticklabels=True, title=None)
    return figure


def _spacing(frame: pd.DataFrame) -> float:
    """Room between panels: plotly allows at most 1 / (panels - 1)."""
    panels = frame["report"].nunique()
    return 0.12 if panels < 2 else min(0.12, 0.5 / (panels - 1))


MEASURE_COLORS = {
    "assessment contradicts the numbers": "#d62728",
    "met its target": "#2ca02c",
    "missed its target": "#ff7f0e",
    "lines_placed": "#2ca02c",
    "lines_rejected": "#d62728",
}


def bars_per_report(frame: pd.DataFrame, barmode: str):  # noqa: ANN201 - a plotly Figure
    """One panel per report, each with its own categories (units differ between reports)."""
    import plotly.express as px

    figure = px.bar(
        frame,
        x="category",
        y="value",
        color="measure",
        barmode=barmode,
        facet_col="report",
        facet_col_wrap=1,
        facet_row_spacing=_spacing(frame),
        color_discrete_map=MEASURE_COLORS,
    )
    figure.update_xaxes(matches=None, showticklabels=True, title=None)
    figure.update_layout(height=max(380, 380 * frame["report"].nunique()))
    return figure


DRAWERS = {
    "grouped_bars_by_report": grouped_bars_by_report,
    "category_bars": partial(bars_per_report, barmode="group"),
    "stacked_counts": partial(bars_per_report, barmode="stack"),
}


def chart_frames(database: Path) -> dict[str, pd.DataFrame]:
    """The data of every chart, read from the marts of `database`."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        return {chart.key: connection.execute(chart.query).df() for chart in CHARTS}


def limited(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """At most MAX_PANELS reports (the most recent) and MAX_CATEGORIES categories (the
    largest in total), and what was left out, said in words."""
    notes = []
    reports = frame.groupby("report")["recency"].max().sort_values(ascending=False)
    if len(reports) > MAX_PANELS:
        frame = frame[frame["report"].isin(reports.index[:MAX_PANELS])]
        notes.append(f"the {MAX_PANELS} most recent of {len(reports)} reports")
    if "category" in frame and frame["category"].nunique() > MAX_CATEGORIES:
        totals = frame.groupby("category")["value"].sum().abs().sort_values(ascending=False)
        notes.append(f"the {MAX_CATEGORIES} largest of {len(totals)}")
        frame = frame[frame["category"].isin(totals.index[:MAX_CATEGORIES])]
    return frame, "; ".join(notes)


def render(frames: dict[str, pd.DataFrame], built_at: str) -> str:
    """The dashboard page: each chart with its title, mart and filter; a chart without data
    says so instead of drawing an empty frame."""
    from plotly.offline import get_plotlyjs

    sections = []
    for chart in CHARTS:
        frame, note = limited(frames[chart.key])
        if frame.empty:
            body = '<p class="empty">No rows in the published reports.</p>'
        else:
            figure = DRAWERS[chart.draw](frame)
            figure.update_layout(margin={"t": 40, "b": 40}, legend_title_text=None)
            figure.update_yaxes(title=chart.value_label)
            figure.for_each_annotation(lambda a: a.update(text=a.text.removeprefix("report=")))
            body = figure.to_html(full_html=False, include_plotlyjs=False, div_id=chart.key)
        sections.append(
            f'<section data-chart="{chart.key}" data-rows="{len(frame)}">'
            f"<h2>{html.escape(chart.title)}</h2>"
            f'<p class="source">Mart: <code>{html.escape(chart.mart)}</code>; filter: '
            f"{html.escape(chart.filter)}{'; showing ' + html.escape(note) if note else ''}"
            f"</p>{body}</section>"
        )
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        "<title>Social-services report warehouse</title>"
        "<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
        ".source{color:#555;font-size:90%}section{margin-bottom:3em}</style>"
        f"<script>{get_plotlyjs()}</script></head><body>"
        "<h1>Social-services report warehouse</h1>"
        f"<p>Built {html.escape(built_at)} UTC from the published marts. Every chart names "
        "its mart and filter: the same query in SQL gives its numbers.</p>"
        + "".join(sections)
        + "</body></html>"
    )


def write_dashboard(database: Path, target: Path) -> Path:
    """Render the dashboard of `database` into `target` (an HTML file)."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        (built_at,) = connection.execute(
            "select strftime(built_at_utc, '%Y-%m-%d %H:%M') from marts.dim_build"
        ).fetchone()
    target.write_text(render(chart_frames(database), built_at), encoding="utf-8")
    return target


def failed_dashboard(problem: str) -> str:
    """The page published when the charts cannot be drawn: never an old dashboard beside a
    new warehouse."""
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        "<title>Social-services report warehouse</title></head><body>"
        f"<h1>The dashboard could not be drawn</h1><p>{html.escape(problem)}</p>"
        "<p>The warehouse itself is published; its marts can be queried as usual.</p>"
        "</body></html>"
    )
