"""The partial plotly.js bundle the page loads draws every figure the dashboard can show: each figure's trace
types are among the types the bundle registers (read from the bundle itself, in Chromium).
tests/browser/test_chart_text.py draws every chart of every congress, two comparisons and the timeline at
all three page sizes with this bundle, and fails on any trace whose type it does not register (plotly.js
would draw it as a scatter).

Exported images are drawn by kaleido with its own full plotly.js: the handout's tables (go.Table) are not in
the bundle, and tests/test_export.py checks that the handout draws them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from dashboard import vendor


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
