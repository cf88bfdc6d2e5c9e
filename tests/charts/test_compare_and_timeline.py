"""The comparison and the timeline: one row per party lineage, bases named, no change across bases."""

from __future__ import annotations

import html
from itertools import pairwise

import pandas as pd

from dashboard.charts import chart
from dashboard.charts.compare import change_table, changes, smaller_left_out
from dashboard.frames import Frames
from dashboard.style import GAP_COLOUR, party_colour, slide_room, slide_size, window_size
from dashboard.urls import State
from tests.charts.conftest import annotation


def _rows(frames: Frames, *ids: str, measure: str = "count") -> pd.DataFrame:
    return chart("compare").rows(frames, State(view="compare", compare_ids=ids, measure=measure))


def test_compare_counts_with_each_bars_base(draw) -> None:
    fig = draw("compare", view="compare", compare_ids=("ar-01", "ar-02"))
    party = next(t for t in fig.data if t.meta["part_id"] == "communist-party")
    assert list(party.x) == [105, 390] and party.name == "Bolsheviks / Communists"
    assert party.marker.color == party_colour("bolshevik")
    gap = next(t for t in fig.data if t.meta["part_id"] == "not-accounted")
    assert list(gap.x) == [7] and gap.marker.color == GAP_COLOUR
    labels = [label.replace("<br>", " ") for label in fig.layout.yaxis.categoryarray]
    assert any("784 delegates with full vote" in label for label in labels)
    assert any("649 delegates, voting right not stated" in label for label in labels)


def test_compare_left_srs_segment_inside_the_srs(draw) -> None:
    fig = draw("compare", view="compare", compare_ids=("ar-02", "ar-04"))
    left = next(t for t in fig.data if t.meta["part_id"] == "left-sr")
    sr = next(t for t in fig.data if t.meta["part_id"] == "sr")
    assert sorted(left.x) == [100, 283] and list(sr.x) == [60]  # 160 SRs in October: 100 Left, 60 others
    assert any("within the sr" in html.unescape(h).lower() for h in left.hovertext)


def test_compare_shares_and_a_percent_only_congress(draw) -> None:
    counts = draw("compare", view="compare", compare_ids=("ar-13", "ar-14"))
    assert annotation(counts, "missing-ar-14") == "The sources give only shares: switch to shares"
    shares = draw("compare", view="compare", compare_ids=("ar-13", "ar-14"), measure="share")
    non_party = next(t for t in shares.data if t.meta["part_id"] == "non-party")
    assert [round(x, 1) for x in non_party.x] == [round(100 * 409 / 1603, 1), 28.1]
    assert tuple(shares.layout.xaxis.range) == (0, 100)


def test_change_is_computed_within_one_base_only(frames: Frames) -> None:
    long = changes(_rows(frames, "ar-05", "ar-06"))  # both of delegates with full vote
    party = long[(long.lineage_id == "communist-party") & (long.congress_id == "ar-06")].iloc[0]
    assert party.change_count == 173 and round(party.change_share, 1) == round(100 * 946 / 963 - 100 * 773 / 1164, 1)
    across = changes(_rows(frames, "ar-13", "ar-14"))  # all delegates, then a base the source does not state
    assert set(across[across.congress_id == "ar-14"].why_no_change.dropna()) <= {
        "bases differ",
        "absent or not recorded in one of them",
    }


def test_a_party_missing_from_a_congress_is_absent_not_zero(frames: Frames) -> None:
    table = change_table(_rows(frames, "ar-02", "ar-05"))
    sr = table[table.Party == "SRs"].iloc[0]
    assert list(sr)[-1] == "absent"


def test_comparing_congresses_without_party_data(frames: Frames, draw) -> None:
    """No congress in the list has party data: the table and the figure say so (no crash)."""
    rows = _rows(frames, "ar-11", "ar-17")
    assert change_table(rows).empty
    fig = draw("compare", view="compare", compare_ids=("ar-11", "ar-17"))
    assert annotation(fig, "missing-ar-11") == "No party composition in the sources read"


def test_timeline_bars_are_named_dated_and_evenly_spaced(draw) -> None:
    fig = draw("timeline", view="timeline")
    party = [t for t in fig.data if t.meta["part_id"] == "communist-party"]
    first = party[0]
    assert list(first.customdata)[:2] == ["ar-01", "ar-02"]
    assert [round(y, 1) for y in first.y[:2]] == [13.4, 60.1]
    assert first.x[0] == "I<br>Jun 1917" and first.x[1] == "II<br>Oct 1917"
    assert fig.layout.xaxis.type == "category"
    missing = [t for t in fig.data if t.meta["part_id"] == "no-data"]
    assert "ar-11" in {c for t in missing for c in t.customdata}
    assert all(y == 100 for t in missing for y in t.y)
    assert len({t.legendgroup for t in fig.data if t.showlegend}) == len([t for t in fig.data if t.showlegend])


def test_a_slide_s_timeline_draws_one_series_named_in_its_subtitle_with_its_legend_under_the_bars(draw) -> None:
    """Twenty-five bars side by side leave no room for 24 px labels: each series has a slide of its own."""
    wide = slide_room(slide_size(1080, tall=True), 1920)
    fig = draw("timeline", size=wide, view="timeline", present=True)
    assert "xaxis2" not in fig.layout
    assert fig.layout.title.subtitle.text == "All-Russian Congresses (Soviet Russia), 1917–1937"
    assert len(fig.data[0].x) <= 17 and "I<br>Jun<br>1917" in fig.data[0].x  # a large projector has room for years
    assert fig.layout.legend.orientation == "h" and fig.layout.height == wide.height
    union = draw("timeline", size=wide, view="timeline", present=True, slide=2)
    assert union.layout.title.subtitle.text == "All-Union Congresses (USSR), 1922–1936"
    assert {c for t in union.data for c in t.customdata} == {f"au-0{n}" for n in range(1, 9)}
    page = draw("timeline", view="timeline")
    assert len([t for t in page.data if t.showlegend]) == 20  # on the page, every group is in the legend
    assert page.layout.xaxis2.domain == page.layout.xaxis.domain  # both series, one above the other


def test_a_small_slide_s_timeline_names_its_larger_groups_and_says_how_many_it_leaves_out(draw) -> None:
    small = slide_room(slide_size(720, tall=True), 1280)
    fig = draw("timeline", size=small, view="timeline", present=True)
    named = {t.name for t in fig.data if t.showlegend}
    assert named == {"Bolsheviks / Communists", "Left SRs", "SRs", "Mensheviks", "Non-party", "Various"}
    drawn = {t.name for t in fig.data}
    assert {"Bund", "Anarchists"} <= drawn  # left out of the legend, still drawn and hovered
    note = annotation(fig, "source-line")
    assert "smaller groups, under 5 % at every congress, are not in the legend" in note
    assert "Hatched: not accounted for in the source. Cross-hatched: no party shares" in note
    assert "XVI<br>Jan<br>’35" in next(t for t in fig.data if t.meta["part_id"] == "communist-party").x
    assert fig.layout.xaxis.tickfont.size == 24


def test_slides_are_laid_out_for_the_width_the_window_gives_them() -> None:
    slide = slide_size(720)
    assert slide_room(slide, None) == slide  # the page has not said yet
    assert (slide_room(slide, 1280).room, slide_room(slide, 1280).font) == (1200, 24)
    assert (slide_room(slide, 1024).room, slide_room(slide, 1024).font) == (950, 24)  # a slide keeps 24 px
    lesson = slide_room(slide, 1280, lesson=True)  # beside the panel (22rem at 1280 px), still in 24 px type
    assert (lesson.room, lesson.font, lesson.least) == (800, 24, 24)
    assert slide_room(slide_size(1080), 1920, lesson=True).font == 28
    assert slide_room(slide, 1290).name == slide_room(slide, 1282).name  # near widths share figures
    assert window_size([1280, 720]) == (1280, 720)
    assert window_size(["1280", True]) == (None, None) and window_size("1280x720") == (None, None)


def test_a_crowded_comparison_slide_gives_each_row_its_label_s_lines_and_its_axis_room_to_the_rows(draw) -> None:
    """Four congresses on a 1024×768 projector: the Sixth's name takes three lines, so its row is taller than
    its neighbours'; the rows name the congresses, so the subtitle does not; the bars carry their numbers where
    the value axis would leave the labels no room."""
    small = slide_room(slide_size(768, tall=True), 1024)
    fig = draw("compare", size=small, view="compare", compare_ids=("ar-01", "ar-02", "ar-05", "ar-06"))
    places, labels = list(fig.layout.yaxis.tickvals), list(fig.layout.yaxis.ticktext)
    assert [label.count("<br>") + 1 for label in labels] == [2, 2, 2, 3]
    assert [round(b - a, 1) for a, b in pairwise(places)] == [2.2, 2.2, 2.7]
    assert tuple(fig.layout.yaxis.range) == (9.8, 0)
    assert fig.layout.title.subtitle.text == "" and fig.layout.xaxis.visible is False
    party = next(t for t in fig.data if t.meta["part_id"] == "communist-party")
    assert list(party.x) == [105, 390, 773, 946] and list(party.y) == places
    note = annotation(fig, "source-line")
    assert note.startswith("Each bar counts its own base, named beside it: the bases differ, so no change")
    assert "smaller groups, under 5 % in each congress, are not in the key" in note
    pair = draw("compare", size=small, view="compare", compare_ids=("ar-01", "ar-02"))
    assert pair.layout.xaxis.visible is not False and "Second All-Russian" in pair.layout.title.subtitle.text


def test_a_crowded_slide_s_change_table_keeps_the_larger_groups_and_the_gap(frames: Frames) -> None:
    rows = _rows(frames, "ar-01", "ar-02", "ar-05", "ar-06")
    full, slide = change_table(rows), change_table(rows, least=5)
    assert list(slide.Party) == [
        "Bolsheviks / Communists", "Left SRs", "SRs", "Mensheviks", "Various", "Not accounted for in the source"
    ]  # fmt: skip
    assert len(full) == len(slide) + 9 and list(slide.columns) == list(full.columns)
    assert smaller_left_out(rows, 5).startswith("9 smaller groups, under 5 % in each congress, are left out here")
    assert smaller_left_out(_rows(frames, "ar-05", "ar-06"), 60) == (
        "8 smaller groups, under 60 % in each congress, are left out here: the full table is on the page outside"
        " presentation mode."
    )


def test_the_comparison_s_caption_says_what_its_bars_count(frames: Frames) -> None:
    compare = chart("compare")
    counts = compare.summary(_rows(frames, "ar-01", "ar-02"))
    assert counts.startswith("First All-Russian Congress of Soviets: SRs 285 of 784 delegates with full vote;")
    assert counts.endswith("Counts of each congress's own base, named beside its bar. The bases differ or are not "
                           "stated, so no change is computed between them.")  # fmt: skip
    shares = compare.summary(_rows(frames, "ar-01", "ar-02", measure="share"))
    assert "Shares of each congress's own base, named beside its bar." in shares
