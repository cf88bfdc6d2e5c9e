"""Colours that share a chart stay distinguishable under simulated colour-vision deficiencies."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from dashboard.charts.base import default_parts
from dashboard.frames import Frames
from dashboard.style import VOTE_COLOURS, party_colour

MIN_DISTANCE = 10.0
"""Smallest CAM02-UCS distance allowed between two colours of one chart."""
VISIONS = [None, "deuteranomaly", "protanomaly", "tritanomaly"]


def _seen(colour: str, vision: str | None) -> np.ndarray:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    if vision is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def _closest(colours: set[str], vision: str | None) -> float:
    return min(
        float(deltaE(_seen(a, vision), _seen(b, vision), input_space="sRGB1"))
        for a, b in itertools.combinations(sorted(colours), 2)
    )


@pytest.mark.parametrize("vision", VISIONS)
def test_party_colours_of_each_congress(frames: Frames, vision: str | None) -> None:
    for congress_id in frames.congresses.congress_id:
        colours = {party_colour(p) for p in default_parts(frames, congress_id, "party").part_id}
        if len(colours) > 1:
            assert _closest(colours, vision) >= MIN_DISTANCE, congress_id


@pytest.mark.parametrize("vision", VISIONS)
def test_vote_colours(vision: str | None) -> None:
    assert _closest(set(VOTE_COLOURS.values()), vision) >= MIN_DISTANCE


def test_simulation_is_not_a_no_op() -> None:
    """Red and green, which deuteranopes confuse, must fail the check: the test can fail."""
    assert _closest({"#d62728", "#2ca02c"}, "deuteranomaly") < MIN_DISTANCE < _closest({"#d62728", "#2ca02c"}, None)
