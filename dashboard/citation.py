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

from dashboard.i18n import N_, _, date
from dashboard.records import short_name

PROJECT = N_("Congresses of Soviets")
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


def day(when: dt.date) -> str:
    """A day as citations write it, in the current language: '1 December 2026', '1 декабря 2026 г.'."""
    return date(when)


def label(source: Any) -> str:
    """A source's short name with its year where one is known: 'Richard Pipes (1990)'."""
    name = _given(source, "short") or short_name(_given(source, "publisher"))
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
        parts.append(_("edited by {editor}").format(editor=_given(source, "editor")))
    if _given(source, "imprint"):
        parts.append(_given(source, "imprint"))
    if _given(source, "volume"):
        parts.append(_("vol. {volume}").format(volume=_given(source, "volume")))
    pages = _given(source, "pages")
    if pages:
        parts.append((_("pp. {pages}") if "-" in pages else _("p. {pages}")).format(pages=pages))
    year = _given(source, "year")
    text = ", ".join(parts) + (f" ({int(year)})" if year is not None else "") + f". {_given(source, 'url')}"
    if _given(source, "read_via"):
        text += _(", read via {address}").format(address=_given(source, "read_via"))
    elif _given(source, "copy_of"):
        text += _(", a copy of {address}").format(address=_given(source, "copy_of"))
    accessed = _given(source, "accessed")
    if accessed:
        text += ". " + _("Accessed {day}").format(day=day(accessed))
    return text if text.endswith(".") else text + "."  # a Russian day ends in 'г.' already


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def short(sources: Iterable[Any]) -> str:
    """The in-line citation: 'A; B (1990) – compiled by Congresses of Soviets'."""
    labels = _unique(label(s) for s in sources)
    named = _("{first} and other sources").format(first=labels[0]) if len(labels) > MAX_SHORT else "; ".join(labels)
    return compiled(named)


def compiled(names: str) -> str:
    """'A; B – compiled by Congresses of Soviets', or 'Compiled by Congresses of Soviets' with no names."""
    if not names:
        return _("Compiled by {project}").format(project=_(PROJECT))
    return _("{names} – compiled by {project}").format(names=names, project=_(PROJECT))


def cite(title: str, congress: str, sources: Iterable[Any], permalink: str, retrieved: dt.date) -> Citation:
    """The citation of a chart (`title`) of a congress (its name and dates), as a view or an image offers it."""
    sources = list(sources)
    labels = "; ".join(_unique(label(s) for s in sources))
    origins = "; ".join(_unique(_origin(s) for s in sources))
    parts = [f"{compiled(labels)}.", _("“{title}: {congress}” [dataset].").format(title=title, congress=congress)]
    if origins:
        parts.append(_("{origins} [original data].").format(origins=origins))
    parts.append(_("Retrieved {day} from {address}").format(day=day(retrieved), address=permalink))
    return Citation(short=short(sources), long=" ".join(parts))
