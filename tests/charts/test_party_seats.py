"""The seat chart draws one mark per delegate, grouped by party, with the gap in grey."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import chart
from dashboard.charts.party_seats import seat_positions
from dashboard.frames import Frames
from dashboard.style import GAP_COLOUR, PHONE, PRESETS, party_colour, slide_size
from dashboard.urls import State
from tests.charts.conftest import annotation


def _seats_by_part(fig: go.Figure) -> dict[str, int]:
    return {t.meta["part_id"]: len(t.x) for t in fig.data}


def test_second_congress_has_649_marks_grouped_by_party(draw) -> None:
    fig = draw("party-seats", congress_id="ar-02")
    assert sum(len(t.x) for t in fig.data) == 649
    assert _seats_by_part(fig) == {
        "bolshevik": 390,
        "left-sr": 100,
        "sr": 60,
        "menshevik-internationalist": 14,
        "menshevik": 72,
        "various": 13,
    }
    assert all(t.type == "scatter" for t in fig.data)  # SVG, never WebGL
    order = [t.meta["part_id"] for t in fig.data]
    assert order.index("left-sr") + 1 == order.index("sr")  # the Left SRs sit beside the SRs


def test_party_colours_labels_and_shares_of_the_named_base(draw) -> None:
    by_part = {t.meta["part_id"]: t for t in draw("party-seats", congress_id="ar-02").data}
    assert by_part["bolshevik"].marker.color == party_colour("bolshevik")
    assert by_part["bolshevik"].name.split("<br>")[0] == "Bolsheviks: 390"
    # on an English page the legend and the hover give the Russian original under and beside the name
    assert by_part["bolshevik"].name.endswith(">большевики</span>")
    assert "<b>Bolsheviks</b> · <i>большевики</i>" in by_part["bolshevik"].hovertemplate
    assert "390 delegates · 60.1% of 649 delegates, voting right not stated" in by_part["bolshevik"].hovertemplate
    assert by_part["left-sr"].name.split("<br>")[0] == "of whom Left SRs: ≈100"
    assert "≈100 delegates · ≈15.4% of 649" in by_part["left-sr"].hovertemplate
    assert "about 100 were Left SRs" in by_part["left-sr"].hovertemplate  # the source's own words


def test_first_congress_gap_is_the_7_who_did_not_answer(draw) -> None:
    fig = draw("party-seats", congress_id="ar-01")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert len(gap.x) == 7 and gap.marker.color == GAP_COLOUR
    assert "presumably 7 delegates did not answer" in gap.hovertemplate
    assert sum(len(t.x) for t in fig.data) == 784
    assert _seats_by_part(fig)["sr-sympathisers"] == 20 and _seats_by_part(fig)["sr"] == 285
    assert "784" in annotation(fig, "total") and "delegates with full vote" in annotation(fig, "total")


def test_majority_line_total_title_and_source(draw) -> None:
    fig = draw("party-seats", congress_id="ar-02")
    assert annotation(fig, "majority") == "Majority: 325"
    assert annotation(fig, "total").startswith("<b>649</b>")
    assert any(s.name == "majority-line" for s in fig.layout.shapes)
    assert "Party composition" in fig.layout.title.text
    assert "Second All-Russian Congress of Soviets" in fig.layout.title.subtitle.text
    assert "25–27 Oct 1917 (OS)" in fig.layout.title.subtitle.text
    assert annotation(fig, "source-line").startswith("Source: Marxists Internet Archive")


def test_link_goes_into_the_source_line(draw) -> None:
    fig = draw(
        "party-seats", size=PRESETS["projector"], link="https://congresses.example/?congress=2", congress_id="ar-02"
    )
    assert "https://congresses.example/?congress=2" in annotation(fig, "source-line")
    assert fig.layout.width == 1920 and fig.layout.height == 1080


def test_seat_positions_fill_a_half_ring_left_to_right() -> None:
    xy = seat_positions(2500)
    assert len(xy) == 2500
    assert (xy[:, 1] >= -1e-9).all()
    assert xy[0, 0] < 0 < xy[-1, 0]


def test_a_bound_is_shown_as_a_bound(draw) -> None:
    """'more than 860 Bolsheviks' is drawn as 860 marks but labelled '>860'; the rest is 'fewer than 787'."""
    fig = draw("party-seats", congress_id="ar-03")
    by_part = {t.meta["part_id"]: t for t in fig.data}
    assert by_part["bolshevik"].name.split("<br>")[0] == "Bolsheviks: >860"
    assert ">860 delegates · >52.2% of 1,647 delegates with full vote" in by_part["bolshevik"].hovertemplate
    assert "more than 860 Bolsheviks" in by_part["bolshevik"].hovertemplate
    assert by_part["not-accounted"].name == "Not accounted for in the source: <787"


def test_percent_only_congress_has_no_seats_and_says_why(frames: Frames) -> None:
    rows = chart("party-seats").rows(frames, State(congress_id="au-08"))
    assert rows.empty and "only as shares" in rows.attrs["missing"]


def test_a_slide_s_and_a_phone_s_legend_keep_to_the_english_names(draw) -> None:
    """The Russian originals stand under the legend's names on a desk only: a slide keeps its legend to its
    height, a phone to its width; their hovers still give the originals."""
    for size in (slide_size(1080), PHONE):
        fig = draw("party-seats", size=size, congress_id="ar-02")
        assert all("<br>" not in t.name for t in fig.data)
        assert any("<i>большевики</i>" in t.hovertemplate for t in fig.data)
