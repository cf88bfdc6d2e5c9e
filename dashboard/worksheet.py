"""A lesson's worksheet for pupils, on A4 landscape pages drawn by the same charts as the dashboard:

1. the questions: every step's caption, and each question with ruled lines to write on, naming the
   chart to look at once pupils have made their prediction;
2. the lesson's charts, each headed "Chart A", "Chart B"…, as the steps show them;
3. the **answer key**, on its own pages for the teacher: each question's answer, with its sources and
   their own words.
"""

from __future__ import annotations

import datetime as dt
import string

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.draw import gloss_note, source_line
from dashboard.citation import day
from dashboard.export import HANDOUT_PRESET, ExportError, chart_figure, check_lesson, check_link, drawn_charts
from dashboard.frames import Frames
from dashboard.handout import pages_pdf
from dashboard.i18n import DEFAULT, N_, _, current
from dashboard.style import PRESETS
from dashboard.table_pages import WRITE_HERE, text_pages
from dashboard.urls import State

SLIDE_CHARTS = {1: ("party-seats", "party-bars"), 2: ("votes",), 3: ("delegate-types", "social"), 4: ()}
"""The charts each slide of a congress shows, by preference: the hall draws the first that has rows."""
WRITING_LINES = 3
ANSWER_KEY = N_("Answer key")


def worksheet_filename(lesson_id: str) -> str:
    """'lesson-1917-first-to-second-congress-worksheet-a4.pdf'."""
    return f"lesson-{lesson_id}-worksheet-{HANDOUT_PRESET}.pdf"


def step_charts(frames: Frames, step: pd.Series) -> list[tuple[str, State]]:
    """The charts a lesson step shows, each with the view it draws: none for a slide of words."""
    if step.view_kind == "timeline":
        return [("timeline", State(view="timeline"))]
    if step.view_kind == "compare":
        view = State(view="compare", compare_ids=tuple(step.compare_ids.split(",")), measure=step.measure)
        return [("compare", view)]
    slide = int(step.slide) if pd.notna(step.slide) else 1
    drawn = drawn_charts(frames, step.congress_id)
    wanted = [c for c in SLIDE_CHARTS[slide] if c in drawn]
    view = State(congress_id=step.congress_id)
    return [(c, view) for c in (wanted[:1] if slide == 1 else wanted)]


def _address(link: str | None, query: str) -> str | None:
    """The dashboard's address `link` with a view's query ('lesson=…', 'congress=1&slide=3'), in the current
    language ('…&lang=ru')."""
    query += "" if current() == DEFAULT else f"&lang={current()}"
    return check_link(f"{link.split('?')[0].rstrip('/')}/?{query}") if link else None


def _sourced(frames: Frames, facts: pd.DataFrame) -> list[str]:
    """Each fact as 'Source name: “its words”', each once."""
    names = frames.sources.set_index("id").cite_as
    lines = (
        f"– {names.get(f.source_id, f.source_id)}: “{f.excerpt}”{gloss_note(f.excerpt)}" for f in facts.itertuples()
    )
    return list(dict.fromkeys(lines))


def worksheet_pages(frames: Frames, lesson_id: str, link: str | None = None) -> list[tuple[str, go.Figure]]:
    """The worksheet's pages in order, each (name, figure): the questions, the charts, the answer key."""
    lesson_id, link = check_lesson(frames, lesson_id), check_link(link)
    size = PRESETS[HANDOUT_PRESET]
    steps = frames.lesson_steps(lesson_id)
    first = steps.iloc[0]
    facts = frames.lesson_facts[frames.lesson_facts.lesson_id == lesson_id]
    shown: dict[tuple[str, State], str] = {}
    charts: list[tuple[str, go.Figure]] = []
    sections: list[tuple[str, list[str]]] = [
        (_("Name ______________________   Class ________   Date ________"), [first.summary]),
    ]
    answers: list[tuple[str, list[str]]] = []
    asked = 0
    for _i, step in steps.iterrows():
        letters = []
        for key in step_charts(frames, step):
            if key not in shown:
                shown[key] = string.ascii_uppercase[len(shown)]
                fig = chart_figure(frames, key[0], key[1], size, _address(link, step.view))
                named = _("Chart {letter}: ").format(letter=shown[key])
                fig.layout.title.text = fig.layout.title.text.replace("<b>", f"<b>{named}", 1)
                charts.append((f"chart-{shown[key]}", fig))
            letters.append(shown[key])
        named = (
            _("Charts {letters}").format(letters=_(" and ").join(letters))
            if len(letters) > 1
            else _("Chart {letter}").format(letter="".join(letters))
        )
        look = f" · {named}" if letters else ""
        paragraphs = [step.caption]
        if isinstance(step.question, str):
            asked += 1
            predicts = step.question.startswith(("Predict:", _("Predict:")))
            ask = step.question.removeprefix("Predict:").removeprefix(_("Predict:")).strip()
            ask = ask[:1].upper() + ask[1:]
            check = (
                _("Predict first, then check with {charts}.") if predicts else _("Answer, then check with {charts}.")
            )
            after = " (" + check.format(charts=named) + ")" if letters else ""
            question = _("Question {n}. {ask}").format(n=asked, ask=ask)
            paragraphs += [question + after, *[WRITE_HERE] * WRITING_LINES]
            cited = facts[(facts.step == step.step) & (facts.part == "answer")]
            answer = _("Answer: {answer}").format(answer=step.answer)
            answers.append((question, [answer, *_sourced(frames, cited)]))
        sections.append((_("Step {step}").format(step=step.step) + look, paragraphs))
    if not answers:
        raise ExportError(f"lesson {lesson_id!r} asks no question, so it has no worksheet")
    retrieved = day(dt.date.today()) if link else None
    lesson_link = _address(link, f"lesson={lesson_id}")
    names = frames.sources.set_index("id").cite_as
    cited = source_line((names.get(s) for s in facts.source_id), lesson_link, retrieved)
    heading = _("{lesson} · {level} · worksheet").format(lesson=first.title, level=first.level)
    return [
        *text_pages(heading, "questions", _("Questions"), sections, size, cited),
        *charts,
        *text_pages(heading, "answer-key", _(ANSWER_KEY), answers, size, cited),
    ]


def worksheet_pdf(frames: Frames, lesson_id: str, link: str | None = None) -> bytes:
    """The worksheet as an A4 landscape PDF: questions with room to write, the charts, then the answer key."""
    lesson_id = check_lesson(frames, lesson_id)
    title = frames.lesson_steps(lesson_id).iloc[0].title
    return pages_pdf(worksheet_pages(frames, lesson_id, link), _("{lesson}: worksheet").format(lesson=title))
