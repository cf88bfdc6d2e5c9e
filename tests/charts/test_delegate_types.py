"""Delegate types: voting right with its named base, and the organisations that sent the delegates."""

from __future__ import annotations

from dashboard.style import slide_room, slide_size
from tests.charts.conftest import annotation


def test_first_congress_voting_right_and_origins(draw) -> None:
    fig = draw("delegate-types", congress_id="ar-01")
    rights = {t.meta["part_id"]: float(t.x[0]) for t in fig.data if t.y[0] == "rights"}
    assert rights == {"voting": 784, "not-accounted": 306}  # of some 1,090: the gap is about 306
    key = annotation(fig, "rights-key")
    assert "Full vote: 784 · ≈71.9%" in key and "≈306" in key and "of all ≈1,090 delegates" in key  # "some 1,090"
    origins = {a.name: a.text for a in fig.layout.annotations if (a.name or "").startswith("origin-")}
    assert origins["origin-local-soviets"] == "≈610 delegates<br>from 305 organisations"


def test_third_congress_shares_of_the_two_counts_never_above_100(draw) -> None:
    key = annotation(draw("delegate-types", congress_id="ar-03"), "rights-key")
    assert "1,647 · 88.3%" in key and "219 · 11.7%" in key
    assert "of 1,866, the sum of the listed parts" in key


def test_second_congress_counts_organisations_and_says_so(draw) -> None:
    fig = draw("delegate-types", congress_id="ar-02")
    titles = [a.text for a in fig.layout.annotations]
    assert "Organisations that sent delegates<br>(counted in organisations, not delegates)" in titles
    assert annotation(fig, "origin-cossacks-soviets") == "1 organisation"


def test_all_union_congress_by_republic(draw) -> None:
    fig = draw("delegate-types", congress_id="au-01")
    assert "Delegates, by republic" in [a.text for a in fig.layout.annotations]
    assert annotation(fig, "origin-rsfsr").startswith("1,727 delegates")


def test_a_shared_slide_s_republic_counts_stand_alone_under_a_title_naming_the_unit(draw) -> None:
    """Beside the social make-up on a 1024 px slide, "1,727 delegates" ran off its half: the count alone, the
    panel's title saying they are delegates. Where there is room, the bar says so itself."""
    half = slide_room(slide_size(768, tall=True), 1024, shared=True)
    fig = draw("delegate-types", size=half, congress_id="au-01")
    assert annotation(fig, "origin-rsfsr") == "1,727"
    assert "Delegates, by republic" in [a.text for a in fig.layout.annotations]
    assert annotation(draw("delegate-types", congress_id="au-01"), "origin-rsfsr") == "1,727 delegates"
