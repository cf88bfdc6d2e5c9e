"""The Dash application: layout and callbacks over frames loaded once, with compression on."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from dash import Dash
from flask import has_request_context, request

from dashboard.callbacks import register
from dashboard.chart_cache import ChartCache
from dashboard.export_ui import register_export_callbacks
from dashboard.figure_store import FigureStore
from dashboard.frames import Frames, load_frames
from dashboard.i18n import DEFAULT, LANGUAGES, _, use
from dashboard.layout import layout
from dashboard.page_shell import page_shell
from dashboard.serving import harden
from dashboard.static_files import StaticFiles
from dashboard.urls import page_language

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
    app.index_string = app.index_string.replace("<html>", f'<html lang="{DEFAULT}">', 1)
    layouts = {lang: layout(frames, lang) for lang in LANGUAGES}

    def page_layout() -> object:
        """The layout in the language of the page that asks for it: its address is the request's referrer
        (the page is served with `Referrer-Policy: same-origin`, so its own requests carry it whole)."""
        return layouts[page_language(request.referrer if has_request_context() else None)]

    app.layout = page_layout
    charts = ChartCache(frames, store=FigureStore.from_environment(frames))
    app.server.extensions["chart_cache"] = charts  # gunicorn's workers warm it (gunicorn.conf.py)
    register(app, frames, charts)
    register_export_callbacks(app, frames)
    StaticFiles(ASSETS).install(app)
    _index_in_language(app)
    harden(app)
    return app


def _index_in_language(app: Dash) -> None:
    """Write the page's `<html lang>`, title and shell (what it shows before its scripts have run) in the
    language its address asks for (`?lang=ru`)."""
    interpolate = app.interpolate_index

    def interpolate_index(**parts: str) -> str:
        address = request.url if has_request_context() else ""
        lang = page_language(address)
        with use(lang):
            parts["title"] = _("Congresses of Soviets, 1917–1937")
            parts["app_entry"] = page_shell(urlsplit(address).query) + parts["app_entry"]
        return interpolate(**parts).replace(f'<html lang="{DEFAULT}">', f'<html lang="{lang}">', 1)

    app.interpolate_index = interpolate_index  # type: ignore[method-assign]
