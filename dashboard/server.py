"""The Dash application: layout and callbacks over frames loaded once, with compression on."""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from dashboard.callbacks import register
from dashboard.chart_cache import ChartCache
from dashboard.export_ui import register_export_callbacks
from dashboard.figure_store import FigureStore
from dashboard.frames import Frames, load_frames
from dashboard.layout import layout
from dashboard.serving import harden
from dashboard.static_files import StaticFiles

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def create_app(frames: Frames | None = None) -> Dash:
    """Build the app. Records are loaded and validated first: a bad record raises before anything serves."""
    frames = frames if frames is not None else load_frames()
    app = Dash(
        __name__,
        title="Congresses of Soviets, 1917–1937",
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=True,
        update_title=None,
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    app.layout = layout(frames)
    charts = ChartCache(frames, store=FigureStore.from_environment(frames))
    app.server.extensions["chart_cache"] = charts  # gunicorn's workers warm it (gunicorn.conf.py)
    register(app, frames, charts)
    register_export_callbacks(app, frames)
    StaticFiles(ASSETS).install(app)
    harden(app)
    return app
