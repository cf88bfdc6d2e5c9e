"""Party compositions of two to four congresses side by side, and the change between them.

Like is compared with like: a change is computed only between congresses whose shares are of the same
kind of base (delegates with full vote, all delegates, …), never across different bases or from a bound.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.breakdowns import GAP_ID, GAP_LABEL
from dashboard.charts.base import Chart, base_text, context, part_count, part_share, part_table, part_value
from dashboard.charts.draw import (
    LINE_SPACING,
    finish,
    label_margin,
    legend_room,
    plot_height,
    rows_by_label,
    side_legend,
    source_line,
    wrap,
)
from dashboard.charts.parties import cell_label, left_out, lineage_order, party_rows, slide_legend
from dashboard.frames import Frames
from dashboard.i18n import N_, _, date, in_sentence, ngettext, number
from dashboard.style import THEMES, Size, Style, party_colour
from dashboard.urls import State
from dashboard.wording import change, missing, population

TITLE = N_("Party composition compared")
BASES_DIFFER = N_("bases differ")
BASES_NOT_STATED = N_("bases not stated")
A_BOUND = N_("a bound, not a count")
THE_GAP = N_("the gap is not a party")
NOT_IN_BOTH = N_("absent or not recorded in one of them")
"""Why no change is computed between two congresses' cells (the last leaves the cell a bare dash)."""
COMPARABLE = ("full-vote", "all", "declared", "members")
"""Populations a change can be computed within; 'unstated' is not one: two unstated bases may differ."""


CONGRESS_OF_SOVIETS = N_(" Congress of Soviets")
"""What a congress's name says after its number and series, with the space before it (' съезд Советов')."""


def short_name(name: str) -> str:
    """'Second All-Russian' for the Second All-Russian Congress of Soviets, in the current language."""
    return name.replace(_(CONGRESS_OF_SOVIETS), "")


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """The default party breakdowns of the compared congresses, sub-parts and gaps included."""
    parts = party_rows(frames, list(view.compare_ids))
    names = " · ".join(short_name(n) for n in dict.fromkeys(parts.congress))
    out = context(parts, names)
    out.attrs["measure"] = view.measure
    return out


def bar_label(row: pd.Series, narrow: bool = False, slide: bool = False) -> str:
    """A congress's bar label: its name and date, and what its counts are of (on a slide, in lines as long as
    the base's, so that the name and date take one where they can)."""
    head = f"{short_name(row.congress)} · {date(row.date_given, 'month-short')}"
    width = 12 if narrow else 30 if slide else 26
    if row.status != "listed":
        return wrap(head, width, lines=4)
    base = base_text(row).removeprefix(_("of") + " ")
    return wrap(head, width, lines=3) + "<br>" + wrap(base, 16 if narrow else 40 if slide else 30, lines=2)


def comparable(a: pd.Series, b: pd.Series) -> str | None:
    """Why no change can be computed between two congresses' rows, or None where one can."""
    if a.population != b.population:
        return BASES_DIFFER
    if a.population not in COMPARABLE:
        return BASES_NOT_STATED
    return None


def changes(parts: pd.DataFrame) -> pd.DataFrame:
    """For each party (one row per lineage), its cell in each congress and the change from the one before.

    A party a congress's list does not name is `absent` there, never 0; a congress without a party
    composition is `not recorded`. No change is computed across different bases, from a bound, or from
    a congress where the party is absent."""
    ids = list(dict.fromkeys(parts.congress_id))
    out = []
    for key in lineage_order(parts):
        previous = None
        for congress_id in ids:
            mine = parts[parts.congress_id == congress_id]
            row = mine[mine.lineage_id == key] if mine.status.iloc[0] == "listed" else mine.iloc[0:0]
            status = "listed" if not row.empty else ("absent" if mine.status.iloc[0] == "listed" else "not recorded")
            entry = {"lineage_id": key, "congress_id": congress_id, "status": status, "why_no_change": None}
            if not row.empty:
                r = row.iloc[0]
                entry |= {"row": r, "within": r.within_lineage if isinstance(r.within_lineage, str) else None}
            if previous is not None and "row" in previous and "row" in entry:
                entry |= _change(previous["row"], entry["row"])
            elif previous is not None:
                entry["why_no_change"] = NOT_IN_BOTH
            out.append(entry)
            previous = entry
    return pd.DataFrame(out)


def _change(a: pd.Series, b: pd.Series) -> dict:
    why = comparable(a, b)
    if why is None and (isinstance(a.bound, str) or isinstance(b.bound, str)):
        why = A_BOUND
    if why is None and a.gap:
        why = THE_GAP
    if why:
        return {"why_no_change": why}
    approx = bool(a.approximate or b.approximate)
    out = {"why_no_change": None}
    if not missing(a["count"]) and not missing(b["count"]):
        out["change_count"] = int(b["count"]) - int(a["count"])
        out["change_count_approximate"] = approx
    if not missing(a.share) and not missing(b.share):
        out["change_share"] = float(b.share) - float(a.share)
        out["change_share_approximate"] = bool(a.share_approximate or b.share_approximate)
    return out


def _cell(entry: pd.Series) -> str:
    if entry.status == "not recorded":
        return _("not recorded")
    if entry.status == "absent":
        return _("no gap") if entry.lineage_id == GAP_ID else _("absent")
    r = entry.row
    share = "" if missing(r.share) else f" · {part_share(r)}"
    within = (
        _("within the {party}").format(party=in_sentence(entry.within_label))
        if isinstance(entry.get("within_label"), str)
        else ""
    )
    label = cell_label(r) if cell_label(r) != r.row_label else ""
    words = ", ".join(w for w in (label, within) if w)
    name = f" ({words})" if words and not r.gap else ""
    return f"{part_value(r)}{share}{name}" if not missing(r["count"]) else f"{part_share(r)}{name}"


def _change_cell(entry: pd.Series) -> str:
    if isinstance(entry.why_no_change, str):
        return f"— ({_(entry.why_no_change)})" if entry.why_no_change != NOT_IN_BOTH else "—"
    bits = []
    if not missing(entry.get("change_count")):
        bits.append(change(entry.change_count, bool(entry.change_count_approximate)))
    if not missing(entry.get("change_share")):
        bits.append(change(entry.change_share, bool(entry.change_share_approximate), unit="pts"))
    return " / ".join(bits) or "—"


CHANGE = N_("Change")
SOURCES_DIFFER = N_("; sources differ")


def head_parts(column: str) -> tuple[str, str, str]:
    """A change table's column head as `change_table` writes it, in three: what leads (the congress, or
    'Change'), the rest (', of 784 delegates with full vote', or ' to Second All-Russian (Oct 1917)') and the
    note that sources differ ('; sources differ: 6 lists, the default shown'), each possibly empty."""
    if column.startswith(_(CHANGE) + " "):
        return _(CHANGE), column.removeprefix(_(CHANGE)), ""
    lead, comma, rest = column.partition(", ")
    base, differ, note = rest.partition(_(SOURCES_DIFFER))
    return lead, comma + base, differ + note


def change_table(parts: pd.DataFrame, least: float = 0) -> pd.DataFrame:
    """The change table for people: a row per party, a column per congress and a change column between;
    only the parties reaching `least` % of some congress's base (a crowded slide's), where one is asked."""
    long = changes(parts)
    if long.empty:
        return pd.DataFrame()
    if least:
        long = long[long.lineage_id.isin(larger_groups(parts, least))]
    labels = parts[parts.status == "listed"].drop_duplicates("lineage_id").set_index("lineage_id").row_label
    long["within_label"] = long.within.map(labels)
    heads = {}
    for congress_id, mine in parts.groupby("congress_id", sort=False):
        first = mine.iloc[0]
        base = base_text(first) if first.status == "listed" else _("no party composition")
        differ = (
            _(SOURCES_DIFFER) + ": " + _("{n} lists, the default shown").format(n=int(first.lists))
            if first.lists > 1
            else ""
        )
        heads[congress_id] = f"{short_name(first.congress)} ({date(first.date_given, 'month-short')}), {base}{differ}"
    party = _("Party")
    table: dict[str, list[str]] = {party: []}
    for key, entries in long.groupby("lineage_id", sort=False):
        table[party].append(_(GAP_LABEL) if key == GAP_ID else str(labels.get(key, key)))
        for index, (_i, entry) in enumerate(entries.iterrows()):
            table.setdefault(heads[entry.congress_id], []).append(_cell(entry))
            if index:
                table.setdefault(_change_head(heads[entry.congress_id]), []).append(_change_cell(entry))
    ordered = [party]
    for index, congress_id in enumerate(heads):
        if index:
            ordered.append(_change_head(heads[congress_id]))
        ordered.append(heads[congress_id])
    return pd.DataFrame({column: table[column] for column in ordered})


def _change_head(head: str) -> str:
    """The head of the change column before a congress's: 'Change to Second All-Russian (Oct 1917)'."""
    return _("{change} to {congress}").format(change=_(CHANGE), congress=head.split(",")[0])


def larger_groups(parts: pd.DataFrame, least: float) -> list[str]:
    """The lineages that reach `least` % of some compared congress's base, and the part left unaccounted for."""
    peak = parts[parts.status == "listed"].groupby("lineage_id").share.max()
    return [key for key in lineage_order(parts) if key == GAP_ID or peak.get(key, 0) >= least]


def smaller_left_out(parts: pd.DataFrame, least: float) -> str:
    """The line under a crowded slide's change table naming how many smaller groups it leaves out."""
    smaller = len(lineage_order(parts)) - len(larger_groups(parts, least))
    if not smaller:
        return ""
    return ngettext(
        "{n} smaller group, under {least} % in each congress, is left out here: "
        "the full table is on the page outside presentation mode.",
        "{n} smaller groups, under {least} % in each congress, are left out here: "
        "the full table is on the page outside presentation mode.",
        smaller,
    ).format(n=smaller, least=number(least))


def draw(parts: pd.DataFrame, style: Style) -> go.Figure:
    """Draw one stacked bar per congress, parties left to right in the same order, as counts of each
    congress's own named base or as shares of it. A sub-faction is a segment of its own inside its party,
    the part a source does not account for stays hatched grey, and where the bases differ the figure
    says so: bar lengths then do not compare like with like."""
    size, measure = style.size, parts.attrs.get("measure", "count")
    congresses = parts.drop_duplicates("congress_id")
    slide = size.fit and not size.narrow  # a slide keeps to its height and width: its legend goes under the bars
    labels = {r.congress_id: bar_label(r, size.narrow, slide) for _i, r in congresses.iterrows()}
    places, lines = rows_by_label(list(labels.values()))
    # a slide's rows are as tall as their labels; elsewhere, evenly spaced categories
    where = dict(zip(labels, places, strict=True)) if slide else labels
    listed = parts[parts.status == "listed"]
    fig = go.Figure()
    for key in lineage_order(parts):
        mine = listed[listed.lineage_id == key]
        xs, ys, texts, hovers = [], [], [], []
        for _i, r in mine.iterrows():
            value = r["count"] if measure == "count" else r.share
            if missing(value):
                continue
            children = listed[(listed.congress_id == r.congress_id) & (listed.within == r.part_id)]
            inside = children["count"].sum() if measure == "count" else children.share.sum()
            xs.append(float(value) - float(inside))
            ys.append(where[r.congress_id])
            shown = part_count(r) if measure == "count" else part_share(r)
            texts.append(f"{r.label} {shown}")
            within = (
                ", " + _("within the {party}").format(party=in_sentence(r.within)) if isinstance(r.within, str) else ""
            )
            share = "" if missing(r.share) else f" · {part_share(r)}"
            hovers.append(
                f"<b>{html.escape(cell_label(r))}{html.escape(within)}</b><br>{html.escape(r.congress)}"
                f"<br>{html.escape(part_value(r) + share)} {html.escape(base_text(r))}"
                + (f"<br>{html.escape(r.note)}" if isinstance(r.note, str) else "")
            )
        if not xs:
            continue
        first = mine.iloc[0]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=ys,
                orientation="h",
                name=str(first.row_label),
                text=texts,
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                marker={
                    "color": party_colour(first.part_id, style.theme),
                    "pattern": {"shape": "/" if key == GAP_ID else ""},
                },
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
                meta={"part_id": key},
                textfont={"size": size.text(size.font - 3)},
            )
        )
    order = list(labels.values())
    left = label_margin(order, size)
    for _i, c in congresses.iterrows():
        mine = listed[listed.congress_id == c.congress_id]
        why = None
        if c.status != "listed":
            why = _("No party composition in the sources read")
        elif measure == "count" and mine["count"].isna().all():
            why = _("The sources give only shares: switch to shares")
        elif measure == "share" and mine.share.isna().all():
            why = _("Counts without a total: no shares")
        if why:
            beside = (size.laid_out(0) - left - 40) / (size.font * 0.58)
            fig.add_annotation(
                x=0,
                y=where[c.congress_id],
                text=wrap(why, max(16, round(beside)), lines=3) if slide else why,  # within a slide's plot
                align="left",
                xanchor="left",
                showarrow=False,
                font={"size": size.text(size.font - 1), "color": THEMES[style.theme].muted},
                name=f"missing-{c.congress_id}",
            )
    drawn = bool(fig.data)
    if not drawn:  # no congress has the measure asked for: the rows still stand, each saying why
        fig.add_trace(
            go.Bar(
                x=[0] * len(labels),
                y=list(where.values()),
                orientation="h",
                showlegend=False,
                hoverinfo="skip",
                marker={"color": "rgba(0,0,0,0)"},
                meta={"part_id": "nothing"},
            )
        )
    fig.update_layout(
        barmode="stack",
        bargap=0.3,
        uniformtext={"minsize": size.text(max(11, size.font - 5)), "mode": "hide"},
        legend={} if slide else side_legend(size),
        hovermode="closest",
    )
    _lines, smaller = slide_legend(fig, parts, size) if slide else (0, [])
    key = _slide_key(fig, size) if slide else ""
    if slide:
        fig.update_yaxes(
            tickvals=places,
            ticktext=order,
            range=[lines, 0],
            ticks="",
            showgrid=False,
            zeroline=False,
            automargin=False,
        )
    else:
        fig.update_yaxes(
            type="category",
            categoryorder="array",
            categoryarray=order[::-1],
            ticks="",
            showgrid=False,
            automargin=False,
        )
    fig.update_xaxes(
        visible=drawn,
        side="top",
        range=[0, 100] if measure == "share" else None if drawn else [0, 1],
        gridcolor=THEMES[style.theme].grid,
        ticksuffix="%" if measure == "share" else "",
        nticks=max(3, (size.laid_out(0) - left) // (size.font * 5)) if slide else None,
    )
    fig = finish(
        fig,
        title=_(TITLE),
        subtitle="" if slide and len(labels) > 2 else parts.attrs["subtitle"],  # a crowded slide's rows name them
        sources=source_line(listed.source, style.link, style.retrieved),
        size=size,
        theme=style.theme,
        left=left,
        top=round(size.font * 1.6),
        legend_below=len(fig.data) if size.narrow else 0,
        bottom=(key.count("<br>") + 1) * round(size.font * 1.3) + 16 if key else 0,
        basis=basis_text(parts, measure, slide)
        + left_out(smaller, _("in each congress"), _("a segment"), _("key") if slide else _("legend")),
        height=None
        if size.width
        else (
            360 + len(labels) * 110 + legend_room(len(fig.data))
            if size.narrow
            else size.height
            if size.fit
            else max(size.height, 180 + len(labels) * size.font * 8)
        ),
        wide=True,
    )
    if slide and drawn and plot_height(fig) < lines * size.font * LINE_SPACING:
        # a crowded slide's rows take the room of the value axis above them; the bars carry their numbers
        fig.update_xaxes(visible=False)
        fig.update_layout(margin={"t": fig.layout.margin.t - round(size.font * 1.6)})
    if key:  # under the plot, from the figure's left edge
        fig.update_layout(showlegend=False)
        fig.add_annotation(
            text=key,
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            xshift=10 - left,
            yshift=-6,
            align="left",
            showarrow=False,
            font={"size": size.text(size.font - 3)},
            name="key",
        )
    return fig


def _slide_key(fig: go.Figure, size: Size) -> str:
    """A slide's key to the colours, as lines of text under the bars: plotly.js was seen to lift a legend laid
    across there into the bars, now and then. Each entry is a coloured square and the party's name."""
    font = size.text(size.font - 3)
    chars = round((size.laid_out(0) - 40) / (font * 0.6))
    rows: list[list[str]] = [[]]
    used = 0  # characters on the current row, each entry its name and five for the square and the gap
    for trace in fig.data:
        if trace.showlegend is False:
            continue
        if rows[-1] and used + len(trace.name) + 5 > chars:
            rows.append([])
            used = 0
        rows[-1].append(f"<span style='color:{trace.marker.color}'>■</span> {html.escape(trace.name)}")
        used += len(trace.name) + 5
    return "<br>".join("   ".join(row) for row in rows if row)


def basis_text(parts: pd.DataFrame, measure: str, slide: bool = False, hatched: bool = True) -> str:
    """What the bars count, and whether their bases are alike (on a slide, in fewer words), and what the
    hatching means where asked."""
    listed = parts[parts.status == "listed"].drop_duplicates("congress_id")
    kinds = set(listed.population)
    differ = len(kinds) > 1 or (kinds and next(iter(kinds)) not in COMPARABLE)
    if measure == "share":
        text = _("Shares of each congress's own base, named beside its bar.")
    elif len(kinds) == 1 and next(iter(kinds)) in COMPARABLE:
        text = _("Every bar counts {who}: the lengths compare directly.").format(who=population(next(iter(kinds))))
    elif slide:
        text = _("Each bar counts its own base, named beside it.")
    else:
        text = _("Counts of each congress's own base, named beside its bar.")
    if differ and slide:
        why = _("the bases differ") if len(kinds) > 1 else _("the bases are not stated")
        text = _("{text}: {why}, so no change is computed.").format(text=text[:-1], why=why)
    elif differ:
        text += " " + _("The bases differ or are not stated, so no change is computed between them.")
    if not hatched:
        return text
    hatching = _("Hatched: not accounted for.") if slide else _("Hatched grey: not accounted for in the source.")
    return f"{text} {hatching}"


def summary(parts: pd.DataFrame) -> str:
    """Each compared congress's largest party, and whether the bases compare."""
    out = []
    for _i, mine in parts.groupby("congress_id", sort=False):
        first = mine.iloc[0]
        if first.status != "listed":
            out.append(f"{first.congress}: {first.reason}")
            continue
        named = mine[(mine.level == 0) & ~mine.gap]
        measure = "count" if named["count"].notna().any() else "share"
        lead = named.sort_values(measure, ascending=False).iloc[0]
        out.append(f"{first.congress}: {cell_label(lead)} {part_value(lead)} {base_text(lead)}")
    return "; ".join(out) + ". " + basis_text(parts, parts.attrs.get("measure", "count"), hatched=False)


def table(parts: pd.DataFrame) -> pd.DataFrame:
    """The rows as a table for people: each congress's parts, with their base and source."""
    listed = parts[parts.status == "listed"]
    out = part_table(listed)
    if out.empty:
        return out
    part = _("Part")
    out.insert(0, _("Congress"), list(listed.congress))
    out[part] = [cell_label(r) if not r.gap else out[part].iloc[i] for i, (_i, r) in enumerate(listed.iterrows())]
    return out


CHART = Chart("compare", TITLE, "compare", rows, draw, summary, table)
