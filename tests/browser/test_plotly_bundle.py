"""The partial plotly.js bundle the page loads draws every figure the dashboard can show: each figure's trace
types, for every chart of every congress, the comparison and the timeline, in every size the page draws and
every theme, are among the types the bundle registers (read from the bundle itself, in Chromium).

Exported images are drawn by kaleido with its own full plotly.js: the handout's tables (go.Table) are not in
the bundle, and tests/test_export.py checks that the handout draws them."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from playwright.sync_api import Browser

from dashboard import vendor
from dashboard.charts import CHART_IDS, build
from dashboard.figures.compare import compare_composition
from dashboard.figures.timeline import party_timeline
from dashboard.frames import load_frames
from dashboard.style import DASHBOARD, PHONE, PRESENTATION, THEMES
from dashboard.urls import MAX_COMPARED

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


def drawn_traces(size: str, theme: str) -> dict[str, set[str]]:
    """Every figure the page can show at one size and theme, by name, with its trace types."""
    frames = load_frames()
    options = {"size": PAGE_SIZES[size], "theme": theme}
    drawn = {
        f"{chart_id} {congress_id}": {t.type for t in build(frames, chart_id, congress_id, **options).data}
        for congress_id in CONGRESSES
        for chart_id in CHART_IDS
    }
    for selection in COMPARISONS:
        figure = compare_composition(frames, selection, **options)
        drawn[f"compare {','.join(selection)}"] = {t.type for t in figure.data}
    drawn["timeline"] = {t.type for t in party_timeline(frames, **options).data}
    return drawn


@pytest.fixture(scope="module")
def every_figure() -> dict[tuple[str, str], dict[str, set[str]]]:
    """drawn_traces for every size and theme, built on every core (Plotly builds figures slowly)."""
    combinations = [(size, theme) for size in PAGE_SIZES for theme in THEMES]
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip(combinations, pool.map(drawn_traces, *zip(*combinations, strict=True)), strict=True))


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("size", list(PAGE_SIZES))
def test_every_figure_s_trace_types_are_in_the_bundle(
    every_figure: dict, bundle_traces: set[str], size: str, theme: str
) -> None:
    drawn = every_figure[(size, theme)]
    assert len(drawn) == len(CONGRESSES) * len(CHART_IDS) + len(COMPARISONS) + 1
    missing = {name: types - bundle_traces for name, types in drawn.items() if types - bundle_traces}
    assert not missing
    assert set().union(*drawn.values()) == {"bar", "scatter"}
