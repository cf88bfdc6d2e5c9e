"""Party composition as a seat chart: a hemicycle with one mark per delegate."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    PHONE_WIDTH,
    congress,
    default_parts,
    finish,
    not_recorded,
    number,
    reason_not_recorded,
    source_line,
    wrap,
)
from dashboard.frames import GAP_ID, Frames
from dashboard.style import DASHBOARD, THEMES, Size, party_colour, party_rank

TITLE = "Party composition"
INNER = 0.38
"""The inner radius of the hemicycle, as a share of the outer."""


@dataclass(frozen=True)
class Group:
    """A run of seats drawn in one colour: a party, a faction within it, or the gap."""

    part_id: str
    label: str
    seats: int
    colour: str
    hover: str
    rank: int


def seat_positions(seats: int) -> np.ndarray:
    """(x, y) of `seats` seats in concentric half rings, ordered from the left end to the right."""
    rows = max(1, math.ceil(math.sqrt(2 * seats * (1 - INNER) / (math.pi * (1 + INNER)))))
    radii = np.linspace(INNER, 1, rows) if rows > 1 else np.array([1.0])
    per_row = np.floor(seats * radii / radii.sum()).astype(int)
    per_row[-1] += seats - per_row.sum()
    points = []
    for radius, count in zip(radii, per_row, strict=True):
        angles = np.linspace(math.pi, 0, count) if count > 1 else np.array([math.pi / 2])
        points += [(angle, radius) for angle in angles]
    points.sort(key=lambda p: (-p[0], p[1]))
    return np.array([(r * math.cos(a), r * math.sin(a)) for a, r in points]).reshape(-1, 2)


def seat_groups(parts: pd.DataFrame, whole: int) -> list[Group]:
    """The default breakdown's parts as seat groups, sub-parts beside their parent, left to right."""
    groups: list[Group] = []
    top = parts[parts.within.isna()].copy()
    top["rank"] = top.part_id.map(party_rank)
    for rank, part in enumerate(top.sort_values(["rank", "order"]).itertuples()):
        children = parts[parts.within == part.part_id]
        for child in children.itertuples():
            groups.append(
                _group(
                    child,
                    child.count,
                    whole,
                    f"of whom {child.label}",
                    10 * rank + 1,
                    f"{child.label}, within the {part.label}",
                )
            )
        rest = part.count - int(children["count"].sum())
        groups.append(_group(part, rest, whole, part.label, 10 * rank))
    return groups


def _group(part: object, seats: int, whole: int, label: str, rank: int, long_label: str | None = None) -> Group:
    count, approx = part.count, bool(part.approximate)
    share = f"{100 * count / whole:.1f}%"
    lines = [
        f"<b>{html.escape(long_label or label)}</b>",
        f"{number(count, approx, part.bound)} delegates · {share} of {whole:,}",
    ]
    if part.part_id == GAP_ID and isinstance(part.note, str):
        lines.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        lines.append(f"“{wrap(part.excerpt, 60, lines=6)}”")
    return Group(
        part.part_id,
        f"{label}: {number(count, approx, part.bound)}",
        seats,
        party_colour(part.part_id),
        "<br>".join(lines),
        rank,
    )


def party_seats(
    frames: Frames, congress_id: str, *, size: Size = DASHBOARD, theme: str = "light", link: str | None = None
) -> go.Figure:
    """Draw the default party breakdown as a hemicycle: one mark per delegate, grouped by party.

    Factions and sympathisers sit beside their party; the part the source does not account for
    is grey, with the reason on hover. A line marks the majority; the total sits in the well.
    """
    parts = default_parts(frames, congress_id, "party")
    if parts.empty or parts.unit.iloc[0] != "count":
        reason = (
            reason_not_recorded(frames, congress_id, "party")
            if parts.empty
            else (
                "The sources give this congress's party composition only as percentages, not as counts of "
                "delegates, so there are no seats to draw. The bar chart shows the shares."
            )
        )
        return not_recorded(frames, congress_id, title=TITLE, reason=reason, size=size, theme=theme, link=link)
    row = congress(frames, congress_id)
    whole = int(parts[parts.within.isna()]["count"].sum())
    groups = seat_groups(parts, whole)
    xy = seat_positions(whole)
    height = size.height
    ring_px = (PHONE_WIDTH - 30) / 2.2 if size.narrow else (height - size.font * 9) * 0.95
    rows = max(1, math.ceil(math.sqrt(2 * whole * (1 - INNER) / (math.pi * (1 + INNER)))))
    marker = max(2.5, min(22.0, 0.8 * ring_px * (1 - INNER) / max(rows - 1, 1)))
    fig = go.Figure()
    start = 0
    for group in groups:
        seats = xy[start : start + group.seats]
        start += group.seats
        fig.add_trace(
            go.Scatter(
                x=seats[:, 0],
                y=seats[:, 1],
                mode="markers",
                name=group.label,
                legendgroup=group.part_id,
                legendrank=group.rank,
                marker={"size": marker, "color": group.colour, "line": {"width": 0}},
                hovertemplate=group.hover + "<extra></extra>",
                meta={"part_id": group.part_id, "seats": group.seats},
            )
        )
    majority = whole // 2 + 1
    muted = THEMES[theme].muted
    fig.add_shape(
        type="line",
        x0=0,
        x1=0,
        y0=INNER - 0.06,
        y1=1.06,
        line={"color": muted, "width": 2, "dash": "dash"},
        name="majority-line",
    )
    fig.add_annotation(
        x=0,
        y=1.07,
        text=f"Majority: {majority:,}",
        showarrow=False,
        yanchor="bottom",
        font={"size": size.font, "color": muted},
        name="majority",
    )
    approx = bool(row.delegates_total_approximate) and whole == row.delegates_total
    fig.add_annotation(
        x=0,
        y=0.02,
        text=f"<b>{number(whole, approx)}</b><br>delegates",
        showarrow=False,
        yanchor="bottom",
        font={"size": round(size.font * 1.4)},
        name="total",
    )
    fig.update_xaxes(visible=False, range=[-1.08, 1.08], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.02, 1.16], scaleanchor="x", fixedrange=True)
    legend_title = html.escape(parts.of.iloc[0].capitalize())
    legend = {"orientation": "v", "x": 1.0, "xanchor": "left", "y": 0.5, "yanchor": "middle"}
    if size.narrow:  # the hemicycle above, the legend below it, both inside the figure
        fig.update_yaxes(domain=[0.45, 1])
        legend = {"orientation": "v", "x": 0, "xanchor": "left", "y": 0.42, "yanchor": "top"}
    fig.update_layout(legend={"title": {"text": legend_title}, "itemsizing": "constant", **legend}, hovermode="closest")
    return finish(fig, title=TITLE, row=row, sources=source_line(frames, parts.source_id, link), size=size, theme=theme)
