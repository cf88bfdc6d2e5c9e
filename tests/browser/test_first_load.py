"""The first load in headless Chromium: what the server's first answer fills appears whole, so nothing a reader
already sees moves (the browser's own layout-shift record stays under 0.1, Lighthouse's "good")."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import screenshot

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


TITLES = """() => [...document.querySelectorAll('h1')].filter(h => h.offsetParent)
  .map(h => ({shell: !!h.closest('.shell'), text: h.textContent, box: h.getBoundingClientRect().toJSON()}))"""
"""Every title on show: the served page's (`.shell`) and the one Dash draws."""


@pytest.mark.parametrize(
    ("query", "title", "status", "paper"),
    [
        ("/?congress=2", "Congresses of Soviets, 1917–1937", "Loading the charts…", "rgb(255, 255, 255)"),
        (
            "/?view=timeline&theme=dark&lang=ru",
            "Съезды Советов, 1917–1937",
            "Диаграммы загружаются…",
            "rgb(21, 23, 26)",
        ),
    ],
)
@pytest.mark.parametrize("width", [1920, 1350, 390])
def test_the_title_shows_before_the_scripts_run_and_stays_where_it_is(
    browser: Browser, server_url: str, query: str, title: str, status: str, paper: str, width: int
) -> None:
    """A phone on a slow line waits seconds for the page's scripts. Before they run (here, with JavaScript
    off, they never do) the page shows its title and a line saying the charts are coming, in its language and
    theme, and no "Loading..." of Dash's. Once Dash has drawn the page, the served title has left the document
    and the page's own is exactly where it was: one title, and it did not move."""
    served = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = served.new_page()
    page.goto(server_url + query)
    before = page.evaluate(TITLES)
    assert [(t["shell"], t["text"]) for t in before] == [(True, title)]
    expect(page.locator(".shell-status")).to_have_text(status)
    expect(page.locator("._dash-loading")).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.shell')).backgroundColor") == paper
    if width == 390:
        screenshot(page, f"served-page-{'ru' if 'ru' in query else 'en'}-390")
    served.close()

    drawn = browser.new_context(viewport={"width": width, "height": 900})
    page = drawn.new_page()
    page.goto(server_url + query)
    expect(page.locator("#page")).not_to_have_class(re.compile(r"\bstarting\b"), timeout=20_000)
    after = page.evaluate(TITLES)
    assert [(t["shell"], t["text"]) for t in after] == [(False, title)]
    assert {k: round(after[0]["box"][k], 1) for k in ("x", "y")} == {
        k: round(before[0]["box"][k], 1) for k in ("x", "y")
    }
    expect(page.locator(".shell")).to_have_count(0)
    expect(page.locator("h1")).to_have_text(title)  # the only one
    drawn.close()


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
