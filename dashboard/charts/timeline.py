"""Party shares at every congress, All-Russian above and All-Union below (a slide each), each bar named and dated."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.breakdowns import GAP_ID
from dashboard.charts.base import Chart, base_text, context, part_share, part_table, part_value
from dashboard.charts.draw import finish, legend_room, side_legend, source_line
from dashboard.charts.parties import cell_label, left_out, lineage_order, party_rows, slide_legend
from dashboard.frames import Frames
from dashboard.i18n import N_, _, date, in_sentence, ngettext
from dashboard.style import GAP_COLOUR, Size, Style, party_colour
from dashboard.urls import State
from dashboard.wording import count, missing

TITLE = N_("Party shares at every congress, 1917–1937")
SERIES = {"all-russian": N_("All-Russian Congresses (Soviet Russia)"), "all-union": N_("All-Union Congresses (USSR)")}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
NO_SHARES = N_("Counts with no total: no shares can be taken.")


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """Every congress in date order with its default party breakdown, or why it has none; a slide's, of its
    series only (the first slide the All-Russian Congresses, the second the All-Union)."""
    congresses = frames.congresses.sort_values("start_ns")
    if not view.present:
        return context(
            party_rows(frames, list(congresses.congress_id)), _("Every Congress of Soviets in the records, 1917–1937")
        )
    series = list(SERIES)[min(view.slide or 1, len(SERIES)) - 1]
    mine = congresses[congresses.series == series]
    years = f"{mine.start_ns.min():%Y}–{mine.start_ns.max():%Y}"
    return context(party_rows(frames, list(mine.congress_id)), f"{_(SERIES[series])}, {years}")


def tick(row: pd.Series, size: Size, short_year: bool = False, stacked: bool = False) -> str:
    """A bar's label: the congress's number and its month, as the sources date it (Old Style before 1918);
    in large type, or where the bars stand too close for 'Jun 1917' (`stacked`), the month and the year on
    lines of their own (the year as ’17 where the bars stand closer still); on a phone, the number and the
    year on one line, to stand upright."""
    number, month = ROMAN[int(row.ordinal) - 1], date(row.date_given, "month-name-short")
    if size.narrow:
        return f"{number} · {row.date_given:%Y}"
    if short_year:
        return f"{number}<br>{month}<br>’{row.date_given:%y}"
    if size.font >= 24 or size.fit or stacked:
        return f"{number}<br>{month}<br>{row.date_given:%Y}"
    return f"{number}<br>{month} {row.date_given:%Y}"


def _tick_font(size: Size, spacing: float | None = None) -> int:
    """The bars' labels' size: smaller where bars side by side stand too close for 'XVII' (four letters)."""
    return size.text(max(10, min(size.font - 5, round(spacing / 2.6) if spacing else size.font)))


def _why_none(r: pd.Series) -> str:
    return r.reason if r.status != "listed" else _(NO_SHARES)


def _hover(r: pd.Series) -> str:
    within = ", " + _("within the {party}").format(party=in_sentence(r.within)) if isinstance(r.within, str) else ""
    count_text = "" if missing(r["count"]) else f" ({part_value(r)})"
    return (
        f"<b>{html.escape(r.congress)}</b><br>{html.escape(cell_label(r) + within)}: "
        f"{html.escape(part_share(r) + count_text)}<br>{html.escape(base_text(r))}"
    )


def _cell(number: int) -> dict[str, int]:
    """Where the series numbered `number` is drawn: the series one above the other."""
    return {"row": number, "col": 1}


def draw(parts: pd.DataFrame, style: Style) -> go.Figure:
    """Draw each congress's party shares as a 100% bar, the congresses evenly spaced in date order with
    their numbers and dates beneath. A renamed party keeps one colour and one legend entry; a sub-faction
    is a segment inside its party; a congress without shares is a hatched grey bar that says why. Each
    bar carries its congress id, so a click can open it."""
    size = style.size
    slide = size.fit and not size.narrow  # a slide keeps to its height: one series, named in its subtitle
    drawn = [series for series in SERIES if (parts.series == series).any()]
    bars = max(int((parts.drop_duplicates("congress_id").series == series).sum()) for series in drawn)
    # on a slide, a year written out needs this much room under each bar
    pitch = (size.across(wide=True) - 80) / bars  # the room under each bar
    spacing = pitch if slide else None
    short = slide and spacing < 4 * _tick_font(size) * 0.62 + 8
    stacked = bool(size.panels) and pitch < 8 * _tick_font(size) * 0.62 + 8  # a laptop's window
    fig = make_subplots(
        rows=len(drawn),
        cols=1,
        vertical_spacing=0.3 if size.narrow or size.font >= 24 else 0.2,
        subplot_titles=[_(SERIES[series]) for series in drawn] if len(drawn) > 1 else None,
    )
    fig.update_annotations(font={"size": size.text(size.font - 1)}, xanchor="left", x=0, yshift=12)
    shares = parts[(parts.status == "listed") & parts.share.notna()]
    without = parts.drop_duplicates("congress_id")
    without = without[~without.congress_id.isin(shares.congress_id)]
    shown: set[str] = set()
    for key in lineage_order(parts):
        mine = shares[shares.lineage_id == key]
        for number, series in enumerate(drawn, 1):
            here = mine[mine.series == series]
            if here.empty:
                continue
            rest = []
            for _i, r in here.iterrows():
                children = shares[(shares.congress_id == r.congress_id) & (shares.within == r.part_id)]
                rest.append(float(r.share) - float(children.share.sum()))
            first = here.iloc[0]
            fig.add_trace(
                go.Bar(
                    x=[tick(r, size, short, stacked) for _i, r in here.iterrows()],
                    y=rest,
                    name=str(first.row_label),
                    legendgroup=key,
                    showlegend=key not in shown,
                    marker={
                        "color": party_colour(first.part_id, style.theme),
                        "pattern": {"shape": "/" if key == GAP_ID else ""},
                    },
                    customdata=list(here.congress_id),
                    meta={"part_id": key},
                    hovertext=[_hover(r) for _i, r in here.iterrows()],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                **_cell(number),
            )
            shown.add(key)
    for number, series in enumerate(drawn, 1):
        here = without[without.series == series]
        if here.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=[tick(r, size, short, stacked) for _i, r in here.iterrows()],
                y=[100] * len(here),
                name=_("No party shares in the sources"),
                legendgroup="no-data",
                showlegend="no-data" not in shown,
                customdata=list(here.congress_id),
                meta={"part_id": "no-data"},
                marker={
                    "color": "rgba(0,0,0,0)",
                    "line": {"color": GAP_COLOUR, "width": 1},
                    "pattern": {"shape": "x", "fgcolor": GAP_COLOUR, "size": 8},
                },
                hovertext=[
                    f"<b>{html.escape(r.congress)}</b><br>{html.escape(_why_none(r))}" for _i, r in here.iterrows()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            **_cell(number),
        )
        shown.add("no-data")
    order = parts.drop_duplicates("congress_id")
    for number, series in enumerate(drawn, 1):
        ticks = [tick(r, size, short, stacked) for _i, r in order[order.series == series].iterrows()]
        fig.update_xaxes(
            type="category",
            categoryorder="array",
            categoryarray=ticks,
            tickangle=-90 if size.narrow else 0,
            tickfont={"size": _tick_font(size, spacing)},
            **_cell(number),
        )
        fig.update_yaxes(
            range=[0, 100],
            ticksuffix="%",
            tickfont={"size": size.text(size.font - 4)},
            **_cell(number),
        )
    fig.update_layout(barmode="stack", bargap=0.25, hovermode="closest", legend=side_legend(size))
    across, smaller = slide_legend(fig, parts, size) if slide else (0, [])
    return finish(
        fig,
        title=_(TITLE),
        subtitle=parts.attrs["subtitle"],
        sources=source_line(shares.source, style.link, style.retrieved),
        size=size,
        theme=style.theme,
        left=60,
        top=round(size.font * (4.5 if size.narrow else 0.5 if slide else 2.2)),
        bottom=round(size.font * (3.6 if size.font >= 24 or size.fit or stacked else 2.4)) + (70 if size.narrow else 0),
        legend_below=len(shown) if size.narrow else 0,
        legend_across=across,  # a slide keeps to its height: its legend goes under the bars, across
        basis=slide_basis(smaller) if slide else basis_text(parts),
        height=None if size.width or not size.narrow else 760 + legend_room(len(shown)),
        # on a page, the plot is tall enough for the legend beside it (no scrolling legend)
        plot_height=None
        if size.width or size.narrow or size.fit
        else max(round(size.height * 0.62), len(shown) * round(size.text(size.font - 3) * 1.6) + 20),
        wide=True,
    )


def slide_basis(smaller: list[str]) -> str:
    """A slide's short note under the bars: what a bar is, the patterns, and the groups its legend leaves out."""
    text = _("Each bar: shares of its own congress's base. Hatched: not accounted for in the source.")
    return (
        text
        + " "
        + _("Cross-hatched: no party shares in the sources.")
        + left_out(smaller, _("at every congress"), _("a bar"))
    )


def basis_text(parts: pd.DataFrame) -> str:
    """Each bar's base, and how to read the bars."""
    firsts = parts[parts.status == "listed"].drop_duplicates("congress_id")
    groups: dict[str, list[str]] = {}
    for _i, r in firsts[firsts.share.notna()].iterrows():
        words = {"full-vote": N_("delegates with full vote"), "all": N_("all delegates")}.get(r.population)
        mark = ROMAN[int(r.ordinal) - 1] + ("" if r.series == "all-russian" else " " + _("(USSR)"))
        groups.setdefault(_(words or N_("not stated")), []).append(mark)
    bases = "; ".join(f"{words}: {', '.join(marks)}" for words, marks in groups.items())
    return _(
        "Each bar is a share of its own congress's base ({bases}). Congresses are evenly spaced, with their dates "
        "under the bars. Hatched: no party shares in the sources. Click a bar to open that congress."
    ).format(bases=bases)


def summary(parts: pd.DataFrame) -> str:
    """The multi-party congresses and the one-party ones, in numbers."""
    firsts = parts[parts.status == "listed"]
    communist = firsts[(firsts.lineage_id == "communist-party") & firsts.share.notna()]
    text = _("Party shares at every congress with a party composition: {which}.").format(which=parts.attrs["subtitle"])
    if not communist.empty:
        first, last = communist.iloc[0], communist.iloc[-1]
        text += " " + _(
            "The Bolsheviks / Communists go from {first_share} at the {first} to {last_share} at the {last}."
        ).format(first_share=part_share(first), first=first.congress, last_share=part_share(last), last=last.congress)
    missing_ones = parts.drop_duplicates("congress_id")
    gaps = missing_ones[~missing_ones.congress_id.isin(firsts[firsts.share.notna()].congress_id)]
    n = len(gaps)
    return (
        text
        + " "
        + ngettext(
            "{n} congress has no party shares in the sources read.",
            "{n} congresses have no party shares in the sources read.",
            n,
        ).format(n=count(n))
    )


def table(parts: pd.DataFrame) -> pd.DataFrame:
    """The rows as a table for people: each congress's parts, with their base and source."""
    listed = parts[parts.status == "listed"]
    out = part_table(listed)
    if out.empty:
        return out
    out.insert(0, _("Congress"), list(listed.congress))
    return out


CHART = Chart("timeline", TITLE, "timeline", rows, draw, summary, table)
