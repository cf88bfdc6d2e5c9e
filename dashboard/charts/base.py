"""What every chart is: one object that owns its rows.

A chart has an id (used in URLs, element ids and file names) and a title, and three functions:

- `rows(frames, view) -> DataFrame`: the rows it shows, each number with its source and excerpt, its
  base named, and `derived` saying how a computed number was computed;
- `draw(rows, style) -> Figure`: the Plotly figure, pure, from those rows only;
- `summary(rows) -> str`: one or two sentences for the caption and screen readers;
- `walk(rows) -> dict`, where the chart can be walked by keyboard: its steps (`dashboard.charts.walk`).

The caption, the hover texts, the "Show the data" table, the CSV, the exports and the handout all
read the same rows. Chart-level context travels in `rows.attrs`: `subtitle` (the congress and its
dates) and, where there is nothing to draw, `missing` (one line saying what is not recorded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.draw import glosses
from dashboard.frames import Frames, dates_text
from dashboard.i18n import N_, _, in_sentence
from dashboard.style import Style
from dashboard.urls import State
from dashboard.wording import base, count, missing, share

Scope = Literal["congress", "compare", "timeline"]


@dataclass(frozen=True)
class Chart:
    """A chart: its id, title and scope (one congress, a comparison or the timeline), and its functions."""

    id: str
    title: str
    scope: Scope
    rows: Callable[[Frames, State], pd.DataFrame]
    draw: Callable[[pd.DataFrame, Style], go.Figure]
    summary: Callable[[pd.DataFrame], str]
    table: Callable[[pd.DataFrame], pd.DataFrame]
    walk: Callable[[pd.DataFrame], dict] | None = None


def congress_row(frames: Frames, congress_id: str) -> pd.Series:
    """The congress's row of the congresses frame."""
    rows = frames.congresses[frames.congresses.congress_id == congress_id]
    if rows.empty:
        raise KeyError(f"no congress {congress_id!r}")
    return rows.iloc[0]


def subtitle(frames: Frames, congress_id: str) -> str:
    """The congress's name and dates, as a figure's subtitle says them, in the current language."""
    row = congress_row(frames, congress_id)
    return f"{row['name']} · {dates_text(row.start, row.end, row.calendar, short=True)}"


def default_parts(frames: Frames, congress_id: str, kind: str) -> pd.DataFrame:
    """The parts of the congress's own default breakdown of `kind` (not an elected body's)."""
    comp = frames.composition
    return comp[(comp.congress_id == congress_id) & (comp.kind == kind) & comp.is_default & comp.body.isna()]


def with_sources(frames: Frames, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with each source's short name, publisher and address beside its id."""
    sources = frames.sources[["id", "cite_as", "publisher", "url"]].rename(
        columns={"id": "source_id", "cite_as": "source", "url": "source_url"}
    )
    out = rows.merge(sources, on="source_id", how="left")
    out.attrs = dict(rows.attrs)
    return out


def reason_not_recorded(frames: Frames, congress_id: str, topic: str) -> str | None:
    """The record's own words for why a kind of data is missing, if it gives them."""
    rows = frames.not_recorded[(frames.not_recorded.congress_id == congress_id) & (frames.not_recorded.topic == topic)]
    return None if rows.empty else rows.iloc[0].reason


def context(rows: pd.DataFrame, subtitle_text: str, missing_text: str | None = None) -> pd.DataFrame:
    """The rows with the chart-level context a figure and a caption need."""
    rows = rows.reset_index(drop=True)
    rows.attrs = {"subtitle": subtitle_text, "missing": missing_text if rows.empty else None}
    return rows


def part_count(row: pd.Series, long: bool = False) -> str:
    """A part's count as the chart shows it: '390', '≈100', '>860'; long: 'about 100', 'more than 860'."""
    return count(row["count"], row.approximate, row.bound, long=long)


def part_share(row: pd.Series, long: bool = False) -> str:
    """A part's share as the chart shows it, as given by the source or to one decimal where computed."""
    digits = None if missing(row.derived) else 1
    return share(row.share, row.share_approximate, row.share_bound, long=long, digits=digits)


def part_value(row: pd.Series) -> str:
    """The part's count where the source gives one, else its share."""
    return part_share(row) if missing(row["count"]) else part_count(row)


def base_text(row: pd.Series) -> str:
    """What the part's share is of, in words: 'of 649 delegates, voting right not stated'."""
    return base(row.base, row.base_count, row.base_approximate, row.base_bound)


def part_table(rows: pd.DataFrame) -> pd.DataFrame:
    """A breakdown's rows as a table for people: each part, its count, its share and of what, its source."""
    if rows.empty:
        return pd.DataFrame()
    parts = [r for _index, r in rows.iterrows()]
    out = pd.DataFrame(
        {
            _("Part"): [(_("of whom {part}").format(part=in_sentence(r.label)) if r.level else r.label) for r in parts],
            _("Count"): [part_count(r, long=True) if not missing(r["count"]) else "—" for r in parts],
            _("Share"): [
                part_share(r, long=True) + " " + base_text(r) if not missing(r.share) else base_text(r) for r in parts
            ],
            _("How it was worked out"): [r.derived if not missing(r.derived) else "" for r in parts],
            _("Source"): rows.source.fillna(""),
            _("Source's words"): [f"“{e}”" if isinstance(e, str) else "" for e in rows.excerpt],
            **glosses(rows.excerpt, rows.excerpt_gloss),
        }
    )
    if "kind" in rows and rows.kind.nunique() > 1:
        out.insert(0, _("Breakdown"), rows.kind.map(lambda kind: _(KIND_NAMES.get(kind, kind))))
    return out


KIND_NAMES = {
    "party": N_("Party"),
    "voting-right": N_("Voting right"),
    "origin": N_("Sent by"),
    "republic": N_("Republic"),
    "social": N_("Social group"),
}
