"""What every figure shares: its title, subtitle and source line, legends, margins and label wrapping."""

from __future__ import annotations

import html
from collections.abc import Iterable

import plotly.graph_objects as go

from dashboard.style import DASHBOARD, THEMES, Size, template


def source_line(publishers: Iterable[object], link: str | None = None) -> str:
    """'Source: …' naming each cited source once by its short name, then the permalink."""
    names = list(dict.fromkeys(p for p in publishers if isinstance(p, str)))
    text = ("Sources: " if len(names) > 1 else "Source: ") + "; ".join(names)
    if len(text) > 150:
        text = text[:147].rsplit(";", 1)[0] + "; and others"
    return html.escape(text) + (f"<br>{html.escape(link)}" if link else "")


def finish(
    fig: go.Figure,
    *,
    title: str,
    subtitle: str,
    sources: str,
    size: Size = DASHBOARD,
    theme: str = "light",
    left: int = 20,
    top: int = 0,
    bottom: int = 0,
    basis: str | None = None,
    height: int | None = None,
    wide: bool = False,
) -> go.Figure:
    """Give a figure its title, subtitle, source line, template and size.

    `left` is the left margin the chart needs for its labels, `top` and `bottom` any room it needs
    above and below the plot (a legend, axis labels); `basis` says what is counted, above the
    source line, wrapped to the figure's width (`wide`: the chart spans the dashboard's page, not half
    of it). `height` overrides the size's height where the dashboard lets a chart be as tall as its
    content (the page sizes each graph by its figure).
    """
    small = max(11 if size.narrow else 13, round(size.font * 0.72))
    chars = 56 if size.narrow else round((size.width or (WIDE_WIDTH if wide else ASSUMED_WIDTH)) / (small * 0.6))
    if size.narrow:
        sources = "<br>".join(wrap(html.unescape(line), 56, lines=4) for line in sources.split("<br>"))
    if basis:
        sources = f"{wrap(basis, chars, lines=5)}<br>{sources}"
    lines = sources.count("<br>") + 1
    source_room = lines * round(small * 1.4) + 14
    fig.update_layout(
        template=template(size, theme),
        title={
            "text": f"<b>{html.escape(title)}</b>",
            "subtitle": {
                "text": html.escape(subtitle).replace(" · ", "<br>" if size.narrow else " · "),
                "font": {"size": round(size.font * 0.9), "color": THEMES[theme].muted},
            },
            "x": 0.01,
            "xanchor": "left",
            "y": 0.985,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": round(size.font * 1.35)},
        },
        margin={
            "t": round(size.font * (5.6 if size.narrow else 4.6)) + top,
            "b": source_room + bottom,
            "l": left,
            "r": 20,
            "autoexpand": True,
        },
        height=height or size.height,
        width=size.width,
    )
    fig.add_annotation(
        text=sources,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        xshift=10 - left,
        yshift=-6 - bottom,
        showarrow=False,
        align="left",
        font={"size": small, "color": THEMES[theme].muted},
        name="source-line",
    )
    return fig


BELOW = {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.1, "yanchor": "top", "traceorder": "normal"}
"""A legend below the plot, for phones."""


def side_legend(size: Size) -> dict:
    """A legend to the right of the plot, or below it on a phone."""
    if size.narrow:
        return BELOW
    return {
        "orientation": "v",
        "x": 1.01,
        "xanchor": "left",
        "y": 1.0,
        "yanchor": "top",
        "font": {"size": size.font - 3},
        "traceorder": "normal",
    }


def legend_room(items: int) -> int:
    """Pixels to keep below a phone's plot for a legend of `items` entries, one a line at worst."""
    return items * 22 + 40


ASSUMED_WIDTH = 680
WIDE_WIDTH = 1150
PHONE_WIDTH = 330
"""The widths a dashboard panel and a phone's panel are laid out for, where the browser sets the real one."""


def value_axis_end(peak: float, end_labels: Iterable[str], left: int, size: Size) -> float:
    """The end of a value axis that leaves room for each bar's end label within the figure's width."""
    lines = [line for label in end_labels for line in label.split("<br>")]
    widest = max((len(line) for line in lines), default=0) * size.font * 0.56 + 24
    room = (size.width or (PHONE_WIDTH if size.narrow else ASSUMED_WIDTH)) - left - 40
    return peak * room / max(room - widest, room * 0.3)


def label_margin(labels: Iterable[str], size: Size) -> int:
    """The left margin that fits the longest line of the category labels."""
    longest = max((len(line) for label in labels for line in label.split("<br>")), default=0)
    return round(longest * size.font * 0.58) + 24


def wrap(text: str, width: int, lines: int = 2) -> str:
    """Wrap text onto at most `lines` lines of about `width` characters, joined by <br>."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = ""
        line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
        out[-1] = out[-1][: width - 1] + "…" if len(out[-1]) > width else out[-1]
    return "<br>".join(html.escape(o) for o in out)


def when(moment: object) -> str:
    """When a count holds, in words: "at the opening", "at the close", or the source's own words."""
    if not isinstance(moment, str):
        return ""
    return f"at the {moment}" if moment in ("opening", "close") else moment
