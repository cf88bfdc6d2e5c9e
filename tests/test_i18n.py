"""The page's languages: the Russian catalog is complete and in step with the code, plurals and numbers follow
Babel's rules for Russian, and `?lang=ru` reaches the page, its layout and its address."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from dashboard import catalog, i18n, wording
from dashboard.server import create_app
from dashboard.urls import page_language, parse_search, search

KNOWN = {"ar-01", "ar-02", "au-01"}
RU = Locale.parse("ru")
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_the_russian_catalog_has_every_message_the_code_and_records_mark() -> None:
    marked = {m.id for m in catalog.template() if m.id}
    kept = {m.id for m in catalog.read("ru") if m.id}
    assert marked - kept == set(), "run python -m dashboard.catalog"
    assert kept - marked == set(), "messages no longer used: run python -m dashboard.catalog"


def test_every_russian_message_is_translated_and_none_is_fuzzy() -> None:
    assert catalog.untranslated(catalog.read("ru")) == []


def test_a_translation_keeps_the_placeholders_of_its_message() -> None:
    for message in catalog.read("ru"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        assert all(set(PLACEHOLDER.findall(string)) == wanted for string in strings), ids


def _digits(text: str) -> list[str]:
    """The digits of a text, whatever separates them (1,090 and 1 090; 75.4 and 75,4; a source's '16,1918' and
    '16 марта 1918'), and in whatever order the language puts its numbers."""
    return sorted(re.findall(r"\d", text))


def test_a_translation_keeps_every_number_of_its_message() -> None:
    """The records' words in Russian state the same numbers, no more and no fewer: none invented, none lost."""
    for message in catalog.read("ru"):
        if message.id and isinstance(message.id, str):
            assert _digits(message.string) == _digits(message.id), message.id


@pytest.mark.parametrize("n", [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111])
def test_plurals_take_babels_russian_form(n: int) -> None:
    forms = {"one": "съезд;", "few": "съезда;", "many": "съездов;"}
    with i18n.use("ru"):
        said = i18n.ngettext(
            "names {n} congress; compare 2 to {most}", "names {n} congresses; compare 2 to {most}", n
        ).format(n=n, most=4)
    assert said == f"называет {n} {forms[RU.plural_form(n)]} сравнивать можно от 2 до 4"


def test_english_plurals_stay_english() -> None:
    one = i18n.ngettext("names {n} congress; compare 2 to {most}", "names {n} congresses; compare 2 to {most}", 1)
    assert one == "names {n} congress; compare 2 to {most}"


def test_numbers_and_dates_follow_the_locale() -> None:
    day = dt.date(1917, 10, 25)
    with i18n.use("ru"):
        assert i18n.number(1296) == format_decimal(1296, locale="ru") == "1\xa0296"
        assert i18n.percent(51, digits=0) == "51\xa0%"
        assert i18n.percent(60.09) == "60,1\xa0%"
        assert i18n.percent(94.1, digits=None) == "94,1\xa0%"
        assert i18n.date(day) == format_date(day, "d MMMM y", locale="ru") + " г." == "25 октября 1917 г."
    assert (i18n.number(1296), i18n.percent(60.09), i18n.date(day)) == ("1,296", "60.1%", "25 October 1917")


def test_bounds_and_approximations_stay_so_in_russian() -> None:
    with i18n.use("ru"):
        assert wording.count(1090, approximate=True, long=True) == "около 1\xa0090"
        assert wording.count(1090, approximate=True) == "≈1\xa0090"
        assert wording.count(860, bound="more than", long=True) == "более 860"
        assert wording.share(52.23, bound="more than") == ">52,2\xa0%"
        assert wording.base("delegates with full vote", 784) == "из 784 делегатов с решающим голосом"
        assert wording.base(None) == "общее число не записано"
    assert wording.count(860, bound="more than", long=True) == "more than 860"


def test_the_language_is_in_the_address() -> None:
    state = parse_search("?congress=2&lang=ru", KNOWN, default="ar-01")
    assert state.lang == "ru" and search(state) == "?congress=2&lang=ru"
    assert search(state.but(lang="en")) == "?congress=2"
    assert parse_search("?congress=2&lang=xx", KNOWN, default="ar-01").lang == "en"
    assert search(parse_search("?lesson=1917-first-to-second-congress&lang=ru", KNOWN, "ar-01")).endswith("lang=ru")
    assert page_language("http://127.0.0.1:8050/?compare=1,2&lang=ru") == "ru"
    assert page_language(None) == page_language("http://127.0.0.1:8050/?congress=2") == "en"


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def test_the_page_says_its_language_and_title(client) -> None:
    russian = client.get("/?congress=2&lang=ru").get_data(as_text=True)
    assert '<html lang="ru">' in russian and "<title>Съезды Советов, 1917–1937</title>" in russian
    english = client.get("/?congress=2").get_data(as_text=True)
    assert '<html lang="en">' in english and "<title>Congresses of Soviets, 1917–1937</title>" in english


@pytest.mark.parametrize(
    ("query", "shell"),
    [
        (
            "/?congress=2",
            '<div class="page shell theme-light"><header class="masthead"><h1>Congresses of Soviets, 1917–1937</h1>'
            '</header><p class="shell-status" role="status">Loading the charts…</p></div>',
        ),
        (
            "/?view=timeline&theme=dark&lang=ru",
            '<div class="page shell theme-dark"><header class="masthead"><h1>Съезды Советов, 1917–1937</h1>'
            '</header><p class="shell-status" role="status">Диаграммы загружаются…</p></div>',
        ),
        (  # a presentation's slides have no title (style.css)
            "/?congress=2&present=1&theme=contrast",
            '<div class="page shell theme-contrast"><header class="masthead"></header>'
            '<p class="shell-status" role="status">Loading the charts…</p></div>',
        ),
        (  # a theme the page does not have is not written into the page
            '/?congress=2&theme="><script>alert(1)</script>',
            '<div class="page shell theme-light"><header class="masthead"><h1>',
        ),
    ],
)
def test_the_served_page_shows_its_title_before_its_scripts_run(client, query: str, shell: str) -> None:
    """dashboard/page_shell.py: in the page's language and theme, before Dash's entry point."""
    page = client.get(query).get_data(as_text=True)
    assert shell in page and page.index(shell) < page.index('<div id="react-entry-point">')
    assert "<script>alert" not in page


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    if isinstance(node, dict):
        return [t for value in node.get("props", {}).values() for t in _texts(value)]
    return []


def test_the_layout_comes_in_the_language_of_the_page_that_asks(client) -> None:
    russian = _texts(client.get("/_dash-layout", headers={"Referer": "http://h/?congress=2&lang=ru"}).get_json())
    english = _texts(client.get("/_dash-layout", headers={"Referer": "http://h/?congress=2"}).get_json())
    assert "Один съезд" in russian and "One congress" not in russian
    assert "One congress" in english and "Один съезд" not in english
    assert "English" in russian and "Русский" in english  # the switch, named in its own language


def test_the_layouts_cache_keeps_the_languages_apart(client) -> None:
    for _ in range(2):  # the second answers come from the response cache
        russian = client.get("/_dash-layout", headers={"Referer": "http://h/?lang=ru"}).get_json()
        english = client.get("/_dash-layout", headers={"Referer": "http://h/"}).get_json()
        assert "Один съезд" in _texts(russian) and "Один съезд" not in _texts(english)
