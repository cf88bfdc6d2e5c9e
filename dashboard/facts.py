"""The facts panel: dates, place and totals, bodies elected, decisions, timeline, a quotation and
the sources, each number with its source one click away and every disagreement shown."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.charts.draw import when
from dashboard.frames import KEY_NUMBERS, Frames
from dashboard.wording import count


def number(value: object, approximate: bool = False, bound: object = None) -> str:
    """A count as the facts panel writes it."""
    return count(value, approximate, bound)


def _cite(source_id: str, excerpt: str | None, sources: pd.DataFrame, inferred: object = None) -> html.Details:
    source = sources.loc[source_id]
    return html.Details(
        className="cite",
        children=[
            html.Summary(source.cite_as, title=f"{source.publisher}: show the source's words"),
            html.Blockquote(f"“{excerpt}”") if isinstance(excerpt, str) else None,
            html.P(f"Worked out, not read: {inferred}", className="inferred") if isinstance(inferred, str) else None,
            html.A(source.title, href=source.url, target="_blank", rel="noopener noreferrer"),
        ],
    )


def _numbers(frames: Frames, congress_id: str, sources: pd.DataFrame) -> list:
    numbers = frames.numbers[frames.numbers.congress_id == congress_id]
    items = []
    for field, label in KEY_NUMBERS.items():
        rows = numbers[numbers.field == field]
        if rows.empty:
            continue
        shown = rows[rows.is_default].iloc[0]
        value = number(int(shown.value), bool(shown.approximate), shown.bound)
        moment = f" ({when(shown.moment)})" if pd.notna(shown.moment) else ""
        children = [
            html.Dt(label),
            html.Dd([html.Strong(value + moment), _cite(shown.source_id, shown.excerpt, sources)]),
        ]
        variants = rows[~rows.is_default]
        if not variants.empty:
            children.append(
                html.Dd(
                    className="differ",
                    children=[
                        html.Span("Sources differ: ", className="differ-label"),
                        *[
                            html.Span(
                                [
                                    number(int(v.value), bool(v.approximate), v.bound),
                                    f" ({when(v.moment)})" if pd.notna(v.moment) else "",
                                    _cite(v.source_id, v.excerpt, sources),
                                ],
                                className="variant",
                            )
                            for v in variants.itertuples()
                        ],
                        html.Small(f"Shown: {value}. {shown.shown_because}" if pd.notna(shown.shown_because) else ""),
                    ],
                )
            )
        items += children
    return items


def facts_panel(frames: Frames, congress_id: str) -> list:
    """The facts of one congress as Dash components."""
    sources = frames.sources.set_index("id")
    congress = frames.congresses.set_index("congress_id").loc[congress_id]
    dates = frames.dates[frames.dates.congress_id == congress_id]
    default = dates[dates.is_default].iloc[0]
    parts: list = [html.H2(congress["name"]), html.P(congress.official_name, className="official-name")]
    basics = [
        html.Dt("Dates"),
        html.Dd([html.Strong(default.text), _cite(default.source_id, default.excerpt, sources)]),
    ]
    for variant in dates[~dates.is_default].itertuples():
        label = f" ({variant.label})" if pd.notna(variant.label) else ""
        basics.append(
            html.Dd(
                className="differ",
                children=[
                    html.Span("Sources differ: ", className="differ-label"),
                    variant.text + label,
                    _cite(variant.source_id, variant.excerpt, sources),
                ],
            )
        )
    if len(dates) > 1 and pd.notna(default.shown_because):
        basics.append(html.Dd(html.Small(f"Shown: {default.text}. {default.shown_because}"), className="differ"))
    if pd.notna(congress.place):
        where = congress.place + (f", {congress.venue}" if pd.notna(congress.venue) else "")
        basics += [html.Dt("Place"), html.Dd(where)]
    parts.append(html.Dl(basics + _numbers(frames, congress_id, sources), className="facts-list"))
    parts += _section(
        "Bodies elected",
        [
            html.Li([html.Strong(b.name), _body_size(b), _cite(b.source_id, b.excerpt, sources)])
            for b in frames.bodies[frames.bodies.congress_id == congress_id].itertuples()
        ],
    )
    parts += _section(
        "Key decisions",
        [
            html.Li(
                [
                    html.Strong(d.title),
                    f" — {d.summary}" if pd.notna(d.summary) else "",
                    _cite(d.source_id, d.excerpt, sources),
                ]
            )
            for d in frames.decisions[frames.decisions.congress_id == congress_id].itertuples()
        ],
    )
    parts += _section(
        "Timeline",
        [
            html.Li(
                [
                    html.Time(_when(e)),
                    html.Small(" (inferred)", className="inferred-mark") if isinstance(e.inferred, str) else None,
                    " ",
                    e.text,
                    _cite(e.source_id, e.excerpt, sources, e.inferred),
                ]
            )
            for e in frames.events[frames.events.congress_id == congress_id].itertuples()
        ],
        ordered=True,
    )
    quotes = frames.quotes[frames.quotes.congress_id == congress_id]
    if not quotes.empty:
        q = quotes.iloc[0]
        parts.append(
            html.Figure(
                className="quote",
                children=[
                    html.Blockquote(f"“{q.words}”"),
                    html.Figcaption(
                        [
                            f"— {q.speaker}",
                            html.Br(),
                            html.Small(q.context) if pd.notna(q.context) else None,
                            _cite(q.source_id, q.excerpt, sources),
                        ]
                    ),
                ],
            )
        )
    parts += _section(
        "Also recorded",
        [
            html.Li([s.text, _cite(s.source_id, s.excerpt, sources)])
            for s in frames.statements[frames.statements.congress_id == congress_id].itertuples()
        ],
    )
    cited = frames.sources_cited(congress_id)
    parts += _section(
        "Sources",
        [
            html.Li(
                [
                    html.A(s.title, href=s.url, target="_blank", rel="noopener noreferrer"),
                    f" — {s.publisher}. {s.what}.",
                    html.Small(f" {s.reliability}") if pd.notna(s.reliability) else None,
                ]
            )
            for s in frames.sources[frames.sources.id.isin(cited)].itertuples()
        ],
    )
    return parts


def _body_size(body: object) -> str:
    if pd.isna(body.members):
        return ": size not recorded in the sources"
    text = f": {number(body.members, bool(body.members_approximate))} members"
    return text + (f" and {int(body.alternates):,} alternates" if pd.notna(body.alternates) else "")


def _when(event: object) -> str:
    day = f"{event.date:%-d %b %Y}" + (" (OS)" if event.calendar == "julian" else "")
    if pd.isna(event.time):
        return day
    qualifier = "" if event.time_qualifier == "at" else f"{event.time_qualifier} "
    return f"{day}, {qualifier}{event.time}"


def _section(title: str, items: list, ordered: bool = False) -> list:
    if not items:
        return []
    return [html.H3(title), (html.Ol if ordered else html.Ul)(items)]
