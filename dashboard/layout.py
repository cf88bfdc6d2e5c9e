"""The page: header with the views and the congress selector, a notice area, the single-congress
view with its charts and facts, the comparison view and the timeline."""

from __future__ import annotations

from dash import dcc, html

from dashboard.charts import CHARTS, SEATS
from dashboard.export_ui import chart_controls, page_controls, worksheet_control
from dashboard.frames import Frames
from dashboard.i18n import LANGUAGES, _, current, date, other_language, use
from dashboard.lessons import glossary_page, introduction_page, lessons_page
from dashboard.public_url import public_url
from dashboard.urls import MAX_COMPARED

PARTIES = "parties"
"""The seat chart's choice that draws the parties, not a vote."""


def series_names() -> dict[str, str]:
    """The two series of congresses, by their key in the records."""
    return {"all-russian": _("All-Russian Congresses (RSFSR)"), "all-union": _("All-Union Congresses (USSR)")}


def theme_options() -> list[dict]:
    return [
        {"label": _("Light"), "value": "light"},
        {"label": _("Dark"), "value": "dark"},
        {"label": _("High contrast"), "value": "contrast"},
    ]


def dropdown_labels() -> dict:
    """The words a dropdown writes itself (Dash's own are English)."""
    return {
        "select_all": _("Select all"),
        "deselect_all": _("Deselect all"),
        "selected_count": _("{num_selected} selected"),
        "search": _("Search"),
        "clear_search": _("Clear search"),
        "clear_selection": _("Clear selection"),
        "no_options_found": _("No options found"),
    }


def congress_options(frames: Frames, grouped: bool = True) -> list[dict]:
    """Selector options: each congress by name and dates, grouped by series, in date order."""
    options = []
    for series, title in series_names().items():
        rows = frames.congresses[frames.congresses.series == series]
        if rows.empty:
            continue
        if grouped:
            options.append({"label": f"— {title} —", "value": f"series-{series}", "disabled": True})
        options += [
            {"label": f"{r.name} · {date(r.start, 'month')}", "value": r.congress_id} for r in rows.itertuples()
        ]
    return options


BLANK = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}
"""A graph's figure until its chart arrives, and where its chart has nothing to draw: Plotly draws a graph
as soon as it is on the page, even hidden or empty, and axes cost it more than the rest of an empty graph."""


def graph_config(filename: str) -> dict:
    """Plotly's own controls: the camera button alone, for a quick projector-size PNG.

    Plotly 7's default toolbar also offers zoom, pan and reset (pointless tab stops here) and a
    "Share chart…" button that uploads the chart to Plotly Cloud: the toolbar is set explicitly, so
    no button reaches outside the server. The config stays the same whatever the congress: a new
    config makes Plotly draw the chart afresh. Named files come from the download controls. Plotly writes
    its own words and numbers in the page's language (its Russian locale is loaded with the page)."""
    return {
        "locale": current(),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtons": [["toImage"]],
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "width": 1920, "height": 1080, "scale": 2},
    }


def hall_choice() -> html.Fieldset:
    """What the seat chart shows: the parties, or one of the congress's counted votes (options per congress)."""
    return html.Fieldset(
        id="hall-choice",
        className="hall-choice",
        hidden=True,
        children=[
            html.Legend(_("The seats show"), className="hall-legend"),
            dcc.RadioItems(
                id="hall-select",
                options=[{"label": _("Parties"), "value": PARTIES}],
                value=PARTIES,
                inline=True,
                className="hall-select",
                inputClassName="hall-input",
                labelClassName="hall-label",
            ),
            dcc.Dropdown(  # the same choice as one line, where its options would take several (a slide's)
                id="hall-menu",
                options=[{"label": _("Parties"), "value": PARTIES}],
                value=PARTIES,
                clearable=False,
                labels=dropdown_labels(),
                searchable=False,
                className="hall-menu",
            ),
        ],
    )


def walk_region(chart_id: str, graph: dcc.Graph) -> list:
    """The graph inside one focusable region that the arrow keys walk (`assets/chart_walk.js`), and the
    live region that says each step."""
    return [
        html.Div(
            id=f"walk-{chart_id}",
            className="walk",
            tabIndex="0",
            role="application",
            **{"aria-roledescription": _("chart"), "aria-label": _("Chart"), "data-walk": ""},
            children=graph,
        ),
        html.P(id=f"walk-said-{chart_id}", className="walk-said", **{"aria-live": "polite"}),
    ]


def chart_section(chart_id: str, title: str, walkable: bool = False, lazy: bool = False) -> html.Section:
    """One chart: the graph (walkable by keyboard where asked), a caption that summarises it, and its data
    as a table to open. A `lazy` chart's figure waits in a store until its section comes near the window
    (`assets/lazy_draw.js`), so that a page draws first what a reader sees."""
    graph = dcc.Graph(
        id=f"graph-{chart_id}",
        figure=BLANK,
        config=graph_config(f"congresses-of-soviets-{chart_id}"),
        className="graph",
        responsive=True,
    )
    return html.Section(
        id=f"section-{chart_id}",
        className=f"chart chart-{chart_id}",
        **{"aria-labelledby": f"caption-{chart_id}"},
        **({"data-lazy": chart_id} if lazy else {}),
        children=[
            *([dcc.Store(id=f"figure-{chart_id}"), dcc.Store(id=f"seen-{chart_id}", data=False)] if lazy else []),
            *([hall_choice()] if chart_id == SEATS else []),
            *(walk_region(chart_id, graph) if walkable else [graph]),
            html.Div(id=f"caption-{chart_id}", className="caption"),
            html.Details(
                className="data-table",
                children=[
                    html.Summary(
                        _("Show the data: {chart}").format(chart=title.lower()),
                        id={"type": "data-summary", "chart": chart_id},
                    ),
                    dcc.Store(id={"type": "data-wanted", "chart": chart_id}),
                    html.Div(id={"type": "data-table", "chart": chart_id}),
                ],
            ),
            chart_controls(chart_id, title),
        ],
    )


def lesson_aside() -> html.Aside:
    """A lesson's step beside its slide: the words (filled per step), and the step and Reveal buttons."""
    return html.Aside(
        id="lesson",
        className="lesson",
        hidden=True,
        **{"aria-label": _("Lesson")},
        children=[
            html.Div(id="lesson-panel", **{"aria-live": "polite"}),
            html.Div(
                className="lesson-controls",
                children=[
                    html.Button(
                        ["← ", html.Span(_("Previous"), className="step-label")],
                        id="step-prev",
                        className="lesson-step",
                        title=_("Previous step (←)"),
                        **{"aria-label": _("Previous step")},
                    ),
                    html.Button(
                        _("Reveal"), id="reveal", className="reveal", title=_("Show the answer and the numbers (R)")
                    ),
                    html.Button(
                        [html.Span(_("Next"), className="step-label"), " →"],
                        id="step-next",
                        className="lesson-step",
                        title=_("Next step (→)"),
                        **{"aria-label": _("Next step")},
                    ),
                    worksheet_control(),
                ],
            ),
        ],
    )


def present_label(present: bool) -> str | list[html.Span]:
    """The presentation button's words: on slides, its full name where the header has room, else one word (its
    full name still the button's name for screen readers)."""
    if not present:
        return _("Presentation mode")
    return [
        html.Span(_("Leave presentation mode"), className="long-label"),
        html.Span(_("Exit"), className="short-label", **{"aria-hidden": "true"}),
    ]


def slide_bar() -> html.Nav:
    """Presentation mode's slide controls: previous, where you are, next (keys: ← → Space, PageUp PageDown)."""
    return html.Nav(
        className="slide-bar",
        **{"aria-label": _("Slides")},
        children=[
            html.Button(
                ["← " + _("Previous"), html.Span(" " + _("slide"), className="long-label")],
                id="slide-prev",
                className="slide-step",
                title=_("Previous slide (← or PageUp)"),
                **{"aria-label": _("Previous slide")},
            ),
            html.Span(id="slide-counter", className="slide-counter", role="status"),
            html.Button(
                [_("Next"), html.Span(" " + _("slide"), className="long-label"), " →"],
                id="slide-next",
                className="slide-step",
                title=_("Next slide (→, Space or PageDown)"),
                **{"aria-label": _("Next slide")},
            ),
        ],
    )


def _masthead(frames: Frames) -> html.Header:
    return html.Header(
        className="masthead",
        children=[
            html.H1(_("Congresses of Soviets, 1917–1937")),
            html.Nav(
                className="views",
                **{"aria-label": _("Views")},
                children=[
                    html.Button(_("One congress"), id="view-congress", className="view-button"),
                    html.Button(_("Compare"), id="view-compare", className="view-button"),
                    html.Button(_("Over time"), id="view-timeline", className="view-button"),
                    html.Button(_("Lessons"), id="view-lessons", className="view-button"),
                ],
            ),
            html.Div(
                className="settings secondary",
                children=[
                    language_switch(),
                    html.Label(_("Theme"), htmlFor="theme-select"),
                    dcc.Dropdown(
                        id="theme-select",
                        options=theme_options(),
                        value="light",
                        clearable=False,
                        searchable=False,
                        className="theme-select",
                        labels=dropdown_labels(),
                    ),
                    html.Button(
                        present_label(False),
                        id="present-toggle",
                        className="present-toggle",
                        title=_("Large text for the projector; ← and → step through the congresses"),
                    ),
                    html.Button(
                        _("Full screen"), id="fullscreen", className="fullscreen", title=_("Full screen (Esc leaves)")
                    ),
                ],
            ),
            html.Nav(
                className="selector only-congress",
                **{"aria-label": _("Choose a congress")},
                children=[
                    html.Button(
                        ["← ", html.Span(_("Previous"), className="long-label")],
                        id="prev",
                        className="step",
                        title=_("Previous congress (←)"),
                        **{"aria-label": _("Previous congress")},
                    ),
                    html.Label(_("Congress"), htmlFor="congress-select", className="visually-hidden"),
                    dcc.Dropdown(
                        id="congress-select",
                        options=congress_options(frames),
                        clearable=False,
                        searchable=True,
                        maxHeight=620,
                        className="congress-select",
                        placeholder=_("Choose a congress"),
                        labels=dropdown_labels(),
                    ),
                    html.Button(
                        [html.Span(_("Next"), className="long-label"), " →"],
                        id="next",
                        className="step",
                        title=_("Next congress (→)"),
                        **{"aria-label": _("Next congress")},
                    ),
                ],
            ),
            html.Div(
                className="compare-controls only-compare",
                children=[
                    html.Label(
                        _("Congresses to compare (2 to {most})").format(most=MAX_COMPARED), htmlFor="compare-select"
                    ),
                    dcc.Dropdown(
                        id="compare-select",
                        options=congress_options(frames, grouped=False),
                        multi=True,
                        maxHeight=620,
                        className="compare-select",
                        placeholder=_("Choose congresses"),
                        labels=dropdown_labels(),
                    ),
                    dcc.RadioItems(
                        id="measure",
                        options=[{"label": _("Counts"), "value": "count"}, {"label": _("Shares"), "value": "share"}],
                        value="count",
                        inline=True,
                        className="measure",
                        inputClassName="measure-input",
                        labelClassName="measure-label",
                    ),
                ],
            ),
        ],
    )


def language_switch() -> html.Nav:
    """A link to the page in the other language, named in that language; the route callback keeps its address
    the view's own, with only the language changed. Following it loads the page afresh."""
    other = other_language(current())
    return html.Nav(
        className="languages",
        **{"aria-label": _("Language")},
        children=html.A(
            LANGUAGES[other],
            id="language-link",
            href=f"?lang={other}",
            hrefLang=other,
            lang=other,
            className="language-link",
        ),
    )


def layout(frames: Frames, lang: str) -> html.Div:
    """The whole page, in `lang`. Its state lives in the URL (`?congress=2`, `?compare=1,2`, `?view=timeline`)."""
    with use(lang):
        return _page(frames.in_language(lang))


def lessons_view(frames: Frames) -> list[html.Div]:
    """The lessons view's pages (the introduction, the lessons, the glossary), in the current language. The
    page's layout leaves them out, so that a first load renders only what it shows; the page's callback sends
    them when the view is first opened."""
    return [introduction_page(frames), lessons_page(frames), glossary_page(frames)]


def _page(frames: Frames) -> html.Div:
    public = public_url()
    return html.Div(
        id="page",
        className="page starting view-congress theme-light",  # until the first answer: style.css
        lang=current(),
        **{"data-order": ",".join(frames.congresses.congress_id)},
        **({"data-public-url": public} if public else {}),
        children=[
            html.Nav(
                className="skip-links",
                **{"aria-label": _("Skip links")},
                children=[
                    html.A(_("Skip to the charts"), href="#main", className="skip-link"),
                    html.A(_("Skip to the facts and sources"), href="#facts", className="skip-link"),
                ],
            ),
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="narrow", data=False),
            dcc.Store(id="window-size", data=None),
            dcc.Store(id="page-title"),
            _masthead(frames),
            html.Div(id="notice", role="alert", **{"aria-live": "polite"}),
            slide_bar(),
            html.Main(
                id="main",
                tabIndex="-1",
                children=[
                    lesson_aside(),
                    html.Div(id="lessons-view", hidden=True),  # filled when first shown: lessons_view()
                    html.Div(
                        id="view",
                        children=[
                            page_controls(),
                            html.Div(
                                className="charts",
                                children=[chart_section(c.id, _(c.title), walkable=True, lazy=True) for c in CHARTS],
                            ),
                            html.Section(
                                id="slide-facts", className="slide-facts", **{"aria-label": _("On this slide")}
                            ),
                            html.Aside(id="facts", className="facts", **{"aria-label": _("Facts and sources")}),
                        ],
                    ),
                    html.Div(
                        id="compare-view",
                        hidden=True,
                        children=[
                            chart_section("compare", _("Party composition compared")),
                            html.Section(
                                className="change",
                                **{"aria-labelledby": "change-title"},
                                children=[
                                    html.H2(_("Change between the congresses"), id="change-title"),
                                    html.Div(id="change-table"),
                                ],
                            ),
                        ],
                    ),
                    html.Div(
                        id="timeline-view",
                        hidden=True,
                        children=[chart_section("timeline", _("Party shares over time"))],
                    ),
                ],
            ),
            html.Footer(
                className="footer secondary",
                children=[
                    _(
                        "Every number links to its source. Approximate values are marked ≈, bounds > or ≤; "
                        "grey marks what the sources do not account for. Dates before 14 February 1918 are "
                        "Old Style (OS), as the sources give them, with the New Style beside them. "
                        "Keys: ← and → step through the congresses. Tab to a chart, and the arrow keys walk it: "
                        "→ and ← between its groups, ↓ for detail, ↑ back, Esc to leave."
                    ),
                ],
            ),
        ],
    )
