"""Delegate types: voting right with the gap, and origins with organisations and delegates."""

from __future__ import annotations

from dashboard.figures.delegate_types import delegate_types
from dashboard.frames import Frames


def test_first_congress_voting_right_and_origins(frames: Frames) -> None:
    fig = delegate_types(frames, "ar-01")
    rights = {t.meta["part_id"]: t.x[0] for t in fig.data if t.y[0] == "rights"}
    assert rights == {"voting": 784, "not-accounted": 306}
    origins = {a.name: a.text for a in fig.layout.annotations if (a.name or "").startswith("origin-")}
    assert origins["origin-local-soviets"] == "≈610 delegates<br>from 305 organisations"
    assert origins["origin-military-organisations"] == "≈68 delegates<br>from 34 organisations"


def test_ninth_congress_voting_right(frames: Frames) -> None:
    fig = delegate_types(frames, "ar-09")
    rights = {t.meta["part_id"]: t.x[0] for t in fig.data if t.y[0] == "rights"}
    assert rights == {"voting": 1631, "consultative": 362}
    assert any((a.name or "") == "missing-2" for a in fig.layout.annotations)  # no origins recorded
