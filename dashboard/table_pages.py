"""Printed pages drawn as figures: tables of text split over as many pages as they need (the source
pack's facts and sources), and a page of short paragraphs (the handout's key facts), each with the title,
subtitle and source line of every chart."""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from dashboard.charts.draw import chars as draw_chars
from dashboard.charts.draw import finish
from dashboard.i18n import _
from dashboard.style import THEMES, Size


def _split(rows: list[tuple[str, ...]], widths: tuple[float, ...], size: Size, font: int) -> list[list[tuple]]:
    """Split table rows into pages by an estimate of how many lines each row wraps onto."""
    usable = size.width - 60
    room = size.height - round(size.font * 4.6) - 90 - 2 * font
    pages: list[list[tuple]] = [[]]
    used = 0.0
    for row in rows:
        lines = max(
            math.ceil(max(len(cell), 1) * font * 0.55 / (usable * width - 16))
            for cell, width in zip(row, widths, strict=True)
        )
        height = lines * font * 1.3 + 12
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += height
    return pages


def _page(
    subtitle: str,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...],
    size: Size,
    sources: str,
) -> go.Figure:
    font = size.font - 3
    theme = THEMES["light"]
    fig = go.Figure(
        go.Table(
            columnwidth=list(widths),
            header={
                "values": [f"<b>{h}</b>" for h in header],
                "align": "left",
                "font": {"size": font + 1},
                "fill": {"color": theme.grid},
            },
            cells={
                "values": [
                    [html.escape(r[i], quote=False).replace("\n", "<br>") for r in rows] for i in range(len(header))
                ],
                "align": "left",
                "font": {"size": font},
                "fill": {"color": theme.paper},
                "line": {"color": "#d8d8d8"},
                "height": round(font * 1.6),
            },
        )
    )
    return finish(fig, title=title, subtitle=subtitle, sources=sources, size=size)


def table_pages(
    subtitle: str,
    name: str,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple],
    widths: tuple[float, ...],
    size: Size,
    sources: str,
) -> list[tuple[str, go.Figure]]:
    """Draw table rows as pages of `size`, named `name-1`, `name-2`…; a title says "(1 of 2)" where
    the rows need more than one page."""
    chunks = _split(rows, widths, size, size.font - 3)
    return [
        (
            f"{name}-{n}",
            _page(
                subtitle,
                title + (" (" + _("{n} of {pages}").format(n=n, pages=len(chunks)) + ")" if len(chunks) > 1 else ""),
                header,
                chunk,
                widths,
                size,
                sources,
            ),
        )
        for n, chunk in enumerate(chunks, 1)
    ]


Sections = list[tuple[str, list[str]]]
"""Paragraphs under headings. A paragraph of WRITE_HERE is a ruled line for a pupil to write on."""
WRITE_HERE = "\x00write"


def _chars(size: Size) -> int:
    return round((size.width - 80) / (size.font * 0.56))


BOLD_CHARS = 0.9
"""How many characters of bold type a line holds, as a share of the plain type's."""


def _lines(sections: Sections, chars: int) -> list[str]:
    """The sections as annotation lines: bold headings, wrapped paragraphs, a blank line after each section."""
    lines: list[str] = []
    for heading, paragraphs in sections:
        heading_lines = _wrapped(heading, round(chars * BOLD_CHARS)).split("<br>")  # a long question's too
        lines.append("<br>".join(f"<b>{line}</b>" for line in heading_lines))
        for paragraph in paragraphs:
            if paragraph == WRITE_HERE:
                lines += ["", f'<span style="color:#8a8a8a">{"_" * round(chars * 0.98)}</span>']  # about 11 mm apart
            else:
                lines.append(_wrapped(paragraph, chars))
        lines.append("")
    return lines


def text_pages(
    subtitle: str, name: str, title: str, sections: Sections, size: Size, sources: str
) -> list[tuple[str, go.Figure]]:
    """Sections of paragraphs over as many pages as they need, named `name-1`, `name-2`…; a section is
    never split from its heading, and a title says "(1 of 2)" where there is more than one page."""
    chars = _chars(size)
    room = int((size.height - round(size.font * 4.6) - 100) // (size.font * 1.29))
    pages: list[Sections] = [[]]
    used = 0
    for section in sections:
        height = sum(line.count("<br>") + 1 for line in _lines([section], chars))
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0
        pages[-1].append(section)
        used += height
    count = len(pages)
    return [
        (
            f"{name}-{n}",
            text_page(
                subtitle,
                title + (" (" + _("{n} of {pages}").format(n=n, pages=count) + ")" if count > 1 else ""),
                page,
                size,
                sources,
            ),
        )
        for n, page in enumerate(pages, 1)
    ]


def text_page(subtitle: str, title: str, sections: Sections, size: Size, sources: str) -> go.Figure:
    """A page of short paragraphs under headings (a handout's key facts and main sources), with the
    title, subtitle and source line of every chart. Text is wrapped to the page's width."""
    font = size.font
    lines = _lines(sections, _chars(size))
    fig = go.Figure()
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": font},
        name="text",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return finish(fig, title=title, subtitle=subtitle, sources=sources, size=size)


ADDRESS_SHARE = 0.8
"""A word longer than a line (an address) is cut into pieces of this share of a line: its capitals, digits
and '%' run wider than most letters."""


def _wrapped(text: str, chars: int) -> str:
    """Text wrapped at `chars` a line, a Cyrillic letter counted a little wider than a Latin one; a word longer
    than a line is cut into pieces, each on a line of its own but the last."""
    piece = round(chars * ADDRESS_SHARE)
    out, line = [], ""
    for word in text.split():
        if len(word) > chars:
            out += [line] if line else []
            pieces = [word[i : i + piece] for i in range(0, len(word), piece)]
            out += pieces[:-1]
            line = pieces[-1]
            continue
        if line and draw_chars(line) + 1 + draw_chars(word) > chars:
            out.append(line)
            line = ""
        line = f"{line} {word}".strip()
    out.append(line)
    return "<br>".join(html.escape(o, quote=False) for o in out)
