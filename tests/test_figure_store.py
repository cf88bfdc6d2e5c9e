"""The figure store: a figure built by one process is read by another, identical, and never read stale."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plotly.io.json import to_json_plotly

from dashboard.chart_cache import ChartCache, _size
from dashboard.figure_store import FigureStore
from dashboard.frames import Frames
from dashboard.style import PHONE, dashboard_size
from dashboard.urls import State

SECOND = State(congress_id="ar-02")


def test_a_stored_figure_is_read_back_as_built(frames: Frames, tmp_path: Path) -> None:
    builder = ChartCache(frames, store=FigureStore(tmp_path, frames))
    built = builder.figure("party-seats", SECOND, PHONE, "dark")
    assert len(list(tmp_path.rglob("*.json"))) == 1
    reader = ChartCache(frames, store=FigureStore(tmp_path, frames))
    reader._rows = None  # type: ignore[assignment]  # a read must not build rows
    read = reader.figure("party-seats", SECOND, PHONE, "dark")
    assert to_json_plotly(read) == to_json_plotly(built)
    assert read["data"] and read["layout"]["title"]["text"] == built["layout"]["title"]["text"]


def test_a_chart_with_nothing_to_draw_is_stored_as_nothing(frames: Frames, tmp_path: Path) -> None:
    empty = next(i for i in frames.congresses.congress_id if frames.votes[frames.votes.congress_id == i].empty)
    builder = ChartCache(frames, store=FigureStore(tmp_path, frames))
    assert builder.figure("votes", State(congress_id=empty)) is None
    reader = ChartCache(frames, store=FigureStore(tmp_path, frames))
    assert reader.store.get(("votes", State(congress_id=empty), dashboard_size(None), "light")) == (True, None)


def test_changed_records_get_a_folder_of_their_own(frames: Frames, tmp_path: Path) -> None:
    ChartCache(frames, store=FigureStore(tmp_path, frames)).figure("party-seats", SECOND)
    composition = frames.composition.copy()
    composition.loc[composition.congress_id == "ar-02", "note"] = "a corrected record"
    corrected = replace(frames, composition=composition)
    store = FigureStore(tmp_path, corrected)
    assert store.folder != FigureStore(tmp_path, frames).folder
    assert store.get(("party-seats", SECOND, dashboard_size(None), "light")) == (False, None)
    figure = ChartCache(corrected, store=store).figure("party-seats", SECOND)
    assert figure is not None and len(list(tmp_path.rglob("*.json"))) == 2


def test_captions_and_walks_are_read_back_without_building_rows(frames: Frames, tmp_path: Path) -> None:
    """A congress view's captions and keyboard walks are built once per server, as its figures are: another
    process reads them, word for word, without building the rows."""
    builder = ChartCache(frames, store=FigureStore(tmp_path, frames))
    built = {c: (builder.summary(c, SECOND), builder.walk(c, SECOND)) for c in ("party-seats", "votes", "social")}
    reader = ChartCache(frames, store=FigureStore(tmp_path, frames))
    reader._rows = None  # type: ignore[assignment]  # a read must not build rows
    for chart_id, (summary, walk) in built.items():
        assert reader.summary(chart_id, SECOND) == summary
        assert reader.walk(chart_id, SECOND) == walk
    assert "Bolsheviks: 390 of 649 delegates" in built["party-seats"][0]
    assert "649 in all" in built["party-seats"][1]["label"]
    assert built["social"][0].startswith("Social composition: No social composition was found")
    assert built["social"][1] is None  # nothing to walk, stored as nothing


def test_the_comparisons_warmed_are_read_without_building(frames: Frames, tmp_path: Path) -> None:
    """Every pair of congresses, in both languages: a worker reads its figures, caption and change table."""
    builder = ChartCache(frames, store=FigureStore(tmp_path, frames))
    parts = 300  # of 600 views (300 pairs, 2 languages): this part builds views 0 and 300
    assert builder.warm_comparisons(part=0, parts=parts) == 2 * 3  # the two desks and the phone each
    assert len(list(tmp_path.rglob("*.json"))) == 2 * (3 + 2)  # and a caption and a change table each
    first, second = frames.congresses.sort_values("start_ns").congress_id.iloc[:2]
    english, russian = (State(view="compare", compare_ids=(first, second), lang=lang) for lang in ("en", "ru"))
    reader = ChartCache(frames, store=FigureStore(tmp_path, frames))
    reader._rows = None  # type: ignore[assignment]  # a read must not build rows
    assert reader.change_table(english).equals(ChartCache(frames).change_table(english))
    assert reader.change_table(russian).columns[0] == "Партия"
    assert reader.summary("compare", russian).startswith("Первый Всероссийский съезд Советов: Эсеры 285")
    assert reader.figure("compare", english, PHONE, "light")["layout"]["title"]["text"]


def test_the_later_build_covers_every_common_window_in_every_theme(frames: Frames, tmp_path: Path) -> None:
    """What bin/serve builds at low priority once it serves: every view (126 congress charts and the timeline,
    300 pairs compared, in 2 languages) at 9 windows in 3 themes; a worker reads each without building it."""
    builder = ChartCache(frames, store=FigureStore(tmp_path, frames))
    jobs = builder.later_jobs()
    assert len(jobs) == (25 * 5 + 1 + 300) * 2 * 9 * 3
    pair = State(view="compare", compare_ids=("ar-01", "ar-02"), lang="en")
    assert ("compare", pair, _size(1440, "compare"), "dark") in jobs
    assert ("party-seats", State(congress_id="ar-02", lang="ru"), _size(768, "party-seats"), "contrast") in jobs
    parts = 5000  # this part: the first comparison's 3 figures, then jobs 0, 5000, 10000, 15000 and 20000
    assert builder.warm_later(part=0, parts=parts) == 3 + 5
    reader = ChartCache(frames, store=FigureStore(tmp_path, frames))
    reader._rows = None  # type: ignore[assignment]  # a read must not build rows
    for chart_id, view, size, theme in jobs[::parts]:
        assert reader.figure(chart_id, view, size, theme) == ChartCache(frames).figure(chart_id, view, size, theme)
