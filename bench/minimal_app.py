"""The smallest Dash app with one graph: the yardstick `bench/lighthouse.py` measures the dashboard against.

Plain Dash as its documentation starts: one bar chart in a `dcc.Graph`, Dash's own plotly.js and asset URLs,
compressed like the dashboard (`compress=True`). Benchmark-only.

Run: .venv/bin/gunicorn bench.minimal_app:server -c gunicorn.conf.py (from the repository root).
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import Dash, dcc, html

app = Dash(__name__, title="One graph", compress=True)
app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
app.layout = html.Main(
    [
        html.H1("One graph"),
        dcc.Graph(figure=go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2]), layout={"title": {"text": "Three bars"}})),
    ]
)
server = app.server
