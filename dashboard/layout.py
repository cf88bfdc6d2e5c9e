"""The page: header with the views and the congress selector, a notice area, the single-congress
view with its charts and facts, the comparison view and the timeline."""

from __future__ import annotations

from dash import dcc, html

from dashboard.charts import CHARTS, SEATS
from dashboard.export_ui import chart_controls, page_controls, worksheet_control
from dashboard.frames import Frames
from dashboard.lessons import glossary_page, introduction_page, lessons_page
from dashboard.public_url import public_url
from dashboard.urls import MAX_COMPARED

SERIES_NAMES = {"all-russian": "All-Russian Congresses (RSFSR)", "all-union": "All-Union Congresses (USSR)"}
PARTIES = "parties"
"""The seat chart's choice that draws the parties, not a vote."""
THEME_OPTIONS = [
    {"label": "Light", "value": "light"},
    {"label": "Dark", "value": "dark"},
    {"label": "High contrast", "value": "contrast"},
]


def congress_options(frames: Frames, grouped: bool = True) -> list[dict]:
    """Selector options: each congress by name and dates, grouped by series, in date order."""
    options = []
    for series, title in SERIES_NAMES.items():
        rows = frames.congresses[frames.congresses.series == series]
        if rows.empty:
            continue
        if grouped:
            options.append({"label": f"— {title} —", "value": f"series-{series}", "disabled": True})
        options += [{"label": f"{r.name} · {r.start:%B %Y}", "value": r.congress_id} for r in rows.itertuples()]
    return options


def graph_config(filename: str) -> dict:
    """Plotly's own controls: the camera button alone, for a quick projector-size PNG.

    Plotly 7's default toolbar also offers zoom, pan and reset (pointless tab stops here) and a
    "Share chart…" button that uploads the chart to Plotly Cloud: the toolbar is set explicitly, so
    no button reaches outside the server. The config stays the same whatever the congress: a new
    config makes Plotly draw the chart afresh. Named files come from the download controls."""
    return {
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
            html.Legend("The seats show", className="hall-legend"),
            dcc.RadioItems(
                id="hall-select",
                options=[{"label": "Parties", "value": PARTIES}],
                value=PARTIES,
                inline=True,
                className="hall-select",
                inputClassName="hall-input",
                labelClassName="hall-label",
            ),
            dcc.Dropdown(  # the same choice as one line, where its options would take several (a slide's)
                id="hall-menu",
                options=[{"label": "Parties", "value": PARTIES}],
                value=PARTIES,
                clearable=False,
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
            **{"aria-roledescription": "chart", "aria-label": "Chart", "data-walk": ""},
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
                    html.Summary(f"Show the data: {title.lower()}", id={"type": "data-summary", "chart": chart_id}),
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
        **{"aria-label": "Lesson"},
        children=[
            html.Div(id="lesson-panel", **{"aria-live": "polite"}),
            html.Div(
                className="lesson-controls",
                children=[
                    html.Button(
                        ["← ", html.Span("Previous", className="step-label")],
                        id="step-prev",
                        className="lesson-step",
                        title="Previous step (←)",
                        **{"aria-label": "Previous step"},
                    ),
                    html.Button("Reveal", id="reveal", className="reveal", title="Show the answer and the numbers (R)"),
                    html.Button(
                        [html.Span("Next", className="step-label"), " →"],
                        id="step-next",
                        className="lesson-step",
                        title="Next step (→)",
                        **{"aria-label": "Next step"},
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
        return "Presentation mode"
    return [
        html.Span("Leave presentation mode", className="long-label"),
        html.Span("Exit", className="short-label", **{"aria-hidden": "true"}),
    ]


def slide_bar() -> html.Nav:
    """Presentation mode's slide controls: previous, where you are, next (keys: ← → Space, PageUp PageDown)."""
    return html.Nav(
        className="slide-bar",
        **{"aria-label": "Slides"},
        children=[
            html.Button(
                ["← Previous", html.Span(" slide", className="long-label")],
                id="slide-prev",
                className="slide-step",
                title="Previous slide (← or PageUp)",
                **{"aria-label": "Previous slide"},
            ),
            html.Span(id="slide-counter", className="slide-counter", role="status"),
            html.Button(
                ["Next", html.Span(" slide", className="long-label"), " →"],
                id="slide-next",
                className="slide-step",
                title="Next slide (→, Space or PageDown)",
                **{"aria-label": "Next slide"},
            ),
        ],
    )


def _masthead(frames: Frames) -> html.Header:
    return html.Header(
        className="masthead",
        children=[
            html.H1("Congresses of Soviets, 1917–1937"),
            html.Nav(
                className="views",
                **{"aria-label": "Views"},
                children=[
                    html.Button("One congress", id="view-congress", className="view-button"),
                    html.Button("Compare", id="view-compare", className="view-button"),
                    html.Button("Over time", id="view-timeline", className="view-button"),
                    html.Button("Lessons", id="view-lessons", className="view-button"),
                ],
            ),
            html.Div(
                className="settings secondary",
                children=[
                    html.Label("Theme", htmlFor="theme-select"),
                    dcc.Dropdown(
                        id="theme-select",
                        options=THEME_OPTIONS,
                        value="light",
                        clearable=False,
                        searchable=False,
                        className="theme-select",
                    ),
                    html.Button(
                        present_label(False),
                        id="present-toggle",
                        className="present-toggle",
                        title="Large text for the projector; ← and → step through the congresses",
                    ),
                    html.Button(
                        "Full screen", id="fullscreen", className="fullscreen", title="Full screen (Esc leaves)"
                    ),
                ],
            ),
            html.Nav(
                className="selector only-congress",
                **{"aria-label": "Choose a congress"},
                children=[
                    html.Button(
                        ["← ", html.Span("Previous", className="long-label")],
                        id="prev",
                        className="step",
                        title="Previous congress (←)",
                        **{"aria-label": "Previous congress"},
                    ),
                    html.Label("Congress", htmlFor="congress-select", className="visually-hidden"),
                    dcc.Dropdown(
                        id="congress-select",
                        options=congress_options(frames),
                        clearable=False,
                        searchable=True,
                        maxHeight=620,
                        className="congress-select",
                    ),
                    html.Button(
                        [html.Span("Next", className="long-label"), " →"],
                        id="next",
                        className="step",
                        title="Next congress (→)",
                        **{"aria-label": "Next congress"},
                    ),
                ],
            ),
            html.Div(
                className="compare-controls only-compare",
                children=[
                    html.Label(f"Congresses to compare (2 to {MAX_COMPARED})", htmlFor="compare-select"),
                    dcc.Dropdown(
                        id="compare-select",
                        options=congress_options(frames, grouped=False),
                        multi=True,
                        maxHeight=620,
                        className="compare-select",
                    ),
                    dcc.RadioItems(
                        id="measure",
                        options=[{"label": "Counts", "value": "count"}, {"label": "Shares", "value": "share"}],
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


def layout(frames: Frames) -> html.Div:
    """The whole page. Its state lives in the URL (`?congress=2`, `?compare=1,2`, `?view=timeline`)."""
    public = public_url()
    return html.Div(
        id="page",
        className="page starting view-congress theme-light",  # until the first answer: style.css
        **{"data-order": ",".join(frames.congresses.congress_id)},
        **({"data-public-url": public} if public else {}),
        children=[
            html.Nav(
                className="skip-links",
                **{"aria-label": "Skip links"},
                children=[
                    html.A("Skip to the charts", href="#main", className="skip-link"),
                    html.A("Skip to the facts and sources", href="#facts", className="skip-link"),
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
                    html.Div(
                        id="lessons-view",
                        hidden=True,
                        children=[introduction_page(frames), lessons_page(frames), glossary_page(frames)],
                    ),
                    html.Div(
                        id="view",
                        children=[
                            page_controls(),
                            html.Div(
                                className="charts",
                                children=[chart_section(c.id, c.title, walkable=True, lazy=True) for c in CHARTS],
                            ),
                            html.Section(id="slide-facts", className="slide-facts", **{"aria-label": "On this slide"}),
                            html.Aside(id="facts", className="facts", **{"aria-label": "Facts and sources"}),
                        ],
                    ),
                    html.Div(
                        id="compare-view",
                        hidden=True,
                        children=[
                            chart_section("compare", "Party composition compared"),
                            html.Section(
                                className="change",
                                **{"aria-labelledby": "change-title"},
                                children=[
                                    html.H2("Change between the congresses", id="change-title"),
                                    html.Div(id="change-table"),
                                ],
                            ),
                        ],
                    ),
                    html.Div(
                        id="timeline-view", hidden=True, children=[chart_section("timeline", "Party shares over time")]
                    ),
                ],
            ),
            html.Footer(
                className="footer secondary",
                children=[
                    "Every number links to its source. Approximate values are marked ≈, bounds > or ≤; "
                    "grey marks what the sources do not account for. Dates before 14 February 1918 are "
                    "Old Style (OS), as the sources give them, with the New Style beside them. "
                    "Keys: ← and → step through the congresses. Tab to a chart, and the arrow keys walk it: "
                    "→ and ← between its groups, ↓ for detail, ↑ back, Esc to leave.",
                ],
            ),
        ],
    )
