"""The project's own words in the frames, and the frames with those words in another language.

The records mix two kinds of text. The sources' words (every `excerpt`, a quotation's `words`, a source's
title) stay in their source's language on every page. The project's own words (a congress's name, a vote's
motion, why a value is shown, a lesson's caption...) are listed here, column by column; the catalog
(`dashboard.catalog`) carries them as messages and `translated` shows them in the current language. The
sources' words a page shows are listed too (`GLOSSED`): the catalog carries the project's Russian gloss of
those not in Russian, shown beside them, never instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from dashboard.i18n import _, text_language

if TYPE_CHECKING:
    from dashboard.frames import Frames

PROSE: dict[str, tuple[str, ...]] = {
    "congresses": ("name", "official_name", "place", "venue"),
    "dates": ("label", "shown_because", "note"),
    "composition": ("of", "shown_because", "lineage_label", "label", "note"),
    "votes": ("motion", "wording", "shown_because", "note"),
    "bodies": ("name", "body_note", "note"),
    "events": ("text", "inferred", "note"),
    "decisions": ("title", "summary", "note"),
    "quotes": ("speaker", "context"),
    "statements": ("text", "note"),
    "numbers": ("shown_because", "note"),
    "not_recorded": ("reason",),
    "sources": ("what", "reliability"),
    "parties": ("name", "short"),
    "lineages": ("label", "note"),
    "lessons": ("title", "level", "summary", "caption", "question", "answer"),
    "lesson_facts": ("note",),
    "glossary": ("term", "definition"),
    "glossary_facts": ("note",),
    "introduction": ("title", "text"),
    "introduction_facts": ("note",),
    "groups": ("name",),
}
"""Each frame's columns that hold the project's own words, not a source's."""

GLOSSED: dict[str, tuple[str, ...]] = {
    "dates": ("excerpt",),
    "composition": ("excerpt",),
    "votes": ("excerpt",),
    "bodies": ("excerpt", "body_excerpt", "alternates_excerpt"),
    "events": ("excerpt",),
    "decisions": ("excerpt",),
    "quotes": ("excerpt",),
    "statements": ("excerpt",),
    "numbers": ("excerpt",),
    "lineages": ("excerpt",),
    "lesson_facts": ("excerpt",),
}
"""Each frame's columns of sources' words that a page or a download shows. They stay as the source wrote them;
where that is not the page's language, the catalog's translation of them is shown beside them as the project's
gloss (dashboard.i18n.gloss). The frames never change them."""

MOMENTS: tuple[tuple[str, str], ...] = (("composition", "moment"), ("numbers", "moment"))
"""Columns of when a count holds: 'opening' and 'close', which `dashboard.charts.draw.when` words itself, or the
records' own words ('as of 8 November'), which it translates as it shows them; the frames keep them as they are."""
MOMENT_KEYS = {"opening", "close"}


def messages(frames: Frames) -> Iterator[tuple[str, str]]:
    """(frame name, text) for every distinct text of the project's own words that the records write, in the
    frames' order. Words the code composes (a gap's note, a derived number's working) are the code's messages."""
    written = set(_strings(frames.records))
    columns = [*((name, column) for name, columns in PROSE.items() for column in columns), *MOMENTS]
    for name, column in columns:
        for text in dict.fromkeys(getattr(frames, name)[column].dropna()):
            if text in written and text not in MOMENT_KEYS:
                yield name, text
    for name, columns in GLOSSED.items():
        for column in columns:
            for text in dict.fromkeys(getattr(frames, name)[column].dropna()):
                if text_language(text) != "ru":  # a Russian page glosses every other language's words
                    yield name, text


def _strings(value: object) -> Iterator[str]:
    """Every string in the records, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _strings(getattr(value, field))
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def translated(frames: Frames) -> Frames:
    """The frames with the project's own words in the current language (dashboard.i18n.use)."""
    changed = {}
    for name, columns in PROSE.items():
        frame = getattr(frames, name).copy()
        for column in columns:
            frame[column] = frame[column].map(_, na_action="ignore").astype(frame[column].dtype)
        frame.attrs = dict(getattr(frames, name).attrs)
        changed[name] = frame
    return dataclasses.replace(frames, **changed)
