"""Composition bars show the same parts as the frames, nesting and approximations included."""

from __future__ import annotations

from dashboard.figures.composition_bars import breakdown_bars
from dashboard.frames import Frames
from dashboard.style import GAP_COLOUR, party_colour


def _values(fig) -> dict[str, float]:
    totals: dict[str, float] = {}
    for trace in fig.data:
        totals[trace.meta["part_id"]] = totals.get(trace.meta["part_id"], 0) + trace.x[0]
    return totals


def test_second_congress_bars_match_the_frames(frames: Frames) -> None:
    fig = breakdown_bars(frames, "ar-02")
    assert _values(fig) == {
        "bolshevik": 390,
        "left-sr": 100,
        "sr": 60,
        "menshevik-internationalist": 14,
        "menshevik": 72,
        "various": 13,
    }
    sr = [t for t in fig.data if t.meta["part_id"] in ("sr", "left-sr")]
    assert {t.y[0] for t in sr} == {"SRs<br>incl. ≈100 Left SRs"}  # one bar, the nesting named, "≈" kept
    ends = {a.name: a.text for a in fig.layout.annotations}
    assert ends["value-sr"] == "160  (24.7%)"
    assert ends["value-bolshevik"] == "390  (60.1%)"


def test_gap_bar_is_grey_and_labelled(frames: Frames) -> None:
    fig = breakdown_bars(frames, "ar-01")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert gap.x[0] == 35 and gap.marker.color == GAP_COLOUR and gap.y[0] == "Not accounted for"
    assert "presumably 7 delegates did not answer" in gap.hovertemplate
    bolsheviks = next(t for t in fig.data if t.meta["part_id"] == "bolshevik")
    assert bolsheviks.marker.color == party_colour("bolshevik")


def test_missing_breakdown_says_not_recorded(frames: Frames) -> None:
    fig = breakdown_bars(frames, "ar-02", kind="social")
    texts = [a.text for a in fig.layout.annotations]
    assert any("Not recorded in the sources" in t for t in texts)
    assert not fig.data
