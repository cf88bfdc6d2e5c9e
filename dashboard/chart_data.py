"""The rows behind each chart, and a one-sentence summary of it: the text alternative a screen
reader announces, the table a student can open, and the CSV an export writes."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import default_parts, number
from dashboard.frames import Frames

PART_COLUMNS = [
    "label",
    "counts",
    "count",
    "share",
    "approximate",
    "bound",
    "organisations",
    "within",
    "note",
    "source_id",
    "excerpt",
]
VOTE_COLUMNS = [
    "motion",
    "kind",
    "caucus",
    "is_default",
    "outcome",
    "unanimous",
    "in_favour",
    "against",
    "abstained",
    "not_voting",
    "dissents",
    "wording",
    "source_id",
    "excerpt",
]
KINDS = {
    "party-seats": ("party",),
    "party-bars": ("party",),
    "delegate-types": ("voting-right", "origin", "republic"),
    "social": ("social",),
}


def chart_data(frames: Frames, chart_id: str, congress_id: str) -> pd.DataFrame:
    """The frame rows a chart draws, with their sources and excerpts."""
    if chart_id == "votes":
        votes = frames.votes[frames.votes.congress_id == congress_id]
        return votes[["congress_id", "vote_id", *VOTE_COLUMNS]].reset_index(drop=True)
    parts = [default_parts(frames, congress_id, kind).assign(kind=kind) for kind in KINDS[chart_id]]
    return pd.concat(parts)[["congress_id", "kind", "part_id", *PART_COLUMNS]].reset_index(drop=True)


def _value(row: pd.Series) -> str:
    if pd.notna(row["count"]):
        return number(row["count"], bool(row.approximate), row.bound)
    return f"{'≈' if row.approximate else ''}{float(row.share):g}%"


def chart_summary(frames: Frames, chart_id: str, congress_id: str) -> str:
    """One or two sentences that say what the chart shows, for a caption and an aria-label."""
    name = frames.congresses.set_index("congress_id").loc[congress_id, "name"]
    data = chart_data(frames, chart_id, congress_id)
    if data.empty:
        return f"{name}: not recorded in the sources."
    if chart_id == "votes":
        shown = data[data.is_default]
        counted = shown[shown.in_favour.notna()]
        text = f"{name}: {len(shown)} recorded vote{'s' if len(shown) != 1 else ''}"
        if not counted.empty:
            v = counted.iloc[0]
            text += f"; “{v.motion}” {v.outcome}, {int(v.in_favour):,} for"
            text += f" and {int(v.against):,} against" if pd.notna(v.against) else ""
        return text + "."
    if chart_id in ("party-seats", "party-bars", "social"):
        top = data[data.within.isna()]
        named = top[top.label != "Not accounted for in the source"]
        lead = named.iloc[0] if named.empty else named.sort_values("share", ascending=False).iloc[0]
        whole = "delegates" if chart_id != "social" else "delegates by social group"
        text = f"{name}: the largest group of {whole} were {lead.label} ({_value(lead)}"
        if pd.notna(lead["count"]) and pd.notna(lead.share):
            text += f", {float(lead.share):.0f}%"
        text += "). " + "; ".join(f"{r.label} {_value(r)}" for _, r in top.iterrows() if r.label != lead.label)
        return text + "."
    rights = data[data.kind == "voting-right"]
    parts = "; ".join(f"{r.label} {_value(r)}" for _, r in rights.iterrows())
    origins = data[data.kind == "origin"]
    text = f"{name}: delegates by voting right: {parts or 'not recorded'}."
    if not origins.empty:
        noun = "organisations" if origins.counts.iloc[0] == "organisations" else "delegates"
        text += f" By origin ({noun}): " + "; ".join(f"{r.label} {_value(r)}" for _, r in origins.iterrows()) + "."
    republics = data[data.kind == "republic"]
    if not republics.empty:
        text += " By republic: " + "; ".join(f"{r.label} {_value(r)}" for _, r in republics.iterrows()) + "."
    return text
