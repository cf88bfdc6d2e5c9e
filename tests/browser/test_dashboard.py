"""The dashboard in headless Chromium: selector, deep links, back and forward, the bad-URL notice."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from dashboard.frames import Frames
from tests.browser.conftest import screenshot

SEATS = "#graph-party-seats .scatterlayer .point"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(SEATS, timeout=20_000)


def _selected(page: Page) -> str:
    return page.locator("#congress-select").inner_text()


def test_first_load_shows_the_first_congress(page: Page, server_url: str) -> None:
    _open(page, server_url)
    expect(page.locator("#congress-select")).to_contain_text("First All-Russian Congress of Soviets")
    expect(page.locator("#facts h2")).to_have_text("First All-Russian Congress of Soviets")
    assert page.locator(SEATS).count() == 784
    assert page.console_errors == []
    screenshot(page, "dashboard-first-congress-1920")


def test_deep_link_draws_649_seats_in_party_groups(page: Page, server_url: str) -> None:
    _open(page, f"{server_url}/?congress=2")
    assert page.locator(SEATS).count() == 649
    legend = page.locator("#graph-party-seats .legend .legendtext").all_text_contents()
    assert legend == [  # each name with its Russian original under it, where a Russian source writes one
        "Bolsheviks: 390" + "большевики",
        "SRs: 160" + "эсеры",
        "of whom Left SRs: ≈100" + "левые эсеры",
        "Menshevik Internationalists: 14" + "меньшевики-интернационалисты",
        "Mensheviks: 72" + "меньшевики",
        "Various: 13",
    ]
    expect(page.locator("#facts")).to_contain_text("Smolny Institute")
    expect(page.locator("#graph-votes")).to_contain_text("Rejected: 60 for, 92 against")
    assert page.console_errors == []
    screenshot(page, "dashboard-second-congress-1920")


def test_selector_next_previous_and_history(page: Page, server_url: str, frames: Frames) -> None:
    order = list(frames.congresses.congress_id)
    names = dict(zip(frames.congresses.congress_id, frames.congresses.name, strict=True))
    _open(page, f"{server_url}/?congress=1")
    page.click("#next")
    expect(page.locator("#facts h2")).to_have_text(names[order[1]])
    assert "congress=2" in urlparse(page.url).query
    page.click("#next")
    expect(page.locator("#facts h2")).to_have_text(names[order[2]])
    page.click("#prev")
    expect(page.locator("#facts h2")).to_have_text(names[order[1]])
    page.locator("#congress-select").click()
    page.get_by_role("option", name="Ninth All-Russian Congress of Soviets").click()
    expect(page.locator("#facts h2")).to_have_text("Ninth All-Russian Congress of Soviets")
    assert "congress=9" in urlparse(page.url).query
    page.go_back()
    expect(page.locator("#facts h2")).to_have_text(names[order[1]])
    expect(page.locator("#congress-select")).to_contain_text(names[order[1]])
    page.go_forward()
    expect(page.locator("#facts h2")).to_have_text("Ninth All-Russian Congress of Soviets")
    assert page.console_errors == []


@pytest.mark.parametrize("bad", ["99", "<script>alert(1)</script>", "x" * 500])
def test_bad_url_gets_a_friendly_notice(page: Page, server_url: str, bad: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server_url}/?congress={bad}")
    notice = page.locator(".no-such-congress")
    expect(notice).to_be_visible(timeout=20_000)
    expect(notice).to_contain_text("No such congress")
    expect(notice.locator("li a")).to_have_count(len(page.locator(".no-such-congress li").all()))
    assert notice.locator("li").count() >= 3
    assert page.locator("#view").is_hidden()
    assert dialogs == []
    assert page.locator("#notice script").count() == 0
    assert "Traceback" not in page.content()
    if bad.startswith("<script>"):
        expect(notice.locator("code")).to_have_text(bad)
        screenshot(page, "dashboard-bad-url")
    notice.locator("li a").first.click()
    expect(page.locator("#facts h2")).to_be_visible()
    assert page.locator("#view").is_visible()


def test_page_makes_no_request_outside_its_server(page: Page, server_url: str) -> None:
    _open(page, f"{server_url}/?congress=2")
    hosts = {urlparse(url).hostname for url in page.requests}
    assert hosts == {"127.0.0.1"}


def _callbacks(page: Page) -> int:
    return sum("/_dash-update-component" in url for url in page.requests)  # type: ignore[attr-defined]


def test_the_server_is_asked_only_for_what_the_page_shows(page: Page, server_url: str) -> None:
    """One callback per first load and per view change while every data table is closed; an open table is
    made, and follows the view; the lessons view's pages are not in the first load's layout."""
    _open(page, f"{server_url}/?congress=2")
    page.wait_for_load_state("networkidle")
    assert _callbacks(page) == 1
    assert page.locator("#lessons-view").evaluate("view => view.children.length") == 0

    summary = page.locator("[id*='data-summary'][id*='party-seats']")
    table = page.locator("[id*='data-table'][id*='party-seats']")
    summary.click()
    expect(table).to_contain_text("Bolsheviks")
    expect(table).to_contain_text("390")
    assert _callbacks(page) == 2
    page.locator("#next").click()  # open while the view changes: the Third Congress's rows
    expect(table).to_contain_text("more than 860")
    page.wait_for_load_state("networkidle")
    assert _callbacks(page) == 4

    summary.click()  # closed: a view change asks for the page's callback alone
    page.locator("#next").click()
    expect(page.locator("#congress-select")).to_contain_text("Fourth")
    page.wait_for_load_state("networkidle")
    assert _callbacks(page) == 5
    summary.click()  # opened again: the Fourth Congress's rows, not the Third's it last showed
    expect(table).not_to_contain_text("more than 860")
    page.wait_for_load_state("networkidle")
    assert _callbacks(page) == 6
    assert page.console_errors == []  # type: ignore[attr-defined]
