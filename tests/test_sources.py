"""Sources a teacher can follow: who wrote each, when, where it was read, under what terms, and how sure it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dashboard import licences
from dashboard.frames import Frames
from dashboard.loader import RecordError, load_records
from tests.conftest import SOURCE_TEXTS, source_fixture

SOURCES = load_records().sources


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_source_has_a_year_or_says_why_not() -> None:
    for source in SOURCES.values():
        assert (source.year is None) != (source.no_year is None), source.id
    years = {s.id: s.year for s in SOURCES.values()}
    assert years["reed-ten-days"] == 1919 and years["pipes-russian-revolution"] == 1990
    assert years["rech-first-congress"] == 1927  # Golder's Documents of Russian History
    assert "volume" in SOURCES["gse-ninth-congress"].no_year


def test_a_source_without_year_or_reason_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "sources.toml", "year = 1919\n", "")
    with pytest.raises(RecordError) as caught:
        load_records(data_copy)
    assert "sources.toml: source." in str(caught.value) and "'year' or 'no_year'" in str(caught.value)


def test_a_weak_source_must_say_why(data_copy: Path) -> None:
    path = data_copy / "sources.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "centenary-orange-1917"')
    path.write_text(text[:start] + text[start:].replace('what = "', 'weak = true\nwhat = "', 1), encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_records(data_copy)
    assert "a weak source needs 'reliability'" in str(caught.value)


def test_lenin_notes_give_volume_and_pages() -> None:
    fourth, fifth, seventh = (SOURCES[f"lenin-cw-{n}-congress"] for n in ("fourth", "fifth", "seventh"))
    assert (fourth.volume, fourth.pages, fourth.year) == ("27", "169-201", 1972)
    assert (fifth.volume, fifth.pages) == ("27", "505-532")
    assert (seventh.volume, seventh.pages, seventh.year) == ("30", "550", 1965)  # note 68 on p. 550
    assert fourth.imprint == "Moscow: Progress Publishers"


def test_books_are_cited_as_books_and_their_copies_kept_as_read_via() -> None:
    pipes, reed, guard = SOURCES["pipes-russian-revolution"], SOURCES["reed-ten-days"], SOURCES["kremlin-guard-book"]
    assert (pipes.author, pipes.imprint, pipes.year) == ("Richard Pipes", "New York: Alfred A. Knopf", 1990)
    assert "rulit.me" in pipes.read_via and "rulit.me" not in pipes.url
    assert (reed.author, reed.imprint) == ("John Reed", "New York: Boni & Liveright")
    assert reed.url.startswith("https://www.marxists.org/") and "bitlit.ru" in reed.read_via
    assert "Krasnova" in guard.author and "rulit.me" in guard.read_via and guard.no_year


MIRRORS = (
    "a.osmarks.net",
    "wikipedia-on-ipfs",
    "wiki7.org",
    "wikimili",
    "liquisearch",
    "wikisum",
    "википедия.su",
    "wiki-org.ru",
    "kartaslov.ru",
    "russianwiki.com",
)


def test_mirrors_are_read_via_or_say_what_they_copy() -> None:
    """A mirror is never cited as if it were the original: it is `read_via`, or `copy_of` names the original."""
    for source in SOURCES.values():
        if any(m in source.url for m in MIRRORS) or "xn--b1aeclack5b4j.su" in source.url:
            assert source.copy_of, f"{source.id}: {source.url} is a copy; name what it copies"
    assert SOURCES["ruwiki-first-union-congress"].copy_of.startswith("https://ru.wikipedia.org/wiki/I_")
    wikimili = SOURCES["wikimili-seventh-union-congress"]
    assert wikimili.url == "https://en.wikipedia.org/wiki/Seventh_All-Union_Congress_of_Soviets"
    assert "wikimili.com" in wikimili.read_via


def test_weak_sources_are_flagged_with_a_reason() -> None:
    weak = {s.id for s in SOURCES.values() if s.weak}
    assert {"kremlin-guard-book", "interpretive-tenth-congress", "wiki7-twelfth-congress"} <= weak
    assert all(SOURCES[s].reliability for s in weak)


def test_default_numbers_resting_on_weak_sources(frames: Frames) -> None:
    """The numbers a view shows by default whose source is weak: the views say so where they show them."""
    weak = set(frames.sources[frames.sources.weak].id)
    numbers = frames.numbers
    shown = numbers.field.str.match(r"(delegates|soviets_represented|bodies)\.?") & numbers.is_default
    claims = {(r.congress_id, r.field) for r in numbers[shown & numbers.source_id.isin(weak)].itertuples()}
    assert claims == {
        ("ar-02", "bodies.cec.members"),
        ("ar-06", "delegates.consultative"),
        ("ar-10", "delegates.total"),
        ("ar-12", "delegates.consultative"),
        ("ar-12", "bodies.cec.members"),
        ("ar-12", "bodies.cec.alternates"),
        ("au-08", "bodies.editorial-committee.members"),
    }
    comp = frames.composition
    parts = comp[comp.is_default & ~comp.gap & comp.source_id.isin(weak)]
    assert set(parts.congress_id + ":" + parts.breakdown) == {
        "ar-02:body-cec-party-0",
        "ar-06:voting-right-0",
        "ar-10:party-0",
        "ar-10:republic-0",
        "ar-12:party-0",
        "ar-12:social-0",
        "ar-12:nationality-0",
        "ar-12:voting-right-0",
    }


def test_every_source_has_a_licence_with_a_title_and_address(frames: Frames) -> None:
    for source in SOURCES.values():
        licence = licences.SOURCES[source.licence]
        assert licence.title and licence.path.startswith("https://"), source.id
    wikipedia = [s for s in SOURCES.values() if s.url.startswith("https://en.wikipedia.org/")]
    assert wikipedia and all(s.licence == "CC-BY-SA-4.0" for s in wikipedia)
    assert SOURCES["mia-glossary"].licence == "CC-BY-SA-2.0"
    assert set(frames.sources.licence) <= set(licences.SOURCES)


def test_sources_were_read_after_they_were_published() -> None:
    for source in SOURCES.values():
        assert source.year is None or source.accessed.year >= source.year, source.id


@pytest.mark.parametrize("source_id", sorted(SOURCES))
def test_fixture_carries_the_attribution_of_the_page_read(source_id: str) -> None:
    source, fixture = SOURCES[source_id], source_fixture(source_id)
    assert fixture["source"] == source_id
    assert fixture["title"] == source.title and fixture["publisher"] == source.publisher
    assert fixture["url"] == (source.read_via or source.url)
    assert fixture["accessed"] == source.accessed
    assert (fixture["licence"], fixture["terms"]) == (source.licence, source.terms)
    assert fixture.get("text") or fixture.get("passages")


def test_fixtures_are_one_per_source() -> None:
    assert sorted(p.stem for p in SOURCE_TEXTS.glob("*.toml")) == sorted(SOURCES)


def test_sources_frame_carries_the_citation_fields(frames: Frames) -> None:
    row = frames.sources.set_index("id").loc["lenin-cw-seventh-congress"]
    assert (row.volume, row.pages, int(row.year)) == ("30", "550", 1965)
    assert row.accessed == dt.date(2026, 11, 27) and not row.weak
    assert pd.isna(frames.sources.set_index("id").loc["mia-glossary", "year"])
