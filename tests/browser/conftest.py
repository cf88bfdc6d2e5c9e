"""A live dashboard on 127.0.0.1 and Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# A first render on a busy 2-core CI machine, with two test processes each running a server and a browser, has
# been seen to take more than Playwright's default 5 s; a wrong page still fails, only later.
expect.set_options(timeout=15_000)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; see test-artifacts/server-*.log")
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The dashboard served by `python app.py` on a free port, with the figure store the test servers share."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # each test process has its own server
    log = (ARTIFACTS / f"server-{worker}.log").open("w")  # a file, not a pipe: a full pipe would block it
    # the test processes' servers share one figure store, as a classroom server's workers do: a figure one
    # has built, the others read (its folder is named by a digest of the records and the code)
    env = {**os.environ, "CONGRESS_FIGURE_STORE": str(ARTIFACTS / "figures")}
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A 1920×1080 page that collects console errors and requests; a test asserts on them."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.requests = []  # type: ignore[attr-defined]

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)  # type: ignore[attr-defined]

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


SCROLL_PAST_EVERY_CHART = """async () => {
  for (const section of document.querySelectorAll('[data-lazy]')) {
    if (!section.offsetParent) continue;
    section.scrollIntoView();
    await new Promise(done => setTimeout(done, 80));  // a timer, not a frame: it fires even if frames stop
  }
  scrollTo(0, 0);
}"""


def draw_every_chart(page: Page) -> None:
    """Scroll past every congress chart on show, as a reader does, so that each is drawn (assets/lazy_draw.js
    draws one when it comes near the window), and back to the top."""
    page.evaluate(SCROLL_PAST_EVERY_CHART)
