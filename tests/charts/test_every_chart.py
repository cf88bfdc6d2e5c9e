"""Every chart of every congress and view: rows with named bases, no share above 100 %, no "≈" where a
bound stands, and a figure with its title, the congress in its subtitle and its sources."""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.charts import CHARTS, HALL, chart
from dashboard.charts.vote_seats import hall_votes
from dashboard.frames import Frames, load_frames
from dashboard.style import PRESETS, THEMES, Style, dashboard_size
from dashboard.urls import State
from dashboard.wording import SIGNS

FRAMES = load_frames()
CONGRESSES = list(FRAMES.congresses.congress_id)
ORDER = list(FRAMES.congresses.sort_values("start_ns").congress_id)
VIEWS = (
    [(c.id, State(congress_id=i)) for c in CHARTS for i in CONGRESSES]
    + [
        ("compare", State(view="compare", compare_ids=pair, measure=m))
        for pair in itertools.pairwise(ORDER)
        for m in ("count", "share")
    ]
    + [("compare", State(view="compare", compare_ids=("ar-01", "ar-02", "ar-04", "ar-05")))]
    + [("timeline", State(view="timeline"))]
    + [(HALL.id, State(congress_id=i, hall=vote)) for i in CONGRESSES for vote, _ in hall_votes(FRAMES, i)]
)


def figure_texts(fig: go.Figure) -> list[str]:
    """Every text a figure shows: trace names, texts, hovers, annotations and titles, unescaped."""
    texts = [fig.layout.title.text or ""]
    texts += [a.text or "" for a in fig.layout.annotations]
    for trace in fig.data:
        texts.append(trace.name or "")
        for attribute in ("text", "hovertext", "hovertemplate"):
            value = getattr(trace, attribute, None)
            texts += [str(v) for v in value] if isinstance(value, tuple | list) else [str(value or "")]
    return [html.unescape(t) for t in texts]


def _bounded(rows: pd.DataFrame) -> list[tuple[int, str]]:
    if "bound" not in rows:
        return []
    found = rows[rows.bound.notna() & rows["count"].notna()]
    return [(int(r["count"]), r.bound) for _, r in found.iterrows()]


@pytest.mark.parametrize(
    ("chart_id", "view"),
    VIEWS,
    ids=[f"{c}-{v.congress_id or ','.join(v.compare_ids) or 'timeline'}-{v.measure}" for c, v in VIEWS],
)
def test_every_chart_tells_its_numbers_straight(frames: Frames, chart_id: str, view: State) -> None:
    c = chart(chart_id)
    rows = c.rows(frames, view)
    assert isinstance(c.summary(rows), str) and c.summary(rows)
    if rows.empty:
        assert rows.attrs["missing"]
        return
    if "share" in rows:
        shares = rows.share.dropna().astype(float)
        assert (shares <= 100 + 1e-9).all() and (shares >= 0).all()
        named = rows[rows.share.notna()]
        assert named.base.notna().all(), "a share is always of a named base"
        top = rows[(rows.level == 0) & rows.share.notna()].groupby(["congress_id", "breakdown"]).share.sum()
        assert (top <= 100.5).all()
    fig = c.draw(rows, Style(PRESETS["projector"]))
    texts = figure_texts(fig)
    assert fig.layout.title.text and c.title in fig.layout.title.text
    subtitle = fig.layout.title.subtitle.text
    if view.view == "congress":
        assert frames.congresses.set_index("congress_id").name[view.congress_id] in subtitle
    source = next(a.text for a in fig.layout.annotations if a.name == "source-line")
    assert "Source" in source
    joined = "\n".join(texts)
    for value, bound in _bounded(rows):
        number = f"{value:,}"
        assert not re.search(rf"≈{re.escape(number)}\b", joined), f"≈{number} where the source says {bound} {number}"
        assert f"{SIGNS[bound]}{number}" in joined or f"{bound} {number}" in joined


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("preset", list(PRESETS))
def test_sizes_and_themes(frames: Frames, preset: str, theme: str) -> None:
    c = chart("party-seats")
    fig = c.draw(c.rows(frames, State(congress_id="ar-02")), Style(PRESETS[preset], theme))
    assert (fig.layout.width, fig.layout.height) == (PRESETS[preset].width, PRESETS[preset].height)
    assert fig.layout.template.layout.paper_bgcolor == THEMES[theme].paper


@pytest.mark.parametrize("window", [901, 1000, 1401, 1920])
def test_a_laptops_window_lays_each_subtitle_out_for_the_panel_it_gives(frames: Frames, window: int) -> None:
    """The browser sets a dashboard chart's width: a half panel is 400 px at a 901 px window and 430 px at
    1401 (the facts beside), so the subtitle breaks after the congress's name there, and the dates are
    never cut."""
    size = dashboard_size(window)
    assert size.panels and size.panels[1] <= {901: 420, 1000: 469, 1401: 423, 1920: 683}[window]
    for chart_id in ("party-bars", "delegate-types"):
        c = chart(chart_id)
        fig = c.draw(c.rows(frames, State(congress_id="ar-02")), Style(size, "light"))
        lines = html.unescape(fig.layout.title.subtitle.text).split("<br>")
        font = fig.layout.title.subtitle.font.size
        assert all(len(line) * font * 0.56 <= size.panels[1] - 40 for line in lines), lines
        assert "7–9 Nov 1917 (NS)" in " ".join(lines)
        assert len(lines) == 2 or window == 1920
