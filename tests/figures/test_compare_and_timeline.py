"""The comparison figure and the timeline draw the comparison frames' numbers."""

from __future__ import annotations

from dashboard.figures.compare import compare_composition
from dashboard.figures.timeline import party_timeline
from dashboard.frames import Frames
from dashboard.style import GAP_COLOUR, party_colour


def test_compare_counts_on_one_scale(frames: Frames) -> None:
    fig = compare_composition(frames, ["ar-01", "ar-02"])
    bolsheviks = next(t for t in fig.data if t.meta["part_id"] == "bolshevik")
    assert list(bolsheviks.x) == [105, 390]
    assert bolsheviks.marker.color == party_colour("bolshevik")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert list(gap.x) == [35] and gap.marker.color == GAP_COLOUR
    assert "Second All-Russian" in fig.layout.title.subtitle.text


def test_compare_shares_and_percent_only_congress(frames: Frames) -> None:
    counts = compare_composition(frames, ["ar-13", "ar-14"])
    notes = {a.name: a.text for a in counts.layout.annotations}
    assert notes["missing-ar-14"] == "The sources give only shares: switch to shares"
    shares = compare_composition(frames, ["ar-13", "ar-14"], measure="share")
    non_party = next(t for t in shares.data if t.meta["part_id"] == "non-party")
    assert [round(x, 1) for x in non_party.x] == [round(100 * 409 / 1603, 1), 28.1]
    assert tuple(shares.layout.xaxis.range) == (0, 100)


def test_timeline_traces(frames: Frames) -> None:
    fig = party_timeline(frames)
    bolsheviks = [t for t in fig.data if t.meta["part_id"] == "bolshevik"]
    first = bolsheviks[0]
    assert list(first.customdata)[:2] == ["ar-01", "ar-02"]
    assert [round(y, 1) for y in first.y[:2]] == [13.4, 60.1]
    missing = [t for t in fig.data if t.meta["part_id"] == "no-data"]
    assert "ar-11" in {c for t in missing for c in t.customdata}
    assert all(y == 100 for t in missing for y in t.y)
    delegates = [t for t in fig.data if t.meta["part_id"] == "delegates"]
    assert 1090 in {int(y) for t in delegates for y in t.y}
