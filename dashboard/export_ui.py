"""Download controls: under each chart a format, a size and a Download button; for the whole congress a
slide pack (ZIP), a two-page handout (PDF), the source pack (PDF) and the data package (ZIP); on a lesson
its worksheet (PDF). Files are made by `dashboard.export`, `dashboard.handout` and `dashboard.worksheet`
and go out through `dcc.Download`. Every image carries
the address `dashboard.public_url` prints for the view, never a loopback one."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from dash import MATCH, Dash, Input, Output, State, ctx, dcc, html, no_update
from flask import request

from dashboard import render_service
from dashboard.charts import CHART_IDS, HALL, SEATS
from dashboard.export import (
    DATA_PACKAGE_NAME,
    IMAGE_FORMATS,
    MEDIA_TYPES,
    VIEWS,
    ExportError,
    chart_filename,
    data_package_zip,
    export_file,
    handout_filename,
    slide_pack,
    slide_pack_filename,
    source_pack_filename,
    view_file,
    view_filename,
)
from dashboard.frames import Frames
from dashboard.handout import handout_pdf, source_pack_pdf
from dashboard.i18n import N_, _, use
from dashboard.public_url import printed_link
from dashboard.urls import State as ViewState
from dashboard.urls import congress_search, page_language, parse_search
from dashboard.urls import search as url_search
from dashboard.worksheet import worksheet_filename, worksheet_pdf

FORMAT_OPTIONS = [
    {"label": "PNG", "value": "png"},
    {"label": "SVG", "value": "svg"},
    {"label": "PDF", "value": "pdf"},
    {"label": "CSV", "value": "csv"},
    {"label": "HTML", "value": "html"},
]
PRESET_OPTIONS = [
    {"label": N_("Projector"), "value": "projector"},
    {"label": N_("Slide"), "value": "slide"},
    {"label": "A4", "value": "a4"},
]
LOG = logging.getLogger(__name__)
RENDER_FAILURES = (OSError, RuntimeError, TimeoutError)
"""What a missing or crashed browser raises while kaleido renders."""
NO_RENDERER = N_(
    "The file could not be made on this server: images need Debian's Chromium (bash bin/setup installs it)."
)
REFUSALS = {
    "busy": N_("Many files are being made on this server just now: try again in a minute."),
    "limited": N_("You have asked for many files in a short time: try again in a minute."),
}
"""What the status line says when the server's export queue does not take a file."""
RENDERED = (*IMAGE_FORMATS, "zip")
"""Downloads drawn in Chromium: images, PDFs and slide packs (CSV, HTML and the data package are not)."""
PRESET_TITLES = {"projector": "1920×1080", "slide": "1600×1200", "a4": N_("A4 landscape")}


def _choice(legend: str, component_id: str | dict, options: list[dict], value: str) -> html.Fieldset:
    """A labelled group of radio buttons: arrow keys move within it, Tab moves on."""
    return html.Fieldset(
        className="export-choice",
        children=[
            html.Legend(legend),
            dcc.RadioItems(
                id=component_id,
                options=[o | {"label": _(o["label"])} for o in options],
                value=value,
                inline=True,
                inputClassName="export-input",
                labelClassName="export-label",
            ),
        ],
    )


def chart_controls(chart_id: str, title: str) -> html.Div | None:
    """The download controls of one chart, or None for a chart export does not know."""
    if chart_id not in CHART_IDS and chart_id not in VIEWS:
        return None
    sizes = [o | {"title": _(PRESET_TITLES[o["value"]])} for o in PRESET_OPTIONS]
    download = _("Download {chart}").format(chart=title)
    return html.Div(
        className="export-controls",
        role="group",
        **{"aria-label": download},
        children=[
            _choice(_("Format"), {"type": "export-format", "chart": chart_id}, FORMAT_OPTIONS, "png"),
            _choice(_("Size"), {"type": "export-preset", "chart": chart_id}, sizes, "projector"),
            html.Button(
                _("Download"),
                id={"type": "export-button", "chart": chart_id},
                className="export-button",
                title=_("Download {chart} (size applies to PNG, SVG and PDF)").format(chart=title),
                **{"aria-label": download},
            ),
            dcc.Download(id={"type": "export-download", "chart": chart_id}),
            html.Span(id={"type": "export-status", "chart": chart_id}, className="export-status", role="status"),
        ],
    )


def page_controls() -> html.Section:
    """Downloads for the whole congress: the slide pack, the handout and the data package."""
    return html.Section(
        className="export-page",
        **{"aria-labelledby": "export-page-title"},
        children=[
            html.H2(_("Download for class"), id="export-page-title"),
            _choice(_("Slides as"), "pack-format", FORMAT_OPTIONS[:3], "png"),
            _choice(_("Slide size"), "pack-preset", PRESET_OPTIONS, "projector"),
            html.Button(_("Slide pack (ZIP)"), id="slide-pack-button", className="export-button"),
            html.Button(
                _("Handout (PDF)"),
                id="handout-button",
                className="export-button",
                title=_("Two A4 pages: the key chart, the key facts in a few sentences and the main sources"),
            ),
            html.Button(
                _("Source pack (PDF)"),
                id="source-pack-button",
                className="export-button",
                title=_("A4: every fact as each source gives it, every chart and every source"),
            ),
            html.Button(
                _("Data package (ZIP)"),
                id="data-package-button",
                className="export-button",
                title=_("Every table of every congress as CSV, with datapackage.json"),
            ),
            dcc.Download(id="page-download"),
            html.Span(id="page-export-status", className="export-status", role="status"),
        ],
    )


def _client() -> str:
    """Who asks, for the export queue's rate limit: the address nginx (bin/serve) saw and appended last."""
    return request.headers.get("X-Forwarded-For", "").split(",")[-1].strip() or request.remote_addr or "unknown"


def _sent(make: Callable[[], bytes], name: str, fmt: str) -> tuple:
    """The file `make` returns as a download named `name`, or why it could not be made, for the status line.
    Under the server's export queue a file with images counts against the client's rate first."""
    service = os.environ.get(render_service.SOCKET_ENV)
    try:
        if service and fmt in RENDERED:
            render_service.admit(service, _client())
        content = make()
    except render_service.RenderRefused as refused:
        return no_update, _(REFUSALS.get(refused.reason, REFUSALS["busy"]))
    except ExportError as error:
        return no_update, str(error)
    except RENDER_FAILURES:
        LOG.exception("export failed")
        return no_update, _(NO_RENDERER)
    return dcc.send_bytes(content, name, type=MEDIA_TYPES[fmt]), ""


def worksheet_control() -> html.Div:
    """The lesson's worksheet download: questions with room to write, the charts and an answer key."""
    return html.Div(
        className="worksheet",
        children=[
            html.Button(
                _("Worksheet (PDF)"),
                id="worksheet-button",
                className="export-button",
                title=_(
                    "A4: the lesson's questions with room to write, its charts, and an answer key on its own pages"
                ),
            ),
            dcc.Download(id="worksheet-download"),
            html.Span(id="worksheet-status", className="export-status", role="status"),
        ],
    )


def register_export_callbacks(app: Dash, frames: Frames) -> None:
    """Attach the download callbacks to `app`: one for every chart's control, one for the page's."""
    known = set(frames.congresses.congress_id)
    order = list(frames.congresses.congress_id)

    def link(href: str | None, congress_id: str) -> str | None:
        return printed_link(href, congress_search(congress_id, page_language(href)))

    def view_link(href: str | None, search: str | None) -> str | None:
        state = parse_search(search, known, default=order[0])
        return None if state.problem else printed_link(href, url_search(state))

    @app.callback(
        Output({"type": "export-download", "chart": MATCH}, "data"),
        Output({"type": "export-status", "chart": MATCH}, "children"),
        Input({"type": "export-button", "chart": MATCH}, "n_clicks"),
        State({"type": "export-format", "chart": MATCH}, "value"),
        State({"type": "export-preset", "chart": MATCH}, "value"),
        State("congress-select", "value"),
        State("url", "href"),
        State("url", "search"),
        prevent_initial_call=True,
        running=[(Output({"type": "export-button", "chart": MATCH}, "disabled"), True, False)],
    )
    def download_chart(
        _clicks: int | None, fmt: str, preset: str, congress_id: str | None, href: str | None, search: str | None
    ) -> tuple:
        """A chart's file, in the language of the page it is asked from."""
        lang = page_language(href)
        with use(lang):
            return chart_file(
                frames.in_language(lang), ctx.triggered_id["chart"], fmt, preset, congress_id, href, search
            )

    def chart_file(
        here: Frames,
        chart_id: str,
        fmt: str,
        preset: str,
        congress_id: str | None,
        href: str | None,
        search: str | None,
    ) -> tuple:
        if chart_id in VIEWS:
            return _sent(
                lambda: view_file(here, chart_id, search, fmt, preset, view_link(href, search)),
                view_filename(here, chart_id, search, fmt, preset),
                fmt,
            )
        if congress_id not in known:
            return no_update, _("Choose a congress first.")
        state = parse_search(search, known, default=order[0])
        hall = state.hall if chart_id == SEATS and state.congress_id == congress_id else None
        address = printed_link(href, url_search(ViewState(congress_id=congress_id, hall=hall, lang=state.lang)))
        chart_id = HALL.id if hall else chart_id
        name = f"{chart_id}-{hall}" if hall else chart_id
        name = chart_filename(congress_id, name, fmt, preset if fmt in IMAGE_FORMATS else None)
        return _sent(lambda: export_file(here, chart_id, congress_id, fmt, preset, address, hall=hall), name, fmt)

    @app.callback(
        Output("page-download", "data"),
        Output("page-export-status", "children"),
        Input("slide-pack-button", "n_clicks"),
        Input("handout-button", "n_clicks"),
        Input("source-pack-button", "n_clicks"),
        Input("data-package-button", "n_clicks"),
        State("pack-format", "value"),
        State("pack-preset", "value"),
        State("congress-select", "value"),
        State("url", "href"),
        prevent_initial_call=True,
        running=[
            (Output("slide-pack-button", "disabled"), True, False),
            (Output("handout-button", "disabled"), True, False),
            (Output("source-pack-button", "disabled"), True, False),
        ],
    )
    def download_page(_pack, _handout, _sources, _data, fmt: str, preset: str, congress_id, href):
        """The page's slide pack, handout, source pack or data package, in the language of the page."""
        lang = page_language(href)
        with use(lang):
            return page_file(frames.in_language(lang), ctx.triggered_id, fmt, preset, congress_id, href)

    def page_file(here: Frames, trigger: str, fmt: str, preset: str, congress_id: str | None, href: str | None):
        if trigger == "data-package-button":  # the data as the records hold them, in English
            return dcc.send_bytes(data_package_zip(frames), DATA_PACKAGE_NAME, type=MEDIA_TYPES["zip"]), ""
        if congress_id not in known:
            return no_update, _("Choose a congress first.")
        if trigger in ("handout-button", "source-pack-button"):
            make, name = (
                (handout_pdf, handout_filename)
                if trigger == "handout-button"
                else (source_pack_pdf, source_pack_filename)
            )
            return _sent(lambda: make(here, congress_id, link(href, congress_id)), name(congress_id), "pdf")
        return _sent(
            lambda: slide_pack(here, congress_id, fmt, preset, link(href, congress_id)),
            slide_pack_filename(congress_id, fmt, preset),
            "zip",
        )

    @app.callback(
        Output("worksheet-download", "data"),
        Output("worksheet-status", "children"),
        Input("worksheet-button", "n_clicks"),
        State("url", "search"),
        State("url", "href"),
        prevent_initial_call=True,
        running=[(Output("worksheet-button", "disabled"), True, False)],
    )
    def download_worksheet(_clicks: int | None, search: str | None, href: str | None) -> tuple:
        lesson_id, lang = parse_search(search, known, default=order[0]).lesson, page_language(href)
        with use(lang):
            return _sent(
                lambda: worksheet_pdf(frames.in_language(lang), lesson_id, printed_link(href, "")),
                worksheet_filename(lesson_id),
                "pdf",
            )
