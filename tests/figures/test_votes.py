"""Vote bars: counted parts only, the source's own words for the rest, caucus votes marked."""

from __future__ import annotations

from dashboard.figures.votes import vote_outcomes
from dashboard.frames import Frames
from dashboard.style import VOTE_COLOURS


def _outcomes(fig) -> dict[str, str]:
    return {
        a.name.removeprefix("outcome-"): a.text for a in fig.layout.annotations if (a.name or "").startswith("outcome-")
    }


def test_counted_vote_has_its_three_parts(frames: Frames) -> None:
    fig = vote_outcomes(frames, "ar-01")
    parts = {
        t.meta["part"]: t.x[0]
        for t in fig.data
        if t.meta["vote_id"] == "support-provisional-government" and t.meta.get("variant", 0) == 0
    }
    assert parts == {"in_favour": 543, "against": 126, "abstained": 52}
    assert _outcomes(fig)["support-provisional-government"] == "Passed: 543 for, 126 against, 52 abstained"


def test_unknown_parts_are_never_zero(frames: Frames) -> None:
    fig = vote_outcomes(frames, "ar-01")
    assert all(t.x[0] > 0 for t in fig.data)
    assert not [t for t in fig.data if t.meta["vote_id"] == "constituent-assembly"]
    outcomes = _outcomes(fig)
    assert outcomes["constituent-assembly"] == "Passed unanimously; no count in the source"
    assert outcomes["general-peace"] == "Passed with only 8 dissents; votes for not given"


def test_caucus_vote_is_marked(frames: Frames) -> None:
    fig = vote_outcomes(frames, "ar-02")
    caucus = [t for t in fig.data if t.meta["vote_id"] == "sr-caucus-withdrawal"]
    assert {t.y[0] for t in caucus} == {"SRs caucus: Withdraw from the<br>Congress"}
    assert _outcomes(fig)["sr-caucus-withdrawal"] == "Rejected: 60 for, 92 against"
    assert fig.layout.shapes  # the line between floor and caucus votes


def test_colours_are_not_red_against_green(frames: Frames) -> None:
    fig = vote_outcomes(frames, "ar-01")
    colours = {t.marker.color for t in fig.data}
    assert colours <= set(VOTE_COLOURS.values())
    assert VOTE_COLOURS["in_favour"] == "#0072b2" and VOTE_COLOURS["against"] == "#e69f00"
