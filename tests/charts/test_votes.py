"""Votes: counted tallies as bars (unknown parts not drawn), votes without a count as a compact list."""

from __future__ import annotations

import html
from dataclasses import replace

from dashboard.style import VOTE_COLOURS, slide_room, slide_size
from tests.charts.conftest import annotation


def _parts(fig, vote_id: str, variant: int = 0) -> dict[str, int]:
    return {
        t.meta["part"]: int(t.x[0]) for t in fig.data if t.meta["vote_id"] == vote_id and t.meta["variant"] == variant
    }


def test_first_congress_support_for_the_provisional_government(draw) -> None:
    fig = draw("votes", congress_id="ar-01")
    assert _parts(fig, "support-provisional-government") == {"in_favour": 543, "against": 126, "abstained": 52}
    assert _parts(fig, "support-provisional-government", 1) == {
        "in_favour": 543,
        "against": 126,
    }  # no abstentions given
    assert annotation(fig, "outcome-support-provisional-government") == "Passed: 543 for, 126 against, 52 abstained"
    for trace in fig.data:
        assert trace.marker.color == VOTE_COLOURS[trace.meta["part"]]


def test_a_second_sources_count_is_not_labelled_with_its_website(draw) -> None:
    fig = draw("votes", congress_id="ar-01")
    labels = [label.replace("<br>", " ") for label in fig.layout.yaxis.ticktext]
    assert any("the same vote, by a second source" in label for label in labels)
    assert not any(".com" in label or "Centenary" in label for label in labels)


def test_votes_without_a_count_are_a_list_not_bars(draw) -> None:
    fig = draw("votes", congress_id="ar-01")
    listed = annotation(fig, "uncounted").replace("<br>", " ")
    assert "Convocation of the Constituent Assembly: Passed unanimously; no count in the source" in listed
    assert "Passed with only 8 dissents; the votes for are not given" in listed  # never drawn as a bar of 8
    assert not any(t.meta["vote_id"] in ("general-peace", "constituent-assembly") for t in fig.data)


def test_second_congress_decrees_listed_and_the_caucus_vote_drawn(draw) -> None:
    fig = draw("votes", congress_id="ar-02")
    assert _parts(fig, "sr-caucus-withdrawal") == {"in_favour": 60, "against": 92}
    assert "SRs caucus" in fig.layout.yaxis.ticktext[0]
    listed = annotation(fig, "uncounted").replace("<br>", " ")
    assert "Decree on Peace: Passed (adopted); no count in the source" in listed
    assert "Decree on Land" in listed and "enormous majority" in listed


def test_against_and_dissents_differ(draw) -> None:
    assert VOTE_COLOURS["against"] != VOTE_COLOURS["dissents"]


def test_fourth_congress_three_counts_of_brest_litovsk(draw) -> None:
    fig = draw("votes", congress_id="ar-04")
    ids = {(t.meta["vote_id"], t.meta["variant"]) for t in fig.data}
    assert len({v for v, _ in ids}) >= 2 and {variant for _, variant in ids} >= {0, 1, 2}


def test_a_congress_with_only_uncounted_votes_is_a_list(draw) -> None:
    fig = draw("votes", congress_id="ar-13")
    assert not fig.data and "Recorded without a count" in annotation(fig, "uncounted")


def test_a_slide_puts_each_label_on_its_own_line_above_its_bar_in_24_px_type(draw) -> None:
    """On a 1024×768 slide the Fourth Congress's four bars keep 24 px type: each vote's label runs the figure's
    width above its bar, so the bars need no label margin and the key fits the title's line at the right."""
    small = slide_room(slide_size(768, tall=True), 1024)
    fig = draw("votes", size=small, congress_id="ar-04")
    labels = [a for a in fig.layout.annotations if a.name == "label"]
    first, second = (a.text for a in labels[:2])
    assert (first, second) == ("Ratify the Treaty of Brest-Litovsk", "the same vote, by a second source (2)")
    bars = {t.meta["variant"]: t.y[0] for t in fig.data if t.meta["vote_id"] == "brest-litovsk-ratification"}
    assert all(a.yanchor == "bottom" for a in labels) and bars[0] < bars[1]  # top down: label, bar, label, bar
    assert fig.layout.margin.l == 20 and fig.layout.yaxis.visible is False
    assert (fig.layout.legend.x, fig.layout.legend.xanchor, fig.layout.legend.yref) == (1, "right", "container")
    assert {t.name for t in fig.data if t.showlegend} == {"For", "Against", "Abstained", "Did not vote"}
    sizes = [a.font.size for a in fig.layout.annotations] + [fig.layout.legend.font.size]
    assert min(sizes) == 24
    assert "Below the dotted line, a party caucus. Uncounted parts not drawn." in annotation(fig, "source-line")
    narrower = draw("votes", size=replace(small, room=600), congress_id="ar-04")  # the title's line too short
    assert (narrower.layout.legend.y, narrower.layout.legend.yanchor) == (1, "bottom")  # its own line, above the bars
    assert narrower.layout.margin.t > fig.layout.margin.t  # with room kept for it


def test_a_slide_lists_the_uncounted_votes_that_fit_its_24_px_type_and_says_how_many_more(draw) -> None:
    """Five votes without a count share a 1280×720 slide with the bars: in 24 px type, on lines the figure's
    width, as many as fit, then how many more the congress's page lists."""
    fig = draw("votes", size=slide_room(slide_size(720, tall=True), 1280), congress_id="ar-01")
    listed = next(a for a in fig.layout.annotations if a.name == "uncounted")
    lines = listed.text.split("<br>")
    assert listed.font.size == 24 and max(len(line) for line in lines) > 70
    assert lines[1].startswith("• Convince the Allies to end the war")
    more = 5 - sum(line.startswith("• ") for line in lines)
    told = f"… and {more} more recorded without a count: the congress's page lists them all"
    assert more > 0 and html.unescape(lines[-1]) == told
    page = draw("votes", congress_id="ar-01")  # the page lists all five
    assert annotation(page, "uncounted").count("• ") == 5


def test_beside_a_lesson_on_a_small_projector_the_results_stand_under_their_bars(draw) -> None:
    """At 1024×768 a lesson's slide is 600 px wide: "Passed: 543 for, 126 against, 52 abstained" in 23 px type
    would leave its bar a sliver, so each result has the line under its bar and the bars the figure's width;
    the votes without a count, which do not fit beside them, are one line saying how many."""
    size = slide_room(slide_size(768, tall=True, lesson=True), 1024, lesson=True)
    assert size.room == 600
    fig = draw("votes", size=size, congress_id="ar-01")
    result = next(a for a in fig.layout.annotations if a.name == "outcome-support-provisional-government")
    assert (result.text, result.xref, result.x, result.yanchor) == (
        "Passed: 543 for, 126 against, 52 abstained",
        "paper",
        0,
        "top",
    )
    peak = 543 + 126 + 52
    assert fig.layout.xaxis.range[1] < peak * 1.1  # the longest bar runs nearly the plot's width
    assert annotation(fig, "uncounted") == "<b>Also recorded: 5 votes without a count</b>"
    wide = draw("votes", size=slide_room(slide_size(768, tall=True), 1024), congress_id="ar-01")  # no lesson
    beside = next(a for a in wide.layout.annotations if a.name == "outcome-support-provisional-government")
    assert (beside.x, beside.xanchor) == (721, "left")  # at its bar's end
