"""Delegate types: by voting right, and by the organisations or republics that sent them."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.breakdowns import GAP_ID
from dashboard.charts.base import (
    KIND_NAMES,
    Chart,
    base_text,
    context,
    default_parts,
    part_count,
    part_share,
    part_table,
    part_value,
    reason_not_recorded,
    subtitle,
    with_sources,
)
from dashboard.charts.draw import (
    category_axis,
    end_label_width,
    finish,
    label_margin,
    quoted,
    source_line,
    value_axis_end,
    wrap,
)
from dashboard.charts.walk import breakdown_steps, step
from dashboard.charts.walk import walk as charts_walk
from dashboard.frames import Frames
from dashboard.i18n import N_, _, ngettext
from dashboard.style import GAP_COLOUR, SOCIAL_COLOURS, Size, Style
from dashboard.urls import State
from dashboard.wording import count, missing

TITLE = N_("Delegate types")
RIGHT_COLOURS = {"voting": "#0072b2", "consultative": "#56b4e9", GAP_ID: GAP_COLOUR}
SECOND_PANEL = {
    ("origin", "organisations"): N_("Organisations that sent delegates<br>(counted in organisations, not delegates)"),
    ("origin", "delegates"): N_("Delegates, by the organisations that sent them"),
    ("republic", "delegates"): N_("Delegates, by republic"),
}


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """The default split by voting right, and the default split by origin (or, for the All-Union
    congresses, by republic). A lone count with no total is not a split: the facts panel gives it."""
    congress_id = view.congress_id
    rights = default_parts(frames, congress_id, "voting-right")
    origins = default_parts(frames, congress_id, "origin")
    if origins.empty:
        origins = default_parts(frames, congress_id, "republic")
    why = reason_not_recorded(frames, congress_id, "delegate-types") or _("No split of the delegates was found.")
    if len(rights) == 1 and missing(rights.base.iloc[0]) and origins.empty:
        lone = rights.iloc[0]
        why = _(
            "The sources read count only the delegates with a full vote ({count}) and give no total "
            "or consultative count, so there is no split to draw."
        ).format(count=part_count(lone))
        rights = rights.iloc[0:0]
    parts = pd.concat([rights, origins]) if not (rights.empty and origins.empty) else rights
    return context(with_sources(frames, parts), subtitle(frames, congress_id), why)


def _hover(part: pd.Series, text: str) -> str:
    lines = [f"<b>{html.escape(part.label)}</b>", html.escape(text)]
    if isinstance(part.note, str):
        lines.append(html.escape(part.note))
    if isinstance(part.excerpt, str):
        lines += quoted(part.excerpt, part.excerpt_gloss)
    return "<br>".join(lines) + "<extra></extra>"


def _right_text(part: pd.Series) -> str:
    share = "" if missing(part.share) else f" · {part_share(part)}"
    return f"{part_value(part)}{share}"


def _sent_text(part: pd.Series, terse: bool = False, stacked: bool = False) -> str:
    """What a bar counts, in words; `terse` gives the number alone where the panel's title names the unit,
    `stacked` the organisations that sent them on lines of their own (a laptop's panel, which grows for them)."""
    value = part_value(part)
    organisations = part.counts == "organisations"
    if terse:
        text = value
    elif part.unit != "count" or missing(part["count"]):  # a share: "72% delegates"
        text = (_("{share} organisations") if organisations else _("{share} delegates")).format(share=value)
    elif organisations:
        text = ngettext("{n} organisation", "{n} organisations", int(part["count"])).format(n=value)
    else:
        text = ngettext("{n} delegate", "{n} delegates", int(part["count"])).format(n=value)
    if not missing(part.organisations):
        sent = count(part.organisations)
        line = ngettext("from {n} organisation", "from {n} organisations", int(part.organisations)).format(n=sent)
        text += "<br>" + (line.replace(f"{sent} ", f"{sent}<br>", 1) if stacked else line)
    return text


def _spacing(size: Size, rights: int, title: str) -> float:
    """The gap between the two panels, as a share of the plot's height: on a slide, which keeps to its
    height, room for the key of values under the first bar and the second panel's title."""
    if not size.fit:
        return 0.3
    gap = (rights + 1) * size.text(size.font - 2) * 1.4 + (title.count("<br>") + 1) * size.font * 1.4 + 40
    return max(0.3, min(0.62, gap / max(size.height - size.font * 7, 1)))


def _ends_fit(ends: list[str], left: int, size: Size) -> bool:
    """Whether the bars' end labels fit in words beside bars still long enough to compare: on a slide two charts
    share, or a laptop's half panel, a count may have to stand alone, its unit named by the panel's title."""
    if not (size.fit and size.room) and not size.panels:
        return True
    return end_label_width(ends, size) <= (size.across(wide=False) - left - 40) * 0.7


def _title_room(size: Size, title: str) -> int:
    """The room above the plot for the first panel's title: on a slide, which keeps to its height, no more than
    its lines need."""
    lines = title.count("<br>") + 1
    return round(size.font * (3.5 if size.narrow else 1.35 * lines if size.fit else 1.0 + 1.2 * lines))


def _label_chars(size: Size) -> int:
    """How long a line of an origin's label may be: longer where a slide is wide, so that labels take fewer
    lines and the bars stay apart."""
    if not (size.fit and size.room):
        return 26
    return max(26, min(44, round(size.room * 0.5 / (size.font * 0.6))))


def draw(parts: pd.DataFrame, style: Style) -> go.Figure:
    """Draw the delegates by voting right in one stacked bar with a key of values below it, and the
    origins (or republics) as bars that say what they count. A panel without data is left out."""
    size = style.size
    rights = parts[parts.kind == "voting-right"]
    origins = parts[parts.kind != "voting-right"]
    panels = [p for p, present in (("rights", not rights.empty), ("origins", not origins.empty)) if present]
    second = SECOND_PANEL.get((origins.kind.iloc[0], origins.counts.iloc[0]), "") if not origins.empty else ""
    second = _(second) if second else ""  # _("") would be the catalog's header
    titles = {"rights": _("By voting right"), "origins": second}
    thin = 0.12 if size.fit else 0.3  # a slide keeps to its height: the one bar gives the origins room
    heights = {"rights": thin, "origins": 1 - thin} if len(panels) == 2 else {panels[0]: 1.0}
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[heights[p] for p in panels],
        vertical_spacing=_spacing(size, len(rights), second) if len(panels) == 2 else 0.1,
        subplot_titles=[titles[p] for p in panels],
    )
    fig.update_annotations(font={"size": size.font}, xanchor="left", x=0)
    labels: list[str] = []
    taller = 0
    keys: list[str] = []
    if "rights" in panels:
        row = panels.index("rights") + 1
        for _index, part in rights.iterrows():
            colour = RIGHT_COLOURS.get(part.part_id, GAP_COLOUR)
            fig.add_trace(
                go.Bar(
                    x=[float(part["count"])],
                    y=["rights"],
                    orientation="h",
                    name=part.label,
                    marker={"color": colour, "pattern": {"shape": "/" if part.part_id == GAP_ID else ""}},
                    hovertemplate=_hover(part, f"{_right_text(part)} {base_text(part)}"),
                    meta={"part_id": part.part_id, "kind": part.kind},
                    showlegend=False,
                ),
                row=row,
                col=1,
            )
        chars = round((size.room - 60) / (size.text(size.font - 2) * 0.6)) if size.fit and size.room else 200
        key = "<br>".join(
            f"<span style='color:{RIGHT_COLOURS.get(p.part_id, GAP_COLOUR)}'>■</span> "
            + wrap(f"{p.label}: {_right_text(p)}", chars, lines=8)
            for _index, p in rights.iterrows()
        )
        first = rights.iloc[0]
        shares = (
            _("Shares {base}").format(base=base_text(first)) if not missing(first.base) else _("Total not recorded")
        )
        key += "<br>" + wrap(shares, chars, lines=8)  # lines enough that no number is cut
        axis = "" if row == 1 else row
        fig.add_annotation(
            text=key,
            xref=f"x{axis} domain",
            yref=f"y{axis} domain",
            x=0,
            y=-0.12,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": size.text(size.font - 2)},
            name="rights-key",
        )
        fig.update_xaxes(visible=False, row=row, col=1)
        fig.update_yaxes(visible=False, row=row, col=1)
        if panels == ["rights"]:  # the bar above, its key of values below it, both inside the figure
            fig.update_yaxes(domain=[0.6, 1], row=row, col=1)
    if "origins" in panels:
        row = panels.index("origins") + 1
        axis = "" if row == 1 else row
        for _index, part in origins.iterrows():
            labels.append(
                wrap(
                    _("Not accounted for") if part.part_id == GAP_ID else part.label,
                    14 if size.narrow else _label_chars(size),
                    lines=4 if size.narrow else 3,
                )
            )
        terse = not _ends_fit([_sent_text(p) for _index, p in origins.iterrows()], label_margin(labels, size), size)
        stacked = terse and bool(size.panels) and origins.organisations.notna().any()
        taller = round(len(origins) * size.font * 1.3) if stacked else 0  # a laptop's panel: a line more a bar
        for index, (_index, part) in enumerate(origins.iterrows()):
            keys.append(part.part_id)
            value = float(part["count"]) if part.unit == "count" else float(part.share)
            colour = GAP_COLOUR if part.part_id == GAP_ID else SOCIAL_COLOURS[index % len(SOCIAL_COLOURS)]
            fig.add_trace(
                go.Bar(
                    x=[value],
                    y=[part.part_id],
                    orientation="h",
                    name=part.label,
                    marker={"color": colour},
                    hovertemplate=_hover(part, _sent_text(part).replace("<br>", " ")),
                    meta={"part_id": part.part_id, "kind": part.kind},
                    showlegend=False,
                ),
                row=row,
                col=1,
            )
            fig.add_annotation(
                x=value,
                y=part.part_id,
                text=_sent_text(part, terse, stacked),
                xanchor="left",
                xshift=6,
                showarrow=False,
                align="left",
                font={"size": size.text(size.font - 2)},
                xref=f"x{axis}",
                yref=f"y{axis}",
                name=f"origin-{part.part_id}",
            )
        peak = float(origins["count"].max()) if origins.unit.iloc[0] == "count" else 100.0
        ends = (a.text for a in fig.layout.annotations if (a.name or "").startswith("origin-"))
        left = label_margin(labels, size)
        fig.update_xaxes(visible=False, range=[0, value_axis_end(peak, ends, left, size)], row=row, col=1)
        fig.update_yaxes(
            **category_axis(keys, labels),
            row=row,
            col=1,
            tickfont={"size": size.text(size.font - (3 if len(labels) > 4 else 1))},
        )
    fig.update_layout(barmode="stack", bargap=0.3, hovermode="closest")
    left = label_margin(labels, size) if labels else 20
    for annotation in fig.layout.annotations:  # panel titles and the key start at the figure's left edge
        if annotation.name in (None, "rights-key"):
            annotation.xshift = 10 - left
            if size.narrow and annotation.name is None:
                annotation.text = wrap(annotation.text.replace("<br>", " "), 40, lines=3)
    approximate = _("The source gives the origins only approximately.") if origins.approximate.any() else None
    return finish(
        fig,
        title=_(TITLE),
        subtitle=parts.attrs["subtitle"],
        sources=source_line(parts.source, style.link, style.retrieved),
        size=size,
        theme=style.theme,
        left=left,
        top=_title_room(size, titles[panels[0]]),
        basis=approximate,
        height=300 + len(parts) * 75 if size.narrow and not size.width else (size.height + taller) if taller else None,
    )


def summary(parts: pd.DataFrame) -> str:
    """The split by voting right, and by origin or republic, each with its values."""
    if parts.empty:
        return f"{_(TITLE)}: {parts.attrs['missing']}"
    out = []
    rights = parts[parts.kind == "voting-right"]
    if not rights.empty:
        values = "; ".join(f"{r.label} {_right_text(r)}" for _index, r in rights.iterrows())
        out.append(
            _("Delegates by voting right: {values} ({base}).").format(values=values, base=base_text(rights.iloc[0]))
        )
    origins = parts[parts.kind != "voting-right"]
    if not origins.empty:
        if origins.kind.iloc[0] == "republic":
            how = _("By republic")
        elif origins.counts.iloc[0] == "organisations":
            how = _("By origin (organisations)")
        else:
            how = _("By origin (delegates)")
        out.append(f"{how}: " + "; ".join(f"{r.label} {part_value(r)}" for _index, r in origins.iterrows()) + ".")
    return " ".join(out)


def walk(parts: pd.DataFrame) -> dict:
    """Each split (voting right, origin or republic) with its values, then its parts one by one."""
    steps = []
    for kind, split in parts.groupby("kind", sort=False):
        values = "; ".join(f"{r.label} {part_value(r)}" for _index, r in split.iterrows())
        deeper = breakdown_steps(split, key={"kind": [kind]})
        name = _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind
        steps.append(step(f"{name}: {values}.", {"kind": [kind]}, deeper))
    label = _("{title} (bar chart): {subtitle}.").format(title=_(TITLE), subtitle=parts.attrs["subtitle"])
    return charts_walk(label, steps)


CHART = Chart("delegate-types", TITLE, "congress", rows, draw, summary, part_table, walk)
