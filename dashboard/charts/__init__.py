"""The charts: each one module that owns its rows (`dashboard.charts.base.Chart`), listed here once.

Adding a chart is one module plus one line in `CHARTS` (a congress's charts, in page order) or
`VIEW_CHARTS` (the comparison and the timeline).
"""

from __future__ import annotations

from dashboard.charts import compare, delegate_types, party_seats, timeline, vote_seats, votes
from dashboard.charts.bars import PARTY_BARS, SOCIAL
from dashboard.charts.base import Chart

CHARTS: tuple[Chart, ...] = (
    party_seats.CHART,
    votes.CHART,
    PARTY_BARS,
    delegate_types.CHART,
    SOCIAL,
)
"""The charts of one congress, in the order the page shows them."""
VIEW_CHARTS: tuple[Chart, ...] = (compare.CHART, timeline.CHART)
"""The charts of the comparison and the timeline."""
SEATS = party_seats.CHART.id
"""The seat chart, whose place can show a recorded vote instead of the parties."""
HALL = vote_seats.CHART
"""A recorded vote drawn on the seats: shown in the seat chart's place when the URL asks (`&hall=`)."""
CHART_IDS = tuple(c.id for c in CHARTS)
BY_ID = {c.id: c for c in (*CHARTS, *VIEW_CHARTS, HALL)}


def chart(chart_id: str) -> Chart:
    """The chart with this id."""
    return BY_ID[chart_id]
