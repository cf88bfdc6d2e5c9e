"""Per-app caches of each chart's rows, figures and captions, built from the frames the app was given.

Rows depend on the chart and the view (a congress, a comparison and its measure, or the timeline);
figures also on the size and theme. Both are pure, so each is built once per process and kept.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dashboard.charts import CHARTS, HALL, chart
from dashboard.frames import Frames
from dashboard.style import DASHBOARD, Size, Style, dashboard_size
from dashboard.urls import State

DESKS = (dashboard_size(1920), dashboard_size(1366))
"""The dashboard as the windows a class most often has draw it (a projector's or monitor's, a laptop's),
built before pupils ask."""


def view_key(chart_id: str, view: State) -> State:
    """The part of a view a chart's rows depend on, so that equal views share one cache entry."""
    scope = chart(chart_id).scope
    if scope == "congress":
        return State(congress_id=view.congress_id, hall=view.hall if chart_id == HALL.id else None)
    if scope == "compare":
        return State(view="compare", compare_ids=view.compare_ids, measure=view.measure)
    return State(view="timeline", present=view.present, slide=(view.slide or 1) if view.present else None)


class ChartCache:
    """Rows, figures (as plain dicts) and captions of every chart, kept for the life of the process."""

    def __init__(self, frames: Frames, max_figures: int = 4096) -> None:
        self.frames = frames
        self._rows = lru_cache(maxsize=1024)(self._build_rows)
        self._figure = lru_cache(maxsize=max_figures)(self._build_figure)
        self._walk = lru_cache(maxsize=1024)(self._build_walk)

    def _build_rows(self, chart_id: str, key: State) -> pd.DataFrame:
        return chart(chart_id).rows(self.frames, key)

    def _build_figure(self, chart_id: str, key: State, size: Size, theme: str) -> dict | None:
        rows = self.rows(chart_id, key)
        if rows.empty:
            return None
        return chart(chart_id).draw(rows, Style(size, theme)).to_plotly_json()

    def _build_walk(self, chart_id: str, key: State) -> dict | None:
        rows, walk = self.rows(chart_id, key), chart(chart_id).walk
        return walk(rows) if walk and not rows.empty else None

    def walk(self, chart_id: str, view: State) -> dict | None:
        """The chart's keyboard walk for a view, or None where it has nothing to walk."""
        return self._walk(chart_id, view_key(chart_id, view))

    def rows(self, chart_id: str, view: State) -> pd.DataFrame:
        """The chart's rows for a view. Callers must not change them."""
        return self._rows(chart_id, view_key(chart_id, view))

    def figure(self, chart_id: str, view: State, size: Size = DASHBOARD, theme: str = "light") -> dict | None:
        """The dashboard's figure as a plain dict, or None where the chart has nothing to draw."""
        return self._figure(chart_id, view_key(chart_id, view), size, theme)

    def summary(self, chart_id: str, view: State) -> str:
        """The chart's caption for a view."""
        return chart(chart_id).summary(self.rows(chart_id, view))

    def warm(self, sizes: tuple[Size, ...] = DESKS, themes: tuple[str, ...] = ("light",)) -> int:
        """Build every congress's figures and the timeline's in these sizes and themes; return how many."""
        built = 0
        views = [(c.id, State(congress_id=i)) for i in self.frames.congresses.congress_id for c in CHARTS]
        for chart_id, view in [*views, ("timeline", State(view="timeline"))]:
            for size in sizes:
                for theme in themes:
                    self.figure(chart_id, view, size, theme)
                    built += 1
        return built
