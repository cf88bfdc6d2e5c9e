"""Benchmark: how long loading and validating every record, and building the frames, takes.

Run: .venv/bin/python bench/load_records.py [--runs 30]
Each run is a fresh load (no cache); the figure is the median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.frames import build_frames
from dashboard.loader import load_records


def main() -> None:
    """Time load_records and build_frames, separately and together."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    load, build = [], []
    for _ in range(runs):
        start = time.perf_counter()
        records = load_records()
        middle = time.perf_counter()
        build_frames(records)
        load.append(middle - start)
        build.append(time.perf_counter() - middle)
    total = [a + b for a, b in zip(load, build, strict=True)]
    print(f"{len(records.congresses)} congresses, {runs} runs (median, min, max in ms)")
    for name, times in (("read + validate", load), ("build frames", build), ("total", total)):
        ms = [t * 1000 for t in times]
        print(f"  {name:16} {statistics.median(ms):7.1f} {min(ms):7.1f} {max(ms):7.1f}")


if __name__ == "__main__":
    main()
