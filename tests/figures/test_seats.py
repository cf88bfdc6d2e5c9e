"""The seat chart draws one mark per delegate, grouped by party, with the gap in grey."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figures.seats import party_seats, seat_positions
from dashboard.frames import Frames
from dashboard.style import GAP_COLOUR, PRESETS, party_colour


def _seats_by_part(fig: go.Figure) -> dict[str, int]:
    return {t.meta["part_id"]: len(t.x) for t in fig.data}


def _annotation(fig: go.Figure, name: str) -> str:
    return next(a.text for a in fig.layout.annotations if a.name == name)


def test_second_congress_has_649_marks_grouped_by_party(frames: Frames) -> None:
    fig = party_seats(frames, "ar-02")
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


def test_left_srs_sit_beside_the_srs(frames: Frames) -> None:
    order = [t.meta["part_id"] for t in party_seats(frames, "ar-02").data]
    assert order.index("left-sr") + 1 == order.index("sr")


def test_party_colours_and_labels(frames: Frames) -> None:
    fig = party_seats(frames, "ar-02")
    by_part = {t.meta["part_id"]: t for t in fig.data}
    assert by_part["bolshevik"].marker.color == party_colour("bolshevik")
    assert by_part["bolshevik"].name == "Bolsheviks: 390"
    assert by_part["left-sr"].name == "of whom Left SRs: ≈100"
    assert "≈100 delegates · 15.4% of 649" in by_part["left-sr"].hovertemplate
    assert "about 100 were Left SRs" in by_part["left-sr"].hovertemplate  # the source's own words


def test_first_congress_gap_is_grey_with_its_reason(frames: Frames) -> None:
    fig = party_seats(frames, "ar-01")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert len(gap.x) == 35 and gap.marker.color == GAP_COLOUR
    assert "presumably 7 delegates did not answer" in gap.hovertemplate
    assert sum(len(t.x) for t in fig.data) == 784
    sympathisers = next(t for t in fig.data if t.meta["part_id"] == "sr-sympathisers")
    assert len(sympathisers.x) == 20


def test_majority_line_total_title_and_source(frames: Frames) -> None:
    fig = party_seats(frames, "ar-02")
    assert _annotation(fig, "majority") == "Majority: 325"
    assert _annotation(fig, "total").startswith("<b>649</b>")
    assert any(s.name == "majority-line" for s in fig.layout.shapes)
    assert "Party composition" in fig.layout.title.text
    assert "Second All-Russian Congress of Soviets" in fig.layout.title.subtitle.text
    assert "25–26 Oct 1917 (OS)" in fig.layout.title.subtitle.text
    assert _annotation(fig, "source-line").startswith("Source: Marxists Internet Archive")


def test_link_goes_into_the_source_line(frames: Frames) -> None:
    fig = party_seats(frames, "ar-02", size=PRESETS["projector"], link="http://127.0.0.1:8050/?congress=2")
    assert "http://127.0.0.1:8050/?congress=2" in _annotation(fig, "source-line")
    assert fig.layout.width == 1920 and fig.layout.height == 1080


def test_seat_positions_fill_a_half_ring_left_to_right() -> None:
    xy = seat_positions(2500)
    assert len(xy) == 2500
    assert (xy[:, 1] >= -1e-9).all()
    assert xy[0, 0] < 0 < xy[-1, 0]


def test_a_bound_is_shown_as_a_bound(frames: Frames) -> None:
    """'more than 860 Bolsheviks' is drawn as 860 marks but labelled '>860', never as an exact 860."""
    fig = party_seats(frames, "ar-03")
    bolsheviks = next(t for t in fig.data if t.meta["part_id"] == "bolshevik")
    assert bolsheviks.name == "Bolsheviks: >860"
    assert "more than 860 Bolsheviks" in bolsheviks.hovertemplate
