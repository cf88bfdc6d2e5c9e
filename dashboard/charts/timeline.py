"""Party shares across every congress, placed at its date, with the total delegates beneath."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.comparisons import timeline
from dashboard.figures.common import finish, legend_room, side_legend, source_line
from dashboard.frames import GAP_ID, Frames
from dashboard.style import DASHBOARD, GAP_COLOUR, THEMES, Size, party_colour

TITLE = "Party shares over time, 1917–1937"
BAR_DAYS = 48
SAME_PARTY = {"communist": "bolshevik"}
"""Bolsheviks renamed themselves Communists in 1918: one colour and one legend entry, each bar
keeping the source's own name on hover."""
SERIES_ROWS = {"all-russian": 1, "all-union": 2}


def party_timeline(
    frames: Frames, *, size: Size = DASHBOARD, theme: str = "light", link: str | None = None
) -> go.Figure:
    """Draw each congress's party shares as a 100% bar at its date (All-Russian above, All-Union
    below) and its total delegates on a third panel. A congress without a party composition is a
    hatched grey bar that says why, so missing data never looks like change. Each bar carries its
    congress id, so a click can open it."""
    data = timeline(frames)
    fig = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.38, 0.38, 0.24],
        vertical_spacing=0.07,
        subplot_titles=(
            "All-Russian Congresses: party shares (%)",
            "All-Union Congresses: party shares (%)",
            "Delegates in all, where a source gives the total",
        ),
    )
    fig.update_annotations(font={"size": size.font - 1}, xanchor="left", x=0)
    width = BAR_DAYS * 86_400_000
    shown: set[str] = set()
    for (party, series), rows in data[data.part_id.notna()].groupby(["part_id", "series"], sort=False):
        key = SAME_PARTY.get(party, party)
        label = "Bolsheviks / Communists" if key == "bolshevik" else rows.label.iloc[0]
        fig.add_trace(
            go.Bar(
                x=rows.date,
                y=rows.share.astype(float),
                width=width,
                name=label,
                legendgroup=key,
                showlegend=key not in shown,
                marker={"color": party_colour(party), "pattern": {"shape": "/" if party == GAP_ID else ""}},
                customdata=rows.congress_id,
                meta={"part_id": party},
                hovertext=[
                    f"<b>{html.escape(r.name)}</b><br>{html.escape(r.label)}: {r.share:.1f}%"
                    + (f" ({'≈' if r.approximate else ''}{int(r.count):,})" if pd.notna(r.count) else "")
                    for r in rows.itertuples()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=SERIES_ROWS[series],
            col=1,
        )
        shown.add(key)
    gaps = data[data.part_id.isna()]
    for series, rows in gaps.groupby("series"):
        fig.add_trace(
            go.Bar(
                x=rows.date,
                y=[100] * len(rows),
                width=width,
                name="No party data",
                legendgroup="no-data",
                showlegend="no-data" not in shown,
                customdata=rows.congress_id,
                meta={"part_id": "no-data"},
                marker={
                    "color": "rgba(0,0,0,0)",
                    "line": {"color": GAP_COLOUR, "width": 1},
                    "pattern": {"shape": "x", "fgcolor": GAP_COLOUR, "size": 8},
                },
                hovertext=[
                    f"<b>{html.escape(r.name)}</b><br>No party composition: {html.escape(r.reason)}"
                    for r in rows.itertuples()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=SERIES_ROWS[series],
            col=1,
        )
        shown.add("no-data")
    congresses = data.drop_duplicates("congress_id")
    for series, rows in congresses.groupby("series"):
        rows = rows[rows.delegates.notna()]
        fig.add_trace(
            go.Scatter(
                x=rows.date,
                y=rows.delegates.astype(float),
                mode="markers+lines",
                name=series,
                showlegend=False,
                line={"color": THEMES[theme].muted, "width": 1, "dash": "dot" if series == "all-union" else "solid"},
                marker={
                    "size": 9,
                    "symbol": "circle" if series == "all-russian" else "diamond",
                    "color": THEMES[theme].text,
                },
                customdata=rows.congress_id,
                meta={"part_id": "delegates"},
                hovertext=[
                    f"<b>{html.escape(r.name)}</b><br>{'≈' if r.delegates_approximate else ''}{int(r.delegates):,}"
                    " delegates"
                    for r in rows.itertuples()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=3,
            col=1,
        )
    fig.update_layout(
        barmode="stack",
        bargap=0,
        hovermode="closest",
        legend=side_legend(size),
    )
    fig.update_yaxes(range=[0, 100], row=1, col=1)
    fig.update_yaxes(range=[0, 100], row=2, col=1)
    fig.update_yaxes(rangemode="tozero", row=3, col=1)
    fig.update_xaxes(range=["1917-04-01", "1937-06-01"], showgrid=False)
    row = frames.congresses.sort_values("start_ns").iloc[0].copy()
    row["name"], row["dates_short"] = "Every Congress of Soviets in the records", "June 1917 – January 1937"
    basis = (
        "Shares of each congress's own total, as the default source gives them; hatched: no party data. "
        "Click a bar to open that congress."
    )
    sources = data[data.part_id.notna()].congress_id.unique()
    composition = frames.composition
    source_ids = composition[composition.congress_id.isin(sources) & (composition.kind == "party")].source_id
    return finish(
        fig,
        title=TITLE,
        row=row,
        sources=source_line(frames, source_ids, link),
        size=size,
        theme=theme,
        left=60,
        top=round(size.font * (4.5 if size.narrow else 1.3)),
        bottom=round(size.font * 1.8) + (legend_room(len(shown)) if size.narrow else 0),
        basis=basis,
    )
