"""The keyboard walk of every chart of every congress: read from the chart's rows, each step's highlight
names traces the figure really has, and the numbers said are the rows' numbers."""

from __future__ import annotations

import pytest

from dashboard.charts import CHARTS, HALL
from dashboard.charts.vote_seats import hall_votes
from dashboard.frames import load_frames
from dashboard.style import DASHBOARD, Style
from dashboard.urls import State

FRAMES = load_frames()
VIEWS = [(c, State(congress_id=i)) for c in CHARTS for i in FRAMES.congresses.congress_id] + [
    (HALL, State(congress_id=i, hall=v)) for i in FRAMES.congresses.congress_id for v, _ in hall_votes(FRAMES, i)
]


def every_step(steps: list[dict]):
    for step in steps:
        yield step
        yield from every_step(step["steps"])


def selects(meta: dict, match: dict) -> bool:
    return all(str(meta.get(key)) in map(str, values) for key, values in match.items())


@pytest.mark.parametrize(("chart", "view"), VIEWS, ids=[f"{c.id}-{v.congress_id}-{v.hall}" for c, v in VIEWS])
def test_every_step_says_something_and_highlights_what_the_chart_draws(chart, view: State) -> None:
    rows = chart.rows(FRAMES, view)
    if rows.empty:
        return
    walk = chart.walk(rows)
    assert walk["label"] and "→" in walk["label"] and walk["steps"]
    metas = [trace.meta or {} for trace in chart.draw(rows, Style(DASHBOARD)).data]
    for step in every_step(walk["steps"]):
        assert step["say"].strip()
        if step["match"]:
            assert any(selects(m, step["match"]) for m in metas), step
    says = [s["say"] for s in walk["steps"]]
    assert len(set(says)) == len(says), "no two steps of a level say the same"


def test_the_second_congress_hall_is_walked_from_left_to_right_with_counts_and_sources(frames) -> None:
    chart = CHARTS[0]
    walk = chart.walk(chart.rows(frames, State(congress_id="ar-02")))
    assert walk["label"].startswith("Seat chart: Second All-Russian Congress")
    first, second = walk["steps"][:2]
    assert first["say"].startswith("Bolsheviks: 390 of 649 delegates") and "60.1%" in first["say"]
    assert "Source: Marxists Internet Archive." in first["say"] and first["say"].endswith("1 of 5.")
    assert second["say"].startswith("SRs: 160") and second["match"] == {"part_id": ["sr", "left-sr"]}
    left_srs = second["steps"][0]
    assert left_srs["say"].startswith("Of whom Left SRs: about 100")
    assert any("“390 were Bolshevik”" in s["say"] for s in first["steps"]), "the source's words are one level down"


def test_the_vote_walk_gives_each_count(frames) -> None:
    chart = next(c for c in CHARTS if c.id == "votes")
    walk = chart.walk(chart.rows(frames, State(congress_id="ar-01")))
    vote = next(s for s in walk["steps"] if s["say"].startswith("Support the Provisional Government"))
    assert [s["say"] for s in vote["steps"][:3]] == ["For: 543.", "Against: 126.", "Abstained: 52."]
