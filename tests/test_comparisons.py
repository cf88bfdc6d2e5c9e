"""Comparison frames: changes between congresses, absent parties, and the timeline series."""

from __future__ import annotations

import pandas as pd

from dashboard.comparisons import change_table, timeline
from dashboard.frames import Frames


def _row(table: pd.DataFrame, party: str, congress: str) -> pd.Series:
    return table[(table.part_id == party) & (table.congress_id == congress)].iloc[0]


def test_change_table_counts_and_shares(frames: Frames) -> None:
    table = change_table(frames, ["ar-01", "ar-02"])
    bolsheviks = _row(table, "bolshevik", "ar-02")
    assert (bolsheviks["count"], bolsheviks.change_count) == (390, 285)  # 105 in June, 390 in October
    assert round(float(bolsheviks.change_share), 1) == 46.7  # 13.4% of 784 to 60.1% of 649
    mensheviks = _row(table, "menshevik", "ar-02")
    assert mensheviks.change_count == -176


def test_a_party_missing_from_a_congress_is_absent_not_zero(frames: Frames) -> None:
    table = change_table(frames, ["ar-02", "ar-05"])
    sr = _row(table, "sr", "ar-05")
    assert sr.status == "absent" and pd.isna(sr["count"]) and pd.isna(sr.change_count)
    left = _row(table, "left-sr", "ar-05")
    assert left.status == "listed" and left["count"] == 353
    assert pd.isna(left.change_count)  # absent as a top-level party in October: no change computed across it


def test_shares_only_congress_has_no_counts(frames: Frames) -> None:
    table = change_table(frames, ["ar-13", "ar-14"])
    non_party = _row(table, "non-party", "ar-14")
    assert pd.isna(non_party["count"]) and float(non_party.share) == 28.1
    assert round(float(non_party.change_share), 1) == round(28.1 - 100 * 409 / 1603, 1)
    assert pd.isna(non_party.change_count)  # a share is never turned into a count


def test_gap_stays_in_the_comparison(frames: Frames) -> None:
    gap = _row(change_table(frames, ["ar-01", "ar-02"]), "not-accounted", "ar-01")
    assert gap["count"] == 35


def test_timeline_places_every_congress_and_marks_missing_ones(frames: Frames) -> None:
    data = timeline(frames)
    assert set(data.congress_id) == set(frames.congresses.congress_id)
    eleventh = data[data.congress_id == "ar-11"]
    assert eleventh.part_id.isna().all() and "No party composition" in eleventh.reason.iloc[0]
    second = data[data.congress_id == "ar-02"].set_index("part_id")
    assert round(float(second.loc["bolshevik", "share"]), 1) == 60.1
    assert data.drop_duplicates("congress_id").date.is_monotonic_increasing
    shares = data[data.part_id.notna()].groupby("congress_id").share.sum()
    assert ((shares - 100).abs() < 0.6).all()  # each bar is the congress's whole, gap included
