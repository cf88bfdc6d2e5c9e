"""`python -m dashboard data` writes every frame as CSV with a Frictionless datapackage.json."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import frictionless

from dashboard.datapackage import descriptor, write_package
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


def _package(tmp_path: Path, frames: Frames) -> Path:
    out = tmp_path / "package"
    write_package(frames, out)
    return out


def _errors(report: frictionless.Report) -> list[str]:
    return [f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors]


def test_package_validates_with_frictionless(tmp_path: Path, frames: Frames) -> None:
    """Types, primary keys and foreign keys all hold: what `frictionless validate datapackage.json` checks."""
    report = frictionless.validate(str(_package(tmp_path, frames) / "datapackage.json"))
    assert _errors(report) == []
    assert report.valid and report.stats["tasks"] == len(frames.items())


def test_a_broken_foreign_key_fails_validation(tmp_path: Path, frames: Frames) -> None:
    out = _package(tmp_path, frames)
    path = out / "composition.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("party_id")
    row = next(r for r in rows if r[at] == "bolshevik")
    row[at] = "cadet"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    errors = _errors(frictionless.validate(str(out / "datapackage.json")))
    assert len(errors) == 1 and errors[0].startswith("composition: foreign-key") and "cadet" in errors[0]


def test_every_field_of_every_resource_is_described(frames: Frames) -> None:
    package = descriptor(frames)
    fields = [(r["name"], f) for r in package["resources"] for f in r["schema"]["fields"]]
    undescribed = [f"{name}.{f['name']}" for name, f in fields if not f.get("description")]
    assert undescribed == []
    assert len(package["resources"]) == len(frames.items())


def test_descriptor_carries_licences_keys_and_sources(frames: Frames) -> None:
    package = descriptor(frames)
    assert package["licenses"] == [
        {
            "name": "CC-BY-SA-4.0",
            "title": "Creative Commons Attribution-ShareAlike 4.0 International",
            "path": "https://creativecommons.org/licenses/by-sa/4.0/",
        }
    ]
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    assert all(s["primaryKey"] for s in schemas.values())
    keys = {
        (name, fk["fields"] if isinstance(fk["fields"], str) else tuple(fk["fields"]), fk["reference"]["resource"])
        for name, s in schemas.items()
        for fk in s["foreignKeys"]
    }
    assert ("composition", "congress_id", "congresses") in keys
    assert ("numbers", "source_id", "sources") in keys
    assert ("congresses", "venue_source_id", "sources") in keys
    assert ("composition", "party_id", "parties") in keys and ("votes", "caucus", "parties") in keys
    assert ("parties", "family", "") in keys  # a faction's broader party, in the same table
    assert ("lesson-facts", ("lesson_id", "step"), "lessons") in keys  # a fact belongs to a lesson step
    assert ("glossary-facts", "term_id", "glossary") in keys
    with_congress = [name for name, s in schemas.items() if "congress_id" in {f["name"] for f in s["fields"]}]
    assert {name for name, column, _ in keys if column == "congress_id"} == set(with_congress) - {"congresses"}
    lenin = next(s for s in package["sources"] if s["path"].endswith("SARCS19.html"))
    assert (lenin["volume"], lenin["pages"], lenin["year"], lenin["accessed"]) == ("30", "550", 1965, "2026-11-27")
    assert lenin["licenses"][0]["name"] == "quotation"
    pipes = next(s for s in package["sources"] if s.get("author") == "Richard Pipes")
    assert "rulit.me" in pipes["read_via"] and "rulit.me" not in pipes["path"]


def test_party_id_names_the_party_only_in_party_breakdowns(frames: Frames) -> None:
    comp = frames.composition
    party = comp[(comp.kind == "party") & ~comp.gap]
    assert (party.party_id == party.part_id).all()
    assert comp[comp.gap].party_id.isna().all() and comp[comp.kind != "party"].party_id.isna().all()
    assert set(party.party_id) <= set(frames.parties.id)
    assert "not-accounted" not in set(comp.party_id.dropna())
