"""The charts by keyboard alone, and a recorded vote drawn on the seats, in headless Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

SEATS = "#graph-party-seats .scatterlayer .point"
SAID = "#walk-said-party-seats"
PER_TRACE = (
    "() => [...document.querySelectorAll('#graph-party-seats .scatterlayer .trace')]"
    ".map(t => t.querySelectorAll('.point').length)"
)
OPACITIES = "() => [...document.querySelectorAll('#graph-party-seats .scatterlayer .trace')].map(t => +t.style.opacity)"


def _query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_the_seat_chart_is_walked_by_keyboard_alone(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "walk-party-seats":
            break
    else:
        raise AssertionError("Tab never reached the seat chart")
    assert page.get_attribute("#walk-party-seats", "aria-label").startswith("Seat chart: Second All-Russian Congress")
    page.keyboard.press("ArrowRight")
    expect(page.locator(SAID)).to_contain_text("Bolsheviks: 390 of 649 delegates")
    expect(page.locator(SAID)).to_contain_text("60.1%")
    page.wait_for_function(f"() => ({OPACITIES})().filter(o => o < 1).length >= 4")
    assert page.evaluate(OPACITIES)[0] == 1, "the Bolsheviks' seats stay lit; the others are dimmed"
    page.keyboard.press("ArrowRight")
    expect(page.locator(SAID)).to_contain_text("SRs: 160 of 649")
    before = page.text_content(SAID)
    page.keyboard.press("ArrowDown")
    expect(page.locator(SAID)).not_to_have_text(before)
    expect(page.locator(SAID)).to_contain_text("Of whom Left SRs: about 100")
    screenshot(page, "walk-second-congress-left-srs-1920")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("End")
    expect(page.locator(SAID)).to_contain_text("5 of 5")
    assert _query(page) == {"congress": "2"}, "the arrows walked the chart, not the congresses"
    expect(page.locator("#facts h2")).to_have_text("Second All-Russian Congress of Soviets")
    page.keyboard.press("Escape")
    assert page.evaluate("() => !document.activeElement.closest('.walk')")
    page.wait_for_function(f"() => ({OPACITIES})().every(o => o === 1)")
    page.keyboard.press("ArrowRight")  # outside the chart, the arrows step through the congresses again
    expect(page.locator("#facts h2")).to_have_text("Third All-Russian Congress of Soviets")


def test_a_recorded_vote_is_drawn_on_the_seats_one_mark_each(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=1")
    page.wait_for_selector(SEATS, timeout=20_000)
    page.get_by_label("This vote: Support the Provisional Government").check()
    expect(page.locator("#graph-party-seats .gtitle")).to_have_text("A vote in the hall")
    assert _query(page) == {"congress": "1", "hall": "support-provisional-government"}
    page.wait_for_function(f"() => ({PER_TRACE})().join() === '543,126,52,63'")
    expect(page.locator("#caption-party-seats")).to_contain_text("of 784 delegates with full vote")
    expect(page.locator("#caption-party-seats")).to_contain_text("totals only")
    page.focus("#walk-party-seats")
    page.keyboard.press("ArrowRight")
    expect(page.locator(SAID)).to_contain_text("For: 543 of 784 delegates with full vote")
    screenshot(page, "vote-on-the-seats-first-congress-1920")
    page.reload()
    page.wait_for_function(f"() => ({PER_TRACE})().join() === '543,126,52,63'")
    page.get_by_label("Parties").check()
    expect(page.locator("#graph-party-seats .gtitle")).to_have_text("Party composition")
    assert _query(page) == {"congress": "1"}
    page.focus("#walk-votes")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#walk-said-votes")).to_contain_text("Support the Provisional Government: Passed: 543 for")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#walk-said-votes")).to_have_text("For: 543.")
