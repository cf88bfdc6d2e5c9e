"""The Russian originals beside the English names, and the English glosses of Russian excerpts.

Every original is a name as a Russian-language source writes it, with that source's words (checked word
for word against the source's fixture by tests/test_all_congresses.py). Where no Russian-language source
was found for a name, it is listed here with the reason, so that a gap is said rather than hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.frames import Frames
from dashboard.i18n import text_language, use
from dashboard.lessons import glossary_page
from dashboard.loader import RecordError, load_records
from dashboard.records import Original
from tests.test_all_congresses import _excerpts_of, _not_verbatim, _records, all_excerpts

RECORDS = load_records()
CONGRESSES = {c.id: c for c in RECORDS.congresses}

NOT_SEARCHED = "No Russian-language page carrying it was found in the stored pages searched."

CONGRESSES_NOT_FOUND = {
    cid: NOT_SEARCHED for cid in ("ar-12", "ar-13", "ar-14", "ar-15", "ar-16", "au-04", "au-05", "au-06", "au-07")
}
"""Congresses whose Russian official name has no source yet: the searches found only the GSE's English
translation and other languages' Wikipedias for them."""

PARTIES_NOT_FOUND = {
    "sr-sympathisers": "No Russian source read names the SRs' sympathisers as a group.",
    "menshevik-sympathisers": "No Russian source read names the Mensheviks' sympathisers as a group.",
    "communist-sympathisers": "The Russian sources read give the Eighth Congress's party list without sympathisers.",
    "various": "An English source's catch-all ('13 of various groups'); no Russian wording was found for it.",
    "united-social-democrat": "No Russian source read gives the First Congress's CEC by party.",
}
"""Parties of the default breakdowns whose Russian name has no source yet."""

BODIES_NOT_FOUND = {
    (
        "au-08",
        "editorial-committee",
    ): "No Russian source read names the Eighth All-Union Congress's editorial commission.",
}

CYRILLIC = re.compile("[А-Яа-яЁё]")


def _default_breakdowns() -> Iterator[tuple[str, object]]:
    for c in RECORDS.congresses:
        for b in c.breakdowns:
            if b.default:
                yield c.id, b
        for body in c.bodies:
            for b in body.composition:
                if b.default:
                    yield c.id, b


def _originals() -> Iterator[tuple[str, Original]]:
    for c in RECORDS.congresses:
        if c.original:
            yield c.id, c.original
        for body in c.bodies:
            if body.original:
                yield f"{c.id}.{body.id}", body.original
    for party in RECORDS.parties.values():
        if party.original:
            yield f"parties.{party.id}", party.original
    for lineage in RECORDS.lineages.values():
        for name in lineage.names:
            if name.original:
                yield f"lineages.{name.since}", name.original
    for (kind, gid), group in RECORDS.groups.items():
        yield f"groups.{kind}.{gid}", group.original
    for entry in RECORDS.teaching.glossary:
        if entry.original:
            yield f"glossary.{entry.id}", entry.original


# ---------------------------------------------------------------------------------------------
# Real values.


def test_the_second_congress_official_name_in_russian() -> None:
    original = CONGRESSES["ar-02"].original
    assert original.text == "Второй Всероссийский съезд Советов рабочих и солдатских депутатов"
    assert original.source == "zakoylok-second-congress" and original.lang == "ru"
    assert "7—9 ноября" in original.excerpt and "7–9 November" in original.gloss


def test_the_bolsheviks_are_rsdrp_b_then_rkp_b_then_vkp_b(frames: Frames) -> None:
    assert RECORDS.parties["bolshevik"].original.text == "большевики"
    comp = frames.composition
    shown = comp[comp.is_default & (comp.lineage_id == "communist-party") & comp.body.isna()]
    by_congress = dict(zip(shown.congress_id, shown.name_of_time_original, strict=False))
    assert (by_congress["ar-02"], by_congress["ar-07"], by_congress["au-06"]) == ("РСДРП(б)", "РКП(б)", "ВКП(б)")
    lineage = frames.lineages.set_index("since")
    assert lineage.loc["1917-01", "original"] == "РСДРП(б)" and lineage.loc["1917-01", "original_source_id"] == (
        "bres-bolsheviks"
    )


def test_the_all_russian_cec_is_vtsik_and_the_union_cec_tsik_sssr(frames: Frames) -> None:
    bodies = frames.bodies.set_index(["congress_id", "body_id"])
    assert bodies.loc[("ar-02", "cec"), "original_short"] == "ВЦИК"
    assert bodies.loc[("ar-02", "cec"), "original"] == "Всероссийский центральный исполнительный комитет"
    assert bodies.loc[("au-02", "cec"), "original"] == "ЦИК СССР"
    assert bodies.loc[("ar-02", "sovnarkom"), "original_short"] == "Совнарком"
    assert bodies.loc[("ar-17", "editorial-commission"), "original"] == "редакционная комиссия"


def test_the_first_all_union_congress_republics_are_rsfsr_ussr_bssr_zsfsr(frames: Frames) -> None:
    comp = frames.composition
    republics = comp[(comp.congress_id == "au-01") & (comp.kind == "republic") & ~comp.gap]
    shorts = dict(zip(republics.part_id, republics.original_short, strict=True))
    assert shorts == {
        "rsfsr": "РСФСР",
        "ukrainian-ssr": "УССР",
        "byelorussian-ssr": "БССР",
        "transcaucasian-sfsr": "ЗСФСР",
    }
    assert set(republics.original_source_id) == {"ruwiki-first-union-congress"}
    assert (republics.original_lang == "ru").all()


def test_social_groups_and_parties_in_russian(frames: Frames) -> None:
    comp = frames.composition
    ninth = comp[(comp.congress_id == "ar-09") & (comp.kind == "social") & ~comp.gap]
    assert dict(zip(ninth.part_id, ninth.original, strict=True)) == {
        "workers": "рабочие",
        "peasants": "крестьяне",
        "employees": "служащие",
        "other": "прочие",
    }
    employees = RECORDS.groups[("social", "employees")].original
    assert (employees.written, employees.source) == ("служащих", "sie-ninth-congress")  # the excerpt's genitive
    parties = frames.parties.set_index("id")
    assert parties.loc["left-sr", "original"] == "левые эсеры"
    assert parties.loc["bund", "original"] == "Бунд"
    assert (parties.loc["komsomol", "original"], parties.loc["komsomol", "original_short"]) == ("комсомол", "ВЛКСМ")


# ---------------------------------------------------------------------------------------------
# Every name the default views show has its original, or is listed with the reason it has none.


def test_every_congress_has_its_russian_name_or_a_reason() -> None:
    missing = {c.id for c in RECORDS.congresses if c.original is None}
    assert missing == set(CONGRESSES_NOT_FOUND)
    assert len(RECORDS.congresses) - len(missing) == 16


def test_every_party_of_a_default_breakdown_has_its_russian_name_or_a_reason() -> None:
    shown = {p.id for _, b in _default_breakdowns() if b.kind == "party" for p in b.parts}
    missing = {pid for pid in shown if RECORDS.parties[pid].original is None}
    assert missing == set(PARTIES_NOT_FOUND)
    assert {
        "bolshevik",
        "sr",
        "left-sr",
        "menshevik",
        "menshevik-internationalist",
        "bund",
        "anarchist",
    } <= shown - missing
    assert {"maximalist", "non-party", "komsomol", "communist"} <= shown - missing


def test_every_body_has_its_russian_name_or_a_reason() -> None:
    missing = {(c.id, b.id) for c in RECORDS.congresses for b in c.bodies if b.original is None}
    assert missing == set(BODIES_NOT_FOUND)


@pytest.mark.parametrize("kind", ["social", "republic"])
def test_every_social_group_and_republic_has_its_russian_name(kind: str) -> None:
    shown = {p.id for _, b in _default_breakdowns() if b.kind == kind for p in b.parts}
    assert shown and shown <= {gid for k, gid in RECORDS.groups if k == kind}


def test_the_glossary_gives_the_russian_terms_a_source_writes(frames: Frames) -> None:
    """An English glossary shows a term's original, its own or its party's or body's, marked as Russian."""
    with use("en"):
        page = glossary_page(frames)
    terms = {dt.id: dt.children for dt in page.children[1].children if getattr(dt, "id", None)}
    originals = {
        term_id: next((c.children for c in children if getattr(c, "lang", None) == "ru"), None)
        for term_id, children in terms.items()
    }
    assert originals["term-full-vote"] == "решающий голос"
    assert originals["term-soviet"] == "Совет" and originals["term-all-union"] == "Всесоюзный"
    assert originals["term-bolshevik"] == "большевики"
    assert originals["term-cec"] == "Всероссийский центральный исполнительный комитет (ВЦИК)"
    assert originals["term-dual-power"] is None  # no Russian source read writes it
    assert sum(o is not None for o in originals.values()) == 12


def test_every_lineage_name_has_its_russian_name() -> None:
    assert all(n.original for lineage in RECORDS.lineages.values() for n in lineage.names)


# ---------------------------------------------------------------------------------------------
# Originals are sourced, verbatim, and validated.


def test_originals_are_in_the_verbatim_check() -> None:
    """The excerpt check of test_all_congresses reaches every original, wherever it lives."""
    originals = list(_originals())
    assert len(originals) >= 50
    for where, original in originals:
        assert any(excerpt == original.excerpt for _, excerpt in _excerpts_of(original.source)), where
        assert _not_verbatim(original.source, [(where, original.excerpt)]) == []
    bolshevik = RECORDS.parties["bolshevik"].original
    assert ("parties.bolshevik", bolshevik.excerpt) in _excerpts_of("bres-bolsheviks")
    assert _not_verbatim("bres-bolsheviks", [("x", bolshevik.excerpt.replace("1903", "1904"))]) != []


def test_originals_cite_russian_language_sources() -> None:
    for where, original in _originals():
        assert CYRILLIC.search(original.excerpt), where
        assert CYRILLIC.search(RECORDS.sources[original.source].title), where


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_original_not_in_its_excerpt_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", 'text = "Второй Всероссийский', 'text = "Третий Всероссийский')
    with pytest.raises(RecordError) as caught:
        load_records(data_copy)
    assert "ar-02.toml: original: the original's text 'Третий Всероссийский" in str(caught.value)


def test_an_original_with_an_unknown_source_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "groups.toml", 'source = "sie-ninth-congress"', 'source = "no-such-source"')
    with pytest.raises(RecordError) as caught:
        load_records(data_copy)
    assert "groups.toml: group." in str(caught.value) and "unknown source id 'no-such-source'" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# English glosses of Russian excerpts: the project's translation, with the excerpt's numbers.


def _sourced() -> Iterator[tuple[str, dict]]:
    for where, dump in _records():
        for item in all_excerpts(dump):
            yield where, item


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+", text))


def test_every_russian_excerpt_has_an_english_gloss_with_its_numbers() -> None:
    russian = [(where, item) for where, item in _sourced() if CYRILLIC.search(item["excerpt"])]
    assert len(russian) > 80
    for where, item in russian:
        assert item.get("gloss"), f"{where}: no gloss for {item['excerpt']!r}"
        assert not CYRILLIC.search(item["gloss"]), where
        assert _numbers(item["gloss"]) == _numbers(item["excerpt"]), f"{where}: {item['gloss']!r}"


def test_glosses_are_only_for_excerpts_not_in_english() -> None:
    """Words in Russian (Cyrillic) or in German (the German Wikipedia's) carry an English gloss; English ones none."""
    glossed = [(where, item) for where, item in _sourced() if item.get("gloss")]
    assert glossed and all(text_language(item["excerpt"]) != "en" for _, item in glossed)
    german = [item for _where, item in _sourced() if text_language(item["excerpt"]) == "de"]
    assert german and all(item.get("gloss") for item in german)


def test_glosses_reach_the_frames(frames: Frames) -> None:
    comp = frames.composition
    cec = comp[(comp.congress_id == "ar-02") & (comp.breakdown == "body-cec-party-0") & ~comp.gap]
    assert cec.excerpt_gloss.str.startswith("The All-Russian CEC (VTsIK) was made up of 101 people").all()
    numbers = frames.numbers
    oldhat = numbers[(numbers.source_id == "oldhat-second-congress") & (numbers.field == "delegates.total")]
    assert oldhat.excerpt_gloss.iloc[0].startswith("Of the 670 delegates")
    english = numbers[numbers.source_id == "mia-glossary"]
    assert english.excerpt_gloss.isna().all()
    assert (
        frames.bodies.set_index(["congress_id", "body_id"])
        .loc[("ar-02", "cec"), "excerpt_gloss"]
        .startswith("The All-Russian CEC")
    )


def test_originals_sources_are_cited_apart_from_the_numbers(frames: Frames) -> None:
    originals = frames.originals_cited("ar-02")
    assert {"zakoylok-second-congress", "prlib-ru-first-congress", "bres-bolsheviks", "politike-third-congress"} <= (
        originals
    )
    assert "zakoylok-second-congress" not in frames.sources_cited("ar-02")
    assert "ruwiki-first-union-congress" in frames.originals_cited("au-01")
