"""Thin callbacks: read the URL or the controls, look up prebuilt figures, write the URL back."""

from __future__ import annotations

from dash import Dash, Input, Output, ctx, dcc, html, no_update

from dashboard.charts import CHART_IDS, cached_figure
from dashboard.facts import facts_panel
from dashboard.frames import Frames
from dashboard.layout import graph_config
from dashboard.urls import congress_search, param, parse_search


def _notice(frames: Frames, problem: str, value: str) -> html.Div:
    """A friendly 'no such congress' notice; the bad value is shown as text, never as HTML."""
    return html.Div(
        className="no-such-congress",
        children=[
            html.H2("No such congress"),
            html.P(["“", html.Code(value), f"” {problem}. Choose one of these:"]),
            html.Ul(
                [html.Li(dcc.Link(r.name, href=congress_search(r.congress_id))) for r in frames.congresses.itertuples()]
            ),
        ],
    )


def register(app: Dash, frames: Frames) -> None:
    """Attach the dashboard's callbacks to `app`."""
    order = list(frames.congresses.congress_id)
    known = set(order)

    @app.callback(
        Output("url", "search"),
        Output("congress-select", "value"),
        Output("notice", "children"),
        Output("view", "hidden"),
        *[Output(f"graph-{c}", "figure") for c in CHART_IDS],
        *[Output(f"graph-{c}", "config") for c in CHART_IDS],
        Output("facts", "children"),
        Input("url", "search"),
        Input("congress-select", "value"),
        Input("prev", "n_clicks"),
        Input("next", "n_clicks"),
    )
    def show(search: str | None, selected: str | None, _prev: int | None, _next: int | None) -> tuple:
        trigger = ctx.triggered_id
        if trigger in ("prev", "next"):
            step = -1 if trigger == "prev" else 1
            index = order.index(selected) + step if selected in known else 0
            congress_id = order[max(0, min(len(order) - 1, index))]
        elif trigger == "congress-select" and selected in known:
            congress_id = selected
        else:
            parsed = parse_search(search, known, default=order[0])
            if parsed.congress_id is None:
                blank = (no_update,) * (2 * len(CHART_IDS) + 1)
                return (no_update, None, _notice(frames, parsed.problem, parsed.bad_value), True, *blank)
            congress_id = parsed.congress_id
        new_search = congress_search(congress_id)
        figures = [cached_figure(c, congress_id) for c in CHART_IDS]
        configs = [graph_config(f"congress-{param(congress_id)}-{c}") for c in CHART_IDS]
        return (
            new_search if new_search != search else no_update,
            congress_id,
            None,
            False,
            *figures,
            *configs,
            facts_panel(frames, congress_id),
        )
