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


DRAWN_CHARTS = """() => [...document.querySelectorAll('[data-lazy]')]
  .filter(s => s.querySelector('.js-plotly-plot .gtitle')).map(s => s.dataset.lazy)"""
"""The congress charts whose figure has been drawn (each figure has a title)."""
TOPS = """() => Object.fromEntries([...document.querySelectorAll('[data-lazy]')]
  .map(s => [s.dataset.lazy, scrollY + s.getBoundingClientRect().top]))"""
"""Where each congress chart's section starts on the page."""


def test_charts_below_the_fold_are_drawn_as_they_come_near_and_all_before_printing(page: Page, server_url: str):
    """On a 1350×940 laptop the Second Congress's hall and votes are drawn with the first answer; the two
    charts side by side below them wait, their places kept (nothing moves when they are drawn), until the reader
    scrolls near them. On the next congress they are drawn at once; before printing, every chart is drawn."""
    page.set_viewport_size({"width": 1350, "height": 940})
    page.goto(server_url + "/?congress=2")
    expect(page.locator("#graph-votes .gtitle")).to_be_attached(timeout=20_000)
    page.wait_for_load_state("networkidle")
    tops = page.evaluate(TOPS)
    assert tops["party-bars"] > 940 * 1.25, tops  # beyond a quarter of a window below the fold
    assert set(page.evaluate(DRAWN_CHARTS)) == {"party-seats", "votes"}
    assert page.locator("#graph-party-bars").bounding_box()["height"] > 400  # its place kept
    assert page.evaluate("getComputedStyle(document.querySelector('#graph-party-bars')).visibility") == "hidden"
    page.mouse.wheel(0, tops["party-bars"] - 940)
    expect(page.locator("#graph-party-bars .gtitle")).to_be_attached(timeout=5_000)
    expect(page.locator("#graph-delegate-types .gtitle")).to_be_attached()
    expect(page.locator("#graph-party-bars .gtitle")).to_be_visible()  # no empty axes meanwhile, then the chart
    assert page.evaluate(TOPS) == tops
    page.click("#next")
    expect(page.locator("#facts h2")).to_have_text("Third All-Russian Congress of Soviets", timeout=20_000)
    expect(page.locator("#graph-party-bars .gtitle")).to_contain_text("by numbers")
    page.goto(server_url + "/?congress=3")
    expect(page.locator("#graph-votes .gtitle")).to_be_attached(timeout=20_000)
    page.wait_for_load_state("networkidle")
    assert "party-bars" not in page.evaluate(DRAWN_CHARTS)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser sends before it prints
    assert {"party-bars", "delegate-types"} <= set(page.evaluate(DRAWN_CHARTS))
