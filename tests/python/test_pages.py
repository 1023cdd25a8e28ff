"""The pages the build writes beside the warehouse, opened in headless Chromium (Debian's
package) with the network cut: the dashboard draws every chart from real data with no
console error, the docs site shows the marts' descriptions; neither fetches anything."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (scripts/test.sh installs it)"
)
# dbt's docs page puts `<img src="{{ getIcon(…) }}">` and a favicon `${require(…)}` in its
# HTML before Angular fills them in: Chromium refuses those URLs. dbt's page, not ours.
DBT_DOCS_TEMPLATE_URL = ("%7B%7B%20getIcon(", "$%7Brequire(")


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)  # requests that left the file


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


def open_offline(browser, url: str):  # noqa: ANN001, ANN201 - a playwright Page and a Visit
    """The page with every request that is not the file itself refused and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    visit = Visit()

    def route(request_route) -> None:  # noqa: ANN001
        url = request_route.request.url
        if url.startswith(("file://", "data:", "blob:")):
            request_route.continue_()
        else:
            visit.fetched.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on(
        "console",
        lambda m: (
            visit.console_errors.append(f"{m.text} ({m.location['url']})")
            if m.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.goto(url)
    return page, visit


def test_the_dashboard_draws_every_chart_from_the_marts(
    browser, warehouse_path: Path, tmp_path_factory
) -> None:
    dashboard = warehouse_path.with_name("warehouse-dashboard.html")
    page, visit = open_offline(browser, dashboard.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 7")
    charts = page.evaluate(
        """() => Array.from(document.querySelectorAll('section')).map(s => ({
            key: s.dataset.chart, rows: Number(s.dataset.rows),
            source: s.querySelector('.source').innerText,
            traces: s.querySelector('.js-plotly-plot') ?
                s.querySelector('.js-plotly-plot').data.length : 0,
            bars: s.querySelectorAll('.bars path').length }))"""
    )
    assert [c["key"] for c in charts] == [
        "budget_outcome",
        "cost_per_day",
        "placement_days",
        "sick_leave",
        "indicator_fulfilment",
        "coverage",
        "discrepancies",
    ]
    for chart in charts:
        assert chart["rows"] > 0 and chart["traces"] > 0 and chart["bars"] > 0, chart
        assert chart["source"].startswith("Mart: marts."), chart
    screenshot = tmp_path_factory.mktemp("screens") / "dashboard.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 100_000
    assert visit.console_errors == []
    assert visit.fetched == []
    # the numbers drawn are the mart's: 004's children-and-youth institution cost per day
    assert "Institutsplaceringar barn och unga" in page.inner_text(
        "section[data-chart=cost_per_day]"
    )


def test_the_docs_site_opens_offline_with_the_marts_descriptions(
    browser, warehouse_path: Path
) -> None:
    docs = warehouse_path.with_name("warehouse-docs.html")
    page, visit = open_offline(
        browser, docs.as_uri() + "#!/model/model.social_services_warehouse.dim_activity"
    )
    page.wait_for_selector("text=conformed social-services activity", timeout=30_000)
    text = page.inner_text("body")
    assert "dim_activity" in text and "fct_budget_outcome" in text
    assert "Enforced" in text  # the contract
    assert visit.fetched == []
    others = [e for e in visit.console_errors if not any(u in e for u in DBT_DOCS_TEMPLATE_URL)]
    assert others == []
