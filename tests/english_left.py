"""What of a Russian page's text is still English: the check behind the untranslated-text tests.

A text shown on a Russian page may hold English only where it is a source's: a quotation in «», a source's
name or title, an address, a Roman numeral. Anything else in English is interface text that missed the
catalog: a whole English message of the catalog, or a sentence with English function words.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.catalog import read
from dashboard.frames import load_frames

FUNCTION_WORDS = re.compile(
    r"\b(the|of|and|with|from|to|in|is|are|was|were|not|no|for|on|by|at|this|its|their|has|have|only|or)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
ADDRESS = re.compile(r"\S+://\S+|\b[\w.-]+\.(?:org|ru|com|wiki|net|edu|gov)\S*|\S*[%+_/=]\S*")
"""An address, or a piece of one where a page breaks it over lines."""


@cache
def _english_messages() -> frozenset[str]:
    """The catalog's English messages that Russian pages show otherwise."""
    out = set()
    for message in read("ru"):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            if english and re.search("[A-Za-z]{3}", english) and english not in strings:
                out.add(english.strip())
    return frozenset(out)


@cache
def _source_names() -> tuple[str, ...]:
    """Every name and title of a source, longest first: they stay as the source writes them."""
    sources = load_frames().sources
    columns = ("cite_as", "publisher", "title", "short", "author", "editor", "imprint")
    names = {n for column in columns for n in sources[column].dropna()}
    names |= {part.strip() for n in list(names) for part in re.split(r"[,(]", n) if len(part.strip()) > 3}
    return tuple(sorted(names, key=len, reverse=True))


def english_left(text: str) -> str | None:
    """What of `text` reads as untranslated English, or None where nothing does."""
    text = text.strip()
    if text in _english_messages():
        return text
    rest = text
    for name in _source_names():
        rest = rest.replace(name, " ")
    rest = ADDRESS.sub(" ", QUOTED.sub(" ", rest))
    found = FUNCTION_WORDS.search(rest)
    return rest.strip() if found else None
