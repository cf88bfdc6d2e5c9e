"""Delegate types: by voting right, and by the organisations that sent them."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.common import (
    congress,
    default_parts,
    finish,
    label_margin,
    not_recorded,
    number,
    reason_not_recorded,
    source_line,
    value_axis_end,
    wrap,
)
from dashboard.frames import GAP_ID, Frames
from dashboard.style import DASHBOARD, GAP_COLOUR, SOCIAL_COLOURS, THEMES, Size

TITLE = "Delegate types"
RIGHT_COLOURS = {"voting": "#0072b2", "consultative": "#56b4e9", GAP_ID: GAP_COLOUR}


def _value(part: pd.Series) -> str:
    if part.unit == "percent":
        return f"{'≈' if part.approximate else ''}{part.share:g}%"
    return number(part["count"], bool(part.approximate), part.bound)


def _hover(part: pd.Series, text: str) -> str:
    lines = [f"<b>{html.escape(part.label)}</b>", html.escape(text)]
    if isinstance(part.note, str):
        lines.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        lines.append(f"“{html.escape(part.excerpt)}”")
    return "<br>".join(lines) + "<extra></extra>"


def delegate_types(
    frames: Frames, congress_id: str, *, size: Size = DASHBOARD, theme: str = "light", link: str | None = None
) -> go.Figure:
    """Draw the delegates by voting right (full or casting against consultative) in one stacked bar,
    and by origin (regional soviets, local soviets, military organisations) as bars that name how
    many organisations sent how many delegates. A panel without data says so.
    """
    rights, origins = (default_parts(frames, congress_id, k) for k in ("voting-right", "origin"))
    second = "By the organisations that sent them"
    if origins.empty:  # the All-Union congresses record where delegates came from by republic
        origins, second = default_parts(frames, congress_id, "republic"), "By republic"
    if rights.empty and origins.empty:
        reason = reason_not_recorded(frames, congress_id, "delegate-types")
        return not_recorded(frames, congress_id, title=TITLE, reason=reason, size=size, theme=theme, link=link)
    row = congress(frames, congress_id)
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[0.26, 0.74],
        vertical_spacing=0.2,
        subplot_titles=("By voting right", second),
    )
    fig.update_annotations(font={"size": size.font}, xanchor="left", x=0)
    muted = THEMES[theme].muted
    if rights.empty:
        _missing(fig, 1, size, muted)
    for part in (r for _, r in rights.iterrows()):
        value = float(part["count"]) if part.unit == "count" else float(part.share)
        text = f"{part.label}: {_value(part)}"
        fig.add_trace(
            go.Bar(
                x=[value],
                y=["rights"],
                orientation="h",
                name=part.label,
                marker={"color": RIGHT_COLOURS.get(part.part_id, GAP_COLOUR)},
                hovertemplate=_hover(part, text),
                meta={"part_id": part.part_id},
                showlegend=False,
            ),
            row=1,
            col=1,
        )
    if not rights.empty:
        key = "   ".join(
            f"<span style='color:{RIGHT_COLOURS.get(p.part_id, GAP_COLOUR)}'>■</span> "
            f"{html.escape(p.label)}: {_value(p)}"
            for p in (r for _, r in rights.iterrows())
        )
        fig.add_annotation(
            text=key,
            xref="x domain",
            yref="y domain",
            x=0,
            y=-0.08,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": size.font - 1},
            name="rights-key",
        )
    if origins.empty:
        _missing(fig, 2, size, muted)
    labels = []
    for index, (_, part) in enumerate(origins.iterrows()):
        label = wrap("Not accounted for" if part.part_id == GAP_ID else part.label, 13 if size.narrow else 26, lines=2)
        labels.append(label)
        value = float(part["count"]) if part.unit == "count" else float(part.share)
        noun = "organisation" if part.counts == "organisations" else "delegate"
        one = part.unit == "count" and part["count"] == 1 and not part.approximate
        sent = f"{_value(part)} {noun}{'' if one else 's'}"
        if pd.notna(part.organisations):
            sent += f"<br>from {int(part.organisations):,} organisations"
        colour = GAP_COLOUR if part.part_id == GAP_ID else SOCIAL_COLOURS[index % len(SOCIAL_COLOURS)]
        fig.add_trace(
            go.Bar(
                x=[value],
                y=[label],
                orientation="h",
                name=part.label,
                marker={"color": colour},
                hovertemplate=_hover(part, sent.replace("<br>", " ")),
                meta={"part_id": part.part_id},
                showlegend=False,
            ),
            row=2,
            col=1,
        )
        fig.add_annotation(
            x=value,
            y=label,
            text=sent,
            xanchor="left",
            xshift=6,
            showarrow=False,
            font={"size": size.font - 1},
            xref="x2",
            yref="y2",
            name=f"origin-{part.part_id}",
        )
    peak = float(origins["count"].max()) if not origins.empty and origins.unit.iloc[0] == "count" else 100.0
    fig.update_layout(barmode="stack", bargap=0.3, hovermode="closest")
    fig.update_xaxes(visible=False, row=1, col=1)
    fig.update_yaxes(visible=False, row=1, col=1)
    left = label_margin(labels, size)
    ends = (a.text for a in fig.layout.annotations if (a.name or "").startswith("origin-"))
    fig.update_xaxes(visible=False, range=[0, value_axis_end(peak, ends, left, size)], row=2, col=1)
    crowded = len(labels) > 4  # smaller labels where many rows share the panel
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels[::-1],
        ticks="",
        automargin=False,
        row=2,
        col=1,
        tickfont={"size": size.font - (3 if crowded else 0)},
    )
    approximate = "The source gives the origins only approximately." if origins.approximate.any() else None
    sources = pd.concat([rights.source_id, origins.source_id])
    return finish(
        fig,
        title=TITLE,
        row=row,
        sources=source_line(frames, sources, link),
        size=size,
        theme=theme,
        left=left,
        top=round(size.font * 1.2),
        basis=approximate,
    )


def _missing(fig: go.Figure, panel: int, size: Size, colour: str) -> None:
    axis = "" if panel == 1 else panel
    # In paper coordinates: Plotly.js misplaces "x domain" references of a subplot without traces.
    x, y = (sum(fig.layout[f"{name}axis{axis}"].domain) / 2 for name in "xy")
    fig.add_annotation(
        text="Not recorded in the sources",
        xref="paper",
        yref="paper",
        x=x,
        y=y,
        showarrow=False,
        font={"size": size.font, "color": colour},
        name=f"missing-{panel}",
    )
    fig.update_xaxes(visible=False, row=panel, col=1)
    fig.update_yaxes(visible=False, row=panel, col=1)
