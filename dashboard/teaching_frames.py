"""Tidy frames of the teaching content: lessons (one row per step), the glossary and the introduction.

Each has a facts frame beside it, one row per cited fact (source id and the source's own words), so the
lesson player, the answer key and the glossary can show every statement with its source.
"""

from __future__ import annotations

import pandas as pd

from dashboard.records import ORIGINAL_COLUMNS, Sourced, original_columns
from dashboard.teaching import Lesson, Teaching

TEXT = "string"
NUMBER = "int64"
FACT_COLUMNS = {"order": NUMBER, "source_id": TEXT, "excerpt": TEXT, "note": TEXT}

LESSON_COLUMNS = {
    "lesson_id": TEXT,
    "title": TEXT,
    "level": TEXT,
    "summary": TEXT,
    "step": NUMBER,
    "steps": NUMBER,
    "view": TEXT,
    "view_kind": TEXT,
    "congress_id": TEXT,
    "compare_ids": TEXT,
    "measure": TEXT,
    "slide": "Int64",
    "caption": TEXT,
    "question": TEXT,
    "answer": TEXT,
    "chart": TEXT,
}
LESSON_FACT_COLUMNS = {"lesson_id": TEXT, "step": NUMBER, "part": TEXT, **FACT_COLUMNS}
GLOSSARY_COLUMNS = {
    "term_id": TEXT,
    "term": TEXT,
    "spellings": TEXT,
    "definition": TEXT,
    **dict.fromkeys(ORIGINAL_COLUMNS, TEXT),
}
GLOSSARY_FACT_COLUMNS = {"term_id": TEXT, **FACT_COLUMNS}
INTRODUCTION_COLUMNS = {"title": TEXT, "paragraph": NUMBER, "sentence": NUMBER, "text": TEXT}
INTRODUCTION_FACT_COLUMNS = {"paragraph": NUMBER, "sentence": NUMBER, **FACT_COLUMNS}


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def _facts(facts: list[Sourced], **keys: object) -> list[dict]:
    return [
        keys | {"order": order, "source_id": f.source, "excerpt": f.excerpt, "note": f.note}
        for order, f in enumerate(facts)
    ]


def _step_rows(lesson: Lesson, known: set[str]) -> tuple[list[dict], list[dict]]:
    steps, facts = [], []
    for number, step in enumerate(lesson.steps, start=1):
        view = step.shows(known)
        question = step.question
        steps.append(
            {
                "lesson_id": lesson.id,
                "title": lesson.title,
                "level": lesson.level,
                "summary": lesson.summary,
                "step": number,
                "steps": len(lesson.steps),
                "view": step.view,
                "view_kind": view.kind,
                "congress_id": view.congress_ids[0] if view.kind == "congress" else None,
                "compare_ids": ",".join(view.congress_ids) if view.kind == "compare" else None,
                "measure": view.measure if view.kind == "compare" else None,
                "slide": view.slide,
                "caption": step.caption,
                "question": question.ask if question else None,
                "answer": question.answer if question else None,
                "chart": step.chart,
            }
        )
        facts += _facts(step.facts, lesson_id=lesson.id, step=number, part="caption")
        if question:
            facts += _facts(question.facts, lesson_id=lesson.id, step=number, part="answer")
    return steps, facts


def teaching_frames(teaching: Teaching, congress_ids: set[str]) -> dict[str, pd.DataFrame]:
    """The six teaching frames, by name."""
    steps, step_facts = [], []
    for lesson in teaching.lessons:
        rows, facts = _step_rows(lesson, congress_ids)
        steps += rows
        step_facts += facts
    intro = teaching.introduction
    sentences = [
        (p, s, sentence)
        for p, paragraph in enumerate(intro.paragraphs, start=1)
        for s, sentence in enumerate(paragraph.sentences, start=1)
    ]
    return {
        "lessons": _frame(steps, LESSON_COLUMNS),
        "lesson_facts": _frame(step_facts, LESSON_FACT_COLUMNS),
        "glossary": _frame(
            [
                {
                    "term_id": e.id,
                    "term": e.term,
                    "spellings": "; ".join(e.spellings) or None,
                    "definition": e.definition,
                }
                | original_columns(e.original)
                for e in teaching.glossary
            ],
            GLOSSARY_COLUMNS,
        ),
        "glossary_facts": _frame(
            [row for e in teaching.glossary for row in _facts(e.facts, term_id=e.id)], GLOSSARY_FACT_COLUMNS
        ),
        "introduction": _frame(
            [{"title": intro.title, "paragraph": p, "sentence": s, "text": x.text} for p, s, x in sentences],
            INTRODUCTION_COLUMNS,
        ),
        "introduction_facts": _frame(
            [row for p, s, x in sentences for row in _facts(x.facts, paragraph=p, sentence=s)],
            INTRODUCTION_FACT_COLUMNS,
        ),
    }
