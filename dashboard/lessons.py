"""Teaching on the page: `?lesson=<id>&step=N` shows a step's slide with its caption for pupils, and its
question hidden behind Reveal; `?view=lessons` lists the lessons (data/lessons/*.toml) under a short
introduction, with the glossary after them (data/introduction.toml, data/glossary.toml)."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.frames import Frames
from dashboard.i18n import DEFAULT, N_, _, current, ngettext
from dashboard.teaching import link_terms
from dashboard.urls import State, search


def glossary_address() -> str:
    """The page the glossary is on, in the current language; each term's entry is `#term-<id>` on it."""
    return search(State(view="lessons", lang=current()))


KEYS = N_("→ next step, ← previous, R reveals the answer.")


def glossary_names(frames: Frames) -> dict[str, str]:
    """Every spelling of every term in the pupils' glossary, with the term's id."""
    names: dict[str, str] = {}
    for g in frames.glossary.itertuples():
        for name in [g.term, *(g.spellings.split("; ") if isinstance(g.spellings, str) else [])]:
            names[name] = g.term_id
    return names


def with_terms(frames: Frames, text: str, seen: set[str] | None = None) -> list:
    """The text with the first mention of each glossary term a link to its entry, which names the term's
    meaning when hovered (`assets/term_links.js` opens the glossary at it, keeping the theme). Terms in
    `seen` (linked earlier on the same panel) stay words, and the ones linked here are added to it."""
    definitions = frames.glossary.set_index("term_id").definition
    seen = set() if seen is None else seen
    out: list = []
    for piece, term in link_terms(text, glossary_names(frames)):
        if term is None or term in seen:
            if out and isinstance(out[-1], str):
                out[-1] += piece
            else:
                out.append(piece)
            continue
        seen.add(term)
        anchor = f"term-{term}"
        out.append(
            html.A(
                piece,
                href=f"{glossary_address()}#{anchor}",
                className="term",
                title=definitions[term],
                **{"data-term": anchor},
            )
        )
    return out


def _source_names(frames: Frames, facts: pd.DataFrame) -> list[str]:
    """The short names of the sources the facts cite, each once, in order."""
    names = frames.sources.set_index("id").cite_as
    return list(dict.fromkeys(names.get(s, s) for s in facts.source_id))


def _sources(frames: Frames, lesson_id: str, step: int, part: str) -> html.P | None:
    facts = frames.lesson_facts
    listed = _source_names(frames, facts[(facts.lesson_id == lesson_id) & (facts.step == step) & (facts.part == part)])
    if not listed:
        return None
    text = ngettext("Source: {names}", "Sources: {names}", len(listed)).format(names="; ".join(listed))
    return html.P(text, className="lesson-source")


def has_question(row: pd.Series) -> bool:
    """Whether a step asks pupils to predict before the reveal."""
    return isinstance(row.question, str) and bool(row.question)


def lesson_panel(frames: Frames, row: pd.Series, revealed: bool, facts: list | None = None) -> list:
    """A step's panel: the lesson and where you are, the caption with its sources, the question with its
    answer, which shows only after Reveal, and then the slide's `facts` where the panel holds them (a hall's)."""
    out: list = [
        html.P(_("Lesson · {title}").format(title=row.title), className="lesson-title"),
        html.P(
            _("Step {step} of {steps}").format(step=row.step, steps=row.steps),
            className="lesson-counter",
            role="status",
        ),
        html.P(with_terms(frames, row.caption), className="lesson-caption"),
        _sources(frames, row.lesson_id, int(row.step), "caption"),
    ]
    if has_question(row):
        ask = row.question.removeprefix("Predict:").removeprefix(_("Predict:")).strip()
        out.append(html.P([html.Strong(_("Predict:") + " "), *with_terms(frames, ask)], className="lesson-question"))
        if revealed:
            out += [
                html.P([html.Strong(_("Answer:") + " "), *with_terms(frames, row.answer)], className="lesson-answer"),
                _sources(frames, row.lesson_id, int(row.step), "answer"),
            ]
    if facts and revealed:
        out.append(html.Div(facts, className="lesson-facts"))
    out.append(html.P(_(KEYS), className="lesson-keys"))
    return [o for o in out if o is not None]


def lessons_page(frames: Frames) -> html.Div:
    """Every lesson with its level, length and summary, each opening at its first step."""
    first = frames.lessons[frames.lessons.step == 1]
    return html.Div(
        className="lessons-list",
        children=[
            html.H2(_("Lessons")),
            html.Ul(
                [
                    html.Li(
                        [
                            dcc.Link(
                                r.title, href=search(State(lesson=r.lesson_id, lang=current())), className="lesson-link"
                            ),
                            html.Span(
                                " · "
                                + ngettext("{level} · {n} step", "{level} · {n} steps", r.steps).format(
                                    level=r.level, n=r.steps
                                ),
                                className="lesson-meta",
                            ),
                            html.P(r.summary),
                        ]
                    )
                    for r in first.itertuples()
                ]
            ),
        ],
    )


def _cited(frames: Frames, facts: pd.DataFrame) -> html.Span | None:
    listed = _source_names(frames, facts)
    return html.Span(" (" + "; ".join(listed) + ")", className="lesson-source") if listed else None


def introduction_page(frames: Frames) -> html.Div:
    """One short screen for pupils: what a Congress of Soviets was, and why it ended; each sentence sourced."""
    intro, facts = frames.introduction, frames.introduction_facts
    paragraphs = []
    for number, sentences in intro.groupby("paragraph", sort=True):
        cited = facts[facts.paragraph == number]
        paragraphs.append(html.P([" ".join(sentences.sort_values("sentence").text), _cited(frames, cited)]))
    return html.Div(
        className="teaching-page",
        children=[html.H2(intro.title.iloc[0] if not intro.empty else _("Introduction")), *paragraphs],
    )


def _original(frames: Frames, term_id: str) -> tuple[str, str] | None:
    """A glossary term's Russian original and the source that writes it: its own (решающий голос), or that of
    the party or elected body it names (the Bolsheviks: большевики; the CEC: ВЦИК)."""
    for frame, key in ((frames.glossary, "term_id"), (frames.parties, "id"), (frames.bodies, "body_id")):
        found = frame[(frame[key] == term_id) & frame.original.notna()]
        if not found.empty:
            row = found.iloc[0]
            text = row.original + (f" ({row.original_short})" if isinstance(row.original_short, str) else "")
            return text, row.original_source_id
    return None


def _term(frames: Frames, entry: object) -> list:
    """A glossary term as its heading shows it: on an English page with its Russian original and its source."""
    original = _original(frames, entry.term_id) if current() == DEFAULT else None
    if original is None:
        return [entry.term]
    text, source_id = original
    source = frames.sources.set_index("id").cite_as.get(source_id, source_id)
    return [entry.term, " · ", html.Span(text, lang="ru", className="original"), html.Small(f" — {source}")]


def glossary_page(frames: Frames) -> html.Div:
    """Every glossary term for pupils, in the records' order, with its definition and its sources."""
    facts = frames.glossary_facts
    return html.Div(
        className="teaching-page",
        children=[
            html.H2(_("Glossary")),
            html.Dl(
                className="glossary",
                children=[
                    part
                    for g in frames.glossary.itertuples()
                    for part in (
                        html.Dt(_term(frames, g), id=f"term-{g.term_id}", tabIndex="-1"),
                        html.Dd([g.definition, _cited(frames, facts[facts.term_id == g.term_id])]),
                    )
                ],
            ),
        ],
    )
