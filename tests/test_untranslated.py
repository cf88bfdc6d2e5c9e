"""In Russian, every chart, caption, data table, keyboard walk, facts panel, slide, lesson text, handout, source
pack and worksheet is in Russian but for the sources' own words (tests/english_left.py says what may stay
English)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from dash.development.base_component import Component

from dashboard.charts import CHARTS, HALL, VIEW_CHARTS
from dashboard.charts.vote_seats import hall_votes
from dashboard.facts import facts_panel
from dashboard.frames import Frames, load_frames
from dashboard.handout import handout_pages, source_pack_pages
from dashboard.i18n import use
from dashboard.layout import layout, lessons_view
from dashboard.lessons import lesson_panel
from dashboard.slides import slide_text
from dashboard.style import DASHBOARD, PHONE, Style, slide_size
from dashboard.urls import State
from dashboard.worksheet import worksheet_pages
from tests.english_left import english_left

FRAMES = load_frames()
TAG = re.compile(r"<[^>]+>")


def _figure_texts(figure: dict) -> Iterator[str]:
    """Every text a figure shows or hovers: titles, annotations, legend names, bar texts, hovers and ticks."""
    layout_ = figure.get("layout", {})
    for value in layout_.values():
        if isinstance(value, dict):
            title = value.get("title")
            if isinstance(title, dict) and isinstance(title.get("text"), str):
                yield title["text"]
            yield from (str(t) for t in value.get("ticktext") or ())
    for a in layout_.get("annotations", ()):
        yield a.get("text") or ""
    for trace in figure.get("data", ()):
        for key in ("name", "text", "hovertext"):
            value = trace.get(key)
            yield from ([value] if isinstance(value, str) else [str(v) for v in value or ()])


def _lines(texts: Iterator[str]) -> Iterator[str]:
    for text in texts:
        for line in TAG.sub(" ", html.unescape(text.replace("<br>", " "))).split("\n"):
            if line.strip():
                yield line


def _component_texts(component: object) -> Iterator[str]:
    """The text of a Dash component tree, leaving out parts marked as in another language than Russian."""
    if isinstance(component, str):
        yield component
    elif isinstance(component, (list, tuple)):
        for child in component:
            yield from _component_texts(child)
    elif isinstance(component, Component):
        if getattr(component, "lang", "ru") not in ("ru", None):
            return
        for attribute in ("title", "placeholder"):
            if isinstance(getattr(component, attribute, None), str):
                yield getattr(component, attribute)
        yield from _component_texts(getattr(component, "children", None))


def _english(texts: Iterator[str]) -> list[str]:
    return sorted({found for line in _lines(texts) if (found := english_left(line))})


def _chart_texts(frames: Frames, chart, view: State) -> Iterator[str]:
    rows = chart.rows(frames.in_language("ru"), view)
    if rows.empty:
        yield rows.attrs.get("missing") or ""
        return
    for size in (DASHBOARD, PHONE, slide_size(1080)):
        yield from _figure_texts(
            chart.draw(rows, Style(size, "light", "https://example.org/?lang=ru")).to_plotly_json()
        )
    yield chart.summary(rows)
    table = chart.table(rows)
    yield from (str(c) for c in table.columns)
    yield from (str(v) for v in table.to_numpy().ravel())
    if chart.walk:
        walk = chart.walk(rows)
        stack = [walk["label"], *walk["steps"]]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                yield item
            else:
                yield item["say"]
                stack += item["steps"]


@pytest.mark.parametrize("congress_id", list(FRAMES.congresses.congress_id))
def test_a_congress_says_everything_in_russian(congress_id: str) -> None:
    with use("ru"):
        here = FRAMES.in_language("ru")
        texts = []
        for chart in CHARTS:
            texts += _chart_texts(FRAMES, chart, State(congress_id=congress_id, lang="ru"))
        for vote_id, _motion in hall_votes(here, congress_id):
            texts += _chart_texts(FRAMES, HALL, State(congress_id=congress_id, hall=vote_id, lang="ru"))
        texts += _component_texts(facts_panel(here, congress_id, f"?congress={congress_id}&lang=ru"))
        for slide in (1, 2, 3):
            texts += _component_texts(slide_text(here, congress_id, slide))
        assert _english(iter(texts)) == []


@pytest.mark.parametrize(
    "view",
    [
        State(view="compare", compare_ids=("ar-01", "ar-02"), lang="ru"),
        State(view="compare", compare_ids=("ar-02", "ar-05", "au-01", "au-08"), measure="share", lang="ru"),
        State(view="timeline", lang="ru"),
        State(view="timeline", present=True, slide=1, lang="ru"),
        State(view="timeline", present=True, slide=2, lang="ru"),
    ],
    ids=["compare-2", "compare-4-shares", "timeline", "timeline-slide-1", "timeline-slide-2"],
)
def test_the_comparison_and_the_timeline_say_everything_in_russian(view: State) -> None:
    with use("ru"):
        texts = [t for chart in VIEW_CHARTS if chart.scope == view.view for t in _chart_texts(FRAMES, chart, view)]
        assert _english(iter(texts)) == []


def test_the_page_lessons_and_glossary_say_everything_in_russian() -> None:
    with use("ru"):
        here = FRAMES.in_language("ru")
        texts = list(_component_texts(layout(FRAMES, "ru"))) + list(_component_texts(lessons_view(here)))
        for _index, row in here.lessons.iterrows():
            texts += _component_texts(lesson_panel(here, row, revealed=True))
        assert _english(iter(texts)) == []


@pytest.mark.parametrize("congress_id", ["ar-01", "ar-02", "au-08"])
def test_the_handout_and_the_source_pack_say_everything_in_russian(congress_id: str) -> None:
    link = f"https://example.org/?congress={congress_id}&lang=ru"
    with use("ru"):
        here = FRAMES.in_language("ru")
        pages = [*handout_pages(here, congress_id, link), *source_pack_pages(here, congress_id, link)]
        texts = [t for _name, fig in pages for t in _figure_texts(fig.to_plotly_json())]
        assert _english(iter(texts)) == []


@pytest.mark.parametrize("lesson_id", sorted(set(FRAMES.lessons.lesson_id)))
def test_a_worksheet_says_everything_in_russian(lesson_id: str) -> None:
    with use("ru"):
        pages = worksheet_pages(FRAMES.in_language("ru"), lesson_id, "https://example.org/")
        texts = [t for _name, fig in pages for t in _figure_texts(fig.to_plotly_json())]
        assert _english(iter(texts)) == []
