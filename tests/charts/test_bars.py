"""The party and social bars: counts or the source's own shares, sub-parts inside, the gap its own bar."""

from __future__ import annotations

import html

from dashboard.style import GAP_COLOUR, party_colour
from tests.charts.conftest import annotation


def test_second_congress_bars_nest_the_left_srs(draw) -> None:
    fig = draw("party-bars", congress_id="ar-02")
    by_name = {t.name: float(t.x[0]) for t in fig.data}
    assert by_name["of whom Left SRs"] == 100 and by_name["SRs"] == 60  # 160 in all
    assert by_name["Bolsheviks"] == 390
    assert annotation(fig, "value-bolshevik") == "390  (60.1%)"
    assert annotation(fig, "value-sr") == "160  (24.7%)"
    assert "Shares of 649 delegates, voting right not stated" in annotation(fig, "source-line")


def test_first_congress_gap_bar(draw) -> None:
    fig = draw("party-bars", congress_id="ar-01")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert float(gap.x[0]) == 7 and gap.marker.color == GAP_COLOUR
    assert "presumably 7 delegates did not answer" in gap.hovertemplate
    sympathisers = next(t for t in fig.data if t.meta["part_id"] == "sr-sympathisers")
    assert float(sympathisers.x[0]) == 20 and sympathisers.marker.color == party_colour("sr-sympathisers")


def test_percent_only_breakdown_keeps_the_sources_shares(draw) -> None:
    fig = draw("party-bars", congress_id="au-08")
    assert {t.name: float(t.x[0]) for t in fig.data} == {"Communists": 72.0, "Non-party": 28.0}
    assert annotation(fig, "value-communist") == "72%"  # as the source gives it, no added decimals
    assert "Shares as the source gives them" in annotation(fig, "source-line")


def test_social_composition(draw) -> None:
    fig = draw("social", congress_id="ar-09")
    assert sorted(float(t.x[0]) for t in fig.data) == [8.5, 20.0, 32.5, 39.0]
    assert "Social composition" in fig.layout.title.text


def test_a_bound_and_the_gap_it_leaves_stay_bounds(draw) -> None:
    fig = draw("party-bars", congress_id="ar-03")  # more than 860 Bolsheviks of 1,647: a bound
    assert html.unescape(annotation(fig, "value-bolshevik")) == ">860  (>52.2%)"
    assert html.unescape(annotation(fig, "value-not-accounted")) == "<787  (<47.8%)"
