"""Party compositions of two to four congresses side by side, at one scale."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.comparisons import party_shares
from dashboard.figures.common import finish, label_margin, legend_room, number, side_legend, source_line, wrap
from dashboard.frames import GAP_ID, Frames
from dashboard.style import DASHBOARD, THEMES, Size, party_colour, party_rank

TITLE = "Party composition compared"


def compare_composition(
    frames: Frames,
    congress_ids: list[str],
    *,
    measure: str = "count",
    size: Size = DASHBOARD,
    theme: str = "light",
    link: str | None = None,
) -> go.Figure:
    """Draw one stacked bar per congress, parties left to right in the same order, on one scale of
    delegates (`measure="count"`) or of shares (`measure="share"`). The part a source does not
    account for stays grey; a congress known only in percentages shows no counts, and says so."""
    shares = party_shares(frames, congress_ids)
    congresses = frames.congresses.set_index("congress_id")
    rows = {
        c: wrap(
            f"{congresses.loc[c, 'name'].replace(' Congress of Soviets', '')} · {congresses.loc[c, 'start']:%b %Y}",
            12 if size.narrow else 26,
            lines=4,
        )
        for c in congress_ids
    }
    fig = go.Figure()
    parties = sorted(set(shares.part_id), key=lambda p: (party_rank(p), p))
    for party in parties:
        part = shares[shares.part_id == party].set_index("congress_id")
        xs, ys, texts, hovers = [], [], [], []
        for congress_id in congress_ids:
            if congress_id not in part.index:
                continue
            p = part.loc[congress_id]
            value = p["count"] if measure == "count" else p.share
            if pd.isna(value):
                continue
            shown = (
                number(p["count"], bool(p.approximate), p.bound)
                if measure == "count"
                else (f"{'≈' if p.approximate else ''}{float(p.share):.1f}%")
            )
            xs.append(float(value))
            ys.append(rows[congress_id])
            texts.append(f"{p.label} {shown}")
            hovers.append(
                f"<b>{html.escape(p.label)}</b><br>{html.escape(congresses.loc[congress_id, 'name'])}"
                f"<br>{html.escape(shown)}" + (f"<br>{html.escape(p.note)}" if isinstance(p.note, str) else "")
            )
        if not xs:
            continue
        label = shares[shares.part_id == party].label.iloc[0]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=ys,
                orientation="h",
                name=label,
                text=texts,
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                marker={"color": party_colour(party), "pattern": {"shape": "/" if party == GAP_ID else ""}},
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
                meta={"part_id": party},
                textfont={"size": size.font - 3},
            )
        )
    missing = []
    for congress_id in congress_ids:
        mine = shares[shares.congress_id == congress_id]
        if mine.empty:
            missing.append((congress_id, "No party composition in the sources read"))
        elif measure == "count" and mine["count"].isna().all():
            missing.append((congress_id, "The sources give only shares: switch to shares"))
    for congress_id, why in missing:
        fig.add_annotation(
            x=0,
            y=rows[congress_id],
            text=why,
            xanchor="left",
            showarrow=False,
            font={"size": size.font - 1, "color": THEMES[theme].muted},
            name=f"missing-{congress_id}",
        )
    fig.update_layout(
        barmode="stack",
        bargap=0.3,
        uniformtext={"minsize": max(11, size.font - 5), "mode": "hide"},
        legend=side_legend(size),
        hovermode="closest",
    )
    labels = list(rows.values())
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=labels[::-1], ticks="", showgrid=False, automargin=False
    )
    fig.update_xaxes(
        side="top",
        range=[0, 100] if measure == "share" else None,
        gridcolor=THEMES[theme].grid,
        ticksuffix="%" if measure == "share" else "",
    )
    basis = (
        "Delegates, on one scale for all: the bars' lengths compare directly. "
        if measure == "count"
        else "Shares of each congress's own total. "
    )
    basis += "Hatched grey: not accounted for in the source."
    any_row = congresses.loc[congress_ids[0]]
    fig = finish(
        fig,
        title=TITLE,
        row=any_row,
        sources=source_line(frames, shares.source_id, link),
        size=size,
        theme=theme,
        left=label_margin(labels, size),
        top=round(size.font * 1.6),
        bottom=legend_room(len(fig.data)) if size.narrow else 0,
        basis=basis,
    )
    names = " · ".join(f"{congresses.loc[c, 'name'].replace(' Congress of Soviets', '')}" for c in congress_ids)
    fig.update_layout(title={"subtitle": {"text": html.escape(names)}})
    return fig
