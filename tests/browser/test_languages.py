"""The page in Russian (`?lang=ru`) in headless Chromium: its language, its words, Plotly's locale, and a switch
that keeps the view."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

SEATS = "#graph-party-seats .js-plotly-plot"


def test_the_russian_page_says_its_words_in_russian(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2&lang=ru")
    expect(page.locator("h1")).to_have_text("Съезды Советов, 1917–1937")
    expect(page.locator(f"{SEATS} .legendtext").first).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert page.title() == "Второй Всероссийский съезд Советов · Съезды Советов, 1917–1937"
    expect(page.locator("#view-congress")).to_have_text("Один съезд")
    # the seat chart: its title, its legend's party names and Plotly's own locale
    expect(page.locator(f"{SEATS} .gtitle")).to_have_text("Партийный состав")
    legend = page.locator(f"{SEATS} .legendtext").all_text_contents()
    assert "Большевики: 390" in legend, legend
    assert page.evaluate(f"document.querySelector('{SEATS}')._context.locale") == "ru"
    expect(page.locator("#caption-party-seats")).to_contain_text("390 из 649 делегатов")
    screenshot(page, "russian-congress-2")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_language_switch_keeps_the_view(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2&lang=ru&theme=dark")
    expect(page.locator(f"{SEATS} .legendtext").first).to_be_visible()
    page.locator("#next").click()
    expect(page).to_have_url(f"{server_url}/?congress=3&theme=dark&lang=ru")
    switch = page.locator("#language-link")
    expect(switch).to_have_text("English")
    expect(switch).to_have_attribute("href", "?congress=3&theme=dark")
    switch.click()
    expect(page).to_have_url(f"{server_url}/?congress=3&theme=dark")
    expect(page.locator("h1")).to_have_text("Congresses of Soviets, 1917–1937")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#language-link")).to_have_text("Русский")
    expect(page.locator("#language-link")).to_have_attribute("href", "?congress=3&theme=dark&lang=ru")
