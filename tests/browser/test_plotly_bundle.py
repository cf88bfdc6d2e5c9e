"""The partial plotly.js bundle the page loads draws every figure the dashboard can show: each figure's trace
types, for every chart of every congress, the comparison and the timeline, in every size the page draws,
are among the types the bundle registers (read from the bundle itself, in Chromium). A theme changes
colours only, never a trace's type, so the figures are built in the light theme.

Exported images are drawn by kaleido with its own full plotly.js: the handout's tables (go.Table) are not in
the bundle, and tests/test_export.py checks that the handout draws them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from dashboard import vendor
from dashboard.chart_cache import ChartCache
from dashboard.charts import CHART_IDS
from dashboard.frames import load_frames
from dashboard.style import DASHBOARD, PHONE, PRESENTATION
from dashboard.urls import MAX_COMPARED, State

PAGE_SIZES = {"dashboard": DASHBOARD, "presentation": PRESENTATION, "phone": PHONE}
"""The sizes the page draws figures at (dashboard/callbacks.py picks one by window width and `present`)."""
CONGRESSES = list(load_frames().congresses.congress_id)
COMPARISONS = [
    *(CONGRESSES[i : i + 2] for i in range(len(CONGRESSES) - 1)),
    CONGRESSES[:MAX_COMPARED],
    CONGRESSES[-MAX_COMPARED:],
]
"""Each congress beside the next in date order, and the most the page compares, from both ends."""


@pytest.fixture(scope="module")
def bundle_traces(browser: Browser) -> set[str]:
    """The trace types the vendored bundle registers, asked of plotly.js itself."""
    page = browser.new_page()
    page.add_script_tag(path=str(vendor.path(vendor.PLOTLY_BUNDLE)))
    traces = set(page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces)"))
    version = page.evaluate("window.Plotly.version")
    page.close()
    assert version == "4.1.1"  # plotly.py 7.1.0's plotly.js
    return traces


def test_the_bundle_is_the_basic_one(bundle_traces: set[str]) -> None:
    assert bundle_traces == {"scatter", "bar", "pie"}


def drawn_traces(size: str) -> dict[str, set[str]]:
    """Every figure the page can show at one size, by name, with its trace types."""
    charts = ChartCache(load_frames())
    shown = {
        f"{chart_id} {congress_id}": charts.figure(chart_id, State(congress_id=congress_id), PAGE_SIZES[size])
        for congress_id in CONGRESSES
        for chart_id in CHART_IDS
    }
    for selection in COMPARISONS:
        view = State(view="compare", compare_ids=tuple(selection))
        shown[f"compare {','.join(selection)}"] = charts.figure("compare", view, PAGE_SIZES[size])
    shown["timeline"] = charts.figure("timeline", State(view="timeline"), PAGE_SIZES[size])
    return {name: {t.get("type", "scatter") for t in f["data"]} for name, f in shown.items() if f is not None}


def test_every_figure_s_trace_types_are_in_the_bundle(bundle_traces: set[str]) -> None:
    """At the dashboard's size; tests/browser/test_chart_text.py draws every figure at all three sizes with
    the bundle and fails on any trace left without a module (undrawn)."""
    drawn = drawn_traces("dashboard")
    assert len(drawn) >= len(CONGRESSES) * 3 + len(COMPARISONS) + 1  # every congress has at least 3 charts
    missing = {name: types - bundle_traces for name, types in drawn.items() if types - bundle_traces}
    assert not missing
    assert set().union(*drawn.values()) == {"bar", "scatter"}
