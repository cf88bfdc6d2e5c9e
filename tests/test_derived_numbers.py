"""Every number the views derive is told straight (issue: shares, bases, bounds, lineages, gaps).

Each test names the problem it guards against, with the sources' own numbers."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.calendar import new_style
from dashboard.charts import chart
from dashboard.charts.base import default_parts
from dashboard.charts.compare import change_table, changes
from dashboard.datapackage import write_package
from dashboard.frames import Frames
from dashboard.style import Style
from dashboard.urls import State

WORDS = {
    "a soviet": 1,
    "twenty-nine": 29,
    "sixty-seven": 67,
    "twenty": 20,
    "five": 5,
    "eight": 8,
    "four": 4,
    "two": 2,
    "one": 1,
}


@pytest.fixture(scope="module")
def package(frames: Frames, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp("package")
    write_package(frames, out)
    return {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in Path(out).glob("*.csv")}


def _rows(frames: Frames, chart_id: str, **view: object) -> pd.DataFrame:
    return chart(chart_id).rows(frames, State(**view))


# 1. Shares above 100 %.


def test_third_congress_voting_right_is_of_its_own_two_counts(frames: Frames) -> None:
    """1,647 voting and 219 consultative (GSE) are shares of their sum, 1,866, never of "over 1,500"."""
    rights = default_parts(frames, "ar-03", "voting-right").set_index("part_id")
    assert round(rights.loc["voting", "share"], 1) == 88.3 and round(rights.loc["consultative", "share"], 1) == 11.7
    assert rights.loc["voting", "base"] == "sum of the listed parts" and rights.loc["voting", "base_count"] == 1866
    seats = chart("party-seats").draw(_rows(frames, "party-seats", congress_id="ar-03"), Style())
    well = next(a.text for a in seats.layout.annotations if a.name == "total").replace("<br>", " ")
    assert "1,647" in well and "delegates with full vote" in well and "at the close" in well


def test_no_share_above_100_and_no_breakdown_above_100_5(package: dict) -> None:
    shares = [float(r["share"]) for r in package["composition"] if r["share"]]
    assert max(shares) <= 100
    sums: dict[tuple, float] = {}
    for r in package["composition"]:
        if r["share"] and r["level"] == "0":
            key = (r["congress_id"], r["breakdown"])
            sums[key] = sums.get(key, 0) + float(r["share"])
    assert max(sums.values()) <= 100.5


# 2. 100 % where the base is unknown.


@pytest.mark.parametrize("congress_id", ["ar-04", "ar-05", "au-08"])
def test_a_lone_voting_count_has_no_share_and_no_chart(frames: Frames, congress_id: str) -> None:
    rights = default_parts(frames, congress_id, "voting-right")
    assert len(rights) == 1 and rights.share.isna().all() and rights.base.isna().all()
    rows = _rows(frames, "delegate-types", congress_id=congress_id)
    assert rows.empty and "no total or consultative count" in rows.attrs["missing"]


# 3. Shares on an unnamed base.


def test_every_count_breakdown_without_a_total_names_its_base_or_has_no_shares(package: dict) -> None:
    groups: dict[tuple, list[dict]] = {}
    for r in package["composition"]:
        groups.setdefault((r["congress_id"], r["breakdown"]), []).append(r)
    without_total = [g for g in groups.values() if g[0]["unit"] == "count" and not g[0]["total"]]
    assert len(without_total) >= 20
    for parts in without_total:
        for r in parts:
            assert not r["share"] or r["base"] == "sum of the listed parts", r


@pytest.mark.parametrize(
    ("congress_id", "of", "base_count"),
    [
        ("ar-02", "as more arrived during the sitting", None),  # 472 Bolsheviks: one part, no total
        ("ar-02", "Left SRs", 116),  # 67 + 29 + 20 seats: the sum, against the 101 members another source gives
        ("ar-03", "Peasants' Deputies", None),
        ("ar-08", "Russian Wikipedia", 2396),
        ("au-01", "other than the RCP(b)", None),
        ("ar-01", "Encyclopaedia of Saint Petersburg", None),
    ],
)
def test_named_bases_of_lists_without_a_total(
    frames: Frames, congress_id: str, of: str, base_count: int | None
) -> None:
    comp = frames.composition
    rows = comp[(comp.congress_id == congress_id) & comp.of.str.contains(of, regex=False) & (comp.kind == "party")]
    assert not rows.empty
    if base_count is None:
        assert rows.share.isna().all() and rows.base.isna().all()
    else:
        assert (rows.base == "sum of the listed parts").all() and (rows.base_count == base_count).all()
        assert rows.derived.str.contains("sum of the listed parts").all()


# 4. One party, two rows.


def test_bolsheviks_and_communists_are_one_row_with_the_name_of_the_time(frames: Frames) -> None:
    rows = _rows(frames, "compare", view="compare", compare_ids=("ar-05", "ar-06"))
    table = change_table(rows)
    party = table[table.Party == "Bolsheviks / Communists"]
    assert len(party) == 1
    cells = list(party.iloc[0])
    assert any("773" in c and "Bolsheviks (RCP(b))" in c for c in cells)
    assert any("946" in c and "Communists (RCP(b))" in c for c in cells)
    assert "absent" not in cells
    long = changes(rows)
    sixth = long[(long.lineage_id == "communist-party") & (long.congress_id == "ar-06")].iloc[0]
    assert sixth.change_count == 946 - 773  # both of delegates with full vote


def test_left_srs_are_within_the_srs_in_every_view(frames: Frames) -> None:
    rows = _rows(frames, "compare", view="compare", compare_ids=("ar-02", "ar-04"))
    table = change_table(rows)
    left = table[table.Party == "Left SRs"].iloc[0]
    assert any("≈100" in c and "within the SRs" in c for c in left)
    data = chart("party-bars").table(_rows(frames, "party-bars", congress_id="ar-02"))
    assert "of whom Left SRs" in set(data.Part)
    top = default_parts(frames, "ar-02", "party")
    assert round(top[top.level == 0].share.sum(), 1) == 100.0


# 5. Unlike compared with unlike.


def test_no_change_across_different_bases(frames: Frames) -> None:
    long = changes(_rows(frames, "compare", view="compare", compare_ids=("ar-01", "ar-02")))
    second = long[long.congress_id == "ar-02"]
    assert second.change_count.isna().all() if "change_count" in second else True
    assert set(second.why_no_change.dropna()) <= {"bases differ", "absent or not recorded in one of them"}
    figure = chart("compare").draw(
        _rows(frames, "compare", view="compare", compare_ids=("ar-01", "ar-02")),
        Style(),
    )
    basis = next(a.text for a in figure.layout.annotations if a.name == "source-line").replace("<br>", " ")
    assert "bases differ" in basis.lower() and "compare directly" not in basis
    sixth_seventh = changes(_rows(frames, "compare", view="compare", compare_ids=("ar-06", "ar-07")))
    seventh = sixth_seventh[(sixth_seventh.congress_id == "ar-07") & (sixth_seventh.lineage_id == "communist-party")]
    assert seventh.why_no_change.iloc[0] == "bases differ"  # 963 voting delegates against 1,366 in all


def test_the_timeline_says_each_bars_base(frames: Frames) -> None:
    fig = chart("timeline").draw(_rows(frames, "timeline", view="timeline"), Style())
    basis = next(a.text for a in fig.layout.annotations if a.name == "source-line").replace("<br>", " ")
    assert "delegates with full vote: I" in basis and "all delegates: VII" in basis and "not stated:" in basis
    hovers = [h for t in fig.data for h in (t.hovertext or [])]
    assert any("of 784 delegates with full vote" in h for h in hovers)


# 6. Bounds turned into approximations.


def test_the_third_congress_bolsheviks_stay_more_than_860(frames: Frames) -> None:
    fig = chart("timeline").draw(_rows(frames, "timeline", view="timeline"), Style())
    third = [
        html.unescape(h)
        for t in fig.data
        for h in (t.hovertext or [])
        if "Third All-Russian" in h and "Bolsheviks" in h
    ]
    assert third and ">860" in third[0] and "≈860" not in third[0]
    gap = default_parts(frames, "ar-03", "party").set_index("part_id").loc["not-accounted"]
    assert (gap["count"], gap.bound) == (787, "fewer than")  # 1,647 minus more than 860


# 7. The First Congress's gap.


def test_first_congress_default_gap_is_7(package: dict) -> None:
    gaps = [
        r
        for r in package["composition"]
        if r["congress_id"] == "ar-01"
        and r["kind"] == "party"
        and r["part_id"] == "not-accounted"
        and not r["body"]
        and r["of"].startswith("delegates with full vote")
    ]
    by_default = {r["is_default"]: r for r in gaps}
    assert by_default["True"]["count"] == "7" and "presumably 7 delegates did not answer" in by_default["True"]["note"]
    assert by_default["False"]["count"] == "35"


# 8. An event after the end.


def test_no_event_falls_after_its_congress(frames: Frames) -> None:
    ends = frames.congresses.set_index("congress_id").end_ns
    for e in frames.events.itertuples():
        assert pd.Timestamp(new_style(e.date, e.calendar)) <= ends[e.congress_id], (e.congress_id, e.text)


# 9. A number exported with someone else's source.


def _states(excerpt: str, note: str, value: float) -> bool:
    text = excerpt.replace("\u202f", " ").replace("\xa0", " ")
    numbers = {float(n.replace(",", "").replace(" ", "")) for n in re.findall(r"\d[\d, ]*\d|\d", text)}
    numbers |= {float(n.replace(",", ".")) for n in re.findall(r"\d+,\d", text)}
    numbers |= {float(v) for w, v in WORDS.items() if re.search(rf"\b{w}\b", text.lower())}
    return value in numbers or f'writes "{int(value)}"' in note


def test_every_exported_count_is_stated_by_its_excerpt_or_marked_derived(package: dict) -> None:
    checked = 0
    for r in package["composition"]:
        for column in ("count", "organisations"):
            if r[column] and not r["derived"].startswith("count"):
                assert _states(r["excerpt"], r["note"], float(r[column])), (r["congress_id"], r["label"], r[column])
                checked += 1
    for r in package["votes"]:
        for column in ("in_favour", "against", "abstained", "not_voting", "dissents"):
            if r[column]:
                assert _states(r["excerpt"], r["note"], float(r[column])), (r["vote_id"], column)
                checked += 1
    for r in package["bodies"]:
        if r["members"]:
            assert _states(r["excerpt"], r["note"], float(r["members"])), (r["congress_id"], r["body_id"])
            checked += 1
    assert checked > 250


def test_cec_members_carry_their_own_sources(package: dict) -> None:
    bodies = {(r["congress_id"], r["body_id"]): r for r in package["bodies"]}
    assert (
        bodies[("ar-01", "cec")]["source_id"] == "wikipedia-first-cec" and "320" in bodies[("ar-01", "cec")]["excerpt"]
    )
    assert (
        bodies[("ar-02", "cec")]["source_id"] == "kremlin-guard-book" and "101" in bodies[("ar-02", "cec")]["excerpt"]
    )
    assert bodies[("ar-01", "cec")]["body_source_id"] == "mia-glossary"


# 10. Smaller points.


def test_inferred_event_times_are_marked(frames: Frames) -> None:
    events = frames.events[frames.events.congress_id == "ar-02"]
    inferred = events[events.inferred.notna()]
    assert set(inferred.time) == {"20:00", "22:40", "03:00", "05:00", "21:00"}
    assert events[events.time == "02:00"].inferred.isna().all()  # "at two o'clock in the morning on Oct. 27"


def test_sixth_congress_note_adds_up(frames: Frames) -> None:
    numbers = frames.numbers[
        (frames.numbers.congress_id == "ar-06") & (frames.numbers.field == "delegates.consultative")
    ]
    assert "963 + 333 = 1,296" in numbers.note.iloc[0]


def test_missing_variants_are_there(frames: Frames) -> None:
    n = frames.numbers
    au6 = n[(n.congress_id == "au-06") & (n.field == "delegates.voting")].set_index("source_id").value
    assert (au6["gse-sixth-union-congress"], au6["friendlywiki-1931-election"]) == (1570, 1576)
    ar1 = n[(n.congress_id == "ar-01") & (n.field == "delegates.voting")].set_index("source_id").value
    assert ar1["trotsky-history-ch22"] == 820
