"""The first load in headless Chromium: what the server's first answer fills appears whole, so nothing a reader
already sees moves (the browser's own layout-shift record stays under 0.1, Lighthouse's "good")."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      const nodes = entry.sources.map((s) => s.node && (s.node.id || s.node.className));
      window.__shifts.push({value: entry.value, nodes});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize(
    ("query", "drawn"),
    [
        ("/?congress=2", "#graph-party-seats .scatterlayer .point"),
        ("/?compare=1,2", "#graph-compare .barlayer .point"),
        ("/?view=timeline", "#graph-timeline .barlayer .point"),
    ],
)
@pytest.mark.parametrize("width", [1350, 412])
def test_nothing_moves_as_the_first_answer_arrives(page: Page, server_url: str, query: str, drawn: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server_url + query)
    expect(page.locator("#page")).not_to_have_class(re.compile(r"\bstarting\b"), timeout=20_000)
    expect(page.locator(drawn).first).to_be_visible(timeout=20_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    assert sum(s["value"] for s in shifts) < 0.1, shifts
