"""The dashboard with one extra, do-nothing callback: the floor that `bench/serve.py` compares the selector
callback with, served by the same gunicorn, config and Dash machinery. Benchmark-only; the app that is
deployed (`app:server`) has no such callback.

Run: .venv/bin/gunicorn bench.noop_app:server (from the repository root).
"""

from __future__ import annotations

from dash import Dash, Input, Output, html

from dashboard.server import create_app


def with_noop(app: Dash) -> Dash:
    """`app` with a hidden button and a callback that does nothing when it is clicked."""
    page = app.layout  # a function: the page's layout in the language of the page that asks for it

    def layout() -> html.Div:
        shown = page() if callable(page) else page
        return html.Div([shown, html.Button(id="bench-noop-in", hidden=True), html.Div(id="bench-noop-out")])

    app.layout = layout
    app.validation_layout = layout()  # what Dash checks the callbacks' ids against; else the page's own

    @app.callback(Output("bench-noop-out", "children"), Input("bench-noop-in", "n_clicks"))
    def noop(_clicks: int | None) -> None:
        """Nothing: what is left is Dash's, Flask's and gunicorn's own cost of a callback round trip."""
        return None

    return app


app = with_noop(create_app())
server = app.server
