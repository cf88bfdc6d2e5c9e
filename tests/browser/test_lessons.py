"""Guided lessons in Chromium: the lessons page, the keys and Reveal. That every step fits the projector is
checked with the slides, in tests/browser/test_chart_text.py."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from dashboard.frames import Frames
from tests.browser.conftest import screenshot

FITS = (
    "() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth"
)
SEAT_FILLS = (
    "() => [...document.querySelectorAll('#graph-party-seats .point')].slice(0, 400).map(p => getComputedStyle(p).fill)"
)


def _query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_the_lessons_page_lists_every_lesson_and_opens_one(page: Page, server_url: str, frames: Frames) -> None:
    page.goto(f"{server_url}/?view=lessons")
    first = frames.lessons[frames.lessons.step == 1]
    for lesson in first.itertuples():
        expect(page.locator("#lessons-view")).to_contain_text(f"{lesson.title} · {lesson.level} · {lesson.steps} steps")
    expect(page.locator("#lessons-view h2").first).to_have_text("What was a Congress of Soviets?")
    for term in frames.glossary.itertuples():  # every term for pupils, with its definition and sources
        expect(page.locator(f"#term-{term.term_id}")).to_contain_text(term.term)
    # a party's or a body's term gives its Russian original, marked as Russian, with the source that writes it
    expect(page.locator("#term-bolshevik")).to_have_text(
        "Bolshevik · большевики — Great Russian Encyclopedic Dictionary (2012)"
    )
    expect(page.locator("#term-cec .original")).to_have_text("Всероссийский центральный исполнительный комитет (ВЦИК)")
    expect(page.locator("#term-cec .original")).to_have_attribute("lang", "ru")
    expect(page.locator("#term-dual-power")).to_have_text("dual power")  # no Russian source read gives it yet
    expect(page.locator(".glossary")).to_contain_text("The Council of People's Commissars: the government.")
    page.get_by_role("link", name="1917: from the First to the Second Congress").click()
    expect(page.locator(".lesson-counter")).to_have_text("Step 1 of 9")
    assert _query(page) == {"lesson": "1917-first-to-second-congress"}


def test_reveal_shows_the_numbers_it_hid(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?lesson=1917-first-to-second-congress&step=3")
    page.wait_for_selector("#graph-party-seats .point", timeout=20_000)
    expect(page.locator(".lesson-question")).to_contain_text("How many were Bolsheviks?")
    expect(page.locator(".lesson-answer")).to_have_count(0)
    expect(page.locator("#graph-party-seats .legend")).to_be_hidden()
    assert len(set(page.evaluate(SEAT_FILLS))) == 1, "before the reveal the hall is empty: one grey"
    screenshot(page, "lesson-before-reveal-1920")
    page.keyboard.press("r")
    expect(page.locator(".lesson-answer")).to_contain_text("The Bolsheviks had 105.")
    expect(page.locator("#graph-party-seats .legend")).to_be_visible()
    expect(page.locator("#graph-party-seats .legendtext").first).to_contain_text("105")
    page.wait_for_function(f"() => new Set(({SEAT_FILLS})()).size > 1")
    assert _query(page)["reveal"] == "1"
    screenshot(page, "lesson-after-reveal-1920")
    page.keyboard.press("ArrowRight")  # the next step hides its own answer again
    expect(page.locator(".lesson-counter")).to_have_text("Step 4 of 9")
    assert "reveal" not in _query(page)
    page.click("#reveal")
    expect(page.locator(".lesson-answer")).to_contain_text("543")
    page.reload()
    expect(page.locator(".lesson-answer")).to_contain_text("543")


def test_a_term_in_a_caption_opens_the_glossary_at_its_entry(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?lesson=1917-first-to-second-congress&theme=dark")
    term = page.locator(".lesson-caption a.term", has_text="dual power")
    meaning = re.compile(r"^After the February Revolution of 1917, Russia had two powers at once")
    expect(term).to_have_attribute("title", meaning)  # the term's meaning, on hover
    term.click()
    expect(page.locator("#term-dual-power")).to_be_focused()
    assert _query(page) == {"view": "lessons", "theme": "dark"}  # the teacher's theme stays
    assert urlparse(page.url).fragment == "term-dual-power"
    expect(page.locator("#term-dual-power")).to_be_in_viewport()
    page.go_back()
    expect(page.locator(".lesson-counter")).to_have_text("Step 1 of 9")
    page.goto(f"{server_url}/?view=lessons#term-left-sr")  # a shared link to a term lands on it
    expect(page.locator("#term-left-sr")).to_be_focused()
    expect(page.locator("#term-left-sr")).to_be_in_viewport()
    assert page.console_errors == []


def test_on_a_small_projector_a_step_shows_the_one_of_two_charts_it_is_about(page: Page, server_url: str) -> None:
    """At 1024×768 the two charts of 'who the delegates were' would be 290 px each beside the lesson's panel:
    the republics' step shows the delegate types alone, the social make-up's step the social chart alone, each
    the slide's width; at 1280×720 they share the slide."""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{server_url}/?lesson=1922-founding-the-ussr&step=3")
    expect(page.locator("#section-delegate-types .gtitle")).to_have_text("Delegate types")
    expect(page.locator("#section-social")).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lesson-counter")).to_have_text("Step 4 of 6")
    expect(page.locator("#section-social .gtitle")).to_have_text("Social composition")
    expect(page.locator("#section-delegate-types")).to_be_hidden()
    assert page.locator("#section-social").bounding_box()["width"] > 600
    screenshot(page, "lesson-one-chart-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    expect(page.locator("#section-delegate-types")).to_be_visible()
    expect(page.locator("#section-social")).to_be_visible()
    assert page.console_errors == []


def test_on_a_phone_the_step_s_words_stand_above_its_chart(page: Page, server_url: str) -> None:
    """At 390 px there is no room for a panel beside the chart (it left the chart 30 px): the step's words,
    question and buttons run the page's width, and the chart follows them."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server_url}/?lesson=1917-first-to-second-congress&step=7")
    expect(page.locator(".lesson-counter")).to_have_text("Step 7 of 9")
    page.wait_for_selector("#graph-compare .gtitle")
    panel, chart = page.locator("#lesson").bounding_box(), page.locator("#compare-view").bounding_box()
    assert panel["width"] > 350 and chart["width"] > 350
    assert panel["y"] + panel["height"] <= chart["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []


def test_a_step_s_words_take_the_largest_type_its_panel_holds(page: Page, server_url: str) -> None:
    """At 1280×720 a short step's words stand at the charts' 24 px (the page's own type is 17.85 px there);
    a long one's as large as its panel holds whole, the answer shown: never smaller than the page's."""
    page.set_viewport_size({"width": 1280, "height": 720})
    type_px = "parseFloat(getComputedStyle(document.querySelector('.lesson-caption')).fontSize)"
    panel_whole = "(p => p.scrollHeight <= p.clientHeight + 1)(document.querySelector('#lesson-panel'))"
    page.goto(f"{server_url}/?lesson=1917-first-to-second-congress&step=6")
    page.wait_for_function("() => document.querySelector('#lesson')?.dataset.fitted === '24'")
    assert page.evaluate(type_px) == 24 and page.evaluate(panel_whole)
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lesson-counter")).to_have_text("Step 7 of 9")
    page.keyboard.press("r")
    expect(page.locator(".lesson-answer")).to_contain_text("390 of the 649 delegates elected")
    page.wait_for_function(f"() => {panel_whole}")
    assert 17.8 <= page.evaluate(type_px) < 24
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")
