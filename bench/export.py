"""Benchmark: how long a warm 1920×1080 PNG and a whole slide pack take to export.

Run: .venv/bin/python bench/export.py [--runs 7] [--congress 2]
The first export starts kaleido's Chromium and is timed apart as the cold start; then one warm-up
export, then `runs` timed exports of each. The figures are medians (and min, max) in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import export
from dashboard.frames import load_frames

LINK = "http://127.0.0.1:8050/"


def _time(call, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    """Time the cold start, a warm projector PNG and a PNG slide pack of one congress."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--congress", default="2")
    args = parser.parse_args()
    frames = load_frames()
    congress_id = export.resolve_congress(frames, args.congress)
    link = export.permalink(LINK, congress_id)

    def png() -> bytes:
        return export.chart_image(frames, "party-seats", congress_id, "png", "projector", link)

    def pack() -> bytes:
        return export.slide_pack(frames, congress_id, "png", "projector", link)

    cold = _time(png, 1)[0]
    png()  # warm-up
    rows = [
        ("PNG 1920×1080 px, warm", _time(png, args.runs)),
        (f"slide pack, {len(export.charts.CHART_IDS)} PNGs + README", _time(pack, args.runs)),
    ]
    print(f"congress {congress_id}, {args.runs} runs (median, min, max in ms); cold start {cold:.0f} ms")
    for name, times in rows:
        print(f"  {name:40} {statistics.median(times):7.0f} {min(times):7.0f} {max(times):7.0f}")


if __name__ == "__main__":
    main()
