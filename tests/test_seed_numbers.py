"""Every number in the primary source is in the frames, tied to the source's own words."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.charts.base import default_parts
from dashboard.frames import GAP_ID, Frames
from dashboard.loader import load_records
from tests.conftest import SEED_TEXT

# (congress, field in the numbers frame, value, words the excerpt must contain)
SEED_NUMBERS = [
    ("ar-01", "delegates.total", 1090, "some 1,090 delegates"),
    ("ar-01", "delegates.voting", 784, "784 with full vote"),
    ("ar-01", "breakdowns.2.origin.regional-soviets.organisations", 53, "53 regional/provincial soviets"),
    ("ar-01", "breakdowns.2.origin.regional-soviets.count", 106, "(106 deputies)"),
    ("ar-01", "breakdowns.2.origin.local-soviets.organisations", 305, "305 local soviets"),
    ("ar-01", "breakdowns.2.origin.local-soviets.count", 610, "(610 deputies)"),
    ("ar-01", "breakdowns.2.origin.military-organisations.organisations", 34, "34 military organisations"),
    ("ar-01", "breakdowns.2.origin.military-organisations.count", 68, "(68 delegates)"),
    ("ar-01", "breakdowns.0.party.sr.count", 285, "285 Socialist-Revolutionary"),
    ("ar-01", "breakdowns.0.party.sr-sympathisers.count", 20, "20 sympathetic"),
    ("ar-01", "breakdowns.0.party.menshevik.count", 248, "248 Mensheviks"),
    ("ar-01", "breakdowns.0.party.menshevik-sympathisers.count", 8, "8 sympathetic"),
    ("ar-01", "breakdowns.0.party.bolshevik.count", 105, "105 Bolsheviks"),
    ("ar-01", "breakdowns.0.party.various.count", 111, "111 Various other small parties"),
    ("ar-01", "votes.general-peace.dissents", 8, "only 8 dissents"),
    ("ar-01", "votes.support-provisional-government.in_favour", 543, "543 to 126"),
    ("ar-01", "votes.support-provisional-government.against", 126, "543 to 126"),
    ("ar-01", "votes.support-provisional-government.abstained", 52, "52 abstentions"),
    ("ar-02", "delegates.total", 649, "649 delegates"),
    ("ar-02", "soviets_represented", 318, "318 provincial/local soviets"),
    ("ar-02", "breakdowns.0.party.bolshevik.count", 390, "390 were Bolshevik"),
    ("ar-02", "breakdowns.0.party.sr.count", 160, "160 Socialist-Revolutionaries"),
    ("ar-02", "breakdowns.0.party.left-sr.count", 100, "about 100 were Left SRs"),
    ("ar-02", "breakdowns.0.party.menshevik.count", 72, "72 Mensheviks"),
    ("ar-02", "breakdowns.0.party.menshevik-internationalist.count", 14, "14 Menshevik Internationalists"),
    ("ar-02", "breakdowns.0.party.various.count", 13, "13 of various groups"),
    ("ar-02", "votes.sr-caucus-withdrawal.against", 92, "rejected by 92 votes"),
    ("ar-02", "votes.sr-caucus-withdrawal.in_favour", 60, "against 60"),
    ("ar-09", "delegates.total", 1993, "1,993 delegates"),
    ("ar-09", "delegates.voting", 1631, "1,631 had a casting vote"),
    ("ar-09", "delegates.consultative", 362, "362 a consultative voice"),
    ("ar-09", "bodies.cec.members", 386, "386 members"),
    ("ar-09", "bodies.cec.alternates", 127, "127 alternate members"),
]


def _number(frames: Frames, congress: str, field: str) -> pd.Series:
    rows = frames.numbers[
        (frames.numbers.congress_id == congress) & (frames.numbers.field == field) & frames.numbers.is_default
    ]
    assert len(rows) == 1, f"{congress} {field}: {len(rows)} default rows"
    return rows.iloc[0]


@pytest.mark.parametrize(("congress", "field", "value", "words"), SEED_NUMBERS)
def test_seed_number_is_in_frames_with_its_excerpt(frames: Frames, congress, field, value, words) -> None:
    row = _number(frames, congress, field)
    assert row.value == value
    assert row.source_id == "mia-glossary"
    assert words in row.excerpt
    for fragment in row.excerpt.split(" … "):
        assert fragment in SEED_TEXT, fragment


def test_every_number_written_in_the_seed_is_accounted_for(frames: Frames) -> None:
    """Every figure in the seed is a number in the frames, a date, a time or a named non-count."""
    tokens = {int(t.replace(",", "")) for t in re.findall(r"\d[\d,]*\d|\d", SEED_TEXT)}
    numbers = set(frames.numbers.value.astype(int))
    dates = {part for d in pd.concat([frames.dates.start, frames.dates.end]) for part in (d.day, d.year)}
    times = {int(part) for t in frames.events.time.dropna() for part in t.split(":")}
    times |= {3, 5, 9, 8}  # written "3:00 a.m.", "5:00 a.m.", "9:00 p.m." and "8 o'clock" in the seed
    gap_notes = " ".join(frames.composition.note.dropna())
    in_notes = {n for n in tokens if re.search(rf"\b{n}\b", gap_notes)}
    assert 7 in in_notes  # "presumably 7 delegates did not answer" stays with the gap it explains
    missing = tokens - numbers - dates - times - in_notes
    assert missing == set(), f"seed numbers not in the frames: {sorted(missing)}"


def test_approximate_values_stay_approximate(frames: Frames) -> None:
    assert bool(_number(frames, "ar-01", "delegates.total").approximate)  # "some 1,090"
    assert bool(_number(frames, "ar-02", "breakdowns.0.party.left-sr.count").approximate)  # "about 100"
    origin = frames.composition[(frames.composition.congress_id == "ar-01") & (frames.composition.kind == "origin")]
    assert origin.approximate.all()  # "Approximately: from 53 …"
    assert not bool(_number(frames, "ar-01", "delegates.voting").approximate)


def test_first_congress_gap_is_its_own_part(frames: Frames) -> None:
    """Read with the sympathisers on top, the seed's groups add up to 777 and leave its 7 who did not answer."""
    party = default_parts(frames, "ar-01", "party")
    gap = party[party.part_id == GAP_ID].iloc[0]
    assert gap["count"] == 7
    assert gap.label == "Not accounted for in the source"
    assert "presumably 7 delegates did not answer" in gap.note
    top = party[party.within.isna()]
    assert top["count"].sum() == 784  # 777 from the parts + the 7 gap, never rescaled
    assert party.set_index("part_id").loc["sr", "count"] == 285
    assert party.set_index("part_id").loc["sr-sympathisers", "within"] is pd.NA


def test_first_congress_other_reading_is_a_variant_with_its_gap_of_35(frames: Frames) -> None:
    comp = frames.composition
    other = comp[
        (comp.congress_id == "ar-01") & (comp.kind == "party") & ~comp.is_default & comp.of.str.contains("included")
    ]
    assert set(other.breakdown) == {other.breakdown.iloc[0]}
    assert other.set_index("part_id").loc["sr-sympathisers", "within"] == "sr"
    gap = other[other.gap].iloc[0]
    assert gap["count"] == 35 and "35" in gap.note


def test_second_congress_parts_add_up_with_no_gap(frames: Frames) -> None:
    party = default_parts(frames, "ar-02", "party")
    assert GAP_ID not in set(party.part_id)
    assert party[party.within.isna()]["count"].sum() == 649
    left = party.set_index("part_id").loc["left-sr"]
    assert left.within == "sr" and left["count"] == 100


def test_first_congress_dates_keep_both_readings(frames: Frames) -> None:
    dates = frames.dates[frames.dates.congress_id == "ar-01"].set_index("label")
    assert str(dates.loc["the entry's text", "end"]) == "1917-06-24"
    assert bool(dates.loc["the entry's text", "is_default"])
    assert str(dates.loc["the entry's header", "end"]) == "1917-06-22"
    assert "June 3-22" in dates.loc["the entry's header", "excerpt"]


def test_old_style_dates_get_new_style(frames: Frames) -> None:
    c = frames.congresses.set_index("congress_id")
    assert str(c.loc["ar-02", "start"]) == "1917-10-25"
    assert c.loc["ar-02", "start_ns"] == pd.Timestamp("1917-11-07")
    assert c.loc["ar-01", "end_ns"] == pd.Timestamp("1917-07-07")
    assert c.loc["ar-09", "start_ns"] == pd.Timestamp("1921-12-23")  # already New Style
    assert "(Old Style)" in c.loc["ar-02", "dates_text"] and "7–9 November 1917" in c.loc["ar-02", "dates_text"]


def test_votes_keep_unknown_parts_unknown(frames: Frames) -> None:
    votes = frames.votes[frames.votes.is_default].set_index("vote_id")
    peace = votes.loc["general-peace"]
    assert peace.dissents == 8 and pd.isna(peace.in_favour) and pd.isna(peace.against)
    assert votes.loc["constituent-assembly"].unanimous
    assert pd.isna(votes.loc["constituent-assembly"].in_favour)
    caucus = votes.loc["sr-caucus-withdrawal"]
    assert caucus.kind == "caucus" and caucus.caucus == "sr" and caucus.outcome == "rejected"


def test_second_congress_night_timeline(frames: Frames) -> None:
    events = frames.events[frames.events.congress_id == "ar-02"]
    timed = list(zip(events.time.dropna(), events.time_qualifier[events.time.notna()], strict=True))
    assert ("22:40", "at") in timed
    assert ("03:00", "shortly after") in timed
    assert ("05:00", "after") in timed
    assert ("21:00", "at") in timed


def test_quote_and_decrees(frames: Frames) -> None:
    quote = frames.quotes[frames.quotes.congress_id == "ar-01"].iloc[0]
    assert quote.words == "There is!" and quote.speaker == "Lenin"
    titles = set(frames.decisions[frames.decisions.congress_id == "ar-02"].title)
    assert {"Decree on Peace", "Decree on Land"} <= titles


def test_typed_columns(frames: Frames) -> None:
    assert str(frames.composition["count"].dtype) == "Int64"
    assert str(frames.votes.against.dtype) == "Int64"
    assert str(frames.congresses.delegates_consultative.dtype) == "Int64"
    assert frames.congresses.set_index("congress_id").loc["ar-01", "delegates_consultative"] is pd.NA


def test_every_source_is_cited_and_listed_with_its_congress(frames: Frames) -> None:
    cited = set().union(*(frames.sources_cited(c) for c in frames.congresses.congress_id))
    taught = {fact.source for _, fact in load_records().teaching.cited()}  # the lessons, glossary, introduction
    originals = set().union(*(frames.originals_cited(c) for c in frames.congresses.congress_id))
    assert set(frames.sources.id) == cited | taught | originals  # no source without a use, none used but unlisted
    assert "bres-bolsheviks" in originals - cited  # a source of Russian names only
    assert "wikipedia-second-congress" in frames.sources_cited("ar-02")  # the place's source counts too
