"""The project's translation beside a source's words in another language: on English pages the records'
English gloss of Russian words, on Russian pages the catalog's Russian of English (and German) words; never
instead of the words, always labelled as the project's."""

from __future__ import annotations

from dash.development.base_component import Component

from dashboard.charts import chart
from dashboard.facts import facts_panel
from dashboard.frames import load_frames
from dashboard.i18n import gloss, text_language, use
from dashboard.style import Style
from dashboard.urls import State

FRAMES = load_frames()
MIA = "Of the 649 delegates elected to the Congress of Soviets, representing 318 provincial/local soviets"
OLDHAT = "Из 670 зарегистрировавшихся до начала его работы делегатов большевиков было 300,"


def _texts(component: object) -> list[str]:
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [t for child in component for t in _texts(child)]
    if isinstance(component, Component):
        return _texts(getattr(component, "children", None))
    return []


def test_a_gloss_is_in_the_page_s_language_and_only_where_the_words_are_not() -> None:
    english = "Of the 670 delegates who registered before its work began, 300 were Bolsheviks"
    with use("en"):
        assert gloss(OLDHAT, english) == english
        assert gloss(MIA) is None  # English words on an English page
        assert gloss(OLDHAT) is None  # no gloss kept: none made up
    with use("ru"):
        assert gloss(MIA).startswith("Из 649 делегатов, избранных на съезд Советов")
        assert gloss(OLDHAT, english) is None  # Russian words on a Russian page
    assert [text_language(t) for t in (MIA, OLDHAT, "Letten und Esten 2,9 % • andere 6,7 %")] == ["en", "ru", "de"]


def test_the_facts_panel_shows_the_words_and_beside_them_our_translation() -> None:
    with use("en"):
        english = " ".join(" ".join(_texts(facts_panel(FRAMES, "ar-02"))).split())
    assert f"“{OLDHAT}" in english  # the source's own words, as it wrote them
    assert "Our translation: Of the 670 delegates who registered before its work began, 300 were Bolsheviks" in english
    with use("ru"):
        russian = " ".join(" ".join(_texts(facts_panel(FRAMES.in_language("ru"), "ar-02"))).split())
    assert f"“{MIA}”" in russian
    assert "Наш перевод: Из 649 делегатов, избранных на съезд Советов" in russian
    assert f"“{OLDHAT}" in russian and russian.count("Наш перевод") > 5


def test_a_russian_data_table_and_hover_give_our_translation() -> None:
    seats = chart("party-seats")
    with use("ru"):
        rows = seats.rows(FRAMES.in_language("ru"), State(congress_id="ar-02", lang="ru"))
        table = seats.table(rows)
        hover = seats.draw(rows, Style()).data[0].hovertemplate
    assert "Наш перевод" in table.columns
    assert "390 были большевиками" in list(table["Наш перевод"])
    assert "<i>Наш перевод:" in hover
    with use("en"):
        english = seats.table(seats.rows(FRAMES, State(congress_id="ar-02")))
    assert "Our translation" not in english.columns  # its sources' words are all English
