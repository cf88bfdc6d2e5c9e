"""A recorded vote drawn on the seat chart: one mark per delegate, coloured by how many voted each way.

The sources give totals only, never who voted how, so a seat is never tied to a party by its vote: a
floor vote fills the hall from the left, for, then against, then abstained, then the seats whose vote
is not recorded. A caucus vote is drawn inside that party's own seats, where the party chart puts them;
the other seats are marked as outside the vote.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import party_seats
from dashboard.charts.base import Chart, context, subtitle, with_sources
from dashboard.charts.draw import chars, finish, glosses, legend_room, quoted, source_line, wrap
from dashboard.charts.votes import part_words
from dashboard.charts.walk import source_words, step
from dashboard.charts.walk import walk as charts_walk
from dashboard.frames import Frames
from dashboard.i18n import N_, _, ngettext, number
from dashboard.style import GAP_COLOUR, THEMES, VOTE_COLOURS, VOTE_LABELS, Style
from dashboard.urls import State
from dashboard.wording import base, count, missing

TITLE = N_("A vote in the hall")
TALLY = ("in_favour", "against", "abstained", "not_voting")
NOT_RECORDED = "not_recorded"
OUTSIDE = "outside"
OUTSIDE_COLOUR = {"light": "#e2e2e2", "dark": "#2b2e33", "contrast": "#333333"}
TOTALS_ONLY = N_(
    "The sources give totals only: the colours count the votes, they do not say which delegate or party cast them."
)
VOTES_COUNTED = N_("votes counted")
"""The base of a floor vote's seats where the seat chart gives no exact total: a base's words, kept in English in
the rows (`dashboard.wording.base` translates them)."""


def hall_votes(frames: Frames, congress_id: str) -> list[tuple[str, str]]:
    """The votes of a congress that can be drawn on its seats, as (vote id, motion): each counted tally
    shown by default; a caucus vote only where the party chart gives that party's seats."""
    votes = frames.votes[(frames.votes.congress_id == congress_id) & frames.votes.is_default]
    out = []
    for _index, vote in votes.sort_values("order").iterrows():
        if missing(vote.in_favour):
            continue
        if vote.kind == "caucus" and _party(frames, congress_id, vote) is None:
            continue
        out.append((vote.vote_id, vote.motion))
    return out


def _party(frames: Frames, congress_id: str, vote: pd.Series) -> pd.Series | None:
    """The caucus's party row in the congress's seat chart, if it holds at least the votes counted."""
    parts = party_seats.rows(frames, State(congress_id=congress_id))
    top = parts[(parts.level == 0) & (parts.part_id == vote.caucus)] if not parts.empty else parts
    if top.empty or _counted(vote) > int(top.iloc[0]["count"]):
        return None
    return top.iloc[0]


def _counted(vote: pd.Series) -> int:
    return sum(int(vote[p]) for p in TALLY if not missing(vote[p]))


def _tally_rows(vote: pd.Series, base_words: str, base_count: int | None) -> list[dict]:
    return [
        {
            "part": p,
            "label": _(VOTE_LABELS[p]),
            "count": int(vote[p]),
            "base": base_words,
            "base_count": base_count,
            "derived": pd.NA,
            "source_id": vote.source_id,
            "excerpt": vote.excerpt,
            "excerpt_gloss": vote.excerpt_gloss,
        }
        for p in TALLY
        if not missing(vote[p])
    ]


def _rest(part: str, label: str, seats: int, words: str, base_count: int | None, how: str) -> dict:
    return {
        "part": part,
        "label": label,
        "count": seats,
        "base": words,
        "base_count": base_count,
        "derived": how,
        "source_id": pd.NA,
        "excerpt": pd.NA,
        "excerpt_gloss": pd.NA,
    }


def rows(frames: Frames, view: State) -> pd.DataFrame:
    """The hall for the vote `view.hall`: one row per colour of seats, each with its count and base."""
    votes = frames.votes
    found = votes[(votes.congress_id == view.congress_id) & (votes.vote_id == view.hall) & votes.is_default]
    why = _("No counted vote of this congress goes by that name.")
    if found.empty or (view.hall, found.iloc[0].motion) not in hall_votes(frames, view.congress_id):
        return context(pd.DataFrame(columns=["part", "label", "count", "source_id"]), "", why)
    vote = found.iloc[0]
    counted = _counted(vote)
    parts = party_seats.rows(frames, State(congress_id=view.congress_id))
    start = 0
    if vote.kind == "caucus":
        party = _party(frames, view.congress_id, vote)
        seats = int(party["count"])
        words = _("{party} in the hall").format(party=party.label)
        out = _tally_rows(vote, words, seats)
        out.append(
            _rest(
                NOT_RECORDED,
                _("{party} whose vote is not recorded").format(party=party.label),
                seats - counted,
                words,
                seats,
                _less_counted(seats, party.label, counted),
            )
        )
        whole = int(parts[parts.level == 0]["count"].sum())
        out.append(
            _rest(
                OUTSIDE,
                _("Other delegates, outside this caucus vote"),
                whole - seats,
                words,
                seats,
                ngettext(
                    "the {whole} seats of the seat chart less the {seats} {party}",
                    "the {whole} seats of the seat chart less the {seats} {party}",
                    whole,
                ).format(whole=number(whole), seats=number(seats), party=party.label),
            )
        )
        groups = party_seats.seat_groups(parts)
        ids = set(parts[(parts.part_id == vote.caucus) | (parts.within == vote.caucus)].part_id)
        start = sum(g.seats for g in groups[: next(i for i, g in enumerate(groups) if g.part_id in ids)])
    else:
        first = parts.iloc[0] if not parts.empty else None
        exact = first is not None and not missing(first.base_count) and missing(first.base_bound)
        exact = exact and first.base_approximate is not True and int(first.base_count) >= counted
        words, seats = (first.base, int(first.base_count)) if exact else (VOTES_COUNTED, counted)
        out = _tally_rows(vote, words, seats)
        if seats > counted:
            out.append(
                _rest(
                    NOT_RECORDED,
                    _("Did not vote or not recorded"),
                    seats - counted,
                    words,
                    seats,
                    _less_counted(seats, _(words), counted),  # words: a base's words (dashboard.wording)
                )
            )
    caucus = party.label if vote.kind == "caucus" else pd.NA
    table = pd.DataFrame(out).assign(
        vote_id=vote.vote_id, motion=vote.motion, kind=vote.kind, caucus=vote.caucus, caucus_label=caucus
    )
    table = context(with_sources(frames, table), f"{vote.motion} · {subtitle(frames, view.congress_id)}")
    table.attrs["first_seat"] = start
    return table


def _less_counted(seats: int, who: str, counted: int) -> str:
    """How the seats whose vote is not recorded were worked out: 'the 784 delegates with full vote of the seat
    chart less the 721 votes counted'."""
    return ngettext(
        "the {seats} {who} of the seat chart less the {counted} votes counted",
        "the {seats} {who} of the seat chart less the {counted} votes counted",
        counted,
    ).format(seats=number(seats), who=who, counted=number(counted))


def base_words(row: pd.Series) -> str:
    """What the row's seats are of, in words: 'of 784 delegates with full vote'."""
    return base(row.base, row.base_count)


def draw(hall: pd.DataFrame, style: Style) -> go.Figure:
    """Draw the vote as a hemicycle: one mark per delegate, for, against and abstained from the left,
    then the seats whose vote is not recorded; a caucus vote inside its party's seats."""
    size, theme = style.size, style.theme
    whole = int(hall["count"].sum())
    xy = party_seats.seat_positions(whole)
    key = max(chars(f"{row.label}: {count(row['count'])}") for _index, row in hall.iterrows())
    marker = party_seats.marker_size(whole, size, key)
    inside = hall[hall.part != OUTSIDE]
    first = hall.attrs.get("first_seat", 0)
    order = list(range(first, first + int(inside["count"].sum())))
    order += [i for i in range(whole) if i < first or i >= first + len(order)]
    colours = {**VOTE_COLOURS, NOT_RECORDED: GAP_COLOUR, OUTSIDE: OUTSIDE_COLOUR[theme]}
    fig = go.Figure()
    at = 0
    for rank, (_index, row) in enumerate(hall.iterrows()):
        seats = xy[order[at : at + int(row["count"])]]
        at += int(row["count"])
        lines = [f"<b>{html.escape(row.label)}</b>", f"{count(row['count'])} {html.escape(base_words(row))}"]
        if isinstance(row.excerpt, str):
            lines += quoted(row.excerpt, row.excerpt_gloss)
        if isinstance(row.source, str):
            lines.append(_("Source: {source}").format(source=html.escape(row.source)))
        if isinstance(row.derived, str):
            lines.append(wrap(_("Worked out: {derived}").format(derived=row.derived), 60, lines=3))
        fig.add_trace(
            go.Scatter(
                x=seats[:, 0],
                y=seats[:, 1],
                mode="markers",
                name=f"{row.label}: {count(row['count'])}",
                legendrank=rank,
                marker={"size": marker, "color": colours[row.part], "line": {"width": 0}},
                hovertemplate="<br>".join(lines) + "<extra></extra>",
                meta={"part": row.part, "seats": int(row["count"])},
            )
        )
    top = hall.iloc[0]
    total, words = (  # a base's words (dashboard.wording), or a caucus's, already in the page's language
        (count(top.base_count), _(top.base)) if not missing(top.base_count) else (number(whole), _(VOTES_COUNTED))
    )
    well, under = party_seats.well(total, words, size, key)
    fig.add_annotation(
        x=0, y=0.02, text=well, showarrow=False, yanchor="bottom", font={"size": round(size.font * 1.2)}, name="total"
    )
    fig.update_xaxes(visible=False, range=[-1.08, 1.08], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.02, 1.16], scaleanchor="x", fixedrange=True)
    fig.update_layout(
        legend={"itemsizing": "constant", "x": 1.0, "xanchor": "left", "y": 0.5, "yanchor": "middle"},
        hovermode="closest",
        font={"color": THEMES[theme].text},
    )
    entries = len(fig.data) if size.narrow else 0
    sources = [s for s in hall.source if isinstance(s, str)]
    return finish(
        fig,
        title=_(TITLE),
        subtitle=hall.attrs["subtitle"],
        sources=source_line(sources, style.link, style.retrieved),
        size=size,
        theme=theme,
        basis=" ".join([*([under] if under else []), _("One mark per delegate."), _(TOTALS_ONLY)]),
        wide=True,
        legend_below=entries,
        height=party_seats.PHONE_HALL + 60 + legend_room(entries) if size.narrow else None,
    )


def in_sentence(row: pd.Series) -> str:
    """A row's count and label inside a sentence: '543 for', '63 did not vote or are not recorded',
    '8 SRs whose…', '489 other delegates, outside this caucus vote'."""
    n, said = int(row["count"]), count(row["count"])
    if row.part in TALLY:
        return part_words(row.part, row["count"])
    if row.part == NOT_RECORDED and row.kind != "caucus":
        return ngettext("{n} did not vote or are not recorded", "{n} did not vote or are not recorded", n).format(
            n=said
        )
    if row.part == NOT_RECORDED:
        return ngettext("{n} {party} whose vote is not recorded", "{n} {party} whose vote is not recorded", n).format(
            n=said, party=row.caucus_label
        )
    return ngettext(
        "{n} other delegates, outside this caucus vote", "{n} other delegates, outside this caucus vote", n
    ).format(n=said)


def summary(hall: pd.DataFrame) -> str:
    """The vote in words, each count with its base, and what the seats cannot say."""
    if hall.empty:
        return f"{_(TITLE)}: {hall.attrs['missing']}"
    top = hall.iloc[0]
    said = [in_sentence(r) for _index, r in hall.iterrows()]
    tally = [s for s, part in zip(said, hall.part, strict=True) if part in TALLY]
    rest = [s for s, part in zip(said, hall.part, strict=True) if part not in TALLY]
    said = (
        _("Within the {party}' caucus, the vote on “{motion}”: {tally}, {base}")
        if top.kind == "caucus"
        else _("The congress's vote on “{motion}”: {tally}, {base}")
    )
    text = said.format(party=top.caucus_label, motion=top.motion, tally=", ".join(tally), base=base_words(top))
    return text + (f"; {'; '.join(rest)}" if rest else "") + ". " + _(TOTALS_ONLY)


def table(hall: pd.DataFrame) -> pd.DataFrame:
    """The seats as a table for people: each colour, its count and of what, how it was worked out, its source."""
    if hall.empty:
        return pd.DataFrame()
    return pd.DataFrame(
        {
            _("Seats"): hall.label,
            _("Count"): [count(c) for c in hall["count"]],
            _("Of"): [base_words(r) for _index, r in hall.iterrows()],
            _("How it was worked out"): hall.derived.fillna(""),
            _("Source"): hall.source.fillna(""),
            _("Source's words"): [f"“{e}”" if isinstance(e, str) else "" for e in hall.excerpt],
            **glosses(hall.excerpt, hall.excerpt_gloss),
        }
    )


def walk(hall: pd.DataFrame) -> dict:
    """The seats colour by colour, from the left of the hall; below each, how it was worked out or the
    source's words."""
    steps = []
    for _index, row in hall.iterrows():
        match = {"part": [row.part]}
        source = " " + _("Source: {source}").format(source=row.source) + "." if isinstance(row.source, str) else ""
        say = f"{row.label}: {count(row['count'])} {base_words(row)}.{source}"
        steps.append(step(say, match, source_words(row, match)))
    label = " ".join(
        [
            _("Seat chart of a vote: {subtitle}.").format(subtitle=hall.attrs["subtitle"]),
            _("One mark per delegate."),
            _(TOTALS_ONLY),
        ]
    )
    return charts_walk(label, steps)


CHART = Chart("vote-seats", TITLE, "congress", rows, draw, summary, table, walk)
