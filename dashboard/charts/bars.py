"""A breakdown as horizontal bars: one bar per part, sub-parts drawn inside their parent's bar.

Two charts draw this way: the party composition by numbers and the social composition."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.breakdowns import GAP_ID
from dashboard.charts.base import (
    Chart,
    base_text,
    context,
    default_parts,
    part_share,
    part_table,
    part_value,
    reason_not_recorded,
    subtitle,
    with_sources,
)
from dashboard.charts.draw import (
    LABELLED_BAR,
    category_axis,
    finish,
    label_margin,
    labels_above,
    places_under_labels,
    quoted,
    source_line,
    value_axis_end,
    when,
    wrap,
)
from dashboard.charts.walk import breakdown_steps
from dashboard.charts.walk import walk as charts_walk
from dashboard.frames import Frames
from dashboard.i18n import N_, _, in_sentence
from dashboard.style import SOCIAL_COLOURS, Style, on_paper, party_colour, party_rank
from dashboard.urls import State
from dashboard.wording import missing

TOPICS = {"party": "party", "social": "social"}
NOTHING = {
    "party": N_("No party composition was found in the sources read."),
    "social": N_("No social composition was found in the sources read."),
}
PARTY_TITLE = N_("Party composition, by numbers")
SOCIAL_TITLE = N_("Social composition")
PARTY_NOUN = N_("Party composition")
"""What the party bars' caption calls the breakdown."""


def breakdown_rows(kind: str):
    """The rows function of a chart of the congress's default breakdown of `kind`."""

    def rows(frames: Frames, view: State) -> pd.DataFrame:
        parts = default_parts(frames, view.congress_id, kind)
        why = reason_not_recorded(frames, view.congress_id, TOPICS[kind]) or _(NOTHING[kind])
        return context(with_sources(frames, parts), subtitle(frames, view.congress_id), why)

    return rows


def _measure(parts: pd.DataFrame) -> str:
    return "count" if parts.unit.iloc[0] == "count" else "share"


def breakdown_draw(title: str, kind: str):
    """The draw function of a bar chart of a breakdown of `kind`, titled `title` (a constant marked with `N_`)."""

    def draw(parts: pd.DataFrame, style: Style) -> go.Figure:
        """Draw the breakdown as bars of counts, or of shares where only shares exist. Sub-parts are
        a darker segment inside their parent's bar; each bar ends with its value, and its share of
        the named base; the part the source does not account for is a grey bar of its own."""
        size = style.size
        measure = _measure(parts)
        top = parts[parts.level == 0].copy()
        top["rank"] = top.part_id.map(party_rank) if kind == "party" else top.order
        top = top.sort_values(["rank", "order"])
        labels = [_category(p, parts, 12 if size.narrow else 24) for _index, p in top.iterrows()]
        keys = list(top.part_id)  # the categories: labels may wrap alike, ids never do
        # a narrow slide (a half, beside a lesson) keeps 24 px type: each label above its bar, the figure's width
        above = bool(size.fit and size.room) and label_margin(labels, size) > size.room * 0.4
        if above:
            chars = round((size.room - 40) / (size.font * 0.58))
            labels = [_category(p, parts, chars) for _index, p in top.iterrows()]
            keys, units = places_under_labels(labels)
        fig = go.Figure()
        for index, ((_index, part), category) in enumerate(zip(top.iterrows(), keys, strict=True)):
            children = parts[parts.within == part.part_id]
            inside = 0.0
            for _index, child in children.iterrows():
                value = float(child[measure])
                inside += value
                name = _("of whom {part}").format(part=in_sentence(child.label))
                fig.add_trace(_bar(child, value, category, _colour(kind, child.part_id, index, style.theme), name))
            fig.add_trace(
                _bar(
                    part,
                    float(part[measure]) - inside,
                    category,
                    _colour(kind, part.part_id, index, style.theme),
                    part.label,
                )
            )
            fig.add_annotation(
                x=float(part[measure]),
                y=category,
                text=_end_label(part, measure),
                xanchor="left",
                xshift=6,
                showarrow=False,
                font={"size": size.text(size.font - 1)},
                name=f"value-{part.part_id}",
            )
        fig.update_layout(barmode="stack", showlegend=False, bargap=0.25, hovermode="closest")
        if above:
            labels_above(fig, labels, keys, size)
            fig.update_traces(width=LABELLED_BAR)
            fig.update_yaxes(visible=False, range=[units, 0])
        else:
            fig.update_yaxes(**category_axis(keys, labels), showgrid=False, tickfont={"size": size.font})
        left = 20 if above else label_margin(labels, size)
        ends = (a.text for a in fig.layout.annotations if (a.name or "").startswith("value-"))
        end = value_axis_end(float(top[measure].max()), ends, left, size)
        fig.update_xaxes(visible=False, range=[0, end])
        return finish(
            fig,
            title=_(title),
            subtitle=parts.attrs["subtitle"],
            sources=source_line(parts.source, style.link, style.retrieved),
            size=size,
            theme=style.theme,
            left=left,
            basis=basis_text(parts),
        )

    return draw


def basis_text(parts: pd.DataFrame) -> str:
    """What the breakdown counts and what its shares are of, in the source's terms and in plain words."""
    first = parts.iloc[0]
    if isinstance(first.moment, str):
        text = _("Of {who}, {when}").format(who=first.of, when=when(first.moment))
    else:
        text = _("Of {who}").format(who=first.of)
    if first.unit == "percent":
        return text + ". " + _("Shares as the source gives them; it gives no counts.")
    if missing(first.base):
        return text + ". " + _("Total not recorded, so no shares are given.")
    return text + ". " + _("Shares {base}.").format(base=base_text(first))


def _end_label(part: pd.Series, measure: str) -> str:
    if measure == "share" or missing(part.share):
        return html.escape(part_value(part))
    return html.escape(f"{part_value(part)}  ({part_share(part)})")


def _category(part: pd.Series, parts: pd.DataFrame, width: int = 24) -> str:
    """The bar's label: the part's name, with the sub-parts it includes on a second line."""
    label = _("Not accounted for") if part.part_id == GAP_ID else part.label
    children = parts[parts.within == part.part_id]
    if children.empty:
        return wrap(label, width, lines=4)
    within = ", ".join(f"{part_value(c)} {c.label}" for _index, c in children.iterrows())
    return wrap(label, width) + "<br>" + wrap(_("incl. {parts}").format(parts=within), width + 6, lines=2)


def _colour(kind: str, part_id: str, index: int, theme: str) -> str:
    if kind == "party" or part_id == GAP_ID:
        return party_colour(part_id, theme)
    return on_paper(SOCIAL_COLOURS[index % len(SOCIAL_COLOURS)], theme)


def _bar(part: pd.Series, value: float, category: str, colour: str, name: str) -> go.Bar:
    """One segment of a bar, named `name` (the part's label, or "of whom" it), with the part's numbers, base
    and source's words on hover."""
    name = name.strip()
    share = "" if missing(part.share) else f" · {part_share(part)} {base_text(part)}"
    hover = [f"<b>{html.escape(name)}</b>", html.escape(f"{part_value(part)}{share}")]
    if isinstance(part.note, str):
        hover.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        hover += quoted(part.excerpt, part.excerpt_gloss)
    return go.Bar(
        x=[value],
        y=[category],
        orientation="h",
        marker={"color": colour, "line": {"width": 0}},
        name=name,
        hovertemplate="<br>".join(hover) + "<extra></extra>",
        meta={"part_id": part.part_id},
    )


def breakdown_summary(noun: str):
    """The summary function of a bar chart: the largest part and the rest, each with its value. `noun` names the
    breakdown (a constant marked with `N_`)."""

    def summary(parts: pd.DataFrame) -> str:
        if parts.empty:
            return f"{_(noun)}: {parts.attrs['missing']}"
        top = parts[parts.level == 0]
        named = top[~top.gap]
        lead = named.sort_values(_measure(parts), ascending=False).iloc[0]
        share = "" if missing(lead.share) or _measure(parts) == "share" else f", {part_share(lead)}"
        text = _("{chart}: the largest group were {part} ({value} {base}{share}).").format(
            chart=_(noun), part=lead.label, value=part_value(lead), base=base_text(lead), share=share
        )
        others = [f"{r.label} {part_value(r)}" for _index, r in top.iterrows() if r.part_id != lead.part_id]
        return text + (_(" Then: {others}.").format(others="; ".join(others)) if others else "")

    return summary


def breakdown_walk(title: str):
    """The walk function of a bar chart: each bar in turn, then its sub-parts and its source's words. `title` is
    a constant marked with `N_`."""

    def walk(parts: pd.DataFrame) -> dict:
        label = _("{title} (bar chart): {subtitle}.").format(title=_(title), subtitle=parts.attrs["subtitle"])
        return charts_walk(label, breakdown_steps(parts))

    return walk


PARTY_BARS = Chart(
    "party-bars",
    PARTY_TITLE,
    "congress",
    breakdown_rows("party"),
    breakdown_draw(PARTY_TITLE, "party"),
    breakdown_summary(PARTY_NOUN),
    part_table,
    breakdown_walk(PARTY_TITLE),
)
SOCIAL = Chart(
    "social",
    SOCIAL_TITLE,
    "congress",
    breakdown_rows("social"),
    breakdown_draw(SOCIAL_TITLE, "social"),
    breakdown_summary(SOCIAL_TITLE),
    part_table,
    breakdown_walk(SOCIAL_TITLE),
)
