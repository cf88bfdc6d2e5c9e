"""Tables as pages: rows of text (a handout's key facts, its sources) split over as many
figures as a page size needs, each with the title, subtitle and source line of every chart."""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from dashboard.charts.draw import finish
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
                title + (f" ({n} of {len(chunks)})" if len(chunks) > 1 else ""),
                header,
                chunk,
                widths,
                size,
                sources,
            ),
        )
        for n, chunk in enumerate(chunks, 1)
    ]
