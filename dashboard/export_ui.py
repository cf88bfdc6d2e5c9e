"""Download controls: under each chart a format, a size and a Download button; for the whole congress a
slide pack (ZIP), a handout (PDF) and the data package (ZIP). Files are made by `dashboard.export` and
go out through `dcc.Download`. Every image carries the page's permalink (`…/?congress=2`), taken from
the page's own address, so a callback's answer depends on its inputs alone."""

from __future__ import annotations

import logging

from dash import MATCH, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.charts import CHART_IDS
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
    handout_pdf,
    permalink,
    slide_pack,
    slide_pack_filename,
    view_file,
    view_filename,
)
from dashboard.frames import Frames

FORMAT_OPTIONS = [
    {"label": "PNG", "value": "png"},
    {"label": "SVG", "value": "svg"},
    {"label": "PDF", "value": "pdf"},
    {"label": "CSV", "value": "csv"},
    {"label": "HTML", "value": "html"},
]
PRESET_OPTIONS = [
    {"label": "Projector", "value": "projector"},
    {"label": "Slide", "value": "slide"},
    {"label": "A4", "value": "a4"},
]
LOG = logging.getLogger(__name__)
RENDER_FAILURES = (OSError, RuntimeError, TimeoutError)
"""What a missing or crashed browser raises while kaleido renders."""
NO_RENDERER = "The file could not be made on this server: images need Debian's Chromium (bash bin/setup installs it)."
PRESET_TITLES = {"projector": "1920×1080", "slide": "1600×1200", "a4": "A4 landscape"}


def _choice(legend: str, component_id: str | dict, options: list[dict], value: str) -> html.Fieldset:
    """A labelled group of radio buttons: arrow keys move within it, Tab moves on."""
    return html.Fieldset(
        className="export-choice",
        children=[
            html.Legend(legend),
            dcc.RadioItems(
                id=component_id,
                options=options,
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
    sizes = [o | {"title": PRESET_TITLES[o["value"]]} for o in PRESET_OPTIONS]
    return html.Div(
        className="export-controls",
        role="group",
        **{"aria-label": f"Download {title}"},
        children=[
            _choice("Format", {"type": "export-format", "chart": chart_id}, FORMAT_OPTIONS, "png"),
            _choice("Size", {"type": "export-preset", "chart": chart_id}, sizes, "projector"),
            html.Button(
                "Download",
                id={"type": "export-button", "chart": chart_id},
                className="export-button",
                title=f"Download {title} (size applies to PNG, SVG and PDF)",
                **{"aria-label": f"Download {title}"},
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
            html.H2("Download for class", id="export-page-title"),
            _choice("Slides as", "pack-format", FORMAT_OPTIONS[:3], "png"),
            _choice("Slide size", "pack-preset", PRESET_OPTIONS, "projector"),
            html.Button("Slide pack (ZIP)", id="slide-pack-button", className="export-button"),
            html.Button(
                "Handout (PDF)",
                id="handout-button",
                className="export-button",
                title="A4: key facts, every chart and the sources",
            ),
            html.Button(
                "Data package (ZIP)",
                id="data-package-button",
                className="export-button",
                title="Every table of every congress as CSV, with datapackage.json",
            ),
            dcc.Download(id="page-download"),
            html.Span(id="page-export-status", className="export-status", role="status"),
        ],
    )


def register_export_callbacks(app: Dash, frames: Frames) -> None:
    """Attach the download callbacks to `app`: one for every chart's control, one for the page's."""
    known = set(frames.congresses.congress_id)

    def link(href: str | None, congress_id: str) -> str | None:
        return permalink(href, congress_id) if href else None

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
        chart_id = ctx.triggered_id["chart"]
        if chart_id in VIEWS:
            try:
                content = view_file(frames, chart_id, search, fmt, preset, href)
            except ExportError as error:
                return no_update, str(error)
            except RENDER_FAILURES:
                LOG.exception("export failed")
                return no_update, NO_RENDERER
            name = view_filename(frames, chart_id, search, fmt, preset)
            return dcc.send_bytes(content, name, type=MEDIA_TYPES[fmt]), ""
        if congress_id not in known:
            return no_update, "Choose a congress first."
        try:
            content = export_file(frames, chart_id, congress_id, fmt, preset, link(href, congress_id))
        except ExportError as error:
            return no_update, str(error)
        except RENDER_FAILURES:
            LOG.exception("export failed")
            return no_update, NO_RENDERER
        name = chart_filename(congress_id, chart_id, fmt, preset if fmt in IMAGE_FORMATS else None)
        return dcc.send_bytes(content, name, type=MEDIA_TYPES[fmt]), ""

    @app.callback(
        Output("page-download", "data"),
        Output("page-export-status", "children"),
        Input("slide-pack-button", "n_clicks"),
        Input("handout-button", "n_clicks"),
        Input("data-package-button", "n_clicks"),
        State("pack-format", "value"),
        State("pack-preset", "value"),
        State("congress-select", "value"),
        State("url", "href"),
        prevent_initial_call=True,
        running=[
            (Output("slide-pack-button", "disabled"), True, False),
            (Output("handout-button", "disabled"), True, False),
        ],
    )
    def download_page(
        _pack: int | None, _handout: int | None, _data: int | None, fmt: str, preset: str, congress_id, href
    ):
        trigger = ctx.triggered_id
        if trigger == "data-package-button":
            return dcc.send_bytes(data_package_zip(frames), DATA_PACKAGE_NAME, type=MEDIA_TYPES["zip"]), ""
        if congress_id not in known:
            return no_update, "Choose a congress first."
        try:
            if trigger == "handout-button":
                content = handout_pdf(frames, congress_id, link(href, congress_id))
                return dcc.send_bytes(content, handout_filename(congress_id), type=MEDIA_TYPES["pdf"]), ""
            content = slide_pack(frames, congress_id, fmt, preset, link(href, congress_id))
        except ExportError as error:
            return no_update, str(error)
        except RENDER_FAILURES:
            LOG.exception("export failed")
            return no_update, NO_RENDERER
        return dcc.send_bytes(content, slide_pack_filename(congress_id, fmt, preset), type=MEDIA_TYPES["zip"]), ""
