"""Russian pages in headless Chromium, every part opened: no interface text is left in English.

Each page is walked as a reader would take it in: every chart drawn, every "Sources differ" and source opened,
every "Show the data" table shown. Every text on show, and every title, label and placeholder, is checked
(tests/english_left.py): English may stand only as a source's words, name or address. Parts marked as in
another language (lang="en" on an English source's words) are left out, as a screen reader would read them
in that language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import draw_every_chart, screenshot
from tests.english_left import english_left

SHOWN_TEXT = """() => {
  const out = [];
  const foreign = el => { const marked = el.closest('[lang]'); return marked && marked.lang !== 'ru'; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement, text = node.textContent.trim();
    if (!text || el.closest('script, style') || foreign(el)) continue;
    if (!el.closest('svg') && !el.getClientRects().length) continue;  // not on show
    out.push(text);
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [data-title]')) {
    if (foreign(el) || (!el.closest('svg') && !el.getClientRects().length)) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'data-title']) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  return [...new Set(out)];
}"""


def _open_everything(page: Page) -> None:
    """Every chart drawn, every details element open and every data table shown."""
    draw_every_chart(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for summary in page.locator("[id*='data-summary']").all():
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(1500)  # the tables' answers


@pytest.mark.parametrize(
    "query",
    [
        "?congress=2&lang=ru",
        "?congress=1&lang=ru",
        "?congress=au-8&lang=ru",
        "?congress=2&lang=ru&present=1",
        "?congress=2&lang=ru&present=1&slide=2",
        "?congress=1&lang=ru&present=1&slide=3",
        "?congress=2&lang=ru&hall=sr-caucus-withdrawal",
        "?compare=1,2,5&lang=ru",
        "?compare=1,2&measure=share&lang=ru&present=1",
        "?view=timeline&lang=ru",
        "?view=timeline&lang=ru&present=1&slide=2",
        "?view=lessons&lang=ru",
        "?lesson=1917-first-to-second-congress&step=2&reveal=1&lang=ru",
        "?lesson=1922-founding-the-ussr&step=3&lang=ru",
        "?congress=99&lang=ru",
    ],
)
def test_a_russian_page_leaves_no_interface_text_in_english(page: Page, server_url: str, query: str) -> None:
    page.goto(f"{server_url}/{query}")
    expect(page.locator("#page")).not_to_have_class("page starting view-congress theme-light")
    expect(page.locator("h1")).to_have_text("Съезды Советов, 1917–1937")
    page.wait_for_timeout(1000)
    _open_everything(page)
    texts = page.evaluate(SHOWN_TEXT)
    assert len(texts) > 20  # the page has its words
    left = sorted({found for text in texts if (found := english_left(text))})
    assert left == [], left
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_russian_phone_page_leaves_no_interface_text_in_english(page: Page, server_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server_url}/?congress=2&lang=ru")
    expect(page.locator("#graph-party-seats .legendtext").first).to_be_visible()
    _open_everything(page)
    left = sorted({found for text in page.evaluate(SHOWN_TEXT) if (found := english_left(text))})
    assert left == [], left
    screenshot(page, "russian-congress-2-phone")
