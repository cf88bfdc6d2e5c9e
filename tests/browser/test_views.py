"""Comparison, timeline, presentation mode, themes, keyboard, accessibility and small screens,
in headless Chromium against the live dashboard."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import draw_every_chart, screenshot

SEATS = "#graph-party-seats .scatterlayer .point"
TEXT_BOXES = (Path(__file__).parent / "chart_text_boxes.js").read_text()


def _query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _query_becomes(page: Page, want: dict[str, str], seconds: float = 10) -> bool:
    """Whether the URL's query comes to be `want` within `seconds` (a key's step reaches the URL on its own
    turn, not always before the slide's class)."""
    for _ in range(int(seconds * 10)):
        if _query(page) == want:
            return True
        page.wait_for_timeout(100)
    return _query(page) == want


def _serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_compare_by_url(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?compare=1,2")
    expect(page.locator("#compare-view")).to_be_visible(timeout=20_000)
    expect(page.locator("#graph-compare .barlayer .point").first).to_be_visible()
    table = page.locator("#change-table")
    expect(table).to_contain_text("Bolsheviks / Communists")
    expect(table).to_contain_text("— (bases differ)")  # 784 with full vote against 649, voting right not stated
    expect(table).not_to_contain_text("+285")
    expect(table.locator("th").nth(1)).to_contain_text("sources differ: 6 lists, the default shown")
    expect(page.locator("#view")).to_be_hidden()
    assert page.console_errors == []
    screenshot(page, "compare-1-2-1920")


def test_compare_through_the_controls(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=1")
    page.wait_for_selector(SEATS, timeout=20_000)
    page.click("#view-compare")
    expect(page.locator("#compare-view")).to_be_visible()
    assert _query(page)["compare"] == "1,2"
    page.get_by_text("Shares", exact=True).click()
    expect(page.locator("#graph-compare .xtick").first).to_contain_text("%")
    assert _query(page) == {"compare": "1,2", "measure": "share"}
    page.go_back()
    expect(page.locator("#graph-compare .xtick").first).not_to_contain_text("%")


def test_timeline_click_opens_the_congress(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?view=timeline")
    bars = page.locator("#graph-timeline .barlayer .point")
    expect(bars.first).to_be_visible(timeout=20_000)
    expect(page.locator("#graph-timeline")).to_contain_text("No party shares in the sources")
    screenshot(page, "timeline-1920")
    page.locator("#graph-timeline .barlayer .trace").first.locator(".point").nth(1).click(force=True)
    expect(page.locator("#facts h2")).to_have_text("Second All-Russian Congress of Soviets", timeout=10_000)
    assert _query(page) == {"congress": "2"}


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("1", "names 1 congress; compare 2 to 4"),
        ("1,2,3,4,5", "names 5 congresses; compare 2 to 4"),
        ("1,99", "names a congress that is not in the records"),
        ("<b>x</b>,y", "names a congress that is not in the records"),
    ],
)
def test_bad_comparison_list(page: Page, server_url: str, bad: str, says: str) -> None:
    page.goto(f"{server_url}/?compare={bad}")
    notice = page.locator(".no-such-congress")
    expect(notice).to_contain_text("No such comparison", timeout=20_000)
    expect(notice).to_contain_text(says)
    assert page.locator(".no-such-congress b").count() == 0
    assert page.console_errors == []


def test_presentation_shows_slides_that_the_keys_step_through(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2&present=1")
    page.wait_for_selector(SEATS, timeout=20_000)
    expect(page.locator("#page")).to_have_class("page view-congress theme-light present slides slide-1")
    expect(page.locator("#slide-counter")).to_have_text("Slide 1 of 4: The hall")
    sizes = page.evaluate("""() => ({
        legend: Math.min(...[...document.querySelectorAll('#graph-party-seats .legendtext')]
                         .map(t => parseFloat(t.style.fontSize))),
        title: parseFloat(document.querySelector('#graph-party-seats .gtitle').style.fontSize)})""")
    assert sizes["legend"] >= 24 and sizes["title"] >= 30
    expect(page.locator("#section-votes")).to_be_hidden()
    expect(page.locator(".theme-select")).to_be_hidden()
    expect(page.locator(".export-controls").first).to_be_hidden()
    expect(page.locator(".footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Leave presentation mode", exact=True)).to_be_visible()
    expect(page.locator("#slide-facts")).to_contain_text("Smolny Institute, Petrograd")
    screenshot(page, "present-second-congress-1920")
    for key, slide in (("ArrowRight", "2"), (" ", "3"), ("PageDown", "4")):
        page.keyboard.press(key)
        expect(page.locator("#page")).to_have_class(re.compile(f"slide-{slide}$"))
        assert _query(page) == {"congress": "2", "present": "1", "slide": slide}
    expect(page.locator("#section-votes")).to_be_hidden()
    expect(page.locator("#slide-facts")).to_contain_text("Decree on Peace")
    page.reload()  # the URL holds the slide
    expect(page.locator("#slide-counter")).to_have_text("Slide 4 of 4: Decisions and a quotation")
    page.keyboard.press("ArrowRight")  # past the last slide: the next congress, from its first slide
    expect(page.locator("#facts h2")).to_have_text("Third All-Russian Congress of Soviets")
    assert _query(page) == {"congress": "3", "present": "1"}
    page.keyboard.press("PageUp")  # before the first slide: the previous congress, at its last slide
    expect(page.locator("#facts h2")).to_have_text("Second All-Russian Congress of Soviets")
    assert _query(page) == {"congress": "2", "present": "1", "slide": "4"}
    page.keyboard.press("Home")
    expect(page.locator("#page")).to_have_class(re.compile("slide-1$"))
    assert _query_becomes(page, {"congress": "2", "present": "1"})
    page.keyboard.press("End")
    expect(page.locator("#page")).to_have_class(re.compile("slide-4$"))
    assert _query_becomes(page, {"congress": "2", "present": "1", "slide": "4"})
    page.click("#slide-prev")
    expect(page.locator("#slide-counter")).to_have_text("Slide 3 of 4: Who the delegates were")
    page.click("#present-toggle")
    expect(page.locator("#page")).to_have_class("page view-congress theme-light")
    assert _query(page) == {"congress": "2"}


def test_theme_switch_re_templates_the_figures(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    page.locator("#theme-select").click()
    page.get_by_role("option", name="Dark").click()
    expect(page.locator("#page")).to_have_class("page view-congress theme-dark")
    assert _query(page)["theme"] == "dark"
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('#graph-party-seats .main-svg')).backgroundColor"
        " === 'rgb(21, 23, 26)'"
    )
    screenshot(page, "dark-second-congress-1920")


@pytest.mark.parametrize(
    "query",
    [
        "?congress=2",
        "?compare=1,2",
        "?congress=2&present=1",
        "?view=timeline",
        "?congress=1&theme=contrast",
        "?congress=1&hall=support-provisional-government",
        "?lesson=1917-first-to-second-congress&step=3",
    ],
)
def test_no_serious_accessibility_violations(page: Page, server_url: str, query: str) -> None:
    page.goto(f"{server_url}/{query}")
    page.wait_for_selector(".js-plotly-plot .main-svg >> visible=true", timeout=20_000)
    page.wait_for_timeout(500)
    assert _serious(page) == []


def test_keyboard_reaches_the_controls_with_a_visible_focus(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to the charts"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to the facts and sources"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop after the facts panel's start, not fifty chart buttons later
    assert page.evaluate("() => !!document.activeElement.closest('#facts')")
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    for _ in range(3):
        page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "view-congress"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.focus("#next")
    page.keyboard.press("Enter")
    expect(page.locator("#facts h2")).to_have_text("Third All-Russian Congress of Soviets")


@pytest.mark.parametrize("width", [1280])  # 390 px: the chart-text walk checks every view for sideways scrolling
def test_layout_fits_without_horizontal_scrolling(page: Page, server_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    screenshot(page, f"second-congress-{width}")


def test_data_table_opens_and_follows_the_selector(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    table = page.locator("#section-party-seats table")
    assert table.count() == 0  # made only when opened, so a selector change redraws less
    page.locator("#section-party-seats summary").click()
    expect(table).to_contain_text("Bolsheviks")
    expect(table.locator("tr", has_text="Bolsheviks")).to_contain_text("390")
    expect(table).to_contain_text("about 100 were Left SRs")
    page.keyboard.press("ArrowRight")
    expect(table.locator("tr", has_text="Bolsheviks").first).to_contain_text("more than")
    page.goto(f"{server_url}/?compare=1,2")
    page.locator("#section-compare summary").click()
    expect(page.locator("#section-compare table")).to_contain_text("Second All-Russian Congress of Soviets")


def test_the_toolbar_has_only_the_camera_and_it_stays_on_this_server(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    buttons = page.locator("#graph-party-seats .modebar-btn")
    assert [b.get_attribute("data-title") for b in buttons.all()] == ["Download plot as a PNG"]
    assert page.locator(".modebar-btn[data-title*='hare'], .modebar a[href]").count() == 0
    with page.expect_download() as info:
        buttons.first.click()
    assert info.value.suggested_filename.endswith(".png")
    assert [u for u in page.requests if not u.startswith((server_url, f"blob:{server_url}", "data:"))] == []


def test_the_tab_title_names_the_congress_and_follows_the_view(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    expect(page).to_have_title("Second All-Russian Congress of Soviets · Congresses of Soviets, 1917–1937")
    page.click("#next")
    expect(page).to_have_title("Third All-Russian Congress of Soviets · Congresses of Soviets, 1917–1937")
    page.goto(f"{server_url}/?compare=1,2")
    expect(page).to_have_title(re.compile("^Compare: First All-Russian .*, Second All-Russian .* · Congresses"))


def test_the_selector_takes_typing_and_ends_are_disabled(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=1")
    page.wait_for_selector(SEATS, timeout=20_000)
    expect(page.locator("#prev")).to_be_disabled()
    options = page.locator(".dash-dropdown-content [role=option]")
    for _ in range(3):  # under load a click can land before the dropdown listens: open it, at most three tries
        page.click("#congress-select")
        try:
            options.first.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeoutError:
            continue
    expect(page.locator(".dash-dropdown-content .dash-dropdown-search")).to_be_focused()  # assets/a11y.js
    # keys 40 ms apart, as a person types: Dash's dropdown can drop a key typed within a few ms of the one before,
    # just after it opens (1–6 % of runs here with no delay, in this code and the code before it)
    page.keyboard.type("fourth", delay=40)
    expect(options.first).to_contain_text("Fourth (Extraordinary)")
    page.keyboard.press("Enter")
    expect(page.locator("#facts h2")).to_have_text("Fourth (Extraordinary) All-Russian Congress of Soviets")
    assert "congress=4" in page.url
    page.goto(f"{server_url}/?congress=17")
    expect(page.locator("#next")).to_be_disabled()


@pytest.mark.parametrize(
    ("query", "title"),
    [("compare=1,2", "Compare: First All-Russian Congress of Soviets"), ("view=timeline", "Party shares at every")],
)
def test_comparison_and_timeline_say_how_to_cite_them(page: Page, server_url: str, query: str, title: str) -> None:
    page.goto(f"{server_url}/?{query}")
    citation = page.locator(".cite-this .citation >> visible=true")
    expect(citation).to_contain_text("Marxists Internet Archive")
    expect(citation).to_contain_text(title)
    expect(citation).to_contain_text(f"{server_url}/?{query}")
    expect(citation).to_contain_text(" 20")  # the day it was retrieved, e.g. "1 December 2026"
    assert page.console_errors == []


ORIGIN_LABELS = """() => (document.querySelector('#graph-delegate-types .js-plotly-plot')?.layout?.annotations || [])
  .filter(a => (a.name || '').startsWith('origin-')).map(a => a.text)"""


def test_a_resized_window_gets_its_charts_laid_out_again(page: Page, server_url: str) -> None:
    """A window made narrower (a laptop's browser, full screen off) gets figures laid out for its panels:
    the First Congress's origins, "≈610 delegates from 305 organisations" beside a bar at 1920 px, are the
    number over the organisations at 1000 px, and no text runs past a chart's edge."""
    page.set_viewport_size({"width": 1920, "height": 1000})
    page.goto(f"{server_url}/?congress=1")
    expect(page.locator("#facts h2")).to_be_visible(timeout=20_000)
    draw_every_chart(page)  # the origins are below the fold
    page.wait_for_function(f"() => ({ORIGIN_LABELS})().length === 3", timeout=20_000)
    assert "≈610 delegates<br>from 305 organisations" in page.evaluate(ORIGIN_LABELS)
    page.set_viewport_size({"width": 1000, "height": 800})
    page.wait_for_function(f"() => ({ORIGIN_LABELS})().includes('≈610<br>from 305<br>organisations')")
    page.wait_for_timeout(600)  # the redraw settled
    assert page.evaluate(TEXT_BOXES) == []


@pytest.mark.parametrize(("congress", "menu"), [("1", False), ("4", True)])
def test_a_small_projectors_hall_choice_is_as_legible_as_the_charts(
    page: Page, server_url: str, congress: str, menu: bool
) -> None:
    """At 1280×720 the First Congress's choice (Parties, or its one vote) stands on one line; the Fourth's three
    options would take three lines and the hall's room, so they are a menu of one line. Both are at 24 px and
    more, both choose what the seats show, and both slides fit the screen."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server_url}/?congress={congress}&present=1")
    expect(page.locator("#hall-choice")).to_be_visible(timeout=20_000)
    page.wait_for_selector("#graph-party-seats .gtitle")
    shown, hidden = ("#hall-menu", "#hall-select") if menu else ("#hall-select", "#hall-menu")
    expect(page.locator(hidden)).to_be_hidden()
    px = page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{shown}')).fontSize)")
    assert px >= 24
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")
    vote = "This vote: Ratify the Treaty of Brest-Litovsk" if menu else "This vote: Support the Provisional Government"
    if menu:
        page.click("#hall-menu")
        page.get_by_role("option", name=vote).click()
    else:
        page.get_by_label(vote).check()
    expect(page.locator("#graph-party-seats .gtitle")).to_have_text("A vote in the hall")
    assert "hall=" in page.url
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")


@pytest.mark.parametrize(("query", "least"), [("compare=2,3", 24), ("compare=1,2", 20), ("compare=1,2,5,6", 16)])
def test_a_change_table_takes_the_largest_type_its_slide_fits_on_a_small_projector(
    page: Page, server_url: str, query: str, least: int
) -> None:
    """At 1024×768 a change table is measured into the largest type, up to the charts' 24 px, with which its
    slide does not scroll: seven rows of two congresses at 24 px, nine at 20, four congresses' at 16 (all
    three were 18.7 or 15.3 px before)."""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{server_url}/?{query}&present=1&slide=2")
    page.wait_for_selector(".change table[data-fitted]", timeout=20_000)
    px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.change table')).fontSize)")
    assert least <= px <= 24
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")
    page.set_viewport_size({"width": 1920, "height": 1080})  # a large projector: up to the charts' 28 px
    larger = "() => +document.querySelector('.change table')?.dataset.fitted > 24"
    page.wait_for_function(larger)
    page.click("#slide-prev")  # off its slide, then back: measured again
    page.click("#slide-next")
    page.wait_for_function(larger)
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")


HEADING_LEVELS = """() => [...document.querySelectorAll('h1, h2, h3, h4')]
  .filter(h => h.offsetParent).map(h => +h.tagName[1])"""


@pytest.mark.parametrize("query", ["?congress=2", "?compare=1,2", "?view=timeline"])
def test_headings_on_show_descend_one_level_at_a_time(page: Page, server_url: str, query: str) -> None:
    """Under the page's title, no heading skips a level (screen readers list them as an outline): the
    comparison's and the timeline's "How to cite this view" is a view's heading, not a sub-heading of none."""
    page.goto(f"{server_url}/{query}")
    expect(page.locator(".cite-this").first).to_be_visible(timeout=20_000)
    levels = page.evaluate(HEADING_LEVELS)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
