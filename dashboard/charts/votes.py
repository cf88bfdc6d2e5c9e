"""Vote outcomes: counted votes as bars of for / against / abstained; votes without a count as a list."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.base import Chart, context, reason_not_recorded, subtitle, with_sources
from dashboard.charts.draw import (
    LABELLED_BAR,
    LINE_SPACING,
    category_axis,
    end_label_width,
    finish,
    glosses,
    heading_font,
    label_margin,
    labels_above,
    places_under_labels,
    quoted,
    source_line,
    value_axis_end,
    wrap,
)
from dashboard.charts.walk import source_words, step
from dashboard.charts.walk import walk as charts_walk
from dashboard.frames import Frames
from dashboard.i18n import N_, _, ngettext, number
from dashboard.style import THEMES, VOTE_COLOURS, VOTE_LABELS, VOTE_PATTERNS, Size, Style
from dashboard.urls import State
from dashboard.wording import count, missing

TITLE = N_("Vote outcomes")
PARTS = ("in_favour", "against", "dissents", "abstained", "not_voting")
LABEL_WIDTH = 30


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """Every recorded vote of the congress, one row per source's tally: floor votes first, then
    caucus votes, each source's variant after its vote."""
    votes = frames.votes[frames.votes.congress_id == view.congress_id]
    votes = votes.assign(is_caucus=votes.kind == "caucus").sort_values(["is_caucus", "order", "variant"])
    parties = dict(zip(frames.parties.id, frames.parties.short, strict=True))
    votes = votes.assign(caucus_label=votes.caucus.map(parties)).drop(columns="is_caucus")
    why = reason_not_recorded(frames, view.congress_id, "votes") or _(
        "No vote of this congress was found in the sources."
    )
    return context(with_sources(frames, votes), subtitle(frames, view.congress_id), why)


def left_margin(labels: list[str], size: Size) -> int:
    """The left margin the bars' labels need; 20 where there are no bars."""
    return label_margin(labels, size) if labels else 20


def counted(vote: pd.Series) -> bool:
    """Whether a tally gives the votes for: only then is it drawn as a bar."""
    return not missing(vote.in_favour)


def vote_label(vote: pd.Series, width: int = LABEL_WIDTH) -> str:
    """The row label: the motion, marked as a caucus vote where it is one; a variant says it is one."""
    motion = vote.motion
    if vote.kind == "caucus":
        motion = _("{party} caucus: {motion}").format(party=vote.caucus_label, motion=motion)
    if not vote.is_default:
        motion = _("the same vote, by a second source ({n})").format(n=vote.variant + 1)
    return wrap(motion, width, lines=3)


def _outcome_chars(size: Size) -> int:
    """How long a line of a bar's outcome may be on a slide: a third of its width, at least one short clause."""
    return max(22, round(size.room * 0.34 / (size.text(size.font - 1) * 0.6)))


def part_words(part: str, value: object) -> str:
    """A part's count in a sentence: '543 for', '52 abstained', '8 dissents'."""
    n = int(value)
    words = {
        "in_favour": ngettext("{n} for", "{n} for", n),
        "against": ngettext("{n} against", "{n} against", n),
        "dissents": ngettext("{n} dissents", "{n} dissents", n),
        "abstained": ngettext("{n} abstained", "{n} abstained", n),
        "not_voting": ngettext("{n} did not vote", "{n} did not vote", n),
    }
    return words[part].format(n=count(value))


def outcome_text(vote: pd.Series) -> str:
    """The result in words, exactly as far as the source goes."""
    counts = [part_words(p, vote[p]) for p in PARTS if not missing(vote[p])]
    verdict = _("Passed") if vote.outcome == "passed" else _("Rejected")
    no_count = _("{verdict}; no count in the source")
    if vote.unanimous:
        verdict = _("{verdict} unanimously").format(verdict=verdict)
        return f"{verdict} ({', '.join(counts)})" if counts else no_count.format(verdict=verdict)
    if not missing(vote.dissents) and missing(vote.in_favour):
        return ngettext(
            "{verdict} with only {n} dissents; the votes for are not given",
            "{verdict} with only {n} dissents; the votes for are not given",
            int(vote.dissents),
        ).format(verdict=verdict, n=count(vote.dissents))
    if counts:
        return f"{verdict}: " + ", ".join(counts)
    if isinstance(vote.wording, str):
        verdict = f"{verdict} ({vote.wording})" if vote.wording.lower() not in ("passed", "rejected") else verdict
    return no_count.format(verdict=verdict)


def _results_under(bars: pd.DataFrame, size: Size) -> list[str] | None:
    """A slide's results in words on lines of their own under their bars, the figure's width, where the
    longest would leave its bar under a fifth of that width beside it (a lesson's slide on a small projector)."""
    results = [outcome_text(vote) for _index, vote in bars.iterrows()]
    if end_label_width(results, size) <= (size.across(wide=True) - 60) * 0.8:
        return None
    chars = round((size.across(wide=True) - 40) / (size.text(size.font - 1) * 0.56))
    return [wrap(result, chars, lines=3) for result in results]


def _bars(
    fig: go.Figure,
    bars: pd.DataFrame,
    keys: list,
    size: Size,
    thickness: float | None = None,
    under: list[str] | None = None,
) -> set[str]:
    """Each counted vote's bar at its place on the vote axis (a category, or a position `thickness` thick on a
    slide), and its result in words at its end, or on the lines `under` it. Returns the parts drawn."""
    shown: set[str] = set()
    for index, (label, (_index, vote)) in enumerate(zip(keys, bars.iterrows(), strict=True)):
        total = 0
        source = _("Source: {source}").format(source=html.escape(str(vote.source)))
        words = "<br>".join(quoted(vote.excerpt, vote.excerpt_gloss, lines=5))
        for part in PARTS:
            if missing(vote[part]):
                continue
            value = int(vote[part])
            total += value
            fig.add_trace(
                go.Bar(
                    x=[value],
                    y=[label],
                    width=thickness,
                    orientation="h",
                    name=_(VOTE_LABELS[part]),
                    legendgroup=part,
                    showlegend=part not in shown,
                    marker={"color": VOTE_COLOURS[part], "pattern": {"shape": VOTE_PATTERNS.get(part, "")}},
                    hovertemplate=(
                        f"<b>{html.escape(vote.motion)}</b><br>{_(VOTE_LABELS[part])}: {number(value)}"
                        f"<br>{words}<br>{source}<extra></extra>"
                    ),
                    meta={"vote_id": vote.vote_id, "part": part, "variant": int(vote.variant)},
                )
            )
            shown.add(part)
        if under:
            fig.add_annotation(
                x=0,
                xref="paper",
                y=label + thickness / 2 + 0.1,
                yanchor="top",
                xanchor="left",
                text=under[index],
                showarrow=False,
                align="left",
                font={"size": size.text(size.font - 1)},
                name=f"outcome-{vote.vote_id}" + (f"-{vote.variant}" if vote.variant else ""),
            )
            continue
        fig.add_annotation(
            x=total,
            y=label,
            text=wrap(outcome_text(vote), 16, lines=4)
            if size.narrow
            else wrap(outcome_text(vote), _outcome_chars(size), lines=8)  # lines enough that no count is cut
            if size.fit and size.room and thickness is None
            else html.escape(outcome_text(vote)),
            xanchor="left",
            xshift=8,
            showarrow=False,
            align="left",
            font={"size": size.text(size.font - 1)},
            name=f"outcome-{vote.vote_id}" + (f"-{vote.variant}" if vote.variant else ""),
        )
    return shown


def _legend(shown: set[str], left: int, size: Size) -> tuple[dict, int, bool]:
    """The key, the room kept for it above the plot, and whether it sits on the title's line.

    plotly.js wraps a key at the plot's width, which the bars' labels narrow, unless the key starts left of
    the plot: so where the key is wider than the plot (a small projector's slide) it starts after the title,
    or, where both do not fit that line, has a line of its own above the bars."""
    font = {"size": size.text(size.font - 1)}
    if size.narrow:
        rows = math.ceil(len(shown) / 2)
        return (
            {"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom", "font": font},
            (round(size.font * (1.2 + 1.8 * rows)) if shown else 0),
            False,
        )
    right = {"orientation": "h", "x": 1, "xanchor": "right", "y": 1, "yref": "container", "yanchor": "top"}
    known = size.width or size.room
    key = sum(40 + len(_(VOTE_LABELS[p])) * size.text(size.font - 1) * 0.6 for p in shown)
    heading = len(_(TITLE)) * heading_font(size) * 0.62 + 40
    plot = max((known or 0) - left - 20, 1)
    if not known or not shown or (key <= plot and heading + key + 20 <= known):
        return {**right, "font": font}, 0, False
    after_title = heading + key + 20 <= known and heading < left - 10
    start = heading if after_title else 10
    return (
        {"orientation": "h", "x": (start - left) / plot, "xanchor": "left", "y": 1, "yanchor": "bottom", "font": font},
        (0 if after_title else round(size.text(size.font - 1) * 1.9)),
        after_title,
    )


def _line_chars(size: Size, font: int) -> int:
    """How many characters of the list's type a line across the figure holds."""
    return round((size.across(wide=True) - 40) / (font * 0.58))


def _listed(listed: pd.DataFrame, size: Size, font: int) -> list[str]:
    """The votes without a count as bullet points, wrapped to the figure's width at this font size."""
    wrap_at = _line_chars(size, font)
    return [wrap(f"• {vote.motion}: {outcome_text(vote)}", wrap_at, lines=6) for _index, vote in listed.iterrows()]


def _list_lines(items: list[str]) -> int:
    """How many lines the list of votes without a count takes: its header and its items' lines."""
    return 1 + sum(item.count("<br>") + 1 for item in items)


def _fewer(items: list[str], room: float, font: int, chars: int) -> tuple[list[str], int]:
    """As many of the listed votes as fit `room` at a slide's least type, and a line saying how many more
    the congress's page lists; every item where all fit. Returns the lines' items and their count."""
    kept = list(items)
    while len(kept) > 1 and _list_lines(kept) * font * 1.3 > room:
        kept.pop()
    if len(kept) < len(items):
        more = len(items) - len(kept) + 1
        told = ngettext(
            "… and {n} more recorded without a count: the congress's page lists them all",
            "… and {n} more recorded without a count: the congress's page lists them all",
            more,
        )
        kept[-1] = wrap(told.format(n=number(more)), chars)
    return kept, _list_lines(kept)


def draw(votes: pd.DataFrame, style: Style) -> go.Figure:
    """Draw each counted vote as a bar of for / against / abstained, with its result in words, and list
    below it the votes the sources record without a count. A part the source does not give is not
    drawn. Caucus votes sit below a dotted line; a second source's count follows its vote."""
    size = style.size
    muted = THEMES[style.theme].muted
    bars = votes[votes.apply(counted, axis=1)]
    listed = votes[~votes.apply(counted, axis=1)]
    # a slide keeps to its height: each label has the figure's width, on its own lines above its bar
    above = bool(size.fit and size.room) and not size.narrow
    width = 15 if size.narrow else round((size.room - 40) / (size.font * 0.58)) if above else LABEL_WIDTH
    labels = [vote_label(v, width) for _index, v in bars.iterrows()]
    keys = [f"{v.vote_id}-{v.variant}" for _index, v in bars.iterrows()]  # the categories; labels may wrap alike
    fig = go.Figure()
    under = _results_under(bars, size) if above else None
    places, units = places_under_labels(labels, under) if above else (keys, 0.0)
    shown = _bars(fig, bars, places, size, LABELLED_BAR if above else None, under)
    font = size.text(size.font - 1)
    list_share = 0.0
    chrome = round(size.font * 4.6) + 110
    bar_px = max(180, len(bars) * size.font * (6 if size.narrow else 3.6)) if not bars.empty else 0
    plot_px = 0
    header, every = "", []
    if not listed.empty:
        header = _("Also recorded, without a count") if not bars.empty else _("Recorded without a count")
        items = _listed(listed, size, font)
        lines = _list_lines(items)
        if size.width or size.fit:  # a fixed-size image or a slide: the list shrinks to fit beside the bars
            plot_px = size.height - chrome
            bars_need = units * size.font * 1.25 if above else len(bars) * size.font * 2.6
            room = max(plot_px * 0.4, plot_px - bars_need) if not bars.empty else plot_px
            while font > max(11, size.least) and lines * font * 1.3 > room:  # smaller type, rewrapped
                font -= 1
                items = _listed(listed, size, font)
                lines = _list_lines(items)
            every = items
            items, lines = _fewer(items, room, font, _line_chars(size, font))
            list_px = lines * font * 1.45
        else:  # the dashboard: the figure is as tall as the bars and the list need
            list_px = lines * font * 1.45
            plot_px = bar_px + list_px + (size.font * 2 if bar_px else 0)
        fixed = size.width or size.fit
        list_share = 1.0 if bars.empty else list_px / plot_px if not fixed else min(0.7, list_px / plot_px)
        fig.add_annotation(
            text="<br>".join([f"<b>{header}</b>", *items]),
            xref="paper",
            yref="paper",
            x=0,
            y=list_share,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": font},
            xshift=-10 if above else 10 - left_margin(labels, size),
            name="uncounted",
        )
    elif not size.width:
        plot_px = bar_px
    if not bars.empty and above:
        caucus = list(bars.kind == "caucus")
        labels_above(fig, labels, places, size)
        if any(caucus) and not all(caucus):
            first = places[caucus.index(True)]
            fig.add_hline(
                y=first - LABELLED_BAR / 2 - (labels[caucus.index(True)].count("<br>") + 1) - 0.15,
                line={"color": muted, "dash": "dot"},
            )
        fig.update_yaxes(visible=False, range=[units, 0], domain=[list_share + 0.06 if not listed.empty else 0, 1])
        peak = max(1, int(bars[list(PARTS)].fillna(0).sum(axis=1).max()))
        left = 20
        ends = [] if under else (a.text for a in fig.layout.annotations if (a.name or "").startswith("outcome-"))
        fig.update_xaxes(visible=False, range=[0, value_axis_end(peak, ends, left, size, wide=True)])
    elif not bars.empty:
        caucus = [lab for lab, kind in zip(labels, bars.kind, strict=True) if kind == "caucus"]
        if caucus and len(caucus) < len(labels):
            fig.add_hline(y=len(caucus) - 0.5, line={"color": muted, "dash": "dot"})
        fig.update_yaxes(
            **category_axis(keys, labels), showgrid=False, domain=[list_share + 0.06 if not listed.empty else 0, 1]
        )
        peak = max(1, int(bars[list(PARTS)].fillna(0).sum(axis=1).max()))
        left = left_margin(labels, size)
        ends = (a.text for a in fig.layout.annotations if (a.name or "").startswith("outcome-"))
        fig.update_xaxes(visible=False, range=[0, value_axis_end(peak, ends, left, size, wide=True)])
    else:
        left = 20
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    legend, legend_top, key_on_title_line = _legend(shown, left, size)
    fig.update_layout(
        barmode="stack",
        bargap=0.35,
        legend=legend,
        showlegend=bool(shown),
        hovermode="closest",
    )
    kinds = set(bars.kind)
    kinds = (
        _("A vote of one party's caucus, not of the congress")
        if kinds == {"caucus"}
        else _("Floor votes of the congress; below the dotted line, one party's caucus")
        if len(kinds) > 1
        else _("Floor votes of the congress")
    )
    fig = finish(
        fig,
        title=_(TITLE),
        subtitle=votes.attrs["subtitle"],
        sources=source_line(votes.source, style.link, style.retrieved),
        size=size,
        theme=style.theme,
        left=left,
        top=legend_top,
        key_on_title_line=key_on_title_line,
        basis=None
        if bars.empty
        else _slide_basis(bars)
        if above
        else kinds + ". " + _("A count the source does not give is not drawn."),
        plot_height=None if size.width or size.fit else round(plot_px),
        wide=True,
    )
    if above and not bars.empty:
        _fit_slide(fig, units * size.font * 1.25, every, header, font, _line_chars(size, font))
    return fig


def _fit_slide(fig: go.Figure, bars_px: float, items: list[str], header: str, font: int, chars: int) -> None:
    """Give a slide's bars the height their lines of type need, measured on the finished figure, and more, up
    to 1.6 times that, where the votes without a count leave room; those votes get as many of the lines under
    the bars as they fit."""
    plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    line = font * LINE_SPACING
    listed = _list_lines(items) * line + 12 if items else 0
    short = bool(items) and plot - bars_px - 12 < 3 * line  # not even the heading, a vote and how many more
    bars_px = min(plot - line - 12, bars_px) if short else min(plot, max(bars_px, min(bars_px * 1.6, plot - listed)))
    fig.update_yaxes(domain=[1 - bars_px / plot, 1])
    if items:
        kept, _lines = _fewer(items, plot - bars_px - 12, font, chars)
        told = ngettext(
            "Also recorded: {n} vote without a count", "Also recorded: {n} votes without a count", len(items)
        )
        text = f"<b>{told.format(n=number(len(items)))}</b>" if short else "<br>".join([f"<b>{header}</b>", *kept])
        annotation = next(a for a in fig.layout.annotations if a.name == "uncounted")
        annotation.update(text=text, y=1 - (bars_px + 12) / plot)


def _slide_basis(bars: pd.DataFrame) -> str:
    """A slide's short note under the bars: what the dotted line marks, and that uncounted parts are not drawn."""
    kinds = set(bars.kind)
    first = (
        _("A vote of one party's caucus, not of the congress")
        if kinds == {"caucus"}
        else _("Below the dotted line, a party caucus")
        if len(kinds) > 1
        else _("Floor votes")
    )
    return first + ". " + _("Uncounted parts not drawn.")


def summary(votes: pd.DataFrame) -> str:
    """How many votes are recorded, the first counted floor vote's result, and the rest in brief."""
    if votes.empty:
        return f"{_(TITLE)}: {votes.attrs['missing']}"
    shown = votes[votes.is_default]
    text = ngettext("{n} recorded vote", "{n} recorded votes", len(shown)).format(n=number(len(shown)))
    floor = [v for _index, v in shown.iterrows() if counted(v) and v.kind != "caucus"]
    caucus = [v for _index, v in shown.iterrows() if counted(v) and v.kind == "caucus"]
    if floor:
        text += f"; “{floor[0].motion}”: {outcome_text(floor[0])}"
    uncounted = sum(not counted(v) for _index, v in shown.iterrows())
    if uncounted:
        text += "; " + ngettext(
            "{n} without a count in the sources", "{n} without a count in the sources", uncounted
        ).format(n=number(uncounted))
    if caucus and not floor:
        v = caucus[0]
        text += "; " + _("within the {party}' caucus, “{motion}”: {outcome}").format(
            party=v.caucus_label, motion=v.motion, outcome=outcome_text(v)
        )
    return text + "."


def table(votes: pd.DataFrame) -> pd.DataFrame:
    """The tallies as a table for people: the motion, the result in words, each count, the source."""
    if votes.empty:
        return pd.DataFrame()
    return pd.DataFrame(
        {
            _("Vote"): [vote_label(v, 500).replace("<br>", " ") for _index, v in votes.iterrows()],
            _("Result"): [outcome_text(v) for _index, v in votes.iterrows()],
            **{_(VOTE_LABELS[p]): [count(v) if not missing(v) else "—" for v in votes[p]] for p in PARTS},
            _("Source"): votes.source.fillna(""),
            _("Source's words"): [f"“{e}”" for e in votes.excerpt],
            **glosses(votes.excerpt, votes.excerpt_gloss),
        }
    )


def walk(votes: pd.DataFrame) -> dict:
    """Each recorded vote with its result; below a counted one, each count, then the source's words."""
    steps = []
    for _index, vote in votes.iterrows():
        match = {"vote_id": [vote.vote_id], "variant": [int(vote.variant)]} if counted(vote) else None
        source = " " + _("Source: {source}").format(source=vote.source) + "." if isinstance(vote.source, str) else ""
        deeper = [
            step(f"{_(VOTE_LABELS[p])}: {count(vote[p])}.", {**match, "part": [p]})
            for p in PARTS
            if match and not missing(vote[p])
        ]
        label = html.unescape(vote_label(vote, 500).replace("<br>", " "))
        steps.append(step(f"{label}: {outcome_text(vote)}.{source}", match, [*deeper, *source_words(vote, match)]))
    return charts_walk(f"{_(TITLE)}: {votes.attrs['subtitle']}.", steps)


CHART = Chart("votes", TITLE, "congress", rows, draw, summary, table, walk)
