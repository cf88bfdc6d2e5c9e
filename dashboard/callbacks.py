"""Thin callbacks: turn the URL or a control into a view state, look up prebuilt figures and
panels for it, and write the state back into the URL."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from dash import MATCH, Dash, Input, Output, ctx, dcc, html, no_update

from dashboard.chart_data import chart_data, chart_summary
from dashboard.charts import CHART_IDS, cached_compare, cached_figure, cached_timeline
from dashboard.comparisons import change_table, timeline
from dashboard.facts import facts_panel
from dashboard.figures.common import number
from dashboard.frames import Frames
from dashboard.style import DASHBOARD, NARROW_PX, PHONE, PRESENTATION
from dashboard.urls import MAX_COMPARED, congress_search, parse_search, search
from dashboard.urls import State as ViewState

TABLE_COLUMNS = {
    "name": "Congress",
    "date": "Date (New Style)",
    "label": "Part",
    "status": "In the list",
    "count": "Count",
    "share": "Share (%)",
    "approximate": "Approximate",
    "bound": "Bound",
    "organisations": "Organisations",
    "motion": "Motion",
    "outcome": "Outcome",
    "in_favour": "For",
    "against": "Against",
    "abstained": "Abstained",
    "dissents": "Dissents",
    "change_count": "Change (delegates)",
    "change_share": "Change (points)",
    "delegates": "Delegates in all",
    "reason": "Why no parties",
    "source_id": "Source",
    "excerpt": "Source's words",
}


def _notice(frames: Frames, state: ViewState) -> html.Div:
    """A friendly notice for a bad URL; the bad value is shown as text, never as HTML."""
    title = "No such comparison" if state.view == "compare" else "No such congress"
    return html.Div(
        className="no-such-congress",
        children=[
            html.H2(title),
            html.P(["“", html.Code(state.bad_value), f"” {state.problem}. Choose one of these:"]),
            html.Ul(
                [html.Li(dcc.Link(r.name, href=congress_search(r.congress_id))) for r in frames.congresses.itertuples()]
            ),
        ],
    )


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%-d %b %Y}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def data_table(frame: pd.DataFrame) -> html.Table:
    """A plain, screen-reader friendly table of a chart's rows."""
    columns = [c for c in TABLE_COLUMNS if c in frame.columns and frame[c].notna().any()]
    return html.Table(
        className="rows",
        children=[
            html.Thead(html.Tr([html.Th(TABLE_COLUMNS[c], scope="col") for c in columns])),
            html.Tbody([html.Tr([html.Td(_cell(row[c])) for c in columns]) for _, row in frame.iterrows()]),
        ],
    )


def change_view(frames: Frames, congress_ids: list[str]) -> html.Table:
    """The change table: each party's delegates and share per congress, and the change between them."""
    table = change_table(frames, congress_ids)
    names = frames.congresses.set_index("congress_id").name
    comp = frames.composition
    party = comp[(comp.kind == "party") & comp.body.isna()]
    head = [html.Th("Party", scope="col")]
    for index, c in enumerate(congress_ids):
        variants = party[party.congress_id == c].breakdown.nunique()
        differ = (
            html.Small(f" · sources differ: {variants} lists, the default shown", className="differ")
            if variants > 1
            else ""
        )
        head.append(html.Th([names[c].replace(" Congress of Soviets", ""), differ], scope="col"))
        if index:
            head.append(html.Th("Change", scope="col"))
    body = []
    for party, rows in table.groupby("part_id", sort=False):
        cells = [html.Th(rows.label.iloc[0], scope="row")]
        for index, row in enumerate(rows.itertuples()):
            if row.status == "listed":
                count = number(row.count, bool(row.approximate), row.bound) if pd.notna(row.count) else None
                share = f"{float(row.share):.1f}%"
                text = f"{count} ({share})" if count else share
            else:
                text = (
                    "not recorded"
                    if row.status == "not recorded"
                    else ("no gap" if party == "not-accounted" else "absent")
                )
            cells.append(html.Td(text, className=row.status.replace(" ", "-")))
            if index:
                change = []
                if pd.notna(row.change_count):
                    change.append(f"{row.change_count:+,}")
                if pd.notna(row.change_share):
                    change.append(f"{row.change_share:+.1f} pts")
                cells.append(html.Td(" / ".join(change) or "—", className="change-cell"))
        body.append(html.Tr(cells))
    return html.Table(className="rows change-table", children=[html.Thead(html.Tr(head)), html.Tbody(body)])


def register(app: Dash, frames: Frames) -> None:
    """Attach the dashboard's callbacks to `app`."""
    order = list(frames.congresses.congress_id)
    known = set(order)

    @cache
    def facts(congress_id: str) -> list:
        """The facts panel, built once per congress and process."""
        return facts_panel(frames, congress_id)

    @cache
    def captions(congress_id: str) -> list[str]:
        """The captions of a congress's charts, built once per congress and process."""
        return [chart_summary(frames, c, congress_id) for c in CHART_IDS]

    @app.callback(
        Output({"type": "data-table", "chart": MATCH}, "children"),
        Input({"type": "data-summary", "chart": MATCH}, "n_clicks"),
        Input("url", "search"),
    )
    def show_data(clicks: int | None, url_search: str | None):
        """A chart's rows as a table, made when its "Show the data" is opened: a selector change
        then redraws only what is on show."""
        if not clicks or clicks % 2 == 0:
            return no_update
        state = parse_search(url_search, known, default=order[0])
        chart_id = ctx.outputs_list["id"]["chart"]
        if state.problem:
            return None
        if chart_id == "compare":
            if len(state.compare_ids) < 2:
                return None
            names = frames.congresses[["congress_id", "name"]]
            rows = change_table(frames, list(state.compare_ids)).merge(names, on="congress_id")
        elif chart_id == "timeline":
            rows = timeline(frames)
        elif state.view == "congress":
            rows = chart_data(frames, chart_id, state.congress_id)
        else:
            return no_update
        return data_table(rows)

    def next_state(current: ViewState, trigger: object, values: dict) -> ViewState:
        """The state a control asks for, from the state the URL holds now."""
        if trigger == "congress-select" and values["selected"] in known:
            return current.but(view="congress", congress_id=values["selected"])
        if trigger == "compare-select":
            ids = tuple(c for c in (values["compared"] or []) if c in known)[:MAX_COMPARED]
            return current.but(view="compare", compare_ids=ids)
        if trigger == "measure":
            return current.but(measure=values["measure"])
        if trigger == "theme-select":
            return current.but(theme=values["theme"])
        if trigger == "present-toggle":
            return current.but(present=not current.present)
        if trigger == "view-congress":
            return current.but(
                view="congress", congress_id=values["selected"] if values["selected"] in known else order[0]
            )
        if trigger == "view-compare":
            here = values["selected"] if values["selected"] in known else order[0]
            after = order[min(order.index(here) + 1, len(order) - 1)]
            ids = current.compare_ids or ((here, after) if after != here else tuple(order[:2]))
            return current.but(view="compare", compare_ids=ids)
        if trigger == "view-timeline":
            return current.but(view="timeline")
        if trigger == "graph-timeline" and values["clicked"]:
            clicked = values["clicked"]["points"][0].get("customdata")
            if clicked in known:
                return current.but(view="congress", congress_id=clicked)
        return current

    outputs = [
        Output("url", "search"),
        Output("page", "className"),
        Output("notice", "children"),
        Output("view", "hidden"),
        Output("compare-view", "hidden"),
        Output("timeline-view", "hidden"),
        Output("congress-select", "value"),
        Output("compare-select", "value"),
        Output("measure", "value"),
        Output("theme-select", "value"),
        Output("present-toggle", "children"),
        Output("present-toggle", "aria-pressed"),
        *[Output(f"graph-{c}", "figure") for c in CHART_IDS],
        *[Output(f"caption-{c}", "children") for c in CHART_IDS],
        Output("facts", "children"),
        Output("graph-compare", "figure"),
        Output("caption-compare", "children"),
        Output("change-table", "children"),
        Output("graph-timeline", "figure"),
        Output("caption-timeline", "children"),
    ]

    @app.callback(
        *outputs,
        Input("url", "search"),
        Input("congress-select", "value"),
        Input("compare-select", "value"),
        Input("measure", "value"),
        Input("theme-select", "value"),
        Input("present-toggle", "n_clicks"),
        Input("view-congress", "n_clicks"),
        Input("view-compare", "n_clicks"),
        Input("view-timeline", "n_clicks"),
        Input("graph-timeline", "clickData"),
        Input("narrow", "data"),
    )
    def route(url_search, selected, compared, measure, theme, _present, _v1, _v2, _v3, clicked, narrow):
        current = parse_search(url_search, known, default=order[0])
        trigger = ctx.triggered_id
        values = {"selected": selected, "compared": compared, "measure": measure, "theme": theme, "clicked": clicked}
        state = current if trigger in (None, "url", "narrow") else next_state(current, trigger, values)
        return render(state, url_search, bool(narrow))

    def render(state: ViewState, url_search: str | None, narrow: bool) -> tuple:
        size = PHONE if narrow else PRESENTATION if state.present else DASHBOARD
        page = f"page view-{state.view} theme-{state.theme}" + (" present" if state.present else "")
        n = len(CHART_IDS)
        single = (no_update,) * (2 * n + 1)
        compare = (no_update,) * 3
        timeline = (no_update,) * 2
        notice = None
        selected = compared = no_update
        if state.problem:
            notice = _notice(frames, state)
            hidden = (True, True, True)
        elif state.view == "compare" and len(state.compare_ids) < 2:
            notice = html.P("Pick two to four congresses to compare.", className="hint")
            hidden = (True, False, True)
            compared = list(state.compare_ids)
        elif state.view == "compare":
            ids = list(state.compare_ids)
            names = ", ".join(frames.congresses.set_index("congress_id").name[i] for i in ids)
            compare = (
                cached_compare(state.compare_ids, state.measure, size, state.theme),
                f"Party composition of {names}, side by side as {state.measure}s.",
                change_view(frames, ids),
            )
            hidden = (True, False, True)
            compared = ids
        elif state.view == "timeline":
            timeline = (
                cached_timeline(size, state.theme),
                "Party shares of every Congress of Soviets with a party composition, 1917–1937, placed at "
                "their dates; the multi-party congresses end in 1918, then Communist, Komsomol and "
                "non-party shares follow to 1937.",
            )
            hidden = (True, True, False)
        else:
            congress_id = state.congress_id
            figures = [cached_figure(c, congress_id, size, state.theme) for c in CHART_IDS]
            single = (*figures, *captions(congress_id), facts(congress_id))
            hidden = (False, True, True)
            selected = congress_id
        new_search = search(state) if not state.problem else no_update
        return (
            new_search if new_search != url_search else no_update,
            page,
            notice,
            *hidden,
            selected,
            compared,
            state.measure,
            state.theme,
            "Leave presentation mode" if state.present else "Presentation mode",
            "true" if state.present else "false",
            *single,
            *compare,
            *timeline,
        )

    app.clientside_callback(
        f"""
        function(_) {{ return window.innerWidth < {NARROW_PX}; }}
        """,
        Output("narrow", "data"),
        Input("url", "pathname"),
    )

    app.clientside_callback(
        """
        function(n) {
            if (!n) { return window.dash_clientside.no_update; }
            if (document.fullscreenElement) { document.exitFullscreen(); }
            else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
            return window.dash_clientside.no_update;
        }
        """,
        Output("fullscreen", "title"),
        Input("fullscreen", "n_clicks"),
    )
