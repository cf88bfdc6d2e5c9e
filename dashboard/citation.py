"""How to cite a view or an exported image: the lines that follow Our World in Data's "Cite this" text.

Our World in Data offers an in-line citation for tight spaces ("UN WPP (2024); HYDE (2023) – with
minor processing by Our World in Data") and a full one ("… “Title” [dataset]. Producer, “Dataset”
[original data]. Retrieved <date> from <address>"). This module makes the same two lines for a chart of
a congress: `short` names the sources, `long` adds the chart's title, the congress, each source's title
and the permalink with the day it was retrieved. `reference` is a source's full entry for a list of
sources. Pure functions: no Dash, no clock (the caller passes the day).

A source is a `dashboard.records.Source` or a row of `frames.sources`; missing values may be None or NA.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

PROJECT = "Congresses of Soviets"
"""Who compiled the records, as a citation names them."""

MAX_SHORT = 3
"""More sources than this, and the in-line citation names the first and 'other sources', as OWID's does."""


@dataclass(frozen=True)
class Citation:
    """The in-line citation (for an image's footer) and the full one (for "How to cite")."""

    short: str
    long: str


def _given(source: Any, field: str) -> Any:
    value = getattr(source, field, None)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def day(date: dt.date) -> str:
    """A day as citations write it: '1 December 2026'."""
    return f"{date.day} {date:%B %Y}"


def label(source: Any) -> str:
    """A source's short name with its year where one is known: 'Richard Pipes (1990)'."""
    name = _given(source, "short") or _given(source, "publisher").split(",")[0]
    year = _given(source, "year")
    return f"{name} ({int(year)})" if year is not None and str(int(year)) not in name else name


def _origin(source: Any) -> str:
    """A source as OWID names an origin in the full citation: 'Producer, “Title”'."""
    return f"{label(source)}, “{_given(source, 'title')}”"


def reference(source: Any) -> str:
    """A source's full entry: who, title, where published, volume, pages, year, address, copy read, day read."""
    author = _given(source, "author")
    parts = [f"{author or _given(source, 'publisher')}, “{_given(source, 'title')}”"]
    if author and not _given(source, "publisher").startswith(author):
        parts.append(_given(source, "publisher"))
    if _given(source, "editor"):
        parts.append(f"edited by {_given(source, 'editor')}")
    for field, prefix in (("imprint", ""), ("volume", "vol. ")):
        if _given(source, field):
            parts.append(prefix + _given(source, field))
    pages = _given(source, "pages")
    if pages:
        parts.append(("pp. " if "-" in pages else "p. ") + pages)
    year = _given(source, "year")
    text = ", ".join(parts) + (f" ({int(year)})" if year is not None else "") + f". {_given(source, 'url')}"
    if _given(source, "read_via"):
        text += f", read via {_given(source, 'read_via')}"
    elif _given(source, "copy_of"):
        text += f", a copy of {_given(source, 'copy_of')}"
    accessed = _given(source, "accessed")
    return text + (f". Accessed {day(accessed)}." if accessed else ".")


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def short(sources: Iterable[Any]) -> str:
    """The in-line citation: 'A; B (1990) – compiled by Congresses of Soviets'."""
    labels = _unique(label(s) for s in sources)
    named = f"{labels[0]} and other sources" if len(labels) > MAX_SHORT else "; ".join(labels)
    return f"{named} – compiled by {PROJECT}" if named else f"Compiled by {PROJECT}"


def cite(title: str, congress: str, sources: Iterable[Any], permalink: str, retrieved: dt.date) -> Citation:
    """The citation of a chart (`title`) of a congress (its name and dates), as a view or an image offers it."""
    sources = list(sources)
    labels = "; ".join(_unique(label(s) for s in sources))
    attribution = f"{labels} – compiled by {PROJECT}" if labels else f"Compiled by {PROJECT}"
    origins = "; ".join(_unique(_origin(s) for s in sources))
    parts = [f"{attribution}.", f"“{title}: {congress}” [dataset]."]
    if origins:
        parts.append(f"{origins} [original data].")
    parts.append(f"Retrieved {day(retrieved)} from {permalink}")
    return Citation(short=short(sources), long=" ".join(parts))
