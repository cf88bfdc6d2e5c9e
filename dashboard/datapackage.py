"""Write the frames as CSV files with a Frictionless Data Package descriptor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from dashboard.frames import Frames

TITLE = "Congresses of Soviets, 1917–1937: sourced delegate, party and vote records"

DESCRIPTIONS = {
    "congresses": "One row per congress: dates (as given and New Style), place, delegate totals.",
    "dates": "Every source's dating of each congress; is_default marks the one shown.",
    "composition": "Party, social, origin, voting-right and other breakdowns, one row per part. "
    "part_id 'not-accounted' is the gap between the parts and the stated total. Every share is of a named "
    "base (column base); a breakdown without one has no shares. Column derived says how a computed number "
    "was worked out.",
    "votes": "Recorded votes, one row per source variant. Empty counts are not given by the source.",
    "bodies": "Bodies elected by each congress.",
    "events": "Timeline events, with the date as given and in New Style.",
    "decisions": "Decrees, resolutions and declarations adopted.",
    "quotes": "Words spoken at the congress.",
    "statements": "Sourced statements without numbers of their own.",
    "numbers": "Every number in the records with its source id and verbatim excerpt, variants included.",
    "not_recorded": "Kinds of data the sources do not give for a congress, and why.",
    "sources": "The sources cited.",
    "parties": "Parties, factions and groups.",
    "lineages": "The official names a renamed party had over time (RSDLP(b), RCP(b), ACP(b)), each with its source.",
}


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


def descriptor(frames: Frames) -> dict:
    """The datapackage.json descriptor of the CSV files `write_package` writes."""
    sources = frames.sources
    return {
        "profile": "tabular-data-package",
        "name": "congresses-of-soviets",
        "title": TITLE,
        "sources": [{"title": f"{r.title} ({r.publisher})", "path": r.url} for r in sources.itertuples()],
        "resources": [
            {
                "name": name.replace("_", "-"),
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": DESCRIPTIONS[name],
                "schema": {"fields": [{"name": c, "type": _field_type(frame[c])} for c in frame.columns]},
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
