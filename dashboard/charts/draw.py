"""What every figure shares: its title, subtitle and source line, legends, margins and label wrapping."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import plotly.graph_objects as go

from dashboard.i18n import N_, _, gloss, ngettext
from dashboard.style import DASHBOARD, THEMES, Size, template


def source_line(names: Iterable[object], link: str | None = None, retrieved: str | None = None) -> str:
    """'Source: …' naming each cited source once by its short name, then the permalink and the day it
    was retrieved: with the title and the subtitle, what a citation of the image needs."""
    names = list(dict.fromkeys(p for p in names if isinstance(p, str)))
    text = ngettext("Source: {names}", "Sources: {names}", len(names) or 1).format(names="; ".join(names))
    if len(text) > 150:
        text = text[:147].rsplit(";", 1)[0] + _("; and others")
    address = _("{link} · retrieved {day}").format(link=link, day=retrieved) if link and retrieved else link
    return html.escape(text) + (f"<br>{html.escape(address)}" if address else "")


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
    plot_height: int | None = None,
    wide: bool = False,
    legend_below: int = 0,
    legend_across: int = 0,
    key_on_title_line: bool = False,
    key_under_heading: bool = False,
) -> go.Figure:
    """Give a figure its title, subtitle, source line, template and size.

        `left` is the left margin the chart needs for its labels, `top` and `bottom` any room it needs
        above and below the plot (a legend, axis labels); `basis` says what is counted, above the
        source line, wrapped to the figure's width (`wide`: the chart spans the dashboard's page, not half
        of it). `height` overrides the size's height where the dashboard lets a chart be as tall as its
        content (the page sizes each graph by its figure); `plot_height` instead asks for a plot area that tall,
    and the figure is as tall as that and its margins. `legend_below` (a phone's legend of that many
        entries) puts the legend under the plot, above the source line, with room kept for it;
        `legend_across` lays a long legend across the figure under the plot, in that many rows (a slide's);
        `key_on_title_line` puts the legend, placed across by the chart, on the title's line: the chart
        checks the two fit; `key_under_heading` lets a legend beside the plot run from under the subtitle to
        the figure's foot, where the plot is shorter than its entries (a slide's hall of many parties).
    """
    small = size.text(max(11 if size.narrow else 13, size.font * 0.72))
    chars = 56 if size.narrow else round(size.across(wide) / (small * 0.6))
    if size.narrow or size.room:  # on a slide, lines enough that no source's name is cut
        width, most = (56, 4) if size.narrow else (chars, 8)
        sources = "<br>".join(wrap(html.unescape(line), width, lines=most) for line in sources.split("<br>"))
    if basis:
        sources = f"{wrap(basis, chars, lines=8 if size.room else 5)}<br>{sources}"  # a slide's is never cut
    lines = sources.count("<br>") + 1
    # a slide keeps to its height: its lines as plotly.js spaces them, and no more room under them than a margin
    source_room = (
        lines * round(small * 1.32) + 16 if size.fit else lines * round(small * 1.45) + 14 + round(small * 0.8)
    )
    legend_px = legend_room(legend_below) if legend_below else 0
    legend_px += legend_across * across_row(size) + 10 if legend_across else 0
    bottom += legend_px
    title_font, sub_font = heading_font(size), size.text(size.font * 0.9)
    if size.narrow:
        heading = wrap(title, 30, lines=2)
    elif size.room and len(title) * title_font * 0.62 > size.room - 40:  # a lesson's narrow slide
        heading = wrap(title, round((size.room - 40) / (title_font * 0.62)), lines=2)
    else:
        heading = html.escape(title)
    if size.narrow:
        sub = "<br>".join(wrap(part, 44, lines=2) for part in subtitle.split(" · "))
    elif size.room and len(subtitle) * sub_font * 0.56 > size.room - 40:  # a lesson's narrow slide
        sub = wrap(subtitle, round((size.room - 40) / (sub_font * 0.56)), lines=6)  # dates are never cut
    elif size.panels and len(subtitle) * sub_font * 0.56 > size.across(wide) - 40:  # a laptop's half panel
        chars = round((size.across(wide) - 40) / (sub_font * 0.56))
        sub = "<br>".join(wrap(part, chars, lines=3) for part in subtitle.split(" · "))  # the name, then the dates
    else:
        sub = html.escape(subtitle)
    # Plotly places the subtitle under the title itself; the plot starts under both.
    title_px = round(title_font * 1.3 * (heading.count("<br>") + 1))
    sub_px = round(sub_font * 1.3 * (sub.count("<br>") + 1)) + 10 if sub else 0
    margin_top = 12 + title_px + sub_px + 14 + top
    full_height = margin_top + plot_height + source_room + bottom if plot_height else height or size.height
    fig.update_layout(
        template=template(size, theme),
        title={
            "text": f"<b>{heading}</b>",
            "subtitle": {"text": sub, "font": {"size": sub_font, "color": THEMES[theme].muted}},
            "x": 0.01,
            "xanchor": "left",
            # plotly.js lifts a title of two lines or more by about 0.7 of its size (measured in Chromium at
            # 18 and 32 px, the same for two lines as for three); lower it by as much.
            "y": 1 - (12 + (TITLE_LIFT * title_font if "<br>" in heading else 0)) / full_height,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": title_font},
        },
        margin={"t": margin_top, "b": source_room + bottom, "l": left, "r": 20, "autoexpand": True},
        **(
            {
                "legend": {
                    "orientation": "h" if legend_across else "v",
                    "x": 0,
                    "xanchor": "left",
                    "y": -(bottom - legend_px) / max(full_height - margin_top - source_room - bottom, 1),
                    "yanchor": "top",
                    "bgcolor": "rgba(0,0,0,0)",
                    "traceorder": "normal",
                    **({"font": {"size": size.text(size.font - 3)}} if legend_across else {}),
                }
            }
            if legend_below or legend_across
            else {}
        ),
        height=full_height,
        width=size.width,
    )
    if key_on_title_line:  # above the plot in its own coordinates, so that plotly.js lets it run the figure's width
        plot_px = max(full_height - margin_top - source_room - bottom, 1)
        fig.update_layout(legend={"y": 1 + (margin_top - 12 - title_font * 0.65) / plot_px, "yanchor": "middle"})
    if key_under_heading:  # allowed the figure's height below the plot's top, not the plot's, which would scroll it
        fig.update_layout(legend={"y": 1, "yanchor": "top", "maxheight": full_height - margin_top})
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
        "font": {"size": size.text(size.font - 3)},
        "traceorder": "normal",
    }


def across_row(size: Size) -> int:
    """The height of one row of a legend laid across a figure."""
    return round(size.text(size.font - 3) * 1.6)


def across_rows(names: Iterable[str], size: Size) -> int:
    """How many rows a legend of these names needs laid across the figure's width: one where all fit it side
    by side, else rows in which plotly.js gives every entry the widest one's width."""
    names = list(names)
    room = size.across(wide=True) - 60
    if sum(chars(n) * size.text(size.font - 3) * 0.55 + 40 for n in names) <= room:
        return 1 if names else 0  # one row holds them all, each as wide as its own name
    entry = max((chars(n) for n in names), default=0) * size.text(size.font - 3) * 0.58 + 48
    per_row = max(1, int(room // entry))
    return -(-len(names) // per_row)


CYRILLIC_WIDTH = 1.12
"""How much wider a Cyrillic letter runs than the average Latin one in the charts' type (DejaVu Sans)."""


def chars(text: str) -> float:
    """A text's width in average Latin characters, which the layout's estimates of widths count in."""
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    return len(text) + cyrillic * (CYRILLIC_WIDTH - 1)


def legend_room(items: int) -> int:
    """Pixels to keep below a phone's plot for a legend of `items` entries, one a line at worst."""
    return items * 22 + 40


def heading_font(size: Size) -> int:
    """The title's font size at a figure size."""
    return round(size.font * 1.35)


def end_label_width(end_labels: Iterable[str], size: Size) -> float:
    """The width the widest line of the bars' end labels needs beside its bar."""
    lines = [line for label in end_labels for line in label.split("<br>")]
    return max((chars(line) for line in lines), default=0) * size.font * 0.6 + 24


def value_axis_end(peak: float, end_labels: Iterable[str], left: int, size: Size, wide: bool = False) -> float:
    """The end of a value axis that leaves room for each bar's end label within the figure's width (`wide`:
    a chart across the dashboard's page)."""
    widest = end_label_width(end_labels, size)
    room = size.across(wide) - left - 40
    return peak * room / max(room - widest, room * 0.3)


def label_margin(labels: Iterable[str], size: Size) -> int:
    """The left margin that fits the longest line of the category labels."""
    longest = max((chars(line) for label in labels for line in label.split("<br>")), default=0)
    return round(longest * size.font * 0.58) + 24


def wrap(text: str, width: int, lines: int = 2) -> str:
    """Wrap text onto at most `lines` lines of about `width` characters, joined by <br>."""
    out, line = [], ""
    words = re.split(r"[^\S\xa0]+", text.strip()) if text.strip() else []  # a no-break space (1 090) holds
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = ""
        line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
        out[-1] = out[-1][: width - 1] + "…" if len(out[-1]) > width else out[-1]
    return "<br>".join(html.escape(o) for o in out)


OUR_TRANSLATION = N_("Our translation")
"""How a page labels its own translation of a source's words, beside them (dashboard.i18n.gloss)."""


def quoted(words: str, english: object = None, width: int = 60, lines: int = 6) -> list[str]:
    """A source's words as a hover quotes them, wrapped, with the project's translation of them under them
    where the page's language is another (dashboard.i18n.gloss): lines of hover text."""
    out = [f"“{wrap(words, width, lines=lines)}”"]
    translated = gloss(words, english)
    if translated:
        out.append(f"<i>{html.escape(_(OUR_TRANSLATION))}: {wrap(translated, width, lines=lines)}</i>")
    return out


def gloss_note(words: object, english: object = None) -> str:
    """The project's translation of a source's words as printed after them (' (Our translation: …)'), where the
    page's language is another; else nothing."""
    translated = gloss(words, english)
    return f" ({_(OUR_TRANSLATION)}: {translated})" if translated else ""


def glosses(words: Iterable[object], english: Iterable[object] | None = None) -> dict[str, list[str]]:
    """A table's column of the project's translations of its sources' words, where any are kept; else none."""
    english = list(english) if english is not None else None
    words = list(words)
    column = [gloss(w, english[i] if english else None) or "" for i, w in enumerate(words)]
    return {_(OUR_TRANSLATION): column} if any(column) else {}


def when(moment: object) -> str:
    """When a count holds, in words: "at the opening", "at the close", or the records' words for it ("as of
    8 November"), in the current language."""
    if not isinstance(moment, str):
        return ""
    return {"opening": _("at the opening"), "close": _("at the close")}.get(moment) or _(moment)


TITLE_LIFT = 0.7
"""How far plotly.js lifts a title of several lines above its anchor, in multiples of its type size."""
LABELLED_BAR = 0.8
"""A bar under its label, in lines of the label's type: its thickness."""


def places_under_labels(labels: list[str], under: list[str] | None = None) -> tuple[list[float], float]:
    """Where a slide draws each bar, in lines of type from the top, each under its label's lines (a label
    with the figure's width takes fewer lines than one beside its bar), and above the lines of its text
    `under` it, if any. Returns the places and how many lines all take: the value axis runs that many down."""
    places, line = [], 0.2
    for index, label in enumerate(labels):
        line += label.count("<br>") + 1 + LABELLED_BAR / 2
        places.append(line)
        line += LABELLED_BAR / 2 + 0.3 + (under[index].count("<br>") + 1 if under else 0)
    return places, line


def labels_above(fig: go.Figure, labels: list[str], places: list[float], size: Size) -> None:
    """Each bar's label on its own lines just above the bar, from the plot's left edge."""
    for label, place in zip(labels, places, strict=True):
        fig.add_annotation(
            x=0,
            xref="paper",
            y=place - LABELLED_BAR / 2,
            yanchor="bottom",
            xanchor="left",
            align="left",
            text=label,
            showarrow=False,
            font={"size": size.font},
            name="label",
        )


LINE_SPACING = 1.3
"""plotly.js's spacing of a text's lines, in multiples of its font size."""


def plot_height(fig: go.Figure) -> int:
    """The height of a finished figure's plot area, in pixels."""
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


ROW_GAP = 0.2
"""The space between two rows of bars beside their labels on a slide, in lines of the labels' type."""


def rows_by_label(labels: list[str]) -> tuple[list[float], float]:
    """Where a slide draws each bar beside its label, in lines of type from the top: each row as tall as its
    label's lines (two at least, a bar's thickness) and a gap, so that a label of three lines takes the room it
    needs from its neighbours of two. Returns the rows' middles and how many lines all take."""
    places, line = [], 0.0
    for label in labels:
        tall = max(label.count("<br>") + 1, 2) + ROW_GAP
        places.append(line + tall / 2)
        line += tall
    return places, line


def category_axis(keys: list[str], labels: list[str]) -> dict:
    """A bar chart's category axis: one category per id, top to bottom in the given order, each labelled."""
    return {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": keys[::-1],
        "tickvals": keys,
        "ticktext": labels,
        "ticks": "",
        "automargin": False,
    }
