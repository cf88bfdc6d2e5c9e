"""Per-app caches of each chart's rows, figures, captions and keyboard walks, from the frames the app was given.

Rows depend on the chart and the view (a congress, a comparison and its measure, or the timeline);
figures also on the size and theme. All are pure, so each is built once per process and kept; with a
figure store (dashboard/figure_store.py), a figure, a caption and a walk are built once per server and read by
every process.
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import TypeVar

import pandas as pd

from dashboard.charts import CHARTS, HALL, chart
from dashboard.charts.compare import change_table
from dashboard.figure_store import STORE_ENV, FigureStore
from dashboard.frames import Frames, load_frames
from dashboard.i18n import LANGUAGES, use
from dashboard.style import DASHBOARD, PHONE, THEMES, Size, Style, dashboard_size
from dashboard.urls import State

T = TypeVar("T")

DESKS = (1920, 1366)
"""The windows a class most often has (a projector's or monitor's, a laptop's): their figures are built
before pupils ask, in every theme where there is a figure store."""
LAPTOPS = (1280, 1440, 1536, 1600, 1024)
"""Other common laptop windows: built into the figure store in the light theme before pupils ask, and in the
others once the server serves."""
TABLETS = (768,)
"""A tablet held upright: built into the figure store once the server serves."""


def _size(width: int | None, chart_id: str) -> Size:
    """The size a chart is drawn at in a window `width` px wide (None: the phone)."""
    if width is None:
        return PHONE
    return dashboard_size(width, facts_beside=chart_id != "timeline")  # a congress has its facts beside


def view_key(chart_id: str, view: State) -> State:
    """The part of a view a chart's rows depend on, so that equal views share one cache entry: rows carry words,
    so the language is part of it."""
    scope = chart(chart_id).scope
    if scope == "congress":
        return State(congress_id=view.congress_id, hall=view.hall if chart_id == HALL.id else None, lang=view.lang)
    if scope == "compare":
        return State(view="compare", compare_ids=view.compare_ids, measure=view.measure, lang=view.lang)
    return State(
        view="timeline", present=view.present, slide=(view.slide or 1) if view.present else None, lang=view.lang
    )


class ChartCache:
    """Rows, figures (as plain dicts) and captions of every chart, kept for the life of the process."""

    def __init__(self, frames: Frames, max_figures: int = 4096, store: FigureStore | None = None) -> None:
        self.frames = frames
        self.store = store  # figures other processes of this server have built (dashboard.figure_store)
        self._rows = lru_cache(maxsize=1024)(self._build_rows)
        self._figure = lru_cache(maxsize=max_figures)(self._build_figure)
        self._walk = lru_cache(maxsize=1024)(self._build_walk)
        self._summary = lru_cache(maxsize=1024)(self._build_summary)
        self._changes = lru_cache(maxsize=1024)(self._build_changes)

    def _build_rows(self, chart_id: str, key: State) -> pd.DataFrame:
        with use(key.lang):
            return chart(chart_id).rows(self.frames.in_language(key.lang), key)

    def _stored(self, key: tuple, build: Callable[[], T]) -> T:
        """What the store holds under `key`, or `build()`, stored for the server's other processes."""
        if self.store is not None:
            found, value = self.store.get(key)
            if found:
                return value
        value = build()
        if self.store is not None:
            self.store.put(key, value)
        return value

    def _build_figure(self, chart_id: str, key: State, size: Size, theme: str) -> dict | None:
        def build() -> dict | None:
            rows = self.rows(chart_id, key)
            with use(key.lang):
                return None if rows.empty else chart(chart_id).draw(rows, Style(size, theme)).to_plotly_json()

        return self._stored((chart_id, key, size, theme), build)

    def _build_walk(self, chart_id: str, key: State) -> dict | None:
        def build() -> dict | None:
            rows, walk = self.rows(chart_id, key), chart(chart_id).walk
            with use(key.lang):
                return walk(rows) if walk and not rows.empty else None

        return self._stored(("walk", chart_id, key), build)

    def walk(self, chart_id: str, view: State) -> dict | None:
        """The chart's keyboard walk for a view, or None where it has nothing to walk."""
        return self._walk(chart_id, view_key(chart_id, view))

    def rows(self, chart_id: str, view: State) -> pd.DataFrame:
        """The chart's rows for a view. Callers must not change them."""
        return self._rows(chart_id, view_key(chart_id, view))

    def figure(self, chart_id: str, view: State, size: Size = DASHBOARD, theme: str = "light") -> dict | None:
        """The dashboard's figure as a plain dict, or None where the chart has nothing to draw."""
        return self._figure(chart_id, view_key(chart_id, view), size, theme)

    def _build_summary(self, chart_id: str, key: State) -> str:
        def build() -> str:
            rows = self.rows(chart_id, key)
            with use(key.lang):
                return chart(chart_id).summary(rows)

        return self._stored(("summary", chart_id, key), build)

    def _build_changes(self, key: State, least: float) -> pd.DataFrame:
        def build() -> dict:
            rows = self.rows("compare", key)
            with use(key.lang):
                return change_table(rows, least).to_dict(orient="split", index=False)

        return pd.DataFrame(**self._stored(("changes", key, least), build))

    def change_table(self, view: State, least: float = 0) -> pd.DataFrame:
        """The comparison's change table (dashboard.charts.compare.change_table). Callers must not change it."""
        return self._changes(view_key("compare", view), least)

    def summary(self, chart_id: str, view: State) -> str:
        """The chart's caption for a view."""
        return self._summary(chart_id, view_key(chart_id, view))

    def _views(self) -> list[tuple[str, State]]:
        """Every chart of every congress, and the timeline, in every language."""
        return [
            view
            for lang in LANGUAGES
            for view in [
                *((c.id, State(congress_id=i, lang=lang)) for i in self.frames.congresses.congress_id for c in CHARTS),
                ("timeline", State(view="timeline", lang=lang)),
            ]
        ]

    def _pairs(self) -> list[State]:
        """Every pair of congresses compared, in date order and counts, in every language."""
        ids = list(self.frames.congresses.sort_values("start_ns").congress_id)
        pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
        return [State(view="compare", compare_ids=pair, lang=lang) for lang in LANGUAGES for pair in pairs]

    def warm(self, part: int = 0, parts: int = 1) -> int:
        """Build every congress's figures and the timeline's, in every language, before pupils ask (every
        `parts`-th of them from the `part`-th, to share the work among processes); return how many. Without a
        store: the light desk and laptop windows. With one (reading it is cheap): those and the phone in every
        theme, and more laptops in the light one."""
        views = self._views()
        windows: list[tuple[int | None, tuple[str, ...]]] = [(w, ("light",)) for w in DESKS]
        if self.store is not None:
            windows = [(w, tuple(THEMES)) for w in (*DESKS, None)] + [(w, ("light",)) for w in LAPTOPS]
        jobs = [
            (chart_id, view, _size(width, chart_id), theme)
            for chart_id, view in views
            for width, themes in windows
            for theme in themes
        ]
        for job in jobs[part::parts]:
            self.figure(*job)
        for chart_id, view in views[part::parts]:  # and the captions and walks of those views
            self.summary(chart_id, view)
            self.walk(chart_id, view)
        return len(jobs[part::parts])

    def warm_comparisons(self, part: int = 0, parts: int = 1) -> int:
        """Build every pair of congresses compared, in date order and counts, in every language: its figure at
        the desk windows and the phone in the light theme, its caption and its change table (every `parts`-th
        pair from the `part`-th); return how many figures. Pupils' comparisons are read, not built, once this
        has run; warm_later goes on to the other themes and windows, and other orders and measures are built
        when first asked for."""
        views = self._pairs()
        for view in views[part::parts]:
            for width in (*DESKS, None):
                self.figure("compare", view, _size(width, "compare"))
            self.summary("compare", view)
            self.change_table(view)
        return len(views[part::parts]) * (len(DESKS) + 1)

    def warm_later(self, part: int = 0, parts: int = 1) -> int:
        """What a server builds at low priority once it serves, the likeliest first: every pair of congresses
        compared (warm_comparisons), then every congress, the timeline and every pair compared at every desk,
        laptop, tablet and phone window in every theme (every `parts`-th figure from the `part`-th); return
        how many figures were asked for (those already stored are read, not built)."""
        asked = self.warm_comparisons(part, parts)
        jobs = self.later_jobs()[part::parts]
        for job in jobs:
            self.figure(*job)
        return asked + len(jobs)

    def later_jobs(self) -> list[tuple[str, State, Size, str]]:
        """Every figure of every congress, the timeline and every pair compared, at every desk, laptop, tablet
        and phone window, in every theme: (chart, view, size, theme)."""
        views = [*self._views(), *(("compare", view) for view in self._pairs())]
        return [
            (chart_id, view, _size(width, chart_id), theme)
            for chart_id, view in views
            for width in (*DESKS, *LAPTOPS, *TABLETS, None)
            for theme in THEMES
        ]


def _build_part(part: int, parts: int, later: bool = False) -> int:
    frames = load_frames()
    charts = ChartCache(frames, store=FigureStore.from_environment(frames))
    return charts.warm_later(part, parts) if later else charts.warm(part=part, parts=parts)


def main() -> None:
    """Build the figure store (CONGRESS_FIGURE_STORE): every congress and the timeline at the desk and phone
    sizes in every theme and the laptop sizes in the light one (`--later`: ChartCache.warm_later, every pair
    of congresses compared and every theme at every common window); other views and sizes are stored when
    first asked for. bin/serve runs it before it starts (`--prune`: on every core, removing the folders of
    older records or code) and before it replaces its instances (`--processes 1`, beside a class being
    served), and `--later` at low priority once it serves."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--prune", action="store_true")
    parser.add_argument("--later", action="store_true")
    args = parser.parse_args()
    frames = load_frames()
    store = FigureStore.from_environment(frames)
    if store is None:
        raise SystemExit(f"{STORE_ENV} names no folder")
    if args.prune:
        for old in store.folder.parent.glob("*"):
            if old.is_dir() and old != store.folder:
                shutil.rmtree(old)
    parts = args.processes
    with ProcessPoolExecutor(parts) as pool:
        built = sum(pool.map(_build_part, range(parts), [parts] * parts, [args.later] * parts))
    print(f"figures: {built} in {store.folder}", flush=True)


if __name__ == "__main__":
    main()
