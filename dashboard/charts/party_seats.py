"""Party composition as a seat chart: a hemicycle with one mark per delegate."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.breakdowns import GAP_ID
from dashboard.charts.base import (
    Chart,
    base_text,
    context,
    default_parts,
    part_count,
    part_share,
    part_table,
    reason_not_recorded,
    subtitle,
    with_sources,
)
from dashboard.charts.draw import chars, finish, legend_room, quoted, source_line, when, wrap
from dashboard.charts.walk import breakdown_steps
from dashboard.charts.walk import walk as charts_walk
from dashboard.frames import Frames
from dashboard.i18n import DEFAULT, N_, _, current, in_sentence, ngettext, number
from dashboard.style import THEMES, Size, Style, party_colour, party_rank
from dashboard.urls import State
from dashboard.wording import SUM_OF_PARTS, count, missing

TITLE = N_("Party composition")
INNER = 0.38
"""The inner radius of the hemicycle, as a share of the outer."""
PHONE_HALL = 360
"""A phone figure's height without its legend: title, hall and source line."""
WELL_WORDS = {
    "all delegates": N_("delegates in all"),
    SUM_OF_PARTS: N_("delegates listed"),
    "members of the body": N_("members"),
}
ONLY_SHARES = N_(
    "The sources give this congress's party composition only as shares, not as counts of delegates, "
    "so there are no seats to draw; the bars show the shares."
)


@dataclass(frozen=True)
class Group:
    """A run of seats drawn in one colour: a party, a faction within it, or the gap."""

    part_id: str
    label: str
    seats: int
    colour: str
    hover: str
    rank: int
    original: str | None = None
    """The party's name in Russian, shown beside the English one on English pages."""


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """The default party breakdown of the congress, where it gives counts of delegates."""
    parts = default_parts(frames, view.congress_id, "party")
    why = reason_not_recorded(frames, view.congress_id, "party") or _(
        "No party composition was found in the sources read."
    )
    if not parts.empty and parts.unit.iloc[0] != "count":
        parts, why = parts.iloc[0:0], _(ONLY_SHARES)
    return context(with_sources(frames, parts), subtitle(frames, view.congress_id), why)


def seat_positions(seats: int) -> np.ndarray:
    """(x, y) of `seats` seats in concentric half rings, ordered from the left end to the right."""
    rings = ring_count(seats)
    radii = np.linspace(INNER, 1, rings) if rings > 1 else np.array([1.0])
    per_row = np.floor(seats * radii / radii.sum()).astype(int)
    per_row[-1] += seats - per_row.sum()
    points = []
    for radius, in_row in zip(radii, per_row, strict=True):
        angles = np.linspace(math.pi, 0, in_row) if in_row > 1 else np.array([math.pi / 2])
        points += [(angle, radius) for angle in angles]
    points.sort(key=lambda p: (-p[0], p[1]))
    return np.array([(r * math.cos(a), r * math.sin(a)) for a, r in points]).reshape(-1, 2)


def ring_count(seats: int) -> int:
    """How many half rings hold `seats` seats at an even spacing."""
    return max(1, math.ceil(math.sqrt(2 * seats * (1 - INNER) / (math.pi * (1 + INNER)))))


def hall_radius(size: Size, key: float = 0) -> float:
    """The hall's outer radius in pixels: set by the plot's height or width (the legend, whose longest entry
    is `key` characters, takes the right), whichever is tighter."""
    width = size.across(wide=True)
    plot_width = width - (30 if size.narrow else max(300, key * size.font * 0.6 + 60))
    plot_height = (size.height * 0.55 if size.narrow else size.height) - size.font * 8
    return min(plot_width / 2.16, plot_height / 1.18)


def _slide_legend(size: Size, entries: int) -> dict:
    """A slide's legend, which keeps to the slide's height: every entry in view, none scrolled away, its
    text smaller only where a congress has more parties than fit at the slide's size, never under its least."""
    room = size.height - size.font * 7.5 - 16
    return {"font": {"size": size.text(min(size.font - 1, room / (entries * 1.7)))}, "tracegroupgap": 2}


def well_print(size: Size) -> int:
    """The size of the well's small print under its number: 70 % of the number's, never under the least."""
    return size.text(size.font * 1.2 * 0.7)


def well_width(size: Size, key: float = 0) -> int:
    """How many characters of the well's small print fit a line inside the inner ring."""
    return max(10, min(22, int(2 * INNER * hall_radius(size, key) * 0.85 / (well_print(size) * 0.6))))


def marker_size(seats: int, size: Size, key: float = 0) -> float:
    """The diameter of a seat mark, in pixels, that keeps neighbouring seats apart (`key`: the legend's
    longest entry, in characters)."""
    radius = hall_radius(size, key)
    rings = ring_count(seats)
    across = radius * (1 - INNER) / max(rings - 1, 1)
    along = math.pi * radius * rings * (1 + INNER) / 2 / seats
    return max(2.0, min(22.0, 0.82 * min(across, along)))


ORIGINAL_TYPE = 0.8
"""The Russian original under an English legend entry, in type this much the size of the entry's."""


def _original_line(original: str, theme: str) -> str:
    """The legend's second line for a party on an English page: its Russian name, small and muted."""
    return f"<br><span style='font-size:{ORIGINAL_TYPE:.0%};color:{THEMES[theme].muted}'>{html.escape(original)}</span>"


def seat_groups(parts: pd.DataFrame, theme: str = "light") -> list[Group]:
    """The parts as seat groups, sub-parts beside their parent, left to right of the hall."""
    groups: list[Group] = []
    top = parts[parts.level == 0].copy()
    top["rank"] = top.part_id.map(party_rank)
    for rank, (_index, part) in enumerate(top.sort_values(["rank", "order"]).iterrows()):
        children = parts[parts.within == part.part_id]
        for _child_index, child in children.iterrows():
            groups.append(
                _group(
                    child,
                    int(child["count"]),
                    _("of whom {part}").format(part=in_sentence(child.label)),
                    10 * rank + 1,
                    theme,
                    part.label,
                )
            )
        rest = int(part["count"]) - int(children["count"].sum())
        groups.append(_group(part, rest, part.label, 10 * rank, theme))
    return groups


def _group(part: pd.Series, seats: int, label: str, rank: int, theme: str, parent: str | None = None) -> Group:
    name = _("{part}, within the {parent}").format(part=part.label, parent=parent) if parent else label
    share = "" if missing(part.share) else f" · {part_share(part)}"
    delegates = _("{count} delegates").format(count=part_count(part))
    original = part.original if current() == DEFAULT and isinstance(part.get("original"), str) else None
    named = f"<b>{html.escape(name)}</b>" + (f" · <i>{html.escape(original)}</i>" if original else "")
    lines = [named, f"{delegates}{share} {html.escape(base_text(part))}"]
    if part.part_id == GAP_ID and isinstance(part.note, str):
        lines.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        lines += quoted(part.excerpt, part.excerpt_gloss)
    if isinstance(part.source, str):
        lines.append(_("Source: {source}").format(source=html.escape(part.source)))
    return Group(
        part.part_id,
        f"{label}: {part_count(part)}",
        seats,
        party_colour(part.part_id, theme),
        "<br>".join(lines),
        rank,
        original,
    )


SHORT_WELL = 16
"""A well narrower than this many characters holds the number alone; the words go under the hall."""
WELL_HEIGHT = 0.65
"""How high the well's lines may stand, as a share of its radius, before the number's corners reach the seats."""


def hall_words(parts: pd.DataFrame) -> tuple[str, str]:
    """What the hall holds: its number ('649') and what it counts ('delegates, voting right not stated')."""
    first = parts.iloc[0]
    if missing(first.base_count):
        return number(int(parts[parts.level == 0]["count"].sum())), _(WELL_WORDS[SUM_OF_PARTS])
    moment = f", {when(first.moment)}" if isinstance(first.moment, str) else ""
    return count(first.base_count, first.base_approximate), _(WELL_WORDS.get(first.base, first.base)) + moment


def words_in_well(words: str, size: Size, key: float = 0) -> bool:
    """Whether what the hall counts fits its well under the number: wide enough, in two lines at most (a third
    would rise into the seats), and low enough that the number's corners stay clear of the inner ring;
    otherwise it goes under the hall."""
    width = well_width(size, key)
    lines = wrap(words, width, lines=9).count("<br>") + 1
    high = (size.font * 1.2 + lines * well_print(size)) * 1.25
    return width >= SHORT_WELL and lines <= 2 and high <= WELL_HEIGHT * INNER * hall_radius(size, key)


def well(number: str, words: str, size: Size, key: float = 0) -> tuple[str, str | None]:
    """The hall's well, '649' over 'delegates, voting right not stated' in its small print, and None; or,
    where the well is too small for the words, the number alone, in the chart's own type so that its corners
    stay clear of the inner ring, and the words for under the hall."""
    if not words_in_well(words, size, key):
        in_hall = _("{number} {words} in the hall.").format(number=number, words=words)
        return f"<b style='font-size:{size.font}px'>{number}</b>", in_hall
    print_px = well_print(size)
    return (
        f"<b>{number}</b><br><span style='font-size:{print_px}px'>{wrap(words, well_width(size, key), lines=3)}</span>",
        None,
    )


def draw(parts: pd.DataFrame, style: Style) -> go.Figure:
    """Draw the breakdown as a hemicycle: one mark per delegate, grouped by party.

    Factions and sympathisers sit beside their party; the part the source does not account for is
    grey, with the reason on hover. A line marks the majority of the base; its size sits in the well."""
    size, theme = style.size, style.theme
    whole = int(parts[parts.level == 0]["count"].sum())
    xy = seat_positions(whole)
    groups = seat_groups(parts, theme)
    originals = not size.fit and not size.narrow and any(g.original for g in groups)  # a desk's legend has room
    key = max(max(chars(g.label), ORIGINAL_TYPE * chars(g.original or "")) for g in groups)
    marker = marker_size(whole, size, key)
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
                name=group.label + (_original_line(group.original, theme) if originals and group.original else ""),
                legendgroup=group.part_id,
                legendrank=group.rank,
                marker={"size": marker, "color": group.colour, "line": {"width": 0}},
                hovertemplate=group.hover + "<extra></extra>",
                meta={"part_id": group.part_id, "seats": group.seats},
            )
        )
    muted = THEMES[theme].muted
    first = parts.iloc[0]
    if not missing(first.base_count) and missing(first.base_bound):
        majority = int(first.base_count) // 2 + 1
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
            text=_("Majority: {count}").format(count=count(majority, first.base_approximate)),
            showarrow=False,
            yanchor="bottom",
            font={"size": size.font, "color": muted},
            name="majority",
        )
    well_words, under = well(*hall_words(parts), size, key)
    fig.add_annotation(
        x=0,
        y=0.02,
        text=well_words,
        showarrow=False,
        yanchor="bottom",
        font={"size": round(size.font * 1.2)},
        name="total",
    )
    fig.update_xaxes(visible=False, range=[-1.08, 1.08], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.02, 1.16], scaleanchor="x", fixedrange=True)
    fig.update_layout(
        legend={
            "itemsizing": "constant",
            "orientation": "v",
            "x": 1.0,
            "xanchor": "left",
            "y": 0.5,
            "yanchor": "middle",
            **(_slide_legend(size, sum(1 for t in fig.data if t.showlegend is not False)) if size.fit else {}),
        },
        hovermode="closest",
    )
    # On a phone the legend goes under the hall, with room kept for every entry.
    entries = len(fig.data) if size.narrow else 0
    return finish(
        fig,
        title=_(TITLE),
        subtitle=parts.attrs["subtitle"],
        sources=source_line(parts.source, style.link, style.retrieved),
        size=size,
        theme=theme,
        basis=under,
        wide=True,
        top=round(size.font * 0.4) if size.fit else 0,  # the majority's label stands clear of the subtitle
        legend_below=entries,
        key_under_heading=size.fit,
        height=PHONE_HALL + legend_room(entries) if size.narrow else None,
    )


def summary(parts: pd.DataFrame) -> str:
    """The largest group and the others, each with its count and share of the named base."""
    if parts.empty:
        return f"{_(TITLE)}: {parts.attrs['missing']}"
    top = parts[parts.level == 0]
    named = top[~top.gap]
    lead = named.sort_values("count", ascending=False).iloc[0]
    share = f", {part_share(lead, long=True)}" if not missing(lead.share) else ""
    text = _("The largest group were the {party}: {count} {base}{share}.").format(
        party=in_sentence(lead.label), count=part_count(lead, long=True), base=base_text(lead), share=share
    )
    others = [f"{r.label} {part_count(r)}" for _index, r in top.iterrows() if r.part_id != lead.part_id]
    return text + (_(" Then: {others}.").format(others="; ".join(others)) if others else "")


def walk(parts: pd.DataFrame) -> dict:
    """The hall from left to right, party by party; below each, its factions and its source's words."""
    top = parts[parts.level == 0].assign(rank=lambda t: t.part_id.map(party_rank))
    order = list(top.sort_values(["rank", "order"]).part_id)
    whole = int(top["count"].sum())
    label = ngettext(
        "Seat chart: {subtitle}. One mark per delegate, {n} in all.",
        "Seat chart: {subtitle}. One mark per delegate, {n} in all.",
        whole,
    ).format(subtitle=parts.attrs["subtitle"], n=number(whole))
    return charts_walk(label, breakdown_steps(parts, order))


CHART = Chart("party-seats", TITLE, "congress", rows, draw, summary, part_table, walk)
