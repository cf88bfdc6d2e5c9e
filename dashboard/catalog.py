"""The translation catalogs: what is marked for translation, and keeping each language's catalog in step with it.

Two kinds of text are translated, never the sources' excerpts:
- the interface, marked in the code with `_()`, `ngettext()` and `N_()` (dashboard.i18n);
- the project's own words in the records, column by column as `dashboard.prose` lists them: a congress's
  name, a party's, a vote's motion, why a value is shown, a lesson's captions, the glossary's definitions...

`python -m dashboard.catalog` brings `dashboard/locale/<lang>/LC_MESSAGES/messages.po` in step with the code
and the records, with Babel: a new message is added untranslated, a changed one is marked fuzzy (fuzzy
entries are never shown), one no longer used is dropped. The tests fail while any entry is untranslated,
fuzzy or out of step.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from dashboard.frames import build_frames
from dashboard.i18n import DEFAULT, DOMAIN, LANGUAGES, catalog_path
from dashboard.loader import DATA_DIR, load_records
from dashboard.prose import messages

CODE = Path(__file__).resolve().parent
PROJECT = "Congresses of Soviets"
HEADER = {
    "header_comment": "# The interface of Congresses of Soviets, translated. Sources' excerpts are never translated.\n"
    "# Update with `python -m dashboard.catalog`; see dashboard/catalog.py.",
    "project": PROJECT,
    "domain": DOMAIN,
    "copyright_holder": "the Congresses of Soviets contributors",
    "msgid_bugs_address": "the project's issue tracker",
    "last_translator": "the Congresses of Soviets contributors",
    "language_team": "the Congresses of Soviets contributors",
    "creation_date": dt.datetime(2026, 12, 7, tzinfo=dt.UTC),
    "revision_date": dt.datetime(2026, 12, 7, tzinfo=dt.UTC),
    "fuzzy": False,
}
"""The catalogs' header: fixed, so that updating a catalog changes only its messages."""


def template(data: Path = DATA_DIR) -> Catalog:
    """Every message the code marks and every record name the page shows, in English."""
    catalog = Catalog(**HEADER)
    for filename, line, message, comments, context in extract_from_dir(CODE, keywords=DEFAULT_KEYWORDS):
        catalog.add(message, locations=[(f"dashboard/{filename}", line)], auto_comments=comments, context=context)
    for frame, text in messages(build_frames(load_records(data))):
        if text not in catalog:
            catalog.add(text, locations=[(f"data:{frame}", 1)])
    return catalog


def read(lang: str) -> Catalog:
    """A language's catalog as it is kept."""
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def update(lang: str, data: Path = DATA_DIR) -> Catalog:
    """The language's catalog in step with the template: translations kept, new messages added untranslated."""
    path = catalog_path(lang)
    catalog = read(lang) if path.exists() else Catalog(locale=lang, **HEADER)
    catalog.update(template(data), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    for name, value in HEADER.items():
        setattr(catalog, name, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=120, omit_header=False, sort_output=False, include_previous=False)
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of a catalog's messages with no translation yet, or only a fuzzy one."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main() -> None:
    """Update every language's catalog and say what is left to translate."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.parse_args()
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        catalog = update(lang)
        left = untranslated(catalog)
        print(f"{lang}: {len(catalog) - 1} messages, {len(left)} to translate in {catalog_path(lang)}")


if __name__ == "__main__":
    main()
