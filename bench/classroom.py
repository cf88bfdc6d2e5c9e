"""Benchmark: a class as it arrives, against `bin/serve` (nginx in front of gunicorn instances) on 127.0.0.1.

Run: .venv/bin/python bench/classroom.py [--pupils 30,100,200] [--changes 6] [--memory 20000]

Each pupil opens the page as Chromium does (the HTML, every script and style it links, the layout, the
callback graph, dcc's lazy chunks, then the page's callback; the same 30 requests a recorded Chromium load
makes), and then makes view changes, thinking 1-3 s before each. Every
pupil's views are its own: a congress, a comparison or the timeline, in one of three themes, at one of nine
window sizes, so the response cache answers only what a class really repeats. A pupil fetches one request
at a time where a browser uses six connections, so "page served" is an upper bound on loopback.

Scenarios: pupils opening the link within 5 s of a fresh start; more pupils on a running server (once its
low-priority build of the figure store has finished, as before a lesson on a server started earlier); 200 slow or
idle connections held open beside 40 pupils; a rolling reload (HUP) and a kill -9 of an instance under 40
pupils; one client asking for 20 handouts beside 40 pupils; and the workers' memory after N and 2N
requests with distinct bodies. The load runs on the same two cores as the server. Writes its section of
docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dash_requests import CALLBACK_PATH, callback_body, selector_callback  # noqa: E402
from bench.gunicorn_server import free_port  # noqa: E402
from dashboard.frames import load_frames  # noqa: E402

OUT = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench/classroom.py -->", "<!-- /bench/classroom.py -->"
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "gzip, deflate, br"}
GET_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}
THEMES = ("light", "dark", "contrast")
WINDOWS = (
    (1920, 1080),
    (1366, 768),
    (1280, 800),
    (1440, 900),
    (1536, 864),
    (1000, 800),
    (390, 844),
    (768, 1024),
    (1600, 900),
)


def searches(congresses: list[str]) -> list[str]:
    """Every view a pupil might open: each congress, each pair compared (counts or shares), the timeline."""
    numbers = [
        c.split("-")[1].lstrip("0") if c.startswith("ar") else "au-" + c.split("-")[1].lstrip("0") for c in congresses
    ]
    views = [f"?congress={n}" for n in numbers]
    views += [f"?compare={a},{b}" for i, a in enumerate(numbers) for b in numbers[i + 1 :]]
    views += [f"?compare={a},{b}&measure=share" for a, b in itertools.pairwise(numbers)]
    return [*views, "?view=timeline"]


@dataclass
class Pages:
    """The requests of a page load and of a view change, built from the server's own page and callbacks."""

    assets: list[str]
    main: dict

    @classmethod
    def read(cls, port: int) -> Pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/?congress=2")
        page = connection.getresponse().read().decode()
        assets = re.findall(r'(?:src|href)="(/_static/[^"]+)"', page)
        dcc = next(a for a in assets if a.endswith("/dash/dcc/dash_core_components.js")).rsplit("/", 1)[0]
        assets += ["/_dash-layout", "/_dash-dependencies", f"{dcc}/async-dropdown.js", f"{dcc}/async-graph.js"]
        assets = list(dict.fromkeys(assets))  # the page preloads the two chunks: each is fetched once
        connection.request("GET", "/_dash-dependencies")
        main = selector_callback(json.loads(connection.getresponse().read()))
        return cls(assets, main)

    def callbacks(self, search: str, theme: str, window: tuple[int, int]) -> list[bytes]:
        """The bodies Chromium posts when a page opens at `search`: its callback (a chart's data table is asked
        for only when it is opened)."""
        values = {
            ("url", "search"): search + ("" if theme == "light" else f"&theme={theme}"),
            ("theme-select", "value"): theme,
            ("measure", "value"): "share" if "measure=share" in search else "count",
            ("hall-select", "value"): "parties",
            ("hall-menu", "value"): "parties",
            ("narrow", "data"): window[0] < 700,
            ("window-size", "data"): list(window),
            ("lessons-view", "hidden"): True,
        }
        return [json.dumps(callback_body(self.main, values, "url.search")).encode()]


@dataclass
class Tally:
    """What the pupils saw: seconds per page served, per view change and per callback, and the failures."""

    pages: list[float] = field(default_factory=list)
    changes: list[float] = field(default_factory=list)
    callbacks: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            getattr(self, kind).append(seconds)


class Pupil:
    """One browser: a keep-alive connection, its own views, and think time between them."""

    def __init__(self, port: int, pages: Pages, views: list[str], tally: Tally, seed: int) -> None:
        self.port, self.pages, self.views, self.tally = port, pages, views, tally
        self.random = random.Random(seed)
        self.theme = THEMES[seed % 3]
        self.window = WINDOWS[seed % len(WINDOWS)]
        self.connection = self.connect()

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def ask(self, method: str, path: str, body: bytes | None = None) -> bool:
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=HEADERS if body else GET_HEADERS)
            response = self.connection.getresponse()
            response.read()
            ok = response.status == 200
            if not ok:
                self.tally.errors.append(f"{response.status} {path[:60]}")
        except (OSError, http.client.HTTPException) as error:
            self.tally.errors.append(f"{type(error).__name__} {path[:60]}")
            self.connection.close()
            self.connection = self.connect()
            ok = False
        if body:
            self.tally.add("callbacks", time.perf_counter() - start)
        return ok

    def view(self, search: str, kind: str, first: bool) -> None:
        start = time.perf_counter()
        ok = True
        if first:
            ok &= self.ask("GET", "/" + search)
            for asset in self.pages.assets:
                ok &= self.ask("GET", asset)
        for body in self.pages.callbacks(search, self.theme, self.window):
            ok &= self.ask("POST", CALLBACK_PATH, body)
        if ok:
            self.tally.add(kind, time.perf_counter() - start)

    def lesson(self, changes: int) -> None:
        """Open the page at a view of its own, then change the view `changes` times, thinking between."""
        self.view(self.random.choice(self.views), "pages", first=True)
        for _ in range(changes):
            time.sleep(self.random.uniform(1, 3))
            self.view(self.random.choice(self.views), "changes", first=False)


def run_class(port: int, pages: Pages, views: list[str], pupils: int, changes: int, arrive: float, seed: int) -> Tally:
    """`pupils` arriving at random within `arrive` seconds, each opening the page and making `changes`."""
    tally = Tally()
    offsets = sorted(random.Random(seed).uniform(0, arrive) for _ in range(pupils))
    start = time.monotonic()

    def pupil(index: int) -> None:
        time.sleep(max(0.0, start + offsets[index] - time.monotonic()))
        Pupil(port, pages, views, tally, seed * 1000 + index).lesson(changes)

    threads = [threading.Thread(target=pupil, args=(i,)) for i in range(pupils)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


@contextmanager
def classroom(port: int, run: Path, extra: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """bin/serve on `port`, until the block ends; its log in `run`/serve.log."""
    env = {**os.environ, "CONGRESS_PORT": str(port), "CONGRESS_RUN_DIR": str(run), **(extra or {})}
    log = (run / "serve.log").open("w")
    process = subprocess.Popen(["bash", "bin/serve"], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 300
        while "Serving the dashboard" not in (run / "serve.log").read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"bin/serve did not start; see {run / 'serve.log'}")
            time.sleep(0.2)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)
        log.close()


LATER_BUILT = re.compile(r"figure store: every view at every common window built \((\d+) s\)")


def wait_for_later_build(run: Path, limit: float = 3600) -> int | None:
    """The seconds bin/serve's low-priority build took (ChartCache.warm_later), once it has said so; None if it
    has not within `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = LATER_BUILT.search((run / "serve.log").read_text())
        if found:
            return int(found[1])
        time.sleep(2)
    return None


def workers_rss_mb(run: Path) -> float:
    """The resident memory of every gunicorn worker behind the slots, summed."""
    total = 0.0
    for pid_file in run.glob("slot-*.pid"):
        master = int(pid_file.read_text())
        for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


def distinct_requests(port: int, pages: Pages, views: list[str], count: int, start: int = 0, clients: int = 8) -> int:
    """`count` callback requests from `clients` at once, from the `start`-th of one sequence on: each body a
    view, theme and window not asked before in this run until every combination has been (then they repeat,
    as a class's do)."""
    combos = [(v, t, w) for v in views for t in THEMES for w in WINDOWS]
    random.Random(7).shuffle(combos)
    errors = [0]
    counter = iter(range(start, start + count))
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            view, theme, window = combos[n % len(combos)]
            body = pages.callbacks(view, theme, window)[0]
            try:
                connection.request("POST", CALLBACK_PATH, body=body, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                errors[0] += response.status != 200
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors[0]


def hold_slow_connections(port: int, count: int) -> list[socket.socket]:
    """Half say nothing, half trickle a request that never ends."""
    held = []
    for n in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        if n % 2:
            s.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{")
        held.append(s)
    return held


def handout_body(dependencies: list[dict], congress: str) -> bytes:
    """The body Chromium posts when the handout button is pressed on `congress`'s page."""
    callback = next(d for d in dependencies if any(i["id"] == "handout-button" for i in d["inputs"]))
    values = {
        ("handout-button", "n_clicks"): 1,
        ("pack-format", "value"): "png",
        ("pack-preset", "value"): "projector",
        ("congress-select", "value"): congress,
        ("url", "href"): f"http://127.0.0.1/?congress={congress}",
    }
    return json.dumps(callback_body(callback, values, "handout-button.n_clicks")).encode()


def pct(xs: list[float], q: float) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def row(name: str, tally: Tally, note: str = "") -> str:
    """One line of the table (also printed as it is measured)."""
    line = _row(name, tally, note)
    print(line, flush=True)
    return line


def _row(name: str, tally: Tally, note: str = "") -> str:
    def s(xs: list[float], q: float) -> str:
        return f"{pct(xs, q):.2f}" if xs else "–"

    return (
        f"| {name} | {len(tally.errors)} | {s(tally.pages, 0.5)} / {s(tally.pages, 0.95)} | "
        f"{s(tally.changes, 0.5)} / {s(tally.changes, 0.95)} | "
        f"{s(tally.callbacks, 0.5)} / {s(tally.callbacks, 0.95)} | "
        f"{len(tally.callbacks)} | {note} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pupils", default="100,200")
    parser.add_argument("--changes", type=int, default=6)
    parser.add_argument("--memory", type=int, default=20000, help="requests before the first memory reading")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows: list[str] = []
    notes: list[str] = []
    run = Path(tempfile.mkdtemp(prefix="classroom-"))
    port = free_port()
    subprocess.run(["bash", "bin/setup"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    with classroom(port, run):
        startup = time.perf_counter() - started
        pages = Pages.read(port)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/_dash-dependencies")
        dependencies = json.loads(connection.getresponse().read())
        congresses = list(load_frames().congresses.congress_id)
        views = searches(congresses)
        notes.append(
            f"bin/serve was serving {startup:.0f} s after it was started (with the figure store to build if the "
            "records or the code had changed since it was last built)."
        )
        rows.append(row("30 pupils within 5 s of the start", run_class(port, pages, views, 30, args.changes, 5, 1)))
        later = wait_for_later_build(run)
        notes.append(
            "The rows after the first were run once bin/serve's low-priority build (every pair of congresses "
            "compared, and every view at every desk, laptop, tablet and phone window in every theme) had finished, "
            + (f"{later} s after it began." if later is not None else "or an hour had passed: it had not finished.")
        )
        for n in [int(x) for x in args.pupils.split(",")]:
            rows.append(
                row(f"{n} pupils within 10 s, running server", run_class(port, pages, views, n, args.changes, 10, n))
            )
        base = run_class(port, pages, views, 40, args.changes, 5, 40)
        rows.append(row("40 pupils (baseline for the rows below)", base))
        exporter_errors: list[str] = []
        exports = threading.Thread(target=_exports, args=(port, dependencies, congresses, exporter_errors))
        box: list[Tally] = []
        pupils = threading.Thread(target=lambda: box.append(run_class(port, pages, views, 40, args.changes, 5, 43)))
        pupils.start()
        exports.start()
        pupils.join()
        exports.join()
        ratio = pct(box[0].callbacks, 0.95) / pct(base.callbacks, 0.95)
        rows.append(
            row(
                "40 pupils while one client asks for 20 handouts",
                box[0],
                f"callback p95 {ratio:.2f}× the baseline; {exporter_errors[0]}",
            )
        )
        held = hold_slow_connections(port, 200)
        slow = run_class(port, pages, views, 40, args.changes, 5, 41)
        for s in held:
            s.close()
        rows.append(row("40 pupils beside 200 slow or idle connections", slow))
        tally_box: list[Tally] = []
        thread = threading.Thread(target=lambda: tally_box.append(run_class(port, pages, views, 40, 10, 5, 42)))
        thread.start()
        time.sleep(4)
        serve_pid = int((run / "serve.pid").read_text())
        os.kill(serve_pid, signal.SIGHUP)
        deadline = time.monotonic() + 240
        before = {p.name: p.read_text() for p in run.glob("slot-*.pid")}
        while any((run / name).read_text() == pid for name, pid in before.items()) and time.monotonic() < deadline:
            time.sleep(0.5)
        os.kill(int((run / "slot-1.pid").read_text()), signal.SIGKILL)
        thread.join()
        rows.append(row("40 pupils through a HUP (every instance replaced) and a kill -9", tally_box[0]))
        rss0 = workers_rss_mb(run)
        began = time.perf_counter()
        errors1 = distinct_requests(port, pages, views, args.memory)
        first = time.perf_counter() - began
        rss1 = workers_rss_mb(run)
        began = time.perf_counter()
        errors2 = distinct_requests(port, pages, views, args.memory, start=args.memory)
        second = time.perf_counter() - began
        rss2 = workers_rss_mb(run)
        notes.append(
            f"Workers' memory (all workers summed): {rss0:.0f} MB before, {rss1:.0f} MB after {args.memory:,} "
            f"callback requests ({args.memory / first:.0f}/s), {rss2:.0f} MB after {2 * args.memory:,} "
            f"({args.memory / second:.0f}/s; {(rss2 / rss1 - 1) * 100:+.1f} %); {errors1 + errors2} errors. The "
            f"requests are one sequence of the {len(views) * len(THEMES) * len(WINDOWS):,} views × themes × "
            "windows a pupil can ask for, each asked once before any is asked again."
        )
        print(notes[-1], flush=True)
    write(args.out, rows, notes, args)


def _exports(port: int, dependencies: list[dict], congresses: list[str], out: list[str]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    answers = {"made": 0, "refused": 0, "errors": 0}
    for congress in congresses[:20]:
        try:
            connection.request("POST", CALLBACK_PATH, body=handout_body(dependencies, congress), headers=HEADERS)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            if response.status != 200:
                answers["errors"] += 1
            elif "try again" in text:
                answers["refused"] += 1
            else:
                answers["made"] += 1
        except (OSError, http.client.HTTPException):
            answers["errors"] += 1
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    out.append(
        f"handouts: {answers['made']} made, {answers['refused']} refused by the rate limit, {answers['errors']} errors"
    )


def write(out: Path, rows: list[str], notes: list[str], args: argparse.Namespace) -> None:
    header = (
        "| scenario | errors | page served p50 / p95 s | view change p50 / p95 s | callback p50 / p95 s "
        "| callbacks | |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
    )
    section = "\n".join(
        [
            BEGIN,
            "## A class at once (`bench/classroom.py`, against `bin/serve`)",
            "",
            f"Each pupil opens the page (30 requests, as Chromium makes them) and then makes {args.changes} view "
            "changes (one callback each), thinking 1–3 s before each, with views of its own (congress, comparison or "
            "timeline × 3 themes × 9 window sizes). One request at a time per pupil; the load shares the two "
            "cores with the server. Times in seconds.",
            "",
            header,
            *rows,
            "",
            *[f"- {n}" for n in notes],
            END,
        ]
    )
    text = out.read_text() if out.exists() else "# Performance\n"
    if BEGIN in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    out.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
