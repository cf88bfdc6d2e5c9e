"""Presentation mode as slides: what each slide of a view shows, and the words of the slides that are text.

A congress has four slides: the hall (the seat chart, or the party shares where the sources give no
counts, with its dates, place and delegates), the votes, who the delegates were (their types and social
make-up), and its decisions with a quotation. The comparison has the chart and the table of changes; the
timeline a slide for each series, the All-Russian and the All-Union. `&slide=N` holds the slide.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import html

from dashboard.charts.base import congress_row
from dashboard.frames import Frames, dates_text
from dashboard.i18n import N_, _, ngettext
from dashboard.wording import count

MAX_DECISIONS = 4
"""A decisions slide lists at most this many, so that it fits a 1024×768 projector at slide size."""


@dataclass(frozen=True)
class Slide:
    """One slide: its title and the sections of the view it shows (by element id)."""

    title: str
    shows: tuple[str, ...]


SLIDES: dict[str, tuple[Slide, ...]] = {
    "congress": (
        Slide(N_("The hall"), ("section-party-seats", "section-party-bars", "slide-facts")),  # bars: shares, no seats
        Slide(N_("The votes"), ("section-votes",)),
        Slide(N_("Who the delegates were"), ("section-delegate-types", "section-social")),
        Slide(N_("Decisions and a quotation"), ("slide-facts",)),
    ),
    "compare": (
        Slide(N_("Party composition compared"), ("section-compare",)),
        Slide(N_("Change between the congresses"), ("change",)),
    ),
    "timeline": (
        # one series a slide: bars wide enough for 24 px
        Slide(N_("The All-Russian Congresses"), ("section-timeline",)),
        Slide(N_("The All-Union Congresses"), ("section-timeline",)),
    ),
}


def slide_number(view: str, asked: int | None) -> int:
    """The slide a view shows: the one asked for, kept within the view's slides."""
    return max(1, min(asked or 1, len(SLIDES[view])))


def _source(frames: Frames, source_id: object) -> str:
    found = frames.sources[frames.sources.id == source_id]
    return "" if found.empty else str(found.iloc[0].cite_as)


def _hall_facts(frames: Frames, congress_id: str) -> list:
    row = congress_row(frames, congress_id)
    first, _sep, second = dates_text(row.start, row.end, row.calendar).partition("; ")
    place = ", ".join(str(p) for p in (row.venue, row.place) if isinstance(p, str))
    delegates = []
    if not pd.isna(row.delegates_total):
        total = count(row.delegates_total, row.delegates_total_approximate, row.delegates_total_bound, long=True)
        n = int(row.delegates_total)
        delegates.append(ngettext("{total} delegate", "{total} delegates", n).format(total=total))
    if not pd.isna(row.delegates_voting):
        delegates.append(_("{count} with a full vote").format(count=count(row.delegates_voting)))
    when = [html.Strong(first), html.Br(), html.Span(second, className="new-style")] if second else first
    items = [(_("When"), when)]
    if place:
        items.append((_("Where"), place))
    if delegates:
        items.append((_("Delegates"), "; ".join(delegates)))
    return [
        html.Dl(
            className="slide-list",
            children=[part for label, value in items for part in (html.Dt(label), html.Dd(value))],
        )
    ]


def _decisions(frames: Frames, congress_id: str) -> list:
    decisions = frames.decisions[frames.decisions.congress_id == congress_id].head(MAX_DECISIONS)
    quotes = frames.quotes[frames.quotes.congress_id == congress_id]
    out: list = [html.H2(_("Decisions"))]
    if decisions.empty:
        out.append(html.P(_("No decision of this congress is recorded in the sources read.")))
    else:
        out.append(
            html.Ul(
                className="slide-decisions",
                children=[
                    html.Li(
                        [
                            html.Strong(d.title),
                            html.Span(f" ({_source(frames, d.source_id)})", className="slide-source"),
                        ]
                    )
                    for d in decisions.itertuples()
                ],
            )
        )
    if not quotes.empty:
        q = quotes.iloc[0]
        out += [
            html.Figure(
                className="slide-quote",
                children=[
                    html.Blockquote(f"“{q.words}”"),
                    html.Figcaption(f"{q.speaker} · {_source(frames, q.source_id)}"),
                ],
            )
        ]
    return out


def slide_text(frames: Frames, congress_id: str, slide: int) -> list:
    """The words a congress's slide shows beside or instead of its charts: the hall's dates, place and
    delegates; the decisions and a quotation. Other slides have none."""
    if slide == 1:
        return _hall_facts(frames, congress_id)
    if slide == 4:
        return _decisions(frames, congress_id)
    return []
