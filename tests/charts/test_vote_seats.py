"""A recorded vote drawn on the seats: one mark per delegate, the counts from the vote's own excerpt, the
rest of the hall as its own part, and a caucus vote inside its party's seats."""

from __future__ import annotations

import re

import numpy as np
import pytest

from dashboard.charts import HALL, chart, party_seats
from dashboard.charts.vote_seats import NOT_RECORDED, OUTSIDE, TOTALS_ONLY, hall_votes
from dashboard.export import ExportError, export_file
from dashboard.frames import Frames
from dashboard.style import PHONE, PRESETS, SLIDE_SIZES, Style, slide_size
from dashboard.urls import State, parse_search, search


def hall(frames: Frames, congress_id: str, vote_id: str):
    return HALL.rows(frames, State(congress_id=congress_id, hall=vote_id))


def seats(fig) -> dict[str, int]:
    return {t.meta["part"]: len(t.x) for t in fig.data}


def test_the_first_congress_supports_the_provisional_government_seat_by_seat(frames: Frames, draw) -> None:
    rows = hall(frames, "ar-01", "support-provisional-government")
    counts = dict(zip(rows.part, rows["count"], strict=True))
    assert counts == {"in_favour": 543, "against": 126, "abstained": 52, NOT_RECORDED: 784 - 721}
    assert set(rows.base_count) == {784} and set(rows.base) == {"delegates with full vote"}
    tally = rows[rows.part != NOT_RECORDED]
    assert all(str(n) in e for n, e in zip(tally["count"], tally.excerpt, strict=True))
    assert "less the 721 votes counted" in rows[rows.part == NOT_RECORDED].derived.iloc[0]
    fig = draw(HALL.id, congress_id="ar-01", hall="support-provisional-government")
    assert seats(fig) == counts and sum(seats(fig).values()) == 784
    assert [t.name for t in fig.data][:3] == ["For: 543", "Against: 126", "Abstained: 52"]
    assert "totals only" in HALL.summary(rows) and TOTALS_ONLY in HALL.summary(rows)


def test_the_sr_caucus_vote_sits_inside_the_srs_seats(frames: Frames) -> None:
    rows = hall(frames, "ar-02", "sr-caucus-withdrawal")
    counts = dict(zip(rows.part, rows["count"], strict=True))
    assert counts == {"in_favour": 60, "against": 92, NOT_RECORDED: 160 - 152, OUTSIDE: 649 - 160}
    fig = HALL.draw(rows, Style(PRESETS["projector"]))
    parties = party_seats.CHART.draw(
        party_seats.CHART.rows(frames, State(congress_id="ar-02")), Style(PRESETS["projector"])
    )
    sr_seats = {
        tuple(p) for t in parties.data if t.meta["part_id"] in ("sr", "left-sr") for p in zip(t.x, t.y, strict=True)
    }
    caucus = {tuple(p) for t in fig.data if t.meta["part"] != OUTSIDE for p in zip(t.x, t.y, strict=True)}
    assert caucus == sr_seats, "the caucus vote fills exactly the SRs' seats of the party chart"
    assert "Within the SRs' caucus" in HALL.summary(rows)


def test_every_drawn_vote_adds_up_to_its_hall(frames: Frames) -> None:
    drawn = 0
    for congress_id in frames.congresses.congress_id:
        for vote_id, _ in hall_votes(frames, congress_id):
            rows = hall(frames, congress_id, vote_id)
            fig = HALL.draw(rows, Style(PHONE))
            points = np.concatenate([np.column_stack([t.x, t.y]) for t in fig.data])
            assert len(points) == rows["count"].sum() == len({tuple(p) for p in points.round(9)})
            assert (rows["count"] >= 0).all()
            drawn += 1
    assert drawn >= 4  # the First's, the SR caucus at the Second, the Fourth's ratification and its Bolshevik caucus


def test_a_vote_without_a_count_or_of_another_congress_draws_nothing(frames: Frames) -> None:
    assert hall(frames, "ar-02", "decree-on-peace").empty
    assert hall(frames, "ar-02", "support-provisional-government").empty
    assert "support-provisional-government" not in dict(hall_votes(frames, "ar-02"))


def test_the_url_holds_the_vote_and_bad_values_are_dropped(frames: Frames) -> None:
    known = set(frames.congresses.congress_id)
    state = parse_search("?congress=1&hall=support-provisional-government", known, "ar-01")
    assert state.hall == "support-provisional-government"
    assert search(state) == "?congress=1&hall=support-provisional-government"
    assert parse_search("?congress=1&hall=<script>", known, "ar-01").hall is None


def test_the_export_draws_the_vote_and_refuses_an_unknown_one(frames: Frames) -> None:
    csv = export_file(frames, HALL.id, "1", "csv", hall="support-provisional-government").decode()
    assert "543" in csv and "63" in csv and "less the 721 votes counted" in csv
    with pytest.raises(ExportError, match="unknown vote"):
        export_file(frames, HALL.id, "2", "csv", hall="nope")
    assert chart(HALL.id).title == "A vote in the hall"


@pytest.mark.parametrize("window", sorted(SLIDE_SIZES))
def test_a_vote_halls_well_gives_its_words_to_the_line_under_it_where_they_would_reach_the_seats(draw, window) -> None:
    """A slide's well print is 24 px: where the well is too small for "delegates with full vote", the number
    stays in it and the words go under the hall, as in the party hall, so the total is still told in full."""
    size = slide_size(window, tall=True, choice=90, facts=True)
    fig = draw(HALL.id, size=size, congress_id="ar-04", hall="brest-litovsk-ratification")
    well = next(a for a in fig.layout.annotations if a.name == "total")
    told = re.sub("<[^>]+>", " ", " ".join(a.text for a in fig.layout.annotations))
    fits = party_seats.words_in_well("delegates with full vote", size)
    assert ("full vote" in well.text) == fits
    assert "1,232" in well.text and ("1,232 delegates with full vote in the hall." in told) != fits
