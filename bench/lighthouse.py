"""Benchmark: the first page load as a pupil's browser gets it, scored by Lighthouse.

Run: .venv/bin/python bench/lighthouse.py [--runs 3] [--baseline DIR] [--preset desktop] [--write]

Lighthouse is pinned by bench/lighthouse/package.json and its package-lock.json; on first use this script
installs it with `npm ci` into bench/lighthouse/node_modules (gitignored). It is a benchmark tool only:
neither the app nor CI needs it.

Each app is served by its own gunicorn with gunicorn.conf.py on 127.0.0.1: the dashboard of this checkout, the
dashboard of another checkout of the repository with `--baseline DIR` (to compare before and after a change in
one run), and bench/minimal_app.py, the smallest Dash app with one graph. Runs of the apps take turns. Before
measuring, each page is opened in headless Chromium at both presets' widths, as many times as there are
workers, so the figures the pages need are built (as after the first pupils of a lesson). Lighthouse then
loads each page with a cold browser cache, `--runs` times with the desktop preset and `--runs` times with
the mobile one (simulated throttling), in Debian's Chromium. The report gives each number's median;
`--write` puts it into docs/performance.md between the lighthouse markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gunicorn_server import free_port  # noqa: E402
from bench.gunicorn_server import gunicorn as serve  # noqa: E402

TOOL = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "docs" / "performance.md"
START, END = "<!-- lighthouse: written by bench/lighthouse.py -->", "<!-- /lighthouse -->"
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
PAGES = ["/?congress=2", "/?compare=1,2", "/?view=timeline"]
PRESETS = {"desktop": ["--preset=desktop"], "mobile": []}  # Lighthouse's default is the mobile preset
VIEWPORTS = {"desktop": (1350, 940), "mobile": (412, 823)}  # the presets' emulated screens
CATEGORIES = ("performance", "accessibility", "best-practices")
DRAWN = "() => [...document.querySelectorAll('.js-plotly-plot')].some(g => g.offsetParent && g.querySelector('svg'))"
AUDITS = {
    "tbt_ms": "total-blocking-time",
    "lcp_ms": "largest-contentful-paint",
    "cls": "cumulative-layout-shift",
    "transfer_kb": "total-byte-weight",
}


@dataclass(frozen=True)
class App:
    label: str
    module: str
    root: Path
    pages: list[str]
    env: tuple[tuple[str, str], ...] = ()


@dataclass
class Row:
    app: str
    page: str
    preset: str
    runs: list[dict]

    def median(self, key: str) -> float:
        return statistics.median(run[key] for run in self.runs)


def install_lighthouse() -> None:
    """The pinned Lighthouse, from bench/lighthouse/package-lock.json, once."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(TOOL)], check=True)


def workers() -> int:
    config: dict = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)
    return int(config["workers"])


@contextmanager
def gunicorn(app: App, port: int) -> Iterator[str]:
    with serve(app.module, port, app.root, env={"PYTHONPATH": str(app.root), **dict(app.env)}):
        yield f"http://127.0.0.1:{port}"


def warm_up(base: str, pages: list[str], loads: int) -> None:
    """Open every page at both presets' widths `loads` times, waiting until its charts are drawn."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for page_path in pages:
            for width, height in VIEWPORTS.values():
                for _ in range(loads):
                    for attempt in range(3):  # a worker's first answers can fail (Dash's start-up race, issue 14)
                        context = browser.new_context(viewport={"width": width, "height": height})
                        page = context.new_page()
                        try:
                            page.goto(base + page_path)
                            page.wait_for_function(DRAWN, timeout=30_000)
                            page.wait_for_load_state("networkidle")
                            break
                        except PlaywrightError:
                            if attempt == 2:
                                raise
                        finally:
                            context.close()
        browser.close()


def lighthouse(url: str, preset: str, tries: int = 3) -> dict:
    """One Lighthouse run: the three category scores and the audits' numbers. A run Lighthouse itself gives
    up on (now and then it records no trace: NO_NAVSTART) is run again, up to `tries` times."""
    for _ in range(tries - 1):
        try:
            return _lighthouse(url, preset)
        except subprocess.CalledProcessError:
            continue
    return _lighthouse(url, preset)


def _lighthouse(url: str, preset: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *PRESETS[preset],
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
        data = json.loads(report.read_text())
    run = {name: data["categories"][name]["score"] for name in CATEGORIES}
    for key, audit in AUDITS.items():
        run[key] = data["audits"][audit]["numericValue"]
    run["transfer_kb"] /= 1000
    run["lighthouse"] = data["lighthouseVersion"]
    run["browser"] = data["environment"]["hostUserAgent"].split("HeadlessChrome/")[-1].split(" ")[0]
    return run


def measure(apps: list[App], runs: int, warm_loads: int, presets: list[str]) -> list[Row]:
    """Every app served at once (idle servers cost nothing), and its runs interleaved with the others', so that
    whatever else the machine does falls on every app alike."""
    rows = {
        (app.label, page, preset): Row(app.label, page, preset, [])
        for app in apps
        for page in app.pages
        for preset in presets
    }
    with ExitStack() as stack:
        bases = {app.label: stack.enter_context(gunicorn(app, free_port())) for app in apps}
        for app in apps:
            warm_up(bases[app.label], app.pages, warm_loads)
        for run in range(runs):
            for (label, page, preset), row in rows.items():
                row.runs.append(lighthouse(bases[label] + page, preset))
                print(
                    f"run {run + 1}: {label} {page} {preset}: performance {row.runs[-1]['performance']:.2f}", flush=True
                )
    return list(rows.values())


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| app | page | preset | performance | accessibility | best practices | TBT ms | LCP ms | CLS | transfer kB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.app} | `{r.page}` | {r.preset} | {r.median('performance'):.2f} | {r.median('accessibility'):.2f}"
            f" | {r.median('best-practices'):.2f} | {r.median('tbt_ms'):.0f} | {r.median('lcp_ms'):.0f}"
            f" | {r.median('cls'):.3f} | {r.median('transfer_kb'):.0f} |"
        )
    return lines


def targets(rows: list[Row], app: str) -> list[str]:
    """The issue's targets, for the dashboard of this checkout."""
    mine = [r for r in rows if r.app == app]
    desktop = [r for r in mine if r.preset == "desktop"]
    checks = [
        ("accessibility ≥ 0.95 (every page and preset)", min(r.median("accessibility") for r in mine), 0.95, ">="),
        ("best practices ≥ 0.95 (every page and preset)", min(r.median("best-practices") for r in mine), 0.95, ">="),
        ("first-load transfer ≤ 700 kB", max(r.median("transfer_kb") for r in mine), 700, "<="),
    ]
    if desktop:  # not with `--preset mobile`
        worst = min(r.median("performance") for r in desktop)
        floor = next(r.median("performance") for r in rows if r.app == "minimal app" and r.preset == "desktop")
        checks = [
            ("desktop performance ≥ 0.90 on each page", worst, 0.90, ">="),
            ("desktop performance never below the minimal app's", worst, floor, ">="),
            *checks,
            ("Total Blocking Time ≤ 200 ms (desktop)", max(r.median("tbt_ms") for r in desktop), 200, "<="),
        ]
    mobile = [r.median("performance") for r in mine if r.preset == "mobile"]
    checks += [("mobile performance ≥ 0.60 (aim)", min(mobile), 0.60, ">=")] if mobile else []
    lines = ["| target | measured (worst page) | met |", "| --- | ---: | --- |"]
    for name, value, bound, op in checks:
        met = value >= bound if op == ">=" else value <= bound
        shown = f"{value:.2f}" if bound < 1 else f"{value:.0f}"
        lines.append(f"| {name} | {shown} | {'yes' if met else 'no'} |")
    return lines


def report(rows: list[Row], runs: int, warm_loads: int) -> str:
    first = rows[0].runs[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    lines = [
        START,
        "## First load in Lighthouse",
        "",
        f"Measured by `.venv/bin/python bench/lighthouse.py --write` (Lighthouse {first['lighthouse']}, Debian "
        f"Chromium {first['browser']} headless, {cpu}, {os.cpu_count()} cores). Each app is served by its own "
        "gunicorn with `gunicorn.conf.py` on 127.0.0.1, all at once, their runs taking turns, after "
        f"{warm_loads} warm-up loads of each page at each preset's width. Every row is the median of "
        f"{runs} Lighthouse runs with a cold browser cache (each number's own median); desktop and mobile are "
        "Lighthouse's presets, with its simulated throttling. Transfer is Lighthouse's total byte weight of the "
        "load (kB = 1000 bytes). The minimal app is `bench/minimal_app.py`, one Dash graph. Load average of "
        f"the machine over the last 15 minutes of the run: {os.getloadavg()[2]:.1f} (the servers' warm-up and "
        "Lighthouse's own Chromium included; on 2 cores, anything else running raises blocking time).",
        "",
        *table(rows),
        "",
        "A second visit transfers no static file: the page's scripts, styles and icon have content-named URLs "
        "cached for a year (`immutable`), so the browser asks only for the page, its layout, its callback "
        "dependencies and its callbacks (tests/browser/test_static_assets.py).",
        "",
        "### Targets (the dashboard of this checkout)",
        "",
        *targets(rows, "dashboard"),
        END,
    ]
    return "\n".join(lines)


def write(section: str) -> None:
    text = OUT.read_text() if OUT.exists() else "# Performance\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    OUT.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout of the repository, measured as 'before'")
    parser.add_argument("--warm", type=int, default=workers(), help="warm-up loads of each page and width")
    parser.add_argument("--preset", choices=list(PRESETS), help="one preset only (default: both)")
    parser.add_argument("--write", action="store_true", help="write the report into docs/performance.md")
    args = parser.parse_args()
    install_lighthouse()
    apps = [App("dashboard", "app:server", ROOT, PAGES)]
    if args.baseline:
        apps.insert(0, App("before", "app:server", args.baseline.resolve(), PAGES))
    # The dashboard's figure warm-up (gunicorn.conf.py) would only take CPU from the minimal app.
    apps.append(App("minimal app", "bench.minimal_app:server", ROOT, ["/"], (("CONGRESS_WARM", "0"),)))
    rows = measure(apps, args.runs, args.warm, [args.preset] if args.preset else list(PRESETS))
    section = report(rows, args.runs, args.warm)
    print(section)
    if args.write:
        write(section)


if __name__ == "__main__":
    main()
