"""The facts panel: dates, place and totals, bodies elected, decisions, timeline, a quotation and
the sources, each number with its source one click away and every disagreement a click away too.

Written for a pupil of fifteen: sources by their names in full, the value shown first, where sources
differ a "Sources differ" line that opens to each source's value and one sentence on why this one is
shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

import pandas as pd
from dash import html

from dashboard.charts.draw import OUR_TRANSLATION, when
from dashboard.citation import compiled
from dashboard.frames import KEY_NUMBERS, Frames
from dashboard.i18n import N_, _, current, date, gloss, ngettext, text_language
from dashboard.lessons import with_terms
from dashboard.wording import count

Terms = Callable[[str], list]
"""A text with its glossary terms linked (`dashboard.lessons.with_terms`)."""


def _cite(
    source_id: str, excerpt: str | None, sources: pd.DataFrame, inferred: object = None, english: object = None
) -> html.Details:
    """A source's name that opens to its words (with the project's translation of them where they are in another
    language than the page's: `english`, the records' English gloss), its title and, for a weak source, why to
    take care."""
    translated = gloss(excerpt, english)
    source = sources.loc[source_id]
    weak = bool(source.get("weak")) and isinstance(source.get("reliability"), str)
    return html.Details(
        className="cite" + (" weak" if weak else ""),
        children=[
            html.Summary(
                [
                    _words(source.cite_as),
                    html.Span(" " + _("(use with care)"), className="weak-mark") if weak else None,
                ],
                title=_("{publisher}: show the source's words").format(publisher=source.publisher),
            ),
            html.Blockquote(f"“{excerpt}”", lang=text_language(excerpt)) if isinstance(excerpt, str) else None,
            html.P([html.Span(_(OUR_TRANSLATION) + ":", className="gloss-label"), f" {translated}"], className="gloss")
            if translated
            else None,
            html.P(_("Worked out, not read: {how}").format(how=inferred), className="inferred")
            if isinstance(inferred, str)
            else None,
            html.P(_("Use with care: {why}").format(why=source.reliability), className="weak-why") if weak else None,
            html.A(
                source.title,
                href=source.url,
                target="_blank",
                rel="noopener noreferrer",
                lang=text_language(source.title),
            ),
        ],
    )


def _differ(variants: list[tuple[str, list]], why: object) -> html.Details:
    """'Sources differ (n)': each other value once, with every source that gives it, and why the shown one."""
    return html.Details(
        className="differ",
        children=[
            html.Summary(_("Sources differ ({n})").format(n=len(variants)), className="differ-label"),
            html.Ul([html.Li([text, *cites], className="variant") for text, cites in variants]),
            html.P(_("Why this one: {why}").format(why=why), className="why") if isinstance(why, str) else None,
        ],
    )


def _grouped(rows: pd.DataFrame, text, sources: pd.DataFrame) -> list[tuple[str, list]]:
    """Variants with the same value shown once, with all their sources."""
    groups: dict[str, list] = {}
    for _i, row in rows.iterrows():
        groups.setdefault(text(row), []).append(_cite(row.source_id, row.excerpt, sources, english=row.excerpt_gloss))
    return list(groups.items())


def _value(row: pd.Series) -> str:
    return count(int(row.value), bool(row.approximate), row.bound, long=True) + (
        f" ({when(row.moment)})" if pd.notna(row.moment) else ""
    )


def _numbers(frames: Frames, congress_id: str, sources: pd.DataFrame, terms: Terms) -> list:
    numbers = frames.numbers[frames.numbers.congress_id == congress_id]
    items = []
    for field, label in KEY_NUMBERS.items():
        rows = numbers[numbers.field == field]
        if rows.empty:
            continue
        shown = rows[rows.is_default].iloc[0]
        items += [
            html.Dt(terms(_(label))),
            html.Dd(
                [
                    html.Strong(_value(shown)),
                    _cite(shown.source_id, shown.excerpt, sources, english=shown.excerpt_gloss),
                ]
            ),
        ]
        others = rows[~rows.is_default]
        if not others.empty:
            items.append(html.Dd(_differ(_grouped(others, _value, sources), shown.shown_because)))
    return items


def _dates(frames: Frames, congress_id: str, sources: pd.DataFrame, terms: Terms) -> list:
    dates = frames.dates[frames.dates.congress_id == congress_id]
    default = dates[dates.is_default].iloc[0]
    first, _sep, second = default.text.partition("; ")
    items = [
        html.Dt(_("Dates")),
        html.Dd(
            [
                html.Strong(terms(first)),
                html.Br() if second else None,
                html.Span(terms(second), className="new-style") if second else None,
                _cite(default.source_id, default.excerpt, sources, english=default.excerpt_gloss),
            ]
        ),
    ]
    others = dates[~dates.is_default & (dates.text != default.text)]
    same = dates[~dates.is_default & (dates.text == default.text)]
    if not same.empty:
        items[-1].children += [
            _cite(s.source_id, s.excerpt, sources, english=s.excerpt_gloss) for s in same.itertuples()
        ]
    if not others.empty:
        items.append(html.Dd(_differ(_grouped(others, lambda r: r.text, sources), default.shown_because)))
    return items


def citation_block(title: str, names: Iterable[str], query: str, heading: type = html.H3) -> html.Section:
    """How to cite this view: the sources, the view's title, the address and the day, as Our World in
    Data's "Cite this" text puts them. The address and the day are the reader's own (assets/cite.js).
    `heading`: its level where it stands (under the facts panel's title, or a view's first heading)."""
    names = "; ".join(dict.fromkeys(n for n in names if isinstance(n, str)))
    return html.Section(
        className="cite-this",
        children=[
            heading(_("How to cite this view")),
            html.P(
                [
                    _("{attribution}. “{title}” [dataset]. Retrieved").format(attribution=compiled(names), title=title),
                    " ",
                    html.Span(className="cite-day"),
                    " " + _("from") + " ",
                    html.Span(query, className="cite-address", **{"data-query": query}),
                ],
                className="citation",
            ),
        ],
    )


def facts_panel(frames: Frames, congress_id: str, query: str = "") -> list:
    """The facts of one congress as Dash components; `query` is the page's address (`?congress=2`)."""
    sources = frames.sources.set_index("id")
    terms = partial(with_terms, frames, seen=set())  # each glossary term linked once on the panel
    congress = frames.congresses.set_index("congress_id").loc[congress_id]
    parts: list = [html.H2(congress["name"]), _official_name(congress, sources)]
    basics = _dates(frames, congress_id, sources, terms)
    if pd.notna(congress.place):
        where = congress.place + (f", {congress.venue}" if pd.notna(congress.venue) else "")
        basics += [html.Dt(_("Place")), html.Dd(where)]
    parts.append(html.Dl(basics + _numbers(frames, congress_id, sources, terms), className="facts-list"))
    parts += _section(
        _("Bodies elected"),
        [
            html.Li(
                [
                    html.Strong(terms(b.name)),
                    _body_size(b),
                    _cite(b.source_id, b.excerpt, sources, english=b.excerpt_gloss),
                ]
            )
            for b in frames.bodies[frames.bodies.congress_id == congress_id].itertuples()
        ],
    )
    parts += _section(
        _("Key decisions"),
        [
            html.Li(
                [
                    html.Strong(terms(d.title)),
                    *(terms(f" — {d.summary}") if pd.notna(d.summary) else []),
                    _cite(d.source_id, d.excerpt, sources, english=d.excerpt_gloss),
                ]
            )
            for d in frames.decisions[frames.decisions.congress_id == congress_id].itertuples()
        ],
    )
    parts += _section(
        _("Timeline"),
        [
            html.Li(
                [
                    html.Time(_when(e)),
                    html.Small(" " + _("(inferred)"), className="inferred-mark")
                    if isinstance(e.inferred, str)
                    else None,
                    " ",
                    *terms(e.text),
                    _cite(e.source_id, e.excerpt, sources, e.inferred, e.excerpt_gloss),
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
                    html.Blockquote(f"“{q.words}”", lang=text_language(q.words)),
                    html.Figcaption(
                        [
                            f"— {q.speaker}",
                            html.Br(),
                            html.Small(q.context) if pd.notna(q.context) else None,
                            _cite(q.source_id, q.excerpt, sources, english=q.excerpt_gloss),
                        ]
                    ),
                ],
            )
        )
    parts += _section(
        _("Also recorded"),
        [
            html.Li([*terms(s.text), _cite(s.source_id, s.excerpt, sources, english=s.excerpt_gloss)])
            for s in frames.statements[frames.statements.congress_id == congress_id].itertuples()
        ],
    )
    cited = frames.sources[frames.sources.id.isin(frames.sources_cited(congress_id))]
    parts += _section(
        _("Sources"),
        [
            html.Li(
                [
                    html.A(
                        s.title, href=s.url, target="_blank", rel="noopener noreferrer", lang=text_language(s.title)
                    ),
                    " — ",
                    _words(s.publisher),
                    f". {s.what}.",
                    html.Small(f" {s.reliability}") if pd.notna(s.reliability) else None,
                ]
            )
            for s in cited.itertuples()
        ],
    )
    parts.append(citation_block(congress["name"], cited.cite_as, query))
    return parts


def _body_size(body: object) -> str:
    if pd.isna(body.members):
        return ": " + _("size not recorded in the sources")
    members = int(body.members)
    text = ": " + ngettext("{n} member", "{n} members", members).format(
        n=count(members, bool(body.members_approximate))
    )
    if pd.isna(body.alternates):
        return text
    alternates = int(body.alternates)
    return text + " " + ngettext("and {n} alternate", "and {n} alternates", alternates).format(n=count(alternates))


def _official_name(congress: pd.Series, sources: pd.DataFrame) -> html.P:
    """The congress's official name: in Russian, its Russian original where a source writes it; on other pages,
    the name in the page's language with the Russian original beside it and the source that writes it."""
    original = congress.original if isinstance(congress.original, str) else None
    if original is None:
        return html.P(congress.official_name, className="official-name")
    cite = _cite(
        congress.original_source_id, congress.original_excerpt, sources, english=congress.original_excerpt_gloss
    )
    if current() == "ru":
        return html.P([original, cite], className="official-name")
    return html.P(
        [congress.official_name, " · ", html.Span(original, lang="ru", className="original"), cite],
        className="official-name",
    )


def _words(text: str) -> html.Span | str:
    """A name or title, marked with its language where it is not the page's (a source's English name on a
    Russian page)."""
    lang = text_language(text)
    return text if lang == current() else html.Span(text, lang=lang)


TIME_QUALIFIERS = {
    "shortly after": N_("shortly after"),
    "after": N_("after"),
    "about": N_("about"),
    "before": N_("before"),
}
"""How near an event's time the records put it, in words before the time ('shortly after 03:00')."""


def _when(event: object) -> str:
    day = date(event.date, "short") + (f" ({_('Old Style')})" if event.calendar == "julian" else "")
    if pd.isna(event.time):
        return day
    qualifier = "" if event.time_qualifier == "at" else _(TIME_QUALIFIERS[event.time_qualifier]) + " "
    return f"{day}, {qualifier}{event.time}"


def _section(title: str, items: list, ordered: bool = False) -> list:
    if not items:
        return []
    return [html.H3(title), (html.Ol if ordered else html.Ul)(items)]
