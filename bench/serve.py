"""Benchmark: the page's main callback as pupils' browsers send it, with the response cache on and off, on a
server as it starts and once its low-priority build is done.

Run: .venv/bin/python bench/serve.py [--seconds 5] [--loads 5] [--changes 9] [--requests 2000] [--write]

Gunicorns with `gunicorn.conf.py` on 127.0.0.1 serve `bench/noop_app.py` (the dashboard plus one do-nothing
callback, the floor a callback round trip cannot go below): with the response cache as served, and without it
(CONGRESS_RESPONSE_CACHE_MB=0). Each starts from its own copy of a figure store, in one of two states:
- as `bin/serve` starts: what it builds before it serves (every congress and the timeline); a view it does not
  hold (a comparison, a less common window or theme) is built when first asked for;
- as `bin/serve` holds it once its low-priority build is done (`chart_cache --later`, a few minutes after it
  starts: every congress, pair compared and the timeline at every common window in every theme).

Every request body is one a browser posts when a page opens at a view of its own: each congress, each pair of
congresses compared (counts, and shares for neighbours), the timeline, each in the three themes and at nine
window sizes (9,450 bodies, shuffled with a fixed seed; the app has one language). At 1, 10, 40 and 200
concurrent clients, each with its own keep-alive connection, every client posts bodies no other has posted,
for `--seconds`, then as long the no-op's, which differ too (each a further click, as a browser counts them).
Also measured: a first load and selector changes in headless Chromium, each worker's memory before and after
`--requests` more requests, and a warm PNG export.
`--write` puts the report into docs/performance.md between the bench/serve.py markers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.classroom import THEMES, WINDOWS, Pages, searches  # noqa: E402
from bench.dash_requests import CALLBACK_PATH, noop_request  # noqa: E402
from bench.gunicorn_server import free_port  # noqa: E402
from bench.gunicorn_server import gunicorn as serve  # noqa: E402
from dashboard.frames import load_frames  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "gzip, deflate, br"}  # as a browser sends
OUT = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench/serve.py -->", "<!-- /bench/serve.py -->"
NOOP_APP = "bench.noop_app:server"
CLIENTS = (1, 10, 40, 200)
CACHES = {"on": "16", "off": "0"}  # megabytes of response cache per worker
STORES = {"start": "as it starts", "later": "after its low-priority build"}


@contextmanager
def gunicorn(port: int, cache_mb: str, store: Path) -> Iterator[subprocess.Popen]:
    env = {"CONGRESS_RESPONSE_CACHE_MB": cache_mb, "CONGRESS_FIGURE_STORE": str(store), "CONGRESS_WARM": "before"}
    with serve(NOOP_APP, port, ROOT, ready_path="/healthz", env=env) as process:
        yield process


def build_store(folder: Path, later: bool = False) -> float:
    """Build into `folder` the figures, captions and walks `bin/serve` builds before it serves (`later`: then
    what it builds at low priority once it serves); return the seconds it took."""
    env = {**os.environ, "CONGRESS_FIGURE_STORE": str(folder)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "dashboard.chart_cache", *(["--later"] if later else [])], cwd=ROOT, env=env, check=True
    )
    return time.perf_counter() - start


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(c) for c in children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise LookupError(pid)


def view_bodies(pages: Pages, seed: int = 1917) -> list[bytes]:
    """The main callback's body for every view × theme × window, shuffled."""
    congresses = list(load_frames().congresses.congress_id)
    bodies = [
        pages.callbacks(search, theme, window)[0]
        for search in searches(congresses)
        for theme in THEMES
        for window in WINDOWS
    ]
    random.Random(seed).shuffle(bodies)
    return bodies


@dataclass
class Result:
    latencies: list[float]
    errors: int
    seconds: float

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds


class Bodies:
    """Hands out bodies in turn to every client: no two requests get the same one until all have been sent."""

    def __init__(self, bodies: list[bytes]) -> None:
        self.bodies, self.next, self.lock = bodies, 0, threading.Lock()

    def take(self) -> bytes:
        with self.lock:
            body = self.bodies[self.next % len(self.bodies)]
            self.next += 1
            return body


class Clicks(Bodies):
    """The no-op's bodies, one click after another, as a browser counts them: never the same twice."""

    def __init__(self) -> None:
        super().__init__([])

    def take(self) -> bytes:
        with self.lock:
            self.next += 1
            return json.dumps(noop_request(self.next)).encode()


def run_clients(port: int, bodies: Bodies, clients: int, seconds: float | None = None, total: int | None = None):
    """`clients` threads, each with its own keep-alive connection, posting bodies one at a time for `seconds`
    or until `total` requests have been sent between them."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    barrier = threading.Barrier(clients + 1)
    sent = iter(range(total)) if total else None

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait()
        stop = time.monotonic() + seconds if seconds else None
        while (stop is None or time.monotonic() < stop) and (sent is None or next(sent, None) is not None):
            body = bodies.take()
            start = time.perf_counter()
            try:
                connection.request("POST", CALLBACK_PATH, body=body, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                errors[index] += response.status != 200
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            latencies[index].append(time.perf_counter() - start)
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return Result([x for xs in latencies for x in xs], sum(errors), time.perf_counter() - start)


# The browser ------------------------------------------------------------------------------------------

DRAWN = """() => document.querySelectorAll('#graph-party-seats .scatterlayer .point').length > 0
  && document.querySelector('#graph-votes .gtitle')"""

WATCH = """() => {
  window.__drawn = new Map();
  const drawn = [...document.querySelectorAll('#view .js-plotly-plot')].filter(g => g.querySelector('.gtitle'));
  for (const g of drawn) {
    g.on('plotly_afterplot', () => window.__drawn.set(g.parentElement.id || g.id, performance.now()));
  }
  window.__graphs = drawn.length;
  window.__t0 = performance.now();
  document.querySelector('#next').click();
}"""
"""Times the charts on show (those drawn: the ones below the fold wait, assets/lazy_draw.js) redrawn after Next."""

TIMES = "() => Math.max(...window.__drawn.values()) - window.__t0"
SEAT_MARKS = "#graph-party-seats .scatterlayer .point"  # one per delegate in the hall


def browser_numbers(url: str, loads: int, changes: int) -> dict:
    from playwright.sync_api import sync_playwright

    numbers: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        load_times, weights, raw = [], [], []
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1920, "height": 1080})  # a cold cache each time
            page = context.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"]))
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            start = time.perf_counter()
            page.goto(f"{url}/?congress=1")
            page.wait_for_function(DRAWN, timeout=60_000, polling="raf")
            load_times.append((time.perf_counter() - start) * 1000)
            page.wait_for_load_state("networkidle")
            weights.append(sum(sizes))
            raw.append(len(sizes))
            if errors:
                numbers["console_errors"] = errors
            context.close()
        numbers["load_ms"] = load_times
        numbers["page_bytes"] = statistics.median(weights)
        numbers["page_requests"] = statistics.median(raw)

        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.goto(f"{url}/?congress=1")
        page.wait_for_function(DRAWN, timeout=60_000, polling="raf")
        redraws, answers, marks = [], [], []
        page.on(  # the callback's round trip as the browser saw it (request sent to response received)
            "requestfinished",
            lambda r: answers.append(r.timing["responseEnd"]) if urlparse(r.url).path.endswith(CALLBACK_PATH) else None,
        )
        for _ in range(changes):
            page.wait_for_timeout(300)
            page.evaluate(WATCH)
            page.wait_for_function("() => window.__drawn.size >= window.__graphs", timeout=10_000, polling="raf")
            redraws.append(page.evaluate(TIMES))
            marks.append(page.locator(SEAT_MARKS).count())
        numbers["redraw_ms"] = redraws
        numbers["seat_marks"] = marks
        numbers["answer_ms"] = answers
        context.close()
        browser.close()
    return numbers


def export_png(runs: int) -> list[float]:
    from dashboard import export
    from dashboard.frames import load_frames

    frames = load_frames()
    export.chart_image(frames, "party-seats", "ar-02")  # cold: starts Chromium
    times = []
    for i in range(runs):
        start = time.perf_counter()
        export.chart_image(frames, ("party-seats", "votes", "party-bars")[i % 3], "ar-02")
        times.append((time.perf_counter() - start) * 1000)
    return times


# Report -----------------------------------------------------------------------------------------------


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "?")
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="per concurrency level and callback")
    parser.add_argument("--loads", type=int, default=5, help="cold page loads in Chromium")
    parser.add_argument("--changes", type=int, default=9, help="selector changes in Chromium")
    parser.add_argument("--requests", type=int, default=2_000, help="requests between the two memory readings")
    parser.add_argument("--write", action="store_true", help="write the report into docs/performance.md")
    args = parser.parse_args()

    import runpy

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    print("figure store as bin/serve starts…", file=sys.stderr)
    build_store(work / "start")
    shutil.copytree(work / "start", work / "later")
    print("figure store after the low-priority build…", file=sys.stderr)
    report: dict = {"workers": config["workers"], "threads": config["threads"], "http": {}}
    report["later_s"] = build_store(work / "later", later=True)
    for store in STORES:
        for cache, megabytes in CACHES.items():
            port, copy = free_port(), work / f"{store}-{cache}"  # each server starts from its own copy
            shutil.copytree(work / store, copy)
            with gunicorn(port, megabytes, copy) as master:
                bodies, noop = Bodies(view_bodies(Pages.read(port))), Clicks()
                report["bodies"] = len(bodies.bodies)
                for clients in CLIENTS:
                    print(f"store {store}, cache {cache}, {clients} clients…", file=sys.stderr)
                    report["http"][(store, cache, clients)] = run_clients(port, bodies, clients, seconds=args.seconds)
                    report["http"][(store, "noop " + cache, clients)] = run_clients(
                        port, noop, clients, seconds=args.seconds
                    )
                if (store, cache) == ("start", "on"):
                    print("browser…", file=sys.stderr)
                    report["browser"] = browser_numbers(f"http://127.0.0.1:{port}", args.loads, args.changes)
                    print("memory…", file=sys.stderr)
                    before = {pid: rss_mb(pid) for pid in workers_of(master.pid)}
                    run_clients(port, bodies, clients=10, total=args.requests)
                    report["memory"] = (before, {pid: rss_mb(pid) for pid in workers_of(master.pid)})
            shutil.rmtree(copy)
    shutil.rmtree(work)
    print("export…", file=sys.stderr)
    report["export"] = export_png(5)
    section = render(report, args)
    print(section)
    if args.write:
        text = OUT.read_text()
        before, rest = text.split(BEGIN, 1)
        OUT.write_text(before + section + rest.split(END, 1)[1])


def ratio(http: dict, store: str, clients: int) -> float:
    """The main callback's p95 over the no-op's, both with distinct bodies and the response cache on."""
    return http[(store, "on", clients)].pct(0.95) / http[(store, "noop on", clients)].pct(0.95)


def render(report: dict, args: argparse.Namespace) -> str:
    b, http = report["browser"], report["http"]
    before, after = report["memory"]
    lines = [
        BEGIN,
        "## The main callback over HTTP, and a page in the browser (`bench/serve.py`)",
        "",
        f"Measured by `.venv/bin/python bench/serve.py --write` on {machine()}. Gunicorns with "
        f"`gunicorn.conf.py` ({report['workers']} workers × {report['threads']} threads) on 127.0.0.1 serve "
        "`bench/noop_app.py`, the dashboard plus one do-nothing callback, with the response cache as served "
        "(16 MB per worker) and without it. Each starts from its own copy of a figure store: **as `bin/serve` "
        "starts** (every congress and the timeline; other views are built when first asked for), or **after its "
        "low-priority build** (every congress, pair compared and the timeline at every common window in every "
        f"theme; it took {report['later_s']:.0f} s here on every core, and bin/serve runs it at the lowest "
        "priority beside the class). Every request is the body a browser posts when a page opens at a view of its "
        f"own: {report['bodies']:,} bodies, each congress, pair compared and the timeline, in three themes at nine "
        "window sizes, handed out so that no two requests of a run send the same one. The no-op's bodies differ "
        "too, one click after another, as a browser sends them, so the response cache cannot answer either. "
        "Clients share the two cores with the server. "
        f"{args.seconds:.0f} s per row, keep-alive, gzip and brotli accepted; times in ms.",
        "",
        "| figure store | clients | response cache | requests | p50 | p95 | requests/s | errors | no-op p50 "
        "| no-op p95 | p95 / no-op p95 |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for store, label in STORES.items():
        for clients in CLIENTS:
            for cache in CACHES:
                r, floor = http[(store, cache, clients)], http[(store, "noop " + cache, clients)]
                lines.append(
                    f"| {label} | {clients} | {cache} | {len(r.latencies):,} | {r.pct(0.5):.1f} | {r.pct(0.95):.1f} "
                    f"| {r.throughput:.0f} | {r.errors + floor.errors} | {floor.pct(0.5):.1f} "
                    f"| {floor.pct(0.95):.1f} | {r.pct(0.95) / floor.pct(0.95):.1f}× |"
                )
    redraw = median(b["redraw_ms"])
    growth = [(after[p] - before[p]) / before[p] * 100 for p in before if p in after]
    export = report["export"]
    lines += [
        "",
        "With distinct bodies the response cache seldom has the answer: what it saves is a repeated view "
        "(a class opening the link the teacher gave, a pupil going back), not a new one. Once the low-priority "
        "build is done, a view's figures at a common window are read, not built: what is left is the callback "
        "itself (the page's words for the view, Dash's JSON of about 60 outputs, compression).",
        "",
        "| in headless Chromium, 1920×1080 | median | min | max |",
        "| --- | ---: | ---: | ---: |",
        f"| open `/?congress=1` to its hall and votes drawn (cold cache, {len(b['load_ms'])} loads), ms "
        f"| {median(b['load_ms']):.0f} | {min(b['load_ms']):.0f} | {max(b['load_ms']):.0f} |",
        f"| Next to every chart on show redrawn ({len(b['redraw_ms'])} changes), ms "
        f"| {redraw:.0f} | {min(b['redraw_ms']):.0f} | {max(b['redraw_ms']):.0f} |",
        f"| of which to the fullest hall ({max(b['seat_marks']):,} seat marks; the others "
        f"{min(b['seat_marks']):,}–{sorted(b['seat_marks'])[-2]:,}), ms "
        f"| {b['redraw_ms'][b['seat_marks'].index(max(b['seat_marks']))]:.0f} | | |",
        "| the callback's round trip as the browser saw it, ms "
        + (
            f"| {median(b['answer_ms']):.0f} | {min(b['answer_ms']):.0f} | {max(b['answer_ms']):.0f} |"
            if b["answer_ms"]
            else "| not observed | | |"
        ),
        "",
        f"A first load transfers {b['page_bytes'] / 1000:.0f} kB in {b['page_requests']:.0f} requests. "
        + (f"Console errors: {b['console_errors']}. " if b.get("console_errors") else "")
        + f"A warm 1920×1080 PNG export: median {median(export):.0f} ms ({len(export)} exports). Memory of the "
        f"{len(before)} workers (cache on) before and after {args.requests:,} more requests (the bodies in turn): "
        f"{sum(before.values()):.0f} MB and {sum(after.get(p, 0) for p in before):.0f} MB; largest growth of one "
        f"worker {max(growth):+.1f} %.",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        *[
            f"| main callback p95 ≤ 1.5 × the no-op's, distinct bodies, cache on, {c} client{'s' if c > 1 else ''}, "
            f"store {label} | {ratio(http, store, c):.1f}× | {'yes' if ratio(http, store, c) <= 1.5 else 'no'} |"
            for store, label in STORES.items()
            for c in CLIENTS
        ],
        f"| a selector change redrawn in under 300 ms (median) | {redraw:.0f} ms | {'yes' if redraw < 300 else 'no'} |",
        END,
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
