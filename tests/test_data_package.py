"""`python -m dashboard data` writes every frame as CSV with a Frictionless datapackage.json."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from dashboard.frames import Frames

ROOT = Path(__file__).resolve().parents[1]


def test_data_command_writes_csv_and_descriptor(tmp_path: Path, frames: Frames) -> None:
    out = tmp_path / "package"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "data", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    names = {r["name"] for r in descriptor["resources"]}
    assert {"congresses", "composition", "votes", "bodies", "events", "sources", "numbers"} <= names
    assert any(s["path"] == "https://www.marxists.org/encyclopedia/events/a/arcs.htm" for s in descriptor["sources"])
    for resource in descriptor["resources"]:
        with (out / resource["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    with (out / "composition.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    gap = next(
        r
        for r in rows
        if r["congress_id"] == "ar-01"
        and r["part_id"] == "not-accounted"
        and r["kind"] == "party"
        and r["is_default"] == "True"
        and not r["body"]
    )
    assert gap["count"] == "7" and "presumably 7 delegates did not answer" in gap["note"]
    types = {
        f["name"]: f["type"]
        for f in next(r for r in descriptor["resources"] if r["name"] == "votes")["schema"]["fields"]
    }
    assert types["in_favour"] == "integer" and types["unanimous"] == "boolean"
    with (out / "votes.csv").open(encoding="utf-8") as handle:
        peace = next(r for r in csv.DictReader(handle) if r["vote_id"] == "general-peace")
    assert peace["in_favour"] == "" and peace["dissents"] == "8"  # unknown stays empty, never 0


def test_a_fixed_number_shows_after_a_restart(data_copy: Path, tmp_path: Path) -> None:
    """A teacher edits a record in a text editor; the next start reads the fix."""
    path = data_copy / "congresses/ar-09.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value = 362", "value = 361", 1), encoding="utf-8")
    out = tmp_path / "fixed"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--data", str(data_copy), "data", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with (out / "congresses.csv").open(encoding="utf-8") as handle:
        ninth = next(r for r in csv.DictReader(handle) if r["congress_id"] == "ar-09")
    assert ninth["delegates_consultative"] == "361"


def test_app_refuses_to_start_on_a_bad_record(data_copy: Path) -> None:
    path = data_copy / "congresses/ar-01.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("count = 105", "count = -105", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "import app"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"CONGRESS_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 1
    assert "The dashboard did not start: invalid records." in result.stderr
    assert "ar-01.toml: breakdowns.0.parts.4.count" in result.stderr and "(got -105)" in result.stderr
    assert "Traceback" not in result.stderr
