"""Vote outcomes: one horizontal bar per recorded vote, split into for, against and abstained."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    BELOW,
    congress,
    finish,
    label_margin,
    not_recorded,
    reason_not_recorded,
    source_line,
    value_axis_end,
    wrap,
)
from dashboard.frames import Frames
from dashboard.style import DASHBOARD, THEMES, VOTE_COLOURS, VOTE_LABELS, Size

TITLE = "Vote outcomes"
PARTS = ("in_favour", "against", "dissents", "abstained", "not_voting")
LABEL_WIDTH = 30


def vote_label(vote: pd.Series, parties: dict[str, str], cite: dict[str, str], width: int = LABEL_WIDTH) -> str:
    """The row label: the motion, marked as a caucus vote where it is one, and the variant's source."""
    motion = vote.motion
    if vote.kind == "caucus":
        motion = f"{parties.get(vote.caucus, vote.caucus)} caucus: {motion}"
    if not vote.is_default:
        motion = f"same vote, as {cite.get(vote.source_id, vote.source_id)} counts it"
    return wrap(motion, width, lines=3)


def outcome_text(vote: pd.Series) -> str:
    """The result in words, exactly as far as the source goes."""
    counts = [f"{int(vote[p]):,} {VOTE_LABELS[p].lower()}" for p in PARTS if pd.notna(vote[p])]
    verdict = "Passed" if vote.outcome == "passed" else "Rejected"
    if vote.unanimous:
        return f"{verdict} unanimously" + (f" ({', '.join(counts)})" if counts else "; no count in the source")
    if pd.notna(vote.dissents) and pd.isna(vote.in_favour):
        return f"{verdict} with only {int(vote.dissents):,} dissents; votes for not given"
    if counts:
        return f"{verdict}: " + ", ".join(counts)
    if pd.notna(vote.wording):
        verdict = vote.wording[0].upper() + vote.wording[1:]
    return f"{verdict}; no count in the source"


def vote_outcomes(
    frames: Frames, congress_id: str, *, size: Size = DASHBOARD, theme: str = "light", link: str | None = None
) -> go.Figure:
    """Draw each recorded vote as a bar of for / against / abstained, with its result in words.

    Parts the source does not give are left out and said to be unknown, never drawn as zero. Caucus
    votes are labelled as such and listed after the floor votes; source variants follow their vote.
    """
    votes = frames.votes[frames.votes.congress_id == congress_id]
    if votes.empty:
        reason = reason_not_recorded(frames, congress_id, "votes") or "The sources read give no votes."
        return not_recorded(frames, congress_id, title=TITLE, reason=reason, size=size, theme=theme, link=link)
    row = congress(frames, congress_id)
    parties = dict(zip(frames.parties.id, frames.parties.short, strict=True))
    votes = votes.assign(is_caucus=votes.kind == "caucus").sort_values(["is_caucus", "order", "variant"])
    cite = dict(zip(frames.sources.id, frames.sources.cite_as, strict=True))
    width = 15 if size.narrow else LABEL_WIDTH
    labels = [vote_label(v, parties, cite, width) for _, v in votes.iterrows()]
    labels = _unique(labels)
    fig = go.Figure()
    shown_legend: set[str] = set()
    peak = max(1, int(votes[list(PARTS)].fillna(0).sum(axis=1).max()))
    for label, (_, vote) in zip(labels, votes.iterrows(), strict=True):
        total = 0
        for part in PARTS:
            if pd.isna(vote[part]):
                continue
            value = int(vote[part])
            total += value
            fig.add_trace(
                go.Bar(
                    x=[value],
                    y=[label],
                    orientation="h",
                    name=VOTE_LABELS[part],
                    legendgroup=part,
                    showlegend=part not in shown_legend,
                    marker={
                        "color": VOTE_COLOURS[part],
                        "pattern": {"shape": "/" if part in ("against", "dissents") else ""},
                    },
                    hovertemplate=(
                        f"<b>{html.escape(vote.motion)}</b><br>{VOTE_LABELS[part]}: {value:,}"
                        f"<br>“{html.escape(vote.excerpt)}”<extra></extra>"
                    ),
                    meta={"vote_id": vote.vote_id, "part": part, "variant": int(vote.variant)},
                )
            )
            shown_legend.add(part)
        fig.add_annotation(
            x=total,
            y=label,
            text=wrap(outcome_text(vote), 18, lines=4) if size.narrow else html.escape(outcome_text(vote)),
            xanchor="left",
            xshift=8,
            showarrow=False,
            font={"size": size.font - 1},
            name=f"outcome-{vote.vote_id}" + (f"-{vote.variant}" if vote.variant else ""),
            hovertext=html.escape(vote.excerpt),
        )
    caucus_rows = [lab for lab, caucus in zip(labels, votes.is_caucus, strict=True) if caucus]
    if caucus_rows and len(caucus_rows) < len(labels):
        fig.add_hline(y=len(caucus_rows) - 0.5, line={"color": THEMES[theme].muted, "dash": "dot"})
    fig.update_layout(
        barmode="stack",
        bargap=0.35,
        legend={**BELOW, "y": -0.02}
        if size.narrow
        else {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "font": {"size": size.font - 1}},
        hovermode="closest",
    )
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=labels[::-1], ticks="", showgrid=False, automargin=False
    )
    left = label_margin(labels, size)
    fig.update_xaxes(
        visible=False, range=[0, value_axis_end(peak, (a.text for a in fig.layout.annotations), left, size)]
    )
    basis = "Floor votes of the congress" + ("; below the line, votes of one party's caucus" if caucus_rows else "")
    basis += ". A count the source does not give is not drawn."
    return finish(
        fig,
        title=TITLE,
        row=row,
        sources=source_line(frames, votes.source_id, link),
        size=size,
        theme=theme,
        left=left,
        top=0 if size.narrow else round(size.font * 1.6 * (1 + (len(shown_legend) > 3 and not size.width))),
        bottom=round(size.font * (4.5 if size.narrow else 0.9)),  # room for a three-line last label
        basis=basis,
    )


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out
