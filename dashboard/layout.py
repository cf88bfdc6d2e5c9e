"""The page: header with the congress selector, a notice area, the charts and the facts panel."""

from __future__ import annotations

from dash import dcc, html

from dashboard.charts import CHARTS
from dashboard.frames import Frames

SERIES_NAMES = {"all-russian": "All-Russian Congresses (RSFSR)", "all-union": "All-Union Congresses (USSR)"}


def congress_options(frames: Frames) -> list[dict]:
    """Selector options: each congress by name and dates, grouped by series, in date order."""
    options = []
    for series, title in SERIES_NAMES.items():
        rows = frames.congresses[frames.congresses.series == series]
        if rows.empty:
            continue
        options.append({"label": f"— {title} —", "value": f"series-{series}", "disabled": True})
        options += [{"label": f"{r.name} · {r.start:%B %Y}", "value": r.congress_id} for r in rows.itertuples()]
    return options


def graph_config(filename: str = "congress-chart") -> dict:
    """Plotly's own controls: no logo, and a quick projector-size PNG from the camera button."""
    return {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "width": 1920, "height": 1080, "scale": 2},
    }


def layout(frames: Frames) -> html.Div:
    """The whole page. Its state lives in the URL (`?congress=2`)."""
    return html.Div(
        id="page",
        className="page",
        children=[
            dcc.Location(id="url", refresh=False),
            html.Header(
                className="masthead",
                children=[
                    html.H1("Congresses of Soviets, 1917–1937"),
                    html.Nav(
                        className="selector",
                        **{"aria-label": "Choose a congress"},
                        children=[
                            html.Button("← Previous", id="prev", className="step", title="Previous congress (←)"),
                            html.Label("Congress", htmlFor="congress-select", className="visually-hidden"),
                            dcc.Dropdown(
                                id="congress-select",
                                options=congress_options(frames),
                                clearable=False,
                                searchable=True,
                                className="congress-select",
                            ),
                            html.Button("Next →", id="next", className="step", title="Next congress (→)"),
                        ],
                    ),
                ],
            ),
            html.Div(id="notice", role="alert", **{"aria-live": "polite"}),
            html.Main(
                id="view",
                children=[
                    html.Div(
                        className="charts",
                        children=[
                            html.Section(
                                className=f"chart chart-{c.id}",
                                **{"aria-label": c.title},
                                children=[
                                    dcc.Graph(id=f"graph-{c.id}", config=graph_config(), className="graph"),
                                ],
                            )
                            for c in CHARTS
                        ],
                    ),
                    html.Aside(id="facts", className="facts", **{"aria-label": "Facts and sources"}),
                ],
            ),
            html.Footer(
                className="footer",
                children=[
                    "Every number links to its source. Approximate values are marked ≈; "
                    "grey marks what the sources do not account for. Dates before 14 February 1918 are "
                    "Old Style (OS), as the sources give them, with the New Style beside them.",
                ],
            ),
        ],
    )
