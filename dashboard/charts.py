"""The registry of charts: one entry per chart the dashboard shows and the exports write.

Figures are built once per congress, size and theme, and kept: a selector change only looks them up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

import plotly.graph_objects as go

from dashboard.figures.compare import compare_composition
from dashboard.figures.composition_bars import breakdown_bars
from dashboard.figures.delegate_types import delegate_types
from dashboard.figures.seats import party_seats
from dashboard.figures.timeline import party_timeline
from dashboard.figures.votes import vote_outcomes
from dashboard.frames import Frames, load_frames
from dashboard.style import DASHBOARD, Size


@dataclass(frozen=True)
class Chart:
    """A chart: its id (used in URLs, element ids and file names), its title, and its figure function."""

    id: str
    title: str
    figure: Callable[..., go.Figure]


CHARTS = (
    Chart("party-seats", "Party composition: seats", party_seats),
    Chart("votes", "Vote outcomes", vote_outcomes),
    Chart("party-bars", "Party composition: numbers", partial(breakdown_bars, kind="party")),
    Chart("delegate-types", "Delegate types", delegate_types),
    Chart("social", "Social composition", partial(breakdown_bars, kind="social")),
)
CHART_IDS = tuple(c.id for c in CHARTS)


def chart(chart_id: str) -> Chart:
    """The chart with this id."""
    return next(c for c in CHARTS if c.id == chart_id)


def build(
    frames: Frames,
    chart_id: str,
    congress_id: str,
    *,
    size: Size = DASHBOARD,
    theme: str = "light",
    link: str | None = None,
) -> go.Figure:
    """A fresh figure of one chart for one congress."""
    return chart(chart_id).figure(frames, congress_id, size=size, theme=theme, link=link)


@lru_cache(maxsize=2048)
def cached_figure(chart_id: str, congress_id: str, size: Size = DASHBOARD, theme: str = "light") -> dict:
    """The dashboard's figure as a plain dict, built on first use and kept for the process's life."""
    return build(load_frames(), chart_id, congress_id, size=size, theme=theme).to_plotly_json()


@lru_cache(maxsize=256)
def cached_compare(congress_ids: tuple[str, ...], measure: str, size: Size = DASHBOARD, theme: str = "light") -> dict:
    """The comparison figure as a plain dict, kept per selection, measure, size and theme."""
    return compare_composition(
        load_frames(), list(congress_ids), measure=measure, size=size, theme=theme
    ).to_plotly_json()


@lru_cache(maxsize=16)
def cached_timeline(size: Size = DASHBOARD, theme: str = "light") -> dict:
    """The timeline figure as a plain dict, kept per size and theme."""
    return party_timeline(load_frames(), size=size, theme=theme).to_plotly_json()


def warm_figures() -> None:
    """Build every congress's dashboard figures now, so no pupil's first click waits for them.

    gunicorn runs this in a background thread of each worker after it starts (gunicorn.conf.py)."""
    frames = load_frames()
    for congress_id in frames.congresses.congress_id:
        for chart_id in CHART_IDS:
            cached_figure(chart_id, congress_id)
