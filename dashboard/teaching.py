"""The schema of the teaching content in `data/`: lessons, the pupils' glossary and the introduction.

Everything a pupil reads is sourced like the records: each caption, answer, definition and sentence
lists the `facts` it states, each a `Sourced` (a source id from `data/sources.toml` and the source's own
words). Every number written in the text must be one that a cited excerpt states (`numbers_in`), so a
caption can never say more than its sources.

A lesson step names its view as the URL query the app understands: `congress=2&slide=1`,
`compare=1,2`, `view=timeline`. The timeline may add `slide=1` or `2` (the All-Russian, the All-Union
Congresses); congress views `slide=1..4` (1 the hall, 2 the votes, 3 who the
delegates were, 4 decisions and a quotation). Checks that need the congress ids read them from the
validation context: `{"sources": {...}, "congresses": {...}}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Annotated, Literal
from urllib.parse import parse_qs

from pydantic import Field, ValidationInfo, field_validator, model_validator

from dashboard.records import Original, Record, Slug, Sourced, Text
from dashboard.urls import parse_search, problem_text

SLIDES = {1: "the hall", 2: "the votes", 3: "who the delegates were", 4: "decisions and a quotation"}
"""The slides of a congress, by number, as a lesson step names them (`slide=3`)."""
TIMELINE_SLIDES = {1: "the All-Russian Congresses", 2: "the All-Union Congresses"}
"""The timeline's slides, one series each (`view=timeline&slide=2`)."""

VIEW_KEYS = {"congress", "compare", "measure", "view", "slide"}
"""The query keys a lesson step may use. Presentation and theme are the teacher's choice, not the lesson's."""

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")


def numbers_in(text: str) -> set[str]:
    """The numbers written in a text, thousands separators dropped: '1,090 (784)' gives {'1090', '784'}."""
    return {match.replace(",", "") for match in NUMBER.findall(text)}


def _cited_numbers(facts: Iterable[Sourced]) -> set[str]:
    found: set[str] = set()
    for fact in facts:
        found |= numbers_in(fact.excerpt)
    return found


def _check_numbers(what: str, text: str | None, facts: Iterable[Sourced]) -> None:
    """Refuse a text that writes a number none of its cited excerpts states."""
    if text is None:
        return
    missing = sorted(numbers_in(text) - _cited_numbers(facts), key=lambda n: (len(n), n))
    if missing:
        raise ValueError(f"{what} writes {', '.join(missing)}, which no excerpt it cites states")


Facts = Annotated[list[Sourced], Field(min_length=1)]


class Question(Record):
    """A question for pupils to predict before the reveal, with its answer and the facts that answer it."""

    ask: Text
    answer: Text
    facts: Facts


class View(Record):
    """What a lesson step shows, read from its query: the view, the congresses and the slide."""

    kind: Literal["congress", "compare", "timeline"]
    congress_ids: tuple[str, ...] = ()
    measure: Literal["count", "share"] = "count"
    slide: Annotated[int, Field(ge=1, le=4)] | None = None


def read_view(query: str, known: set[str]) -> View:
    """The view a lesson step's query names; a `ValueError` says what is wrong with it."""
    values = parse_qs(query.lstrip("?"), keep_blank_values=True, strict_parsing=False)
    unknown = sorted(set(values) - VIEW_KEYS)
    if unknown:
        raise ValueError(f"view {query!r}: unknown key {unknown[0]!r}; a lesson view uses {sorted(VIEW_KEYS)}")
    named = {"congress", "compare", "view"} & set(values)
    if len(named) != 1 or values.get("view", ["timeline"]) != ["timeline"]:
        raise ValueError(f"view {query!r} must name one view: congress=…, compare=… or view=timeline")
    state = parse_search(query, known, default="")
    if state.problem:
        raise ValueError(f"view {query!r}: {state.bad_value!r} {problem_text(state)}")
    slide = values.get("slide", [None])[0]
    slides = {"congress": SLIDES, "timeline": TIMELINE_SLIDES}.get(state.view)
    if slide is not None and slides is None:
        raise ValueError(f"view {query!r}: only a congress and the timeline have slides")
    if slide is not None and slide not in {str(n) for n in slides}:
        raise ValueError(f"view {query!r}: slide {slide!r} is not one of 1 to {len(slides)}")
    ids = (state.congress_id,) if state.view == "congress" else state.compare_ids
    return View(kind=state.view, congress_ids=ids, measure=state.measure, slide=int(slide) if slide else None)


class Step(Record):
    """One step of a lesson: a view, a caption in plain words for pupils, and optionally a question."""

    view: Text = Field(description="The URL query of the view: 'congress=2&slide=1', 'compare=1,2', 'view=timeline'.")
    caption: Text
    facts: Facts = Field(description="What the caption states, each with its source and the source's own words.")
    question: Question | None = None
    chart: Literal["delegate-types", "social"] | None = Field(
        None,
        description="Which of the two charts of 'who the delegates were' (slide 3) the step is about: shown alone "
        "where the two would stand too narrow beside the lesson's panel (a small projector).",
    )

    @field_validator("view")
    @classmethod
    def _view_is_known(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("congresses")
        if known is not None:
            read_view(value, known)
        return value

    @model_validator(mode="after")
    def _numbers_are_cited(self) -> Step:
        _check_numbers("the caption", self.caption, self.facts)
        if self.question:
            _check_numbers("the question", self.question.ask, [*self.facts, *self.question.facts])
            _check_numbers("the answer", self.question.answer, self.question.facts)
        return self

    @model_validator(mode="after")
    def _chart_is_on_its_slide(self) -> Step:
        query = parse_qs(self.view.lstrip("?"))
        if self.chart and ("congress" not in query or query.get("slide") != ["3"]):
            raise ValueError(f"a step's chart is one of a congress's slide 3, not of {self.view!r}")
        return self

    def shows(self, known: set[str]) -> View:
        """The view this step shows."""
        return read_view(self.view, known)


class Lesson(Record):
    """A guided lesson: a sequence of steps through the dashboard's views."""

    id: Slug
    title: Text
    level: Text = Field(description="Whom it is for, e.g. 'ages 14–16'.")
    summary: Text = Field(description="One line on what pupils learn.")
    steps: list[Step] = Field(min_length=2)

    @model_validator(mode="after")
    def _numbers_are_cited(self) -> Lesson:
        facts = [fact for step in self.steps for fact in (*step.facts, *(step.question.facts if step.question else ()))]
        _check_numbers("the title", self.title, facts)
        _check_numbers("the summary", self.summary, facts)
        return self


class GlossaryEntry(Record):
    """A term pupils meet in the dashboard, defined in plain words, with the facts the definition states."""

    id: Slug
    term: Text
    spellings: list[Text] = Field([], description="Other spellings and forms, so that terms in captions can be linked.")
    definition: Text
    facts: Facts
    original: Original | None = Field(None, description="The term in Russian, as a Russian-language source writes it.")

    @model_validator(mode="after")
    def _numbers_are_cited(self) -> GlossaryEntry:
        _check_numbers("the definition", self.definition, self.facts)
        return self

    @property
    def names(self) -> list[str]:
        """The term and every other spelling of it."""
        return [self.term, *self.spellings]


class Sentence(Record):
    """One sentence of the introduction, with the facts it states."""

    text: Text
    facts: Facts

    @model_validator(mode="after")
    def _numbers_are_cited(self) -> Sentence:
        _check_numbers("the sentence", self.text, self.facts)
        return self


class Paragraph(Record):
    """A paragraph of the introduction: a few sourced sentences."""

    sentences: list[Sentence] = Field(min_length=1)


class Introduction(Record):
    """One short screen: what a Congress of Soviets was, how it stood to the CEC and Sovnarkom, why it ended."""

    title: Text
    paragraphs: list[Paragraph] = Field(min_length=1)


class Teaching(Record):
    """All the teaching content, validated together with the records."""

    lessons: tuple[Lesson, ...]
    glossary: tuple[GlossaryEntry, ...]
    introduction: Introduction

    def cited(self) -> Iterator[tuple[str, Sourced]]:
        """Every fact the teaching content cites, with where it is ('lesson 1917-…: step 2')."""
        for lesson in self.lessons:
            for number, step in enumerate(lesson.steps, start=1):
                where = f"lesson {lesson.id}: step {number}"
                yield from ((where, fact) for fact in step.facts)
                if step.question:
                    yield from ((f"{where} answer", fact) for fact in step.question.facts)
        for entry in self.glossary:
            yield from ((f"glossary {entry.id}", fact) for fact in entry.facts)
        for p, paragraph in enumerate(self.introduction.paragraphs, start=1):
            for s, sentence in enumerate(paragraph.sentences, start=1):
                yield from ((f"introduction {p}.{s}", fact) for fact in sentence.facts)


def term_names(glossary: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Every spelling of every glossary term, with the term's id."""
    return {name: entry.id for entry in glossary for name in entry.names}


@lru_cache(maxsize=8)
def _terms_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])({longest_first})(?![\w-])")


def link_terms(text: str, names: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """Split a text into pieces, each with the id of the glossary term it is, or None; `names` maps every
    spelling of a term to its id (`term_names`).

    Terms match whole words, exactly as the glossary spells them (so 'Soviet Union' is not 'soviet'),
    the longest first (so 'Left SRs' is the Left SR, not the SR). Joining the pieces gives the text back.
    """
    if not names:
        return [(text, None)]
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for match in _terms_pattern(tuple(sorted(names))).finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], None))
        pieces.append((match.group(0), names[match.group(0)]))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces
