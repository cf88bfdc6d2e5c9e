"""Write the frames as CSV files with a Frictionless Data Package descriptor.

The descriptor carries the licences, the sources with their citation fields, a description of every
column, each table's primary key and its foreign keys (congresses, sources and parties), so that
`frictionless validate datapackage.json` checks the tables against each other.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from dashboard import licences
from dashboard.field_descriptions import describe
from dashboard.frames import Frames

TITLE = "Congresses of Soviets, 1917–1937: sourced delegate, party and vote records"
DESCRIPTION = (
    "Every number of the Congresses of Soviets of Soviet Russia and the USSR, 1917–1937, with the source that "
    "gives it and that source's own words. Where sources disagree, every variant is kept and is_default marks "
    "the one shown. The compilation is under CC BY-SA 4.0; each excerpt stays under its source's licence or "
    "terms (sources.licence)."
)

DESCRIPTIONS = {
    "congresses": "One row per congress: dates (as given and New Style), place, delegate totals.",
    "dates": "Every source's dating of each congress; is_default marks the one shown.",
    "composition": "Party, social, origin, voting-right and other breakdowns, one row per part. "
    "part_id 'not-accounted' is the gap between the parts and the stated total; party_id names the party "
    "where the breakdown is by party. Every share is of a named base (column base); a breakdown without "
    "one has no shares. Column derived says how a computed number was worked out.",
    "votes": "Recorded votes, one row per source variant. Empty counts are not given by the source.",
    "bodies": "Bodies elected by each congress.",
    "events": "Timeline events, with the date as given and in New Style.",
    "decisions": "Decrees, resolutions and declarations adopted.",
    "quotes": "Words spoken at the congress.",
    "statements": "Sourced statements without numbers of their own.",
    "numbers": "Every number in the records with its source id and verbatim excerpt, variants included.",
    "not_recorded": "Kinds of data the sources do not give for a congress, and why.",
    "sources": "The sources cited, with what a citation needs: author, year, volume, pages, the date read, "
    "the copy read where it is not the original, the licence or terms, and how reliable each is.",
    "parties": "Parties, factions and groups.",
    "lineages": "The official names a renamed party had over time (RSDLP(b), RCP(b), ACP(b)), each with its source.",
    "lessons": "Guided lessons for class, one row per step: the view it shows (the dashboard's URL query), a caption "
    "for pupils, and a question to predict before the answer is revealed. What each caption and answer states is "
    "in lesson-facts.",
    "lesson_facts": "The facts each lesson step's caption (part 'caption') or answer (part 'answer') states, each with "
    "its source and the source's own words.",
    "glossary": "The pupils' glossary: each term, its other spellings and its definition in plain words.",
    "glossary_facts": "The facts each glossary definition states, each with its source and the source's own words.",
    "introduction": "A short introduction for pupils, one row per sentence.",
    "introduction_facts": "The facts each sentence of the introduction states, each with its source and the source's "
    "own words.",
    "groups": "Social groups and republics that breakdowns name by part id (composition.part_id), each with its "
    "Russian original and the source that writes it.",
}

PRIMARY_KEYS = {
    "congresses": ["congress_id"],
    "dates": ["congress_id", "start", "end", "source_id"],
    "composition": ["congress_id", "breakdown", "order"],
    "votes": ["congress_id", "vote_id", "variant"],
    "bodies": ["congress_id", "body_id"],
    "events": ["congress_id", "order"],
    "decisions": ["congress_id", "decision_id"],
    "quotes": ["congress_id", "words"],
    "statements": ["congress_id", "text"],
    "numbers": ["congress_id", "field", "source_id", "value"],
    "not_recorded": ["congress_id", "topic"],
    "sources": ["id"],
    "parties": ["id"],
    "lineages": ["lineage_id", "since"],
    "lessons": ["lesson_id", "step"],
    "lesson_facts": ["lesson_id", "step", "part", "order"],
    "glossary": ["term_id"],
    "glossary_facts": ["term_id", "order"],
    "introduction": ["paragraph", "sentence"],
    "introduction_facts": ["paragraph", "sentence", "order"],
    "groups": ["kind", "id"],
}
PART_OF = {
    "lesson_facts": ("lessons", ["lesson_id", "step"]),
    "glossary_facts": ("glossary", ["term_id"]),
    "introduction_facts": ("introduction", ["paragraph", "sentence"]),
}
"""Tables whose rows belong to a row of another table (a fact of a lesson step), by that table and its key."""
PARTY_COLUMNS = {"composition": ["party_id"], "votes": ["caucus"], "parties": ["family"]}
"""Columns that name a party (parties.id), besides the source and congress ids every table may carry."""


def _field_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    sample = series.dropna()
    if len(sample) and isinstance(sample.iloc[0], dt.date):
        return "date"
    return "string"


def _resource_name(frame_name: str) -> str:
    return frame_name.replace("_", "-")


def _reference(frame_name: str, target: str, field: str | list[str]) -> dict:
    resource = "" if target == frame_name else _resource_name(target)
    return {"resource": resource, "fields": field}


def _foreign_keys(name: str, frame: pd.DataFrame) -> list[dict]:
    keys = []
    if name != "congresses" and "congress_id" in frame.columns:
        keys.append({"fields": "congress_id", "reference": _reference(name, "congresses", "congress_id")})
    for column in (c for c in frame.columns if c.endswith("source_id")):
        keys.append({"fields": column, "reference": _reference(name, "sources", "id")})
    for column in PARTY_COLUMNS.get(name, []):
        keys.append({"fields": column, "reference": _reference(name, "parties", "id")})
    if name in PART_OF:
        target, fields = PART_OF[name]
        field = fields[0] if len(fields) == 1 else fields
        keys.append({"fields": field, "reference": _reference(name, target, field)})
    return keys


def _field(name: str, column: str, series: pd.Series) -> dict:
    field = {"name": column, "type": _field_type(series)}
    description = describe(name, column)
    if description:
        field["description"] = description
    return field


def _source(row: pd.Series) -> dict:
    """A source as the descriptor lists it: title and address, with its citation fields and licence."""
    entry = {"title": f"{row.title} ({row.publisher})", "path": row.url}
    for key in ("author", "editor", "imprint", "year", "volume", "pages", "read_via", "copy_of"):
        value = row[key]
        if pd.notna(value):
            entry[key] = int(value) if key == "year" else value
    entry["accessed"] = row.accessed.isoformat()
    entry["licenses"] = [licences.SOURCES[row.licence].as_package()]
    return entry


def descriptor(frames: Frames) -> dict:
    """The datapackage.json descriptor of the CSV files `write_package` writes."""
    return {
        "profile": "tabular-data-package",
        "name": "congresses-of-soviets",
        "title": TITLE,
        "description": DESCRIPTION,
        "licenses": [licences.DATA.as_package()],
        "sources": [_source(row) for _, row in frames.sources.iterrows()],
        "resources": [
            {
                "name": _resource_name(name),
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": DESCRIPTIONS[name],
                "schema": {
                    "fields": [_field(name, c, frame[c]) for c in frame.columns],
                    "primaryKey": PRIMARY_KEYS[name],
                    "foreignKeys": _foreign_keys(name, frame),
                },
            }
            for name, frame in frames.items()
        ],
    }


def frame_csv(frame: pd.DataFrame) -> str:
    """A frame as CSV text, dates as ISO 8601, unknown values empty."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False)


def write_package(frames: Frames, out: Path) -> list[Path]:
    """Write every frame as CSV plus datapackage.json into `out`; return the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.csv"
        path.write_text(frame_csv(frame), encoding="utf-8")
        written.append(path)
    package = out / "datapackage.json"
    package.write_text(json.dumps(descriptor(frames), indent=2, ensure_ascii=False), encoding="utf-8")
    return [*written, package]
