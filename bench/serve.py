"""Benchmark: the dashboard as a classroom gets it, from gunicorn (gunicorn.conf.py) on 127.0.0.1.

Run: .venv/bin/python bench/serve.py [--seconds 5] [--loads 5] [--changes 9] [--requests 10000]

Measures the page weight of a first load, the time to the charts drawn and from a selector change to every
chart redrawn (headless Chromium), the selector callback at 1, 10 and 40 concurrent clients against a no-op
callback on the same server (bench/noop_app.py), the selector callback in process, a warm PNG export, and
each worker's memory before and after 10,000 requests. Writes docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dash_requests import (  # noqa: E402
    CALLBACK_PATH,
    noop_request,
    selector_callback,
    selector_change,
    url_change,
)
from bench.gunicorn_server import free_port  # noqa: E402
from bench.gunicorn_server import gunicorn as serve  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
CONGRESSES = ["ar-01", "ar-02", "ar-03", "ar-05", "ar-09", "au-01", "au-08"]
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "gzip, deflate, br"}  # as a browser sends
OUT = ROOT / "docs" / "performance.md"
NOOP_APP = "bench.noop_app:server"


@contextmanager
def gunicorn(port: int) -> Iterator[subprocess.Popen]:
    with serve(NOOP_APP, port, ROOT, ready_path="/healthz") as process:
        yield process


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(c) for c in children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise LookupError(pid)


def warm_up(port: int, bodies: list[bytes], rounds: int) -> None:
    """Every worker builds and caches every congress's figures before anything is timed: passes of requests
    until one takes under a second (the first builds figures in every worker, which takes seconds)."""
    for _ in range(10):
        start = time.perf_counter()
        run_clients(port, bodies, clients=10, requests_each=rounds)
        if time.perf_counter() - start < 1:
            break


@dataclass
class Result:
    clients: int
    latencies: list[float]
    errors: int
    seconds: float

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds


def run_clients(
    port: int, bodies: list[bytes], clients: int, seconds: float | None = None, requests_each: int | None = None
) -> Result:
    """`clients` threads, each with its own keep-alive connection, posting `bodies` in turn."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    barrier = threading.Barrier(clients + 1)

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        barrier.wait()
        stop = time.monotonic() + seconds if seconds else None
        n = 0
        while (stop is None or time.monotonic() < stop) and (requests_each is None or n < requests_each):
            body = bodies[(index + n) % len(bodies)]
            start = time.perf_counter()
            try:
                connection.request("POST", CALLBACK_PATH, body=body, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies[index].append(time.perf_counter() - start)
            n += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return Result(clients, [x for xs in latencies for x in xs], sum(errors), time.perf_counter() - start)


def dependencies(port: int) -> list[dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_dash-dependencies")
    return json.loads(connection.getresponse().read())


# The browser ------------------------------------------------------------------------------------------

DRAWN = """() => {
  const graphs = [...document.querySelectorAll('#view .js-plotly-plot')];
  return graphs.length >= 5 && graphs.every(g => g.querySelector('.main-svg'))
    && document.querySelectorAll('#graph-party-seats .scatterlayer .point').length > 0;
}"""

WATCH = """() => {
  window.__drawn = new Map();
  for (const g of document.querySelectorAll('#view .js-plotly-plot')) {
    g.on('plotly_afterplot', () => window.__drawn.set(g.parentElement.id || g.id, performance.now()));
  }
  window.__graphs = document.querySelectorAll('#view .js-plotly-plot').length;
  window.__t0 = performance.now();
  document.querySelector('#next').click();
}"""


TIMES = "() => Math.max(...window.__drawn.values()) - window.__t0"


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
        redraws, answers = [], []
        # The callback's round trip as the browser saw it (request sent to response received).
        page.on(
            "requestfinished",
            lambda r: answers.append(r.timing["responseEnd"]) if r.url.endswith(CALLBACK_PATH) else None,
        )
        for _ in range(changes):
            page.wait_for_timeout(300)
            page.evaluate(WATCH)
            page.wait_for_function("() => window.__drawn.size >= window.__graphs", timeout=10_000, polling="raf")
            redraws.append(page.evaluate(TIMES))
        numbers["redraw_ms"] = redraws
        numbers["answer_ms"] = answers
        context.close()
        browser.close()
    return numbers


# In process -------------------------------------------------------------------------------------------


def in_process(runs: int) -> dict:
    """Selector and no-op through the Flask test client: with the response cache (as served) and without it
    (what Dash, the callback, serialisation and compression cost on a first request)."""
    from bench.noop_app import with_noop
    from dashboard.server import create_app

    numbers = {}
    for label, megabytes in (("cached", "16"), ("uncached", "0")):
        os.environ["CONGRESS_RESPONSE_CACHE_MB"] = megabytes
        client = with_noop(create_app()).server.test_client()
        selector = selector_callback(client.get("/_dash-dependencies").get_json())
        bodies = [json.dumps(selector_change(selector, c)) for c in CONGRESSES]
        noop = json.dumps(noop_request())
        for body in bodies * 3:  # build every figure and panel first
            client.post(CALLBACK_PATH, data=body, headers=HEADERS)

        def timed(make_body, client=client) -> list[float]:
            times = []
            for i in range(runs):
                body = make_body(i)
                start = time.perf_counter()
                response = client.post(CALLBACK_PATH, data=body, headers=HEADERS)
                times.append(time.perf_counter() - start)
                assert response.status_code == 200, response.status_code
            return times

        numbers[label] = {"selector": timed(lambda i, b=bodies: b[i % len(b)]), "noop": timed(lambda i, n=noop: n)}
    os.environ.pop("CONGRESS_RESPONSE_CACHE_MB")
    return numbers


def export_png(runs: int) -> list[float] | str:
    try:
        from dashboard import export
    except ImportError:
        return "dashboard.export does not exist yet"
    from dashboard.frames import load_frames

    frames = load_frames()
    try:
        export.chart_image(frames, "party-seats", "ar-02")  # cold: starts kaleido's Chromium
    except Exception as error:
        return f"export failed: {error}"
    times = []
    for i in range(runs):
        start = time.perf_counter()
        export.chart_image(frames, ("party-seats", "votes", "party-bars")[i % 3], "ar-02")
        times.append((time.perf_counter() - start) * 1000)
    return times


# Report -----------------------------------------------------------------------------------------------


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "?")
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    ram_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gb": ram_kb / 1024 / 1024,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="per concurrency level and callback")
    parser.add_argument("--loads", type=int, default=5, help="cold page loads in Chromium")
    parser.add_argument("--changes", type=int, default=9, help="selector changes in Chromium")
    parser.add_argument("--requests", type=int, default=10_000, help="requests between the two memory readings")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    import runpy

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    port = free_port()
    report: dict = {"machine": machine(), "workers": config["workers"], "threads": config["threads"]}
    with gunicorn(port) as master:
        url = f"http://127.0.0.1:{port}"
        selector = selector_callback(dependencies(port))
        bodies = [json.dumps(selector_change(selector, c)).encode() for c in CONGRESSES]
        noop = [json.dumps(noop_request()).encode()]
        warm_up(port, bodies, rounds=3 * len(CONGRESSES))
        print("browser…", file=sys.stderr)
        report["browser"] = browser_numbers(url, args.loads, args.changes)
        report["http"] = {}
        for clients in (1, 10, 40):
            for name, payload in (("selector", bodies), ("noop", noop)):
                print(f"{clients} clients, {name}…", file=sys.stderr)
                report["http"][(clients, name)] = run_clients(port, payload, clients, seconds=args.seconds)
        print("memory…", file=sys.stderr)
        workers = workers_of(master.pid)
        before = {pid: rss_mb(pid) for pid in workers}
        junk = [json.dumps(url_change(selector, f"?congress=junk-{i}")).encode() for i in range(args.requests // 2)]
        mix = [b for pair in zip(junk, bodies * (len(junk) // len(bodies) + 1), strict=False) for b in pair]
        run_clients(port, mix, clients=10, requests_each=len(mix) // 10)
        after = {pid: rss_mb(pid) for pid in workers_of(master.pid)}
        report["memory"] = (before, after)
    print("in process…", file=sys.stderr)
    report["in_process"] = in_process(2000)
    print("export…", file=sys.stderr)
    report["export"] = export_png(5)
    text = render(report, args)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(text)
    print(text)


def render(report: dict, args: argparse.Namespace) -> str:
    m = report["machine"]
    b = report["browser"]
    http = report["http"]
    before, after = report["memory"]
    lines = [
        "# Performance",
        "",
        "Measured by `.venv/bin/python bench/serve.py` (it rewrites this file). The server is gunicorn with",
        "`gunicorn.conf.py` on 127.0.0.1, serving `bench/noop_app.py`: the dashboard plus one do-nothing",
        "callback, the floor a callback round trip cannot go below. Clients run on the same machine, so they",
        "share its cores with the server.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']:.1f} GB RAM, Python {m['python']}, {m['platform']}.",
        f"gunicorn: {report['workers']} workers × {report['threads']} threads (gthread).",
        "",
        "## In the browser (headless Chromium, 1920×1080)",
        "",
        "| measure | median | min | max |",
        "| --- | ---: | ---: | ---: |",
        f"| open `/?congress=1` to all charts drawn (cold cache, {len(b['load_ms'])} loads), ms "
        f"| {median(b['load_ms']):.0f} | {min(b['load_ms']):.0f} | {max(b['load_ms']):.0f} |",
        f"| selector change (Next) to every chart redrawn ({len(b['redraw_ms'])} changes), ms "
        f"| {median(b['redraw_ms']):.0f} | {min(b['redraw_ms']):.0f} | {max(b['redraw_ms']):.0f} |",
        "| the selector callback's round trip as the browser sees it, ms "
        + (
            f"| {median(b['answer_ms']):.0f} | {min(b['answer_ms']):.0f} | {max(b['answer_ms']):.0f} |"
            if b["answer_ms"]
            else "| not observed | | |"
        ),
        "",
        f"Page weight of a first load: {b['page_bytes'] / 1024:.0f} kB transferred (compressed), "
        f"{b['page_requests']:.0f} requests.",
    ]
    if b.get("console_errors"):
        lines.append(f"Console errors: {b['console_errors']}")
    lines += [
        "",
        f"## The selector callback over HTTP ({args.seconds:.0f} s per row, keep-alive, gzip/br accepted)",
        "",
        "| clients | callback | p50 ms | p95 ms | requests/s | errors | p50 / no-op | p95 / no-op |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for clients in (1, 10, 40):
        floor = http[(clients, "noop")]
        for name in ("selector", "noop"):
            r = http[(clients, name)]
            ratio = (
                f"{r.pct(0.5) / floor.pct(0.5):.2f}× | {r.pct(0.95) / floor.pct(0.95):.2f}×"
                if name == "selector"
                else "1 | 1"
            )
            lines.append(
                f"| {clients} | {name} | {r.pct(0.5):.2f} | {r.pct(0.95):.2f} | {r.throughput:.0f} "
                f"| {r.errors} | {ratio} |"
            )
    lines += [
        "",
        "## The selector callback in process (Flask test client, warm figure caches, 2000 calls each)",
        "",
        "With the response cache (as served) and without it (Dash, the callback, JSON and compression run on",
        "every call, as on a worker's first request for a view).",
        "",
        "| response cache | callback | p50 ms | p95 ms | p50 / no-op | p95 / no-op |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, ip in report["in_process"].items():
        sel, noop = ip["selector"], ip["noop"]
        lines += [
            f"| {label} | selector | {median(sel) * 1000:.2f} | {p95(sel) * 1000:.2f} "
            f"| {median(sel) / median(noop):.1f}× | {p95(sel) / p95(noop):.1f}× |",
            f"| {label} | no-op | {median(noop) * 1000:.2f} | {p95(noop) * 1000:.2f} | 1 | 1 |",
        ]
    lines += [
        "",
        "## Export",
        "",
    ]
    export = report["export"]
    if isinstance(export, str):
        lines.append(f"Skipped: {export}.")
    else:
        lines.append(
            f"A warm 1920×1080 PNG from `dashboard.export.chart_image`: median {median(export):.0f} ms "
            f"(min {min(export):.0f}, max {max(export):.0f}, {len(export)} exports)."
        )
    growth = [(after[p] - before[p]) / before[p] * 100 for p in before if p in after]
    lines += [
        "",
        f"## Memory (RSS per worker, before and after {args.requests:,} requests, after a warm-up)",
        "",
        "Half are selector changes, half open a distinct junk URL (`?congress=junk-N`), so the response cache",
        "fills as well (it is bounded at 16 MB per worker).",
        "",
        "| worker | before MB | after MB | growth |",
        "| ---: | ---: | ---: | ---: |",
        *[
            f"| {i + 1} | {before[p]:.0f} | {after.get(p, float('nan')):.0f} | "
            f"{(after.get(p, before[p]) - before[p]) / before[p] * 100:+.1f}% |"
            for i, p in enumerate(before)
        ],
        "",
        f"Largest growth: {max(growth):+.1f}%." if growth else "Workers were replaced during the run.",
        "",
    ]
    r40 = http[(40, "selector")]
    redraw = median(b["redraw_ms"])
    lines += [
        "## Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        f"| 40 concurrent clients, 0 errors | {r40.errors} errors in {len(r40.latencies):,} requests "
        f"| {'yes' if r40.errors == 0 else 'no'} |",
        *[
            f"| selector p95 ≤ 1.5 × no-op p95, {c} client{'s' if c > 1 else ''} | "
            f"{http[(c, 'selector')].pct(0.95) / http[(c, 'noop')].pct(0.95):.2f}× "
            f"| {'yes' if http[(c, 'selector')].pct(0.95) <= 1.5 * http[(c, 'noop')].pct(0.95) else 'no'} |"
            for c in (1, 10, 40)
        ],
        f"| selector change redrawn < 300 ms (median) | {redraw:.0f} ms | {'yes' if redraw < 300 else 'no'} |",
        f"| memory growth < 10% over {args.requests:,} requests | {max(growth):+.1f}% "
        f"| {'yes' if max(growth) < 10 else 'no'} |",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
