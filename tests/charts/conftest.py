"""Helpers for the chart tests: a chart's rows and figure for a view."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.charts import chart
from dashboard.frames import Frames
from dashboard.style import DASHBOARD, Size, Style
from dashboard.urls import State


@pytest.fixture
def draw(frames: Frames):
    """draw(chart_id, size=…, link=…, **view) -> the chart's figure for that view."""

    def _draw(chart_id: str, size: Size = DASHBOARD, link: str | None = None, **view: object) -> go.Figure:
        c = chart(chart_id)
        return c.draw(c.rows(frames, State(**view)), Style(size, "light", link))

    return _draw


def annotation(fig: go.Figure, name: str) -> str:
    """The text of the figure's annotation called `name`, its line breaks as spaces."""
    return next(a.text for a in fig.layout.annotations if a.name == name).replace("<br>", " ")
