"""The two printed downloads of a congress, on A4 landscape pages drawn by the same charts:

- the **handout** (at most two pages): the key chart, then the key facts in a few sentences, each
  numbered to the main sources listed under them;
- the **source pack**: every fact as each source gives it (variants included) with the source's words,
  every chart, and every source cited, with its full reference.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import chart
from dashboard.charts.base import congress_row, subtitle
from dashboard.charts.draw import gloss_note, source_line, when
from dashboard.citation import day, reference
from dashboard.export import (
    HANDOUT_PRESET,
    chart_figure,
    check_link,
    drawn_charts,
    render,
    resolve_congress,
)
from dashboard.frames import KEY_NUMBERS, Frames
from dashboard.i18n import _, ngettext
from dashboard.style import PRESETS
from dashboard.table_pages import table_pages, text_page
from dashboard.urls import State
from dashboard.wording import count

KEY_CHARTS = ("party-seats", "party-bars", "votes", "delegate-types", "social")
"""The handout's first page is the first of these that has something to draw."""
MAX_SOURCES = 6


def _said(n: pd.Series) -> str:
    """A delegate count in words: 'about 1,090', 'more than 1,500'."""
    return count(int(n.value), bool(n.approximate), n.bound, long=True)


def _moment(n: pd.Series) -> str:
    return f" {when(n.moment)}" if pd.notna(n.moment) else ""


def _first_up(text: str) -> str:
    """A sentence with its first letter a capital ('About 1,090 delegates…')."""
    return text[:1].upper() + text[1:]


def _sentence_sources(frames: Frames, congress_id: str) -> list[tuple[str, list[str]]]:
    """The key facts in a few sentences, each with the ids of the sources that state it."""
    c = congress_row(frames, congress_id)
    out: list[tuple[str, list[str]]] = []
    dates = frames.dates[(frames.dates.congress_id == congress_id) & frames.dates.is_default].iloc[0]
    place = c.place + (f" ({c.venue})" if pd.notna(c.venue) else "") if pd.notna(c.place) else None
    where = _(" in {place}").format(place=place) if place else ""
    ids = [dates.source_id] + ([c.place_source_id] if pd.notna(c.place_source_id) else [])
    out.append(
        (_("The {congress} met{where}, {dates}.").format(congress=c["name"], where=where, dates=dates.text), ids)
    )
    numbers = frames.numbers[(frames.numbers.congress_id == congress_id) & frames.numbers.is_default]
    claims = {
        f: numbers[numbers.field == f].iloc[0]
        for f in ("delegates.total", "delegates.voting")
        if (numbers.field == f).any()
    }
    if claims:
        total, voting = claims.get("delegates.total"), claims.get("delegates.voting")
        if total is not None and voting is not None:
            text = _("{total} delegates attended{when}; {voting} had a full vote{when_voting}.").format(
                total=_said(total), when=_moment(total), voting=_said(voting), when_voting=_moment(voting)
            )
        elif total is not None:
            text = _("{total} delegates attended{when}.").format(total=_said(total), when=_moment(total))
        else:
            text = _("{voting} delegates had a full vote{when}; the sources read give no total.").format(
                voting=_said(voting), when=_moment(voting)
            )
        out.append((_first_up(text), [n.source_id for n in claims.values()]))
    view = State(congress_id=congress_id)
    for chart_id in ("party-seats", "party-bars"):
        rows = chart(chart_id).rows(frames, view)
        if not rows.empty:
            summary = chart(chart_id).summary(rows).split(_(" Then: {others}.").partition("{")[0])[0]
            out.append((summary, list(dict.fromkeys(rows.source_id))))
            break
    votes = chart("votes").rows(frames, view)
    if not votes.empty:
        said = _("Votes: {votes}").format(votes=chart("votes").summary(votes))
        out.append((said, list(dict.fromkeys(votes[votes.is_default].source_id))))
    decisions = frames.decisions[frames.decisions.congress_id == congress_id]
    if not decisions.empty:
        titles = [d.title for d in decisions.itertuples()][:4]
        said = _("It decided on: {decisions}.").format(decisions="; ".join(titles))
        out.append((said, list(dict.fromkeys(decisions.source_id[:4]))))
    bodies = frames.bodies[(frames.bodies.congress_id == congress_id) & frames.bodies.members.notna()]
    for b in bodies.itertuples():
        members = int(b.members)
        said = ngettext("It elected the {body}, of {n} member.", "It elected the {body}, of {n} members.", members)
        out.append((said.format(body=b.name, n=count(members, bool(b.members_approximate))), [b.source_id]))
    return out


def handout_pages(frames: Frames, congress_id: str, link: str | None = None) -> list[tuple[str, go.Figure]]:
    """The handout: the key chart, then the key facts and the main sources. Each is (name, figure)."""
    congress_id, link = resolve_congress(frames, congress_id), check_link(link)
    size = PRESETS[HANDOUT_PRESET]
    drawn = drawn_charts(frames, congress_id)
    pages = []
    key = next((c for c in KEY_CHARTS if c in drawn), None)
    if key:
        pages.append((key, chart_figure(frames, key, State(congress_id=congress_id), size, link)))
    sentences = _sentence_sources(frames, congress_id)
    order = list(dict.fromkeys(s for _, ids in sentences for s in ids if isinstance(s, str)))[:MAX_SOURCES]
    numbered = [
        f"{text} [{', '.join(str(order.index(s) + 1) for s in dict.fromkeys(ids) if s in order)}]"
        for text, ids in sentences
    ]
    sources = frames.sources.set_index("id")
    main = [f"{n}. {reference(sources.loc[s].rename(s))}" for n, s in enumerate(order, 1)]
    names = (sources.loc[s].cite_as for s in order)
    page = text_page(
        subtitle(frames, congress_id),
        _("Key facts"),
        [(_("In a few sentences"), numbered), (_("Main sources"), main)],
        size,
        source_line(names, link, day(dt.date.today()) if link else None),
    )
    return [*pages, ("facts", page)]


def _cite(sources: pd.DataFrame, source_id: object, excerpt: object, english: object = None) -> str:
    """'Source: “its words”', with the project's translation of them where they are in another language."""
    if not isinstance(source_id, str) or source_id not in sources.index:
        return ""
    words = f": “{excerpt}”" if isinstance(excerpt, str) else ""
    return f"{sources.loc[source_id].cite_as}{words}{gloss_note(excerpt, english)}"


def key_facts(frames: Frames, congress_id: str) -> list[tuple[str, str, str, str | None]]:
    """(fact, value, source and its words, source id) rows for the source pack: dates, place, numbers,
    bodies elected and decisions, each source's variants included."""
    sources = frames.sources.set_index("id")
    row = congress_row(frames, congress_id)
    facts = []
    dates = frames.dates[frames.dates.congress_id == congress_id]
    for d in dates.itertuples():
        label = _("Dates") if d.is_default else _("Dates (sources differ)")
        text = d.text + (f" ({d.label})" if pd.notna(d.label) else "")
        facts.append((label, text, _cite(sources, d.source_id, d.excerpt, d.excerpt_gloss), d.source_id))
    if pd.notna(row.place):
        facts.append((_("Place"), row.place + (f", {row.venue}" if pd.notna(row.venue) else ""), "", None))
    numbers = frames.numbers[frames.numbers.congress_id == congress_id]
    for field, label in KEY_NUMBERS.items():
        for n in numbers[numbers.field == field].itertuples():
            value = count(int(n.value), bool(n.approximate), n.bound) + (
                f" ({when(n.moment)})" if pd.notna(n.moment) else ""
            )
            fact = _(label) if n.is_default else _("{fact} (sources differ)").format(fact=_(label))
            facts.append((fact, value, _cite(sources, n.source_id, n.excerpt, n.excerpt_gloss), n.source_id))
    for b in frames.bodies[frames.bodies.congress_id == congress_id].itertuples():
        size = (
            _("size not recorded in the sources")
            if pd.isna(b.members)
            else ngettext("{n} member", "{n} members", int(b.members)).format(n=count(b.members))
        )
        facts.append(
            (_("Elected"), f"{b.name}: {size}", _cite(sources, b.source_id, b.excerpt, b.excerpt_gloss), b.source_id)
        )
    for d in frames.decisions[frames.decisions.congress_id == congress_id].itertuples():
        text = d.title + (f": {d.summary}" if pd.notna(d.summary) else "")
        facts.append((_("Decision"), text, _cite(sources, d.source_id, d.excerpt, d.excerpt_gloss), d.source_id))
    return facts


def source_pack_pages(frames: Frames, congress_id: str, link: str | None = None) -> list[tuple[str, go.Figure]]:
    """The source pack's pages in order: every fact with its sources' words, every chart, every source."""
    congress_id, link = resolve_congress(frames, congress_id), check_link(link)
    size = PRESETS[HANDOUT_PRESET]
    facts = key_facts(frames, congress_id)
    cited_facts = [f[3] for f in facts if isinstance(f[3], str)]
    heading = subtitle(frames, congress_id)
    names = frames.sources.set_index("id").cite_as
    pages = table_pages(
        heading,
        "facts",
        _("Every fact, as each source gives it"),
        (_("Fact"), _("As the sources give it"), _("Source and its words")),
        [f[:3] for f in facts],
        (0.2, 0.38, 0.42),
        size,
        source_line((names[s] for s in cited_facts if s in names.index), link),
    )
    view = State(congress_id=congress_id)
    pages += [(c, chart_figure(frames, c, view, size, link)) for c in drawn_charts(frames, congress_id)]
    pages += table_pages(
        heading,
        "sources",
        _("Sources"),
        (_("Source"), _("Title and what it is"), _("Address")),
        _source_table(frames, congress_id),
        (0.18, 0.46, 0.36),
        size,
        _("Every source cited for this congress.") + (f"<br>{html.escape(link)}" if link else ""),
    )
    return pages


def _source_table(frames: Frames, congress_id: str) -> list[tuple[str, str, str]]:
    cited = frames.sources_cited(congress_id)
    return [
        (
            s.cite_as,
            f"{s.title}. {s.publisher}. {s.what}." + (f" {s.reliability}" if pd.notna(s.reliability) else ""),
            _break(s.url, 44),
        )
        for s in frames.sources[frames.sources.id.isin(cited)].itertuples()
    ]


def _break(url: str, width: int) -> str:
    """An address broken onto lines of at most `width` characters, after a '/' where it can be."""
    lines, line = [], ""
    for piece in re.findall(r"[^/]*/?", url):
        while len(line) + len(piece) > width:
            if line:
                lines.append(line)
                line = ""
            else:
                lines.append(piece[:width])
                piece = piece[width:]
        line += piece
    return "\n".join([*lines, line] if line else lines)


def pages_pdf(pages: list[tuple[str, go.Figure]], title: str) -> bytes:
    """Figures as the pages of one A4 landscape PDF, with its title."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _name, fig in pages:
        writer.append(PdfReader(io.BytesIO(render(fig, "pdf", PRESETS[HANDOUT_PRESET]))))
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def handout_pdf(frames: Frames, congress_id: str, link: str | None = None) -> bytes:
    """The handout as an A4 landscape PDF of at most two pages."""
    name = congress_row(frames, resolve_congress(frames, congress_id))["name"]
    return pages_pdf(handout_pages(frames, congress_id, link), _("{congress}: handout").format(congress=name))


def source_pack_pdf(frames: Frames, congress_id: str, link: str | None = None) -> bytes:
    """The source pack as an A4 landscape PDF: every fact, chart and source."""
    name = congress_row(frames, resolve_congress(frames, congress_id))["name"]
    return pages_pdf(source_pack_pages(frames, congress_id, link), _("{congress}: source pack").format(congress=name))
