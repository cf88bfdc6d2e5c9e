"""What every figure shares: title, subtitle, source line, sizes, and the "not recorded" panel."""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from dashboard.frames import Frames
from dashboard.style import DASHBOARD, THEMES, Size, template


def congress(frames: Frames, congress_id: str) -> pd.Series:
    """The congress's row of the congresses frame."""
    rows = frames.congresses[frames.congresses.congress_id == congress_id]
    if rows.empty:
        raise KeyError(f"no congress {congress_id!r}")
    return rows.iloc[0]


def default_parts(frames: Frames, congress_id: str, kind: str) -> pd.DataFrame:
    """The parts of the congress's own default breakdown of `kind` (not an elected body's)."""
    comp = frames.composition
    return comp[(comp.congress_id == congress_id) & (comp.kind == kind) & comp.is_default & comp.body.isna()]


def subtitle(row: pd.Series) -> str:
    """The congress's name and dates, for a figure's subtitle."""
    return f"{row['name']} · {row.dates_short}"


def source_line(frames: Frames, source_ids: Iterable[str], link: str | None = None) -> str:
    """'Source: …' naming each cited source's publisher once, then the permalink."""
    publishers = frames.sources.set_index("id").publisher
    names = list(dict.fromkeys(publishers[s] for s in source_ids if s in publishers.index))
    text = "Source: " + "; ".join(names) if names else "No source read records this."
    if len(text) > 150:
        text = text[:147].rsplit(";", 1)[0] + "; and others"
    return html.escape(text) + (f"<br>{html.escape(link)}" if link else "")


def finish(
    fig: go.Figure,
    *,
    title: str,
    row: pd.Series,
    sources: str,
    size: Size = DASHBOARD,
    theme: str = "light",
    left: int = 20,
    top: int = 0,
    bottom: int = 0,
    basis: str | None = None,
) -> go.Figure:
    """Give a figure its title, subtitle, source line, template and size.

    `left` is the left margin the chart needs for its labels, `top` and `bottom` any room it needs
    above and below the plot (a legend, axis labels); `basis` says what is counted, above the
    source line.
    """
    if size.narrow:
        sources = "<br>".join(wrap(html.unescape(line), 56, lines=4) for line in sources.split("<br>"))
    if basis:
        sources = f"{wrap(basis, 56, lines=5) if size.narrow else html.escape(basis)}<br>{sources}"
    lines = sources.count("<br>") + 1
    small = max(11 if size.narrow else 13, round(size.font * 0.72))
    source_room = lines * round(small * 1.4) + 14
    fig.update_layout(
        template=template(size, theme),
        title={
            "text": f"<b>{html.escape(title)}</b>",
            "subtitle": {
                "text": html.escape(subtitle(row)).replace(" · ", "<br>" if size.narrow else " · "),
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
        height=size.height,
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


def not_recorded(
    frames: Frames,
    congress_id: str,
    *,
    title: str,
    reason: str | None,
    size: Size = DASHBOARD,
    theme: str = "light",
    link: str | None = None,
) -> go.Figure:
    """A panel that says plainly that the sources do not record this, instead of an empty axis."""
    row = congress(frames, congress_id)
    message = "Not recorded in the sources"
    fig = go.Figure()
    fig.add_annotation(
        text=f"<b>{message}</b>" + (f"<br>{wrap(reason, 56, lines=5)}" if reason else ""),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": size.font + 2},
        name="not-recorded",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return finish(fig, title=title, row=row, sources=source_line(frames, [], link), size=size, theme=theme)


def reason_not_recorded(frames: Frames, congress_id: str, topic: str) -> str | None:
    """The record's own words for why a kind of data is missing, if it gives them."""
    rows = frames.not_recorded[(frames.not_recorded.congress_id == congress_id) & (frames.not_recorded.topic == topic)]
    return None if rows.empty else rows.iloc[0].reason


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


BOUND_SIGNS = {"more than": ">", "no more than": "≤"}


def when(moment: object) -> str:
    """When a count holds, in words: "at the opening", "at the close", or the source's own words."""
    if not isinstance(moment, str):
        return ""
    return f"at the {moment}" if moment in ("opening", "close") else moment


def number(value: object, approximate: bool = False, bound: object = None) -> str:
    """A count for display: thousands separated; '≈' where the source is approximate, '>' or '≤'
    where it gives only a bound ("more than 860")."""
    if value is None or value is pd.NA:
        return "not given"
    sign = BOUND_SIGNS.get(bound) if isinstance(bound, str) else None
    return f"{sign or ('≈' if approximate else '')}{int(value):,}"
