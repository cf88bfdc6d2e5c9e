"""The page's static files in headless Chromium against the live dashboard: the charts draw with the partial
plotly.js bundle and the generator runtime while plotly.py's full bundle, Dash's polyfill and dash_table's
bundle are never requested, and a second visit asks the server for no
static file at all (not even whether it changed)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import screenshot

PAGES = [
    ("/?congress=2", "#graph-party-seats .scatterlayer .point", 649),
    ("/?compare=1,2", "#graph-compare .barlayer .point", 10),
    ("/?view=timeline", "#graph-timeline .barlayer .point", 50),
]
STATIC = ("/_static/", "/assets/", "/_dash-component-suites/", "/_favicon.ico")
FULL_BUNDLE = ("plotly.min.js", "/plotly/package_data/")
UNUSED = ("/deps/polyfill@", "/dash_table/")  # Dash's polyfill and the table bundle: the page loads neither


def _is_full_bundle(url: str) -> bool:
    return any(part in url for part in FULL_BUNDLE)


@pytest.mark.parametrize(("query", "drawn", "marks"), PAGES)
@pytest.mark.parametrize("width", [390])  # 1920 and presentation mode: the chart-text walk asserts the same
def test_charts_draw_without_the_full_plotly_bundle(
    page: Page, server_url: str, query: str, drawn: str, marks: int, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 1080})
    page.goto(server_url + query)
    expect(page.locator(drawn).first).to_be_visible(timeout=20_000)
    assert page.locator(drawn).count() >= marks
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requests if _is_full_bundle(url) or any(u in url for u in UNUSED)]
    assert page.evaluate("typeof window.regeneratorRuntime.mark") == "function"  # what dcc's lazy graph calls
    scripts = [url for url in page.requests if urlparse(url).path.endswith(".js")]
    assert scripts and all(urlparse(url).path.startswith("/_static/") for url in scripts), scripts
    assert page.evaluate("window.Plotly.version") == "4.1.1"
    assert page.console_errors == []
    if width == 390 and "congress" in query:
        screenshot(page, "partial-bundle-congress-2-390")


class Network:
    """What reached the server during one page load, from Chromium's own network events."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.urls: dict[str, str] = {}
        self.initiators: list[tuple[str, str]] = []  # (path, what asked for it: "parser", "script", …)
        self.cached: set[str] = set()
        self.status: dict[str, int] = {}
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.requestWillBeSent", self._request)
        session.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        session.on("Network.responseReceived", self._response)

    def _request(self, event: dict) -> None:
        self.urls.setdefault(event["requestId"], event["request"]["url"])
        self.initiators.append((urlparse(event["request"]["url"]).path, event["initiator"]["type"]))

    def _response(self, event: dict) -> None:
        if event["response"].get("fromDiskCache") or event["response"].get("fromPrefetchCache"):
            self.cached.add(event["requestId"])
        self.status[event["requestId"]] = event["response"]["status"]

    def static(self, *, from_server: bool) -> dict[str, int]:
        """Static files asked for, by path: those that reached the server (with their status), or the others."""
        return {
            urlparse(url).path: self.status.get(rid, 0)
            for rid, url in self.urls.items()
            if urlparse(url).path.startswith(STATIC) and (rid not in self.cached) == from_server
        }


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    yield context
    context.close()


@pytest.mark.parametrize(("query", "drawn", "marks"), PAGES[:1])  # every page links the same static files
def test_a_second_visit_requests_no_static_file(
    context: BrowserContext, server_url: str, query: str, drawn: str, marks: int
) -> None:
    visits = []
    for _ in range(2):
        page = context.new_page()
        network = Network(context, page)
        page.goto(server_url + query)
        expect(page.locator(drawn).first).to_be_visible(timeout=20_000)
        page.wait_for_load_state("networkidle")
        assert page.locator(drawn).count() >= marks
        visits.append(network)
        page.close()
    first, second = visits
    loaded = first.static(from_server=True)
    assert len(loaded) >= 15 and set(loaded.values()) == {200}
    assert second.static(from_server=True) == {}  # no 200 and no 304: nothing reached the server
    assert set(second.static(from_server=False)) == set(loaded)


PRELOADED = ("/_dash-layout", "/_dash-dependencies", "/async-graph.js", "/async-dropdown.js")


def test_what_the_renderer_asks_for_first_is_preloaded(context: BrowserContext, server_url: str) -> None:
    """The layout, the callback graph and dcc's two lazy chunks are asked for by the page's preload links,
    beside its scripts, and each once: Dash's renderer, when it asks, gets the preloaded answer. A chunk asked
    for late draws its graph or menu after the first answer, and what is below it moves."""
    page = context.new_page()
    network = Network(context, page)
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else None)
    page.goto(server_url + "/?congress=2")
    expect(page.locator("#graph-party-seats .scatterlayer .point").first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(3_500)  # Chromium warns of a preload left unused for 3 s
    for ending in PRELOADED:
        asked = [initiator for path, initiator in network.initiators if path.endswith(ending)]
        assert asked == ["parser"], (ending, asked)
    assert warnings == []
