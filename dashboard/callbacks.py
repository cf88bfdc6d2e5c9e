"""Thin callbacks: turn the URL or a control into a view state, look up prebuilt figures and
panels for it, and write the state back into the URL."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

import pandas as pd
from dash import MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.chart_cache import ChartCache
from dashboard.charts import CHART_IDS, HALL, SEATS, chart
from dashboard.charts.compare import CHANGE, SOURCES_DIFFER, head_parts, smaller_left_out
from dashboard.charts.parties import LEGEND_SHARE
from dashboard.charts.vote_seats import hall_votes
from dashboard.facts import citation_block, facts_panel
from dashboard.frames import Frames
from dashboard.i18n import _, current, other_language, use
from dashboard.layout import BLANK, PARTIES, lessons_view, present_label
from dashboard.lessons import has_question, lesson_panel
from dashboard.slides import SLIDES, slide_number, slide_text
from dashboard.style import (
    NARROW_PX,
    PHONE,
    Size,
    dashboard_size,
    hall_choice_room,
    slide_room,
    slide_shared,
    slide_size,
    window_size,
)
from dashboard.urls import MAX_COMPARED, congress_search, parse_search, problem_text, search
from dashboard.urls import State as ViewState


def graph_style(figure: dict | None) -> dict:
    """A graph's style: as tall as its figure says, so the figure alone decides its height."""
    height = (figure or {}).get("layout", {}).get("height")
    return {"height": f"{height}px"} if height else {"display": "none"}


def _notice(frames: Frames, state: ViewState) -> html.Div:
    """A friendly notice for a bad URL; the bad value is shown as text, never as HTML."""
    if state.problem == "is not a lesson":
        first = frames.lessons[frames.lessons.step == 1]
        return html.Div(
            className="no-such-congress",
            children=[
                html.H2(_("No such lesson")),
                html.P(["“", html.Code(state.bad_value), "” " + _("is not a lesson. Choose one of these:")]),
                html.Ul(
                    [
                        html.Li(dcc.Link(r.title, href=search(ViewState(lesson=r.lesson_id, lang=state.lang))))
                        for r in first.itertuples()
                    ]
                ),
            ],
        )
    title = _("No such comparison") if state.view == "compare" else _("No such congress")
    return html.Div(
        className="no-such-congress",
        children=[
            html.H2(title),
            html.P(["“", html.Code(state.bad_value), "” " + problem_text(state) + _(". Choose one of these:")]),
            html.Ul(
                [
                    html.Li(dcc.Link(r.name, href=congress_search(r.congress_id, state.lang)))
                    for r in frames.congresses.itertuples()
                ]
            ),
        ],
    )


def _change_head(column: str) -> list:
    """A change table's column head: the congress (or 'Change') first, what it counts after it, which a slide
    prints small ('First All-Russian (Jun 1917)' / 'of 784 delegates with full vote')."""
    lead, rest, differ = head_parts(column)
    if lead == _(CHANGE):
        return [lead, html.Span(rest, className="head-more")]
    if not rest:
        return [lead]
    said = (
        [html.Span(differ, className="head-more"), html.Span(_(SOURCES_DIFFER), className="head-short")]
        if differ
        else []
    )
    basis = [", ", html.Br(className="head-break"), rest.removeprefix(", "), *said]
    return [lead, html.Span(basis, className="head-basis")]


def data_table(frame: pd.DataFrame, row_headers: bool = False) -> html.Table:
    """A plain, screen-reader friendly table of text; the first column heads its rows where asked (the change
    table, whose column heads say what each congress's numbers count)."""
    heads = [_change_head(str(c)) if row_headers else str(c) for c in frame.columns]
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in heads]))
    body = []
    for _index, row in frame.iterrows():
        cells = [str(v) for v in row]
        first = html.Th(cells[0], scope="row") if row_headers else html.Td(cells[0])
        body.append(html.Tr([first, *[html.Td(c) for c in cells[1:]]]))
    return html.Table(className="rows", children=[head, html.Tbody(body)])


def shown_chart(chart_id: str, state: ViewState) -> str:
    """The chart drawn in a chart's place: the seat chart's place shows a vote where the URL asks for one."""
    return HALL.id if chart_id == SEATS and state.hall else chart_id


def register(app: Dash, frames: Frames, charts: ChartCache) -> None:
    """Attach the dashboard's callbacks to `app`; figures, rows and captions come from `charts`."""
    order = list(frames.congresses.congress_id)
    known = set(order)

    @cache
    def votes_on_seats(congress_id: str, lang: str) -> tuple[tuple[str, str], ...]:
        """The congress's votes that can be drawn on its seats, as (id, motion in `lang`)."""
        return tuple(hall_votes(frames.in_language(lang), congress_id))

    def hall_options(congress_id: str) -> list[dict]:
        return [{"label": _("Parties"), "value": PARTIES}] + [
            {"label": _("This vote: {motion}").format(motion=motion), "value": vote_id}
            for vote_id, motion in votes_on_seats(congress_id, current())
        ]

    @cache
    def facts(congress_id: str, lang: str) -> list:
        """The facts panel, built once per congress, language and process."""
        with use(lang):
            return facts_panel(frames.in_language(lang), congress_id, congress_search(congress_id, lang))

    app.clientside_callback(  # assets/data_tables.js: the page's address while the table is open, else nothing
        ClientsideFunction("tables", "wanted"),
        Output({"type": "data-wanted", "chart": MATCH}, "data"),
        Input({"type": "data-summary", "chart": MATCH}, "n_clicks"),
        Input("url", "search"),
    )

    @app.callback(
        Output({"type": "data-table", "chart": MATCH}, "children"),
        Input({"type": "data-wanted", "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
    def show_data(wanted: dict | None):
        """A chart's rows as a table, made when its "Show the data" is opened or the view changes while it is
        open: the server is asked for no closed table."""
        if not isinstance(wanted, dict) or not isinstance(wanted.get("search"), str):
            return no_update
        state = parse_search(wanted["search"], known, default=order[0])
        chart_id = ctx.outputs_list["id"]["chart"]
        if state.problem:
            return None
        scope = chart(chart_id).scope
        if scope != state.view or (scope == "compare" and len(state.compare_ids) < 2):
            return no_update if scope != state.view else None
        chart_id = shown_chart(chart_id, state)
        rows = charts.rows(chart_id, state)
        with use(state.lang):
            return data_table(chart(chart_id).table(rows))

    names = frames.congresses.set_index("congress_id").name

    def page_title(state: ViewState) -> str:
        """The browser tab's title: what the page shows."""
        if state.problem:
            what = _("No such lesson") if state.problem == "is not a lesson" else _("No such congress")
        elif state.view == "lessons":
            what = _("Lessons")
        elif state.view == "compare":
            compared = ", ".join(_(names[c]) for c in state.compare_ids)
            what = _("Compare: {congresses}").format(congresses=compared) if state.compare_ids else _("Compare")
        elif state.view == "timeline":
            what = _("Party shares at every congress")
        else:
            what = _(names[state.congress_id])
        return f"{what} · " + _("Congresses of Soviets, 1917–1937")

    def cite(state: ViewState, chart_id: str) -> html.Section:
        """How to cite the comparison or the timeline: its sources, title and address (the view's first heading:
        the chart's title is drawn in the figure)."""
        names = charts.rows(chart_id, state).source
        return citation_block(page_title(state).split(" · ")[0], names, search(state), heading=html.H2)

    def next_state(current: ViewState, trigger: object, values: dict) -> ViewState:
        """The state a control asks for, from the state the URL holds now. Any control but Reveal leaves
        a lesson, for the view it was showing."""
        if trigger == "reveal":
            return current.but(reveal=True)
        if trigger == "view-lessons":
            return ViewState(view="lessons", theme=current.theme, lang=current.lang)
        if current.lesson:
            current = lesson_view(current)[1].but(lesson=None, step=None, reveal=False)
        if trigger == "congress-select" and values["selected"] in known:
            same = values["selected"] == current.congress_id
            return current.but(view="congress", congress_id=values["selected"], hall=current.hall if same else None)
        if trigger in ("hall-select", "hall-menu"):
            return current.but(hall=None if values["hall"] in (None, PARTIES) else values["hall"])
        if trigger == "compare-select":
            ids = tuple(c for c in (values["compared"] or []) if c in known)[:MAX_COMPARED]
            return current.but(view="compare", compare_ids=ids)
        if trigger == "measure":
            return current.but(measure=values["measure"])
        if trigger == "theme-select":
            return current.but(theme=values["theme"])
        if trigger == "present-toggle":
            return current.but(present=not current.present, slide=None)
        if trigger == "view-congress":
            return current.but(
                view="congress",
                congress_id=values["selected"] if values["selected"] in known else order[0],
                slide=None if current.view != "congress" else current.slide,
            )
        if trigger == "view-compare":
            here = values["selected"] if values["selected"] in known else order[0]
            after = order[min(order.index(here) + 1, len(order) - 1)]
            ids = current.compare_ids or ((here, after) if after != here else tuple(order[:2]))
            return current.but(
                view="compare", compare_ids=ids, slide=None if current.view != "compare" else current.slide
            )
        if trigger == "view-timeline":
            return current.but(view="timeline", slide=None)
        if trigger == "graph-timeline" and values["clicked"]:
            clicked = values["clicked"]["points"][0].get("customdata")
            if clicked in known:
                return current.but(view="congress", congress_id=clicked)
        return current

    outputs = [
        Output("url", "search"),
        Output("page", "className"),
        Output("page", "data-slides"),
        Output("page", "data-steps"),
        Output("lesson", "hidden"),
        Output("lesson-panel", "children"),
        Output("reveal", "hidden"),
        Output("lessons-view", "hidden"),
        Output("lessons-view", "children"),
        Output("slide-counter", "children"),
        Output("slide-facts", "children"),
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
        Output("page-title", "data"),
        Output("prev", "disabled"),
        Output("next", "disabled"),
        Output("hall-choice", "hidden"),
        Output("hall-select", "options"),
        Output("hall-select", "value"),
        Output("hall-menu", "options"),
        Output("hall-menu", "value"),
        Output("language-link", "href"),
        *[Output(f"figure-{c}", "data") for c in CHART_IDS],  # drawn when seen: lazy_draw.js
        *[Output(f"caption-{c}", "children") for c in CHART_IDS],
        *[Output(f"section-{c}", "className") for c in CHART_IDS],
        *[Output(f"graph-{c}", "style") for c in CHART_IDS],
        *[Output(f"walk-{c}", "data-walk") for c in CHART_IDS],
        *[Output(f"walk-{c}", "aria-label") for c in CHART_IDS],
        Output("facts", "children"),
        Output("graph-compare", "figure"),
        Output("graph-compare", "style"),
        Output("caption-compare", "children"),
        Output("change-table", "children"),
        Output("graph-timeline", "figure"),
        Output("graph-timeline", "style"),
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
        Input("hall-select", "value"),
        Input("hall-menu", "value"),
        Input("reveal", "n_clicks"),
        Input("view-lessons", "n_clicks"),
        Input("narrow", "data"),
        Input("window-size", "data"),
        State("lessons-view", "hidden"),
    )
    def route(
        url_search,
        selected,
        compared,
        measure,
        theme,
        _present,
        _v1,
        _v2,
        _v3,
        clicked,
        hall,
        menu,
        _r,
        _l,
        narrow,
        window,
        lessons_hidden,
    ):
        current = parse_search(url_search, known, default=order[0])
        trigger = ctx.triggered_id
        values = {
            "selected": selected,
            "compared": compared,
            "measure": measure,
            "theme": theme,
            "clicked": clicked,
            "hall": menu if trigger == "hall-menu" else hall,
        }
        quiet = (None, "url", "narrow", "window-size")
        state = current if trigger in quiet else next_state(current, trigger, values)
        width, height = window_size(window)
        with use(state.lang):
            return render(state, url_search, bool(narrow), height, width, lessons_hidden is not False)

    def lesson_view(state: ViewState) -> tuple[pd.Series | None, ViewState]:
        """A lesson's step and the view it shows (as slides); no step and the state itself outside one."""
        steps = frames.in_language(state.lang).lesson_steps(state.lesson)
        if steps.empty:
            return None, state
        row = steps.iloc[max(1, min(state.step or 1, len(steps))) - 1]
        shown = parse_search(row.view, known, default=order[0])
        return row, shown.but(present=True, theme=state.theme, lang=state.lang)

    def chart_outputs(
        chart_id: str, state: ViewState, size: Size, on_slide: tuple[str, ...] | None, aside: str | None = None
    ) -> tuple:
        """One chart place's figure, caption, section class, graph style, walk and walk label. A slide draws
        only its own charts: the others keep what they had, hidden, until their slide comes; the chart set
        `aside` (a lesson's step about the other) is hidden too."""
        if on_slide is not None and f"section-{chart_id}" not in on_slide:
            return (no_update,) * 6
        if chart_id == aside:
            return no_update, no_update, f"chart chart-{chart_id} set-aside", *(no_update,) * 3
        shown = shown_chart(chart_id, state)
        figure, walk = charts.figure(shown, state, size, state.theme), charts.walk(shown, state)
        return (
            figure or BLANK,
            charts.summary(shown, state),
            f"chart chart-{chart_id}" + (" empty" if figure is None else ""),
            graph_style(figure),
            json.dumps(walk, ensure_ascii=False) if walk else "",
            walk["label"] if walk else _("Chart: nothing to draw."),
        )

    @cache
    def lessons_pages(lang: str) -> list:
        with use(lang):
            return lessons_view(frames.in_language(lang))

    def render(
        state: ViewState,
        url_search: str | None,
        narrow: bool,
        height: int | None = None,
        width: int | None = None,
        lessons_hidden: bool = True,
    ) -> tuple:
        """Every output of the page's callback for `state`; `lessons_hidden`: the lessons view is hidden now (its
        pages are sent when it is shown, and only then)."""
        url_state, lesson = state, (None, no_update, True)
        here = frames.in_language(state.lang)
        if state.lesson and not state.problem:
            row, state = lesson_view(state)
            if row is None:
                url_state = state = replace(state, problem="is not a lesson", bad_value=state.lesson)
            else:
                url_state = url_state.but(step=int(row.step) if row.step > 1 else None)
                revealed = url_state.reveal or not has_question(row)
                lesson = (int(row.steps), lesson_panel(here, row, revealed), revealed)
        page = f"page view-{state.view} theme-{state.theme}" + (" present" if state.present else "")
        if lesson[0]:
            page += " lesson" + ("" if lesson[2] else " unrevealed")
        slides, counter, slide_words, slide, aside = SLIDES.get(state.view, ()), None, [], 1, None
        size = PHONE if narrow else dashboard_size(width, facts_beside=state.view == "congress")
        if state.present and not state.problem:
            slide = slide_number(state.view, state.slide)
            # the hall's slide has its line of facts and the choice of vote above the chart; beside a lesson,
            # the facts go in the lesson's panel
            hall = state.view == "congress" and slide == 1
            options = [o["label"] for o in hall_options(state.congress_id)] if hall else []
            choice, compact = hall_choice_room(options, width, lesson=bool(lesson[0]))
            page += " compact-choice" if compact else ""  # its options as a menu of one line
            size = (
                size
                if narrow
                else slide_size(height, tall=True, choice=choice, facts=hall and not lesson[0], lesson=bool(lesson[0]))
            )
            beside = (
                state.view == "congress"
                and slide == 3
                and all(not charts.rows(c, state).empty for c in ("delegate-types", "social"))
            )  # the slide's two charts share its width
            if beside and lesson[0] and not slide_shared(width, lesson=True):  # too narrow: the step's chart alone
                about = row.chart if isinstance(row.chart, str) else "delegate-types"
                aside, beside = {"delegate-types": "social", "social": "delegate-types"}[about], False
            size = size if narrow else slide_room(size, width, lesson=bool(lesson[0]), shared=beside)
            state = state.but(slide=slide if slide > 1 else None)
            counter = _("Slide {slide} of {slides}: {title}").format(
                slide=slide, slides=len(slides), title=_(slides[slide - 1].title)
            )
            page += "" if narrow else f" slides slide-{slide}"
            if state.view == "congress" and state.congress_id:
                slide_words = slide_text(here, state.congress_id, slide)
            if lesson[0] and hall and not narrow:  # the facts, once revealed, under the lesson's caption
                lesson = (lesson[0], lesson_panel(here, row, lesson[2], facts=slide_words), lesson[2])
                slide_words = []
        n = len(CHART_IDS)
        single = (no_update,) * (6 * n + 1)
        hall_choice = (no_update,) * 5
        compare = (no_update,) * 4
        timeline = (no_update,) * 3
        notice = None
        selected = compared = no_update
        if state.problem:
            notice = _notice(here, state)
            hidden = (True, True, True)
        elif state.view == "lessons":
            hidden = (True, True, True)
        elif state.view == "compare" and len(state.compare_ids) < 2:
            notice = html.P(_("Pick two to four congresses to compare."), className="hint")
            hidden = (True, False, True)
            compared = list(state.compare_ids)
        elif state.view == "compare":
            figure, parts = charts.figure("compare", state, size, state.theme), charts.rows("compare", state)
            least = LEGEND_SHARE if " slides " in f"{page} " and len(state.compare_ids) > 2 else 0  # a crowded slide
            left_out = smaller_left_out(parts, least) if least else ""
            compare = (
                figure,
                graph_style(figure),
                [charts.summary("compare", state), cite(state, "compare")],
                [data_table(charts.change_table(state, least), row_headers=True)]
                + ([html.P(left_out, className="left-out")] if left_out else []),
            )
            hidden = (True, False, True)
            compared = list(state.compare_ids)
        elif state.view == "timeline":
            shown = state if " slides " in f"{page} " else replace(state, present=False)  # a phone: both series
            figure = charts.figure("timeline", shown, size, state.theme)
            timeline = (figure, graph_style(figure), [charts.summary("timeline", shown), cite(state, "timeline")])
            hidden = (True, True, False)
        else:
            congress_id = state.congress_id
            if state.hall not in dict(votes_on_seats(congress_id, state.lang)):
                state = state.but(hall=None)
            on_slide = slides[slide - 1].shows if " slides " in f"{page} " else None
            columns = [chart_outputs(c, state, size, on_slide, aside) for c in CHART_IDS]
            single = (*[column[k] for k in range(6) for column in columns], facts(congress_id, state.lang))
            options = hall_options(congress_id)
            hall_choice = (len(options) < 2, options, state.hall or PARTIES, options, state.hall or PARTIES)
            hidden = (False, True, True)
            selected = congress_id
        if not lesson[0]:
            url_state = state
        new_search = search(url_state) if not state.problem else no_update
        language_link = search(replace(url_state, lang=other_language(url_state.lang)))
        return (
            new_search if new_search != url_search else no_update,
            page,
            str(len(slides)),
            str(lesson[0] or 0),
            not lesson[0],
            lesson[1],
            lesson[2],
            state.view != "lessons",
            lessons_pages(state.lang)
            if state.view == "lessons" and not state.problem and lessons_hidden
            else no_update,
            counter,
            slide_words,
            notice,
            *hidden,
            selected,
            compared,
            state.measure,
            state.theme,
            present_label(state.present),
            "true" if state.present else "false",
            page_title(state),
            state.view == "congress" and state.congress_id == order[0],
            state.view == "congress" and state.congress_id == order[-1],
            *hall_choice,
            language_link,
            *single,
            *compare,
            *timeline,
        )

    for chart_id in CHART_IDS:  # a figure is drawn once its section has come near the window: lazy_draw.js
        app.clientside_callback(
            ClientsideFunction("lazy", "draw"),
            Output(f"graph-{chart_id}", "figure"),
            Input(f"figure-{chart_id}", "data"),
            Input(f"seen-{chart_id}", "data"),
            State(f"seen-{chart_id}", "id"),
        )

    app.clientside_callback(
        """
        function(title) { if (title) { document.title = title; } return window.dash_clientside.no_update; }
        """,
        Output("page-title", "id"),
        Input("page-title", "data"),
    )

    app.clientside_callback(
        f"""
        function(_) {{ return window.innerWidth < {NARROW_PX}; }}
        """,
        Output("narrow", "data"),
        Input("url", "pathname"),
    )

    app.clientside_callback(
        "function(_) { return [window.innerWidth, window.innerHeight]; }",
        Output("window-size", "data"),
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
