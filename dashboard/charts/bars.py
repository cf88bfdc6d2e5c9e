"""A breakdown as horizontal bars: one bar per part, sub-parts drawn inside their parent's bar."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

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
    when,
    wrap,
)
from dashboard.frames import GAP_ID, Frames
from dashboard.style import DASHBOARD, SOCIAL_COLOURS, Size, party_colour, party_rank

TITLES = {"party": "Party composition, by numbers", "social": "Social composition"}


def breakdown_bars(
    frames: Frames,
    congress_id: str,
    *,
    kind: str = "party",
    size: Size = DASHBOARD,
    theme: str = "light",
    link: str | None = None,
) -> go.Figure:
    """Draw the default breakdown of `kind` as bars of counts, or of shares where only shares exist.

    Sub-parts (sympathisers, Left SRs) are a darker segment inside their parent's bar; approximate
    values are labelled "≈"; the part the source does not account for is a grey bar of its own.
    """
    title = TITLES.get(kind, kind.capitalize())
    parts = default_parts(frames, congress_id, kind)
    if parts.empty:
        topic = "party" if kind == "party" else "social"
        return not_recorded(
            frames,
            congress_id,
            title=title,
            reason=reason_not_recorded(frames, congress_id, topic),
            size=size,
            theme=theme,
            link=link,
        )
    row = congress(frames, congress_id)
    unit = parts.unit.iloc[0]
    measure = "count" if unit == "count" else "share"
    top = parts[parts.within.isna()].copy()
    top["rank"] = top.part_id.map(party_rank) if kind == "party" else top.order
    top = top.sort_values(["rank", "order"])
    labels = [_category(p, parts, measure, 12 if size.narrow else 24) for p in top.itertuples()]
    fig = go.Figure()
    for index, (part, category) in enumerate(zip(top.itertuples(), labels, strict=True)):
        colour = _colour(kind, part.part_id, index)
        children = parts[parts.within == part.part_id]
        inside = 0.0
        for child in children.itertuples():
            value = float(getattr(child, measure))
            inside += value
            fig.add_trace(_bar(child, value, category, _colour(kind, child.part_id, index), measure, "of whom", size))
        rest = float(getattr(part, measure)) - inside
        fig.add_trace(_bar(part, rest, category, colour, measure, "", size))
        end = _shown(part, measure) + (f"  ({part.share:.1f}%)" if measure == "count" and pd.notna(part.share) else "")

        fig.add_annotation(
            x=float(getattr(part, measure)),
            y=category,
            text=end,
            xanchor="left",
            xshift=6,
            showarrow=False,
            font={"size": size.font - 1},
            name=f"value-{part.part_id}",
        )
    fig.update_layout(barmode="stack", showlegend=False, bargap=0.25, hovermode="closest")
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels[::-1],
        ticks="",
        showgrid=False,
        tickfont={"size": size.font},
    )
    left = label_margin(labels, size)
    end = value_axis_end(float(top[measure].max()), (a.text for a in fig.layout.annotations), left, size)
    fig.update_xaxes(visible=False, range=[0, end])
    fig.update_yaxes(automargin=False)
    return finish(
        fig,
        title=title,
        row=row,
        sources=source_line(frames, parts.source_id, link),
        size=size,
        theme=theme,
        left=left,
        basis=basis_text(parts),
    )


def basis_text(parts: pd.DataFrame) -> str:
    """What the breakdown counts, and when, in the source's terms."""
    first = parts.iloc[0]
    text = f"Of {first.of}" + (f", {when(first.moment)}" if pd.notna(first.moment) else "")
    if first.unit == "percent":
        text += ". Shares as the source gives them; it gives no counts"
    return text + "."


def _category(part: object, parts: pd.DataFrame, measure: str, width: int = 24) -> str:
    """The bar's label: the part's name, with the sub-parts it includes on a second line."""
    label = "Not accounted for" if part.part_id == GAP_ID else part.label
    children = parts[parts.within == part.part_id]
    if children.empty:
        return wrap(label, width, lines=3)
    within = ", ".join(f"{_shown(c, measure)} {c.label}" for c in children.itertuples())
    return wrap(label, width) + "<br>" + wrap(f"incl. {within}", width + 6, lines=2)


def _colour(kind: str, part_id: str, index: int) -> str:
    if kind == "party" or part_id == GAP_ID:
        return party_colour(part_id)
    return SOCIAL_COLOURS[index % len(SOCIAL_COLOURS)]


def _bar(part: object, value: float, category: str, colour: str, measure: str, prefix: str, size: Size) -> go.Bar:
    """One segment of a bar, labelled inside with its own value where it is a sub-part."""
    shown = _shown(part, measure)
    share = f" · {part.share:.1f}%" if measure == "count" and pd.notna(part.share) else ""
    hover = [f"<b>{html.escape(f'{prefix} {part.label}'.strip())}</b>", f"{shown}{share}"]
    if isinstance(part.note, str):
        hover.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        hover.append(f"“{html.escape(part.excerpt)}”")
    return go.Bar(
        x=[value],
        y=[category],
        orientation="h",
        marker={"color": colour, "line": {"width": 0}},
        name=f"{prefix} {part.label}".strip(),
        hovertemplate="<br>".join(hover) + "<extra></extra>",
        meta={"part_id": part.part_id},
    )


def _shown(part: object, measure: str) -> str:
    if measure == "count":
        return number(part.count, bool(part.approximate), part.bound)
    return f"{'≈' if part.approximate else ''}{part.share:g}%"
