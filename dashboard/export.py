"""Export: chart images for slides and handouts, and the data behind them.

Every image is drawn by the dashboard's own charts (`dashboard.charts`: rows, then draw) and rendered
by kaleido in headless Chromium; a CSV is the same rows. Sizes come from `dashboard.style.PRESETS`:

- SVG and PDF are exactly the preset (projector 1920×1080, slide 1600×1200, A4 1123×794 CSS pixels;
  a PDF page is the preset at 96 px per inch, so the A4 preset is an A4 landscape page).
- PNG is the preset in pixels too (`PNG_SCALE` = 1): a projector PNG is 1920×1080. The modebar's
  own camera button gives a quick PNG at twice that.

One kaleido server runs per process. It starts on the first export, so under gunicorn it starts in
each worker after the fork, and a lock serialises every render: the server is not thread-safe.

Nothing here imports Dash; the dashboard's download buttons (`dashboard.export_ui`) and the command
line (`python -m dashboard export`) both call these functions. File names are built from validated
ids only, never from what a user typed.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
import tempfile
import threading
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, render_service
from dashboard.charts.base import congress_row
from dashboard.charts.vote_seats import hall_votes
from dashboard.citation import day
from dashboard.datapackage import frame_csv, write_package
from dashboard.frames import Frames
from dashboard.i18n import DEFAULT, _, ngettext
from dashboard.style import PRESENTATION, PRESETS, Size, Style
from dashboard.urls import PATTERN, State, congress_search, param, parse_search

ROOT = Path(__file__).resolve().parent.parent
BROWSER = Path(os.environ.get("CONGRESS_EXPORT_BROWSER") or ROOT / "bin" / "chromium-headless")
"""The Chromium kaleido starts: a wrapper that adds the flags Debian's launcher would drop."""

IMAGE_FORMATS = ("png", "svg", "pdf")
FORMATS = (*IMAGE_FORMATS, "csv", "html")
PRESET_NAMES = tuple(PRESETS)
PNG_SCALE = 1
"""A PNG is this many times the preset in pixels (projector: 1920×1080)."""
MAX_SCALE = 4
MAX_LINK = 300
RENDER_TIMEOUT = 60
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "html": "text/html",
    "zip": "application/zip",
}
DATA_PACKAGE_NAME = "congresses-of-soviets-data.zip"
HANDOUT_PRESET = "a4"


class ExportError(ValueError):
    """A bad export request. The message names the bad value and the valid choices."""


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _choose(what: str, value: object, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if not isinstance(value, str) or value not in choices:
        raise ExportError(f"unknown {what} {_shown(value)}; choose one of: {', '.join(choices)}")
    return value


def check_chart(chart_id: object) -> str:
    """A known chart id (a congress's chart, or the vote drawn on its seats), or ExportError."""
    return _choose("chart", chart_id, (*charts.CHART_IDS, charts.HALL.id))


def check_hall(frames: Frames, chart_id: str, congress_id: str, hall: object) -> str | None:
    """The vote a seat chart of a vote draws: one of the congress's counted votes, or ExportError; None
    for every other chart."""
    if chart_id != charts.HALL.id:
        return None
    choices = [vote_id for vote_id, _ in hall_votes(frames, resolve_congress(frames, congress_id))]
    if not choices:
        raise ExportError("this congress has no counted vote to draw on its seats")
    return _choose("vote", hall, choices)


def check_lesson(frames: Frames, lesson_id: object) -> str:
    """A known lesson id, or ExportError naming the choices."""
    return _choose("lesson", lesson_id, dict.fromkeys(frames.lessons.lesson_id))


def check_format(fmt: object, choices: Iterable[str] = FORMATS) -> str:
    """A known format, or ExportError."""
    return _choose("format", fmt, choices)


def check_preset(preset: object) -> str:
    """A known size preset, or ExportError."""
    return _choose("preset", preset, PRESET_NAMES)


def congress_choices(frames: Frames) -> list[str]:
    """Every congress as the URL names it: '1', '2', …, 'au-1', …"""
    return [param(c) for c in frames.congresses.congress_id]


def resolve_congress(frames: Frames, value: object) -> str:
    """The congress id a value names, written as in the URL ('2', 'au-1') or as an id ('ar-02')."""
    known = list(frames.congresses.congress_id)
    if isinstance(value, str):
        raw = value.strip().lower()
        if raw in known:
            return raw
        match = PATTERN.match(raw)
        if match and (found := f"{match.group(1) or 'ar'}-{int(match.group(2)):02d}") in known:
            return found
    raise ExportError(f"unknown congress {_shown(value)}; choose one of: {', '.join(congress_choices(frames))}")


def resolve_congresses(frames: Frames, value: object) -> list[str]:
    """'all' for every congress in date order, or the one congress a value names."""
    if isinstance(value, str) and value.strip().lower() == "all":
        return list(frames.congresses.congress_id)
    return [resolve_congress(frames, value)]


def check_link(link: object) -> str | None:
    """A permalink to print in an image: an http(s) URL of bounded length, or None."""
    if link is None:
        return None
    if not isinstance(link, str) or len(link) > MAX_LINK or not re.fullmatch(r"https?://[^\s<>\"'\\]+", link):
        raise ExportError(f"bad link {_shown(link)}; give an http:// or https:// address of at most {MAX_LINK} chars")
    return link


def permalink(base_url: str, congress_id: str, lang: str = DEFAULT) -> str:
    """The dashboard's address for one congress in a language: `base_url` with `?congress=…` (and `&lang=ru`)."""
    base = check_link(base_url.split("#")[0].split("?")[0])
    return check_link(base.rstrip("/") + "/" + congress_search(congress_id, lang))


def _check_scale(scale: object) -> int:
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise ExportError(f"bad scale {_shown(scale)}; choose a whole number from 1 to {MAX_SCALE}")
    return scale


# File names -----------------------------------------------------------------------------------


def stem(congress_id: str) -> str:
    """'congress-02' for the Second All-Russian Congress, 'congress-au-01' for the First All-Union."""
    series, ordinal = congress_id.split("-")
    return f"congress-{ordinal}" if series == "ar" else f"congress-{series}-{ordinal}"


def chart_filename(congress_id: str, chart_id: str, fmt: str, preset: str | None = None) -> str:
    """'congress-02-party-seats-projector.png'; data and HTML files carry no preset."""
    if fmt in IMAGE_FORMATS:
        return f"{stem(congress_id)}-{chart_id}-{preset}.{fmt}"
    return f"{stem(congress_id)}-{chart_id}.{fmt}"


def slide_pack_filename(congress_id: str, fmt: str, preset: str) -> str:
    """'congress-02-slides-projector-png.zip'."""
    return f"{stem(congress_id)}-slides-{preset}-{fmt}.zip"


def handout_filename(congress_id: str) -> str:
    """'congress-02-handout-a4.pdf'."""
    return f"{stem(congress_id)}-handout-{HANDOUT_PRESET}.pdf"


def source_pack_filename(congress_id: str) -> str:
    """'congress-02-source-pack-a4.pdf'."""
    return f"{stem(congress_id)}-source-pack-{HANDOUT_PRESET}.pdf"


# Rendering ------------------------------------------------------------------------------------

_lock = threading.Lock()
_server_pid: int | None = None


def _ensure_server() -> None:
    """Start kaleido's sync server in this process, once. Call with `_lock` held."""
    global _server_pid
    import kaleido

    if _server_pid == os.getpid():
        return
    if _server_pid is not None:  # forked after the parent started it: its thread did not come along
        kaleido.stop_sync_server(silence_warnings=True)
    if not os.access(BROWSER, os.X_OK):
        raise RuntimeError(f"image export needs Chromium: {BROWSER} is missing or not executable")
    kaleido.start_sync_server(path=str(BROWSER), mathjax=False, timeout=RENDER_TIMEOUT, silence_warnings=True)
    _server_pid = os.getpid()


def stop_renderer() -> None:
    """Stop this process's kaleido server and its Chromium, if it started them."""
    global _server_pid
    if _server_pid == os.getpid():
        import kaleido

        with _lock:
            kaleido.stop_sync_server(silence_warnings=True)
            _server_pid = None


def render(fig: go.Figure, fmt: str, size: Size, scale: int = 1) -> bytes:
    """The figure as PNG, SVG or PDF bytes at `size` (PNG: `scale` times it in pixels): drawn by the server's
    export queue where there is one (dashboard.render_service, under bin/serve), else by this process."""
    check_format(fmt, IMAGE_FORMATS)
    spec = fig.to_dict()
    opts = {"format": fmt, "width": size.width, "height": size.height, "scale": _check_scale(scale)}
    service = os.environ.get(render_service.SOCKET_ENV)
    if service:
        return render_service.render_remote(service, spec, opts, timeout=RENDER_TIMEOUT)
    return render_spec(spec, opts)


def render_spec(spec: dict, opts: dict) -> bytes:
    """A figure's dict rendered by this process's kaleido, with kaleido's options (format, width, height, scale)."""
    import kaleido

    with _lock:
        _ensure_server()
        return kaleido.calc_fig_sync(spec, opts=opts)


def chart_rows(frames: Frames, chart_id: str, view: State) -> pd.DataFrame:
    """The rows one chart shows for a view (a congress, a comparison or the timeline)."""
    return charts.chart(chart_id).rows(frames, view)


def chart_figure(frames: Frames, chart_id: str, view: State, size: Size, link: str | None = None) -> go.Figure:
    """One chart's figure at a size, in the light theme, with the permalink and today's date where a link
    is given; ExportError where it has nothing to draw."""
    rows = chart_rows(frames, chart_id, view)
    if rows.empty:
        title = _(charts.chart(chart_id).title)
        raise ExportError(f"{title}: {rows.attrs['missing']} " + _("There is nothing to draw."))
    retrieved = day(dt.date.today()) if link else None
    return charts.chart(chart_id).draw(rows, Style(size, "light", link, retrieved))


def chart_image(
    frames: Frames,
    chart_id: str,
    congress_id: str,
    fmt: str = "png",
    preset: str = "projector",
    link: str | None = None,
    *,
    scale: int = PNG_SCALE,
    hall: str | None = None,
) -> bytes:
    """One chart as an image at a preset size. PNG is `scale` (default 1) times the preset in pixels.
    `hall` names the vote the seat chart of a vote draws."""
    chart_id, fmt, preset = check_chart(chart_id), check_format(fmt, IMAGE_FORMATS), check_preset(preset)
    view = State(congress_id=resolve_congress(frames, congress_id), hall=hall)
    size = PRESETS[preset]
    fig = chart_figure(frames, chart_id, view, size, check_link(link))
    return render(fig, fmt, size, _check_scale(scale) if fmt == "png" else 1)


# The data behind a chart ----------------------------------------------------------------------


def chart_frame(frames: Frames, chart_id: str, congress_id: str, hall: str | None = None) -> pd.DataFrame:
    """The rows behind one chart of a congress, each with its source's name and address."""
    chart_id, congress_id = check_chart(chart_id), resolve_congress(frames, congress_id)
    return chart_rows(frames, chart_id, State(congress_id=congress_id, hall=hall))


def chart_csv(frames: Frames, chart_id: str, congress_id: str, hall: str | None = None) -> str:
    """The rows behind one chart as CSV, with source ids and excerpts, bases and how derived numbers were worked out."""
    return frame_csv(chart_frame(frames, chart_id, congress_id, hall))


def chart_sources(frames: Frames, chart_ids: Iterable[str], congress_id: str) -> pd.DataFrame:
    """The sources the charts' rows cite, in the order of the sources file."""
    cited = set()
    for chart_id in chart_ids:
        rows = chart_frame(frames, chart_id, congress_id)
        cited |= set(rows.source_id.dropna()) if "source_id" in rows else set()
    return frames.sources[frames.sources.id.isin(cited)]


def drawn_charts(frames: Frames, congress_id: str) -> list[str]:
    """The charts of a congress that have something to draw, in page order."""
    view = State(congress_id=congress_id)
    return [c.id for c in charts.CHARTS if not c.rows(frames, view).empty]


def data_package_zip(frames: Frames) -> bytes:
    """The data package, the same files `python -m dashboard data` writes, as one ZIP."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in write_package(frames, Path(folder)):
            archive.write(path, path.name)
    return buffer.getvalue()


# Packs and pages ------------------------------------------------------------------------------


def _source_entries(sources: pd.DataFrame) -> list[str]:
    return [f"- {s.cite_as}: {s.title}. {s.publisher}. {s.url}" for s in sources.itertuples()]


def slide_pack(
    frames: Frames,
    congress_id: str,
    fmt: str = "png",
    preset: str = "projector",
    link: str | None = None,
) -> bytes:
    """Every chart of one congress as images in a ZIP, with a README.txt naming the sources."""
    congress_id = resolve_congress(frames, congress_id)
    fmt, preset, link = check_format(fmt, IMAGE_FORMATS), check_preset(preset), check_link(link)
    row = congress_row(frames, congress_id)
    size = PRESETS[preset]
    pixels = (
        _("{width}×{height} pixels").format(width=size.width * PNG_SCALE, height=size.height * PNG_SCALE)
        if fmt == "png"
        else _("vector")
    )
    drawn = drawn_charts(frames, congress_id)
    slides = ngettext(
        "Slides: {n} chart, {format}, {preset} size {width}×{height} ({pixels}).",
        "Slides: {n} charts, {format}, {preset} size {width}×{height} ({pixels}).",
        len(drawn),
    )
    readme = [
        f"{row['name']}, {row.dates_text}",
        slides.format(
            n=len(drawn), format=fmt.upper(), preset=preset, width=size.width, height=size.height, pixels=pixels
        ),
        *([_("Dashboard: {address}").format(address=link)] if link else []),
        "",
        _("Files"),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for chart_id in drawn:
            name = chart_filename(congress_id, chart_id, fmt, preset)
            archive.writestr(name, chart_image(frames, chart_id, congress_id, fmt, preset, link))
            cited = ", ".join(chart_sources(frames, [chart_id], congress_id).cite_as)
            readme.append(
                "- "
                + _("{file}: {chart}. Sources: {sources}.").format(
                    file=name, chart=_(charts.chart(chart_id).title), sources=cited
                )
            )
        view = State(congress_id=congress_id)
        for c in charts.CHARTS:
            if c.id not in drawn:
                said = _("No {chart} slide: {why}").format(
                    chart=_(c.title).lower(), why=c.rows(frames, view).attrs["missing"]
                )
                readme.append(f"- {said}")
        readme += ["", _("Sources"), *_source_entries(chart_sources(frames, drawn, congress_id)), ""]
        archive.writestr("README.txt", "\n".join(readme))
    return buffer.getvalue()


def standalone_html(
    frames: Frames, chart_id: str, congress_id: str, link: str | None = None, hall: str | None = None
) -> str:
    """One interactive chart as a single HTML file that works offline (plotly.js inlined)."""
    chart_id, congress_id = check_chart(chart_id), resolve_congress(frames, congress_id)
    view = State(congress_id=congress_id, hall=hall)
    fig = chart_figure(frames, chart_id, view, PRESENTATION, check_link(link))
    title = f"{charts.chart(chart_id).title}: {congress_row(frames, congress_id)['name']}"
    page = fig.to_html(
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
    )
    return page.replace("<head>", f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>', 1)


def export_file(
    frames: Frames,
    chart_id: str,
    congress_id: str,
    fmt: str,
    preset: str = "projector",
    link: str | None = None,
    hall: str | None = None,
) -> bytes:
    """One chart's file in any format: an image at the preset, its rows as CSV, or a standalone HTML page.
    Its name is `chart_filename(congress_id, chart_id, fmt, preset)`. `hall` names the vote that the
    seat chart of a vote (`vote-seats`) draws."""
    fmt, preset = check_format(fmt), check_preset(preset)
    hall = check_hall(frames, check_chart(chart_id), congress_id, hall)
    if fmt == "csv":
        return chart_csv(frames, chart_id, congress_id, hall).encode("utf-8")
    if fmt == "html":
        return standalone_html(frames, chart_id, congress_id, link, hall).encode("utf-8")
    return chart_image(frames, chart_id, congress_id, fmt, preset, link, hall=hall)


VIEWS = {"compare": "party-composition-compared", "timeline": "party-shares-over-time"}
"""The comparison views a download can come from, with their file names."""


def view_filename(frames: Frames, view: str, query: str | None, fmt: str, preset: str | None) -> str:
    """A file name for a comparison view, built from validated ids: `compare-1-2-party-composition-compared.png`."""
    state = parse_search(query, set(frames.congresses.congress_id), default=frames.congresses.congress_id.iloc[0])
    ids = "-".join(param(c) for c in state.compare_ids) if view == "compare" else ""
    parts = [view, ids, VIEWS[view]] + ([preset] if preset and fmt in IMAGE_FORMATS else [])
    return "-".join(p for p in parts if p) + f".{fmt}"


def view_file(
    frames: Frames, view: str, query: str | None, fmt: str, preset: str = "projector", link: str | None = None
) -> bytes:
    """The comparison or the timeline as the page's URL query describes it, in any format."""
    fmt, preset = check_format(fmt), check_preset(preset)
    if view not in VIEWS:
        raise ExportError(f"unknown view {_shown(view)}; choose one of: {', '.join(VIEWS)}")
    state = parse_search(query, set(frames.congresses.congress_id), default=frames.congresses.congress_id.iloc[0])
    if view == "compare" and (state.problem or len(state.compare_ids) < 2):
        raise ExportError("choose two to four congresses to compare first")
    if fmt == "csv":
        return frame_csv(chart_rows(frames, view, state)).encode("utf-8")
    size = PRESENTATION if fmt == "html" else PRESETS[preset]
    fig = chart_figure(frames, view, state, size, check_link(link))
    if fmt == "html":
        return fig.to_html(
            include_plotlyjs=True,
            include_mathjax=False,
            full_html=True,
            config={"displaylogo": False, "responsive": True},
        ).encode("utf-8")
    return render(fig, fmt, size, PNG_SCALE if fmt == "png" else 1)
