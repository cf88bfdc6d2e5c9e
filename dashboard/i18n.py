"""The page's language: gettext catalogs read through Babel, and numbers and dates written the locale's way.

Interface text is English in the code and marked for translation: `_("Delegates")`, and
`ngettext("{n} delegate", "{n} delegates", n)` where Russian's three plural forms matter (1 делегат,
2 делегата, 5 делегатов). The Russian catalog is `dashboard/locale/ru/LC_MESSAGES/messages.po`; it is
compiled in memory when first used, so nothing compiled is kept in the repository. Sources' excerpts are
never translated: only the interface is.

The language is set per request (`with use("ru"): …`) in a context variable, so every function that writes
words for the page, a chart or an export writes them in that language without being handed it.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = {"en": "English", "ru": "Русский"}
"""The page's languages, each named in itself (the language switch's words)."""
DEFAULT = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_current: ContextVar[str] = ContextVar("lang", default=DEFAULT)


def catalog_path(lang: str) -> Path:
    """Where a language's catalog is kept."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The language's compiled catalog; English, the code's own language, needs none. Fuzzy entries are left
    out, so a translation not yet checked is never shown."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    with catalog_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language(value: object) -> str:
    """A language the page has, from a URL's or a user's value; anything else is the default."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def in_sentence(name: str) -> str:
    """A name as it stands inside a sentence: in Russian a party's or group's name takes a small letter there
    ('из них левые эсеры'), an abbreviation keeps its capitals ('РСДРП(б)'); in English, as it is."""
    if current() == "ru" and len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


CYRILLIC = re.compile("[А-Яа-яЁё]")


GERMAN = re.compile(r"[äöüßÄÖÜ]|\b(?:und|der|die|das|wählte|gab)\b")


def text_language(text: str) -> str:
    """The language a source's words or a name are in, as a BCP 47 tag: 'ru' where written in Cyrillic, 'de'
    for the German Wikipedia's words, else 'en' (the sources read are in these three)."""
    if CYRILLIC.search(text):
        return "ru"
    return "de" if GERMAN.search(text) else "en"


def gloss(words: object, english: object = None) -> str | None:
    """The project's translation of a source's `words` into the page's language, shown beside them, never
    instead: on an English page the records' English gloss of words in Russian; on a Russian page the
    catalog's Russian of words in English. None where the words are in the page's language already, or
    where no translation is kept."""
    if not isinstance(words, str) or text_language(words) == current():
        return None
    if current() == DEFAULT:
        return english if isinstance(english, str) else None
    translated = _(words)
    return translated if translated != words else None


def other_language(lang: str) -> str:
    """The page's other language (it has two), which the language switch offers."""
    return next(other for other in LANGUAGES if other != lang)


def current() -> str:
    """The language words are being written in now."""
    return _current.get()


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Write every word inside the block in `lang`."""
    token = _current.set(language(lang))
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """`message` in the current language."""
    return translations(current()).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for translation where it is defined (a constant); `_()` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that agrees with `n`, in the current language (Russian has three)."""
    return translations(current()).ngettext(singular, plural, n)


def number(value: float, digits: int = 0) -> str:
    """A number with the locale's separators: '1,090' in English, '1 090' in Russian."""
    if current() == DEFAULT:
        return f"{value:,.{digits}f}"
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale=current())


def percent(value: float, digits: int | None = 1) -> str:
    """A share given in percent (52.2 is 52.2%) as the locale writes it: '52.2%', '52,2 %'. `digits=None`
    keeps the digits the number has ('72%', '94.1%')."""
    if current() == DEFAULT:
        return (f"{value:g}" if digits is None else f"{value:.{digits}f}") + "%"
    shown = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    places = len(shown.partition(".")[2])
    pattern = Locale.parse(current()).percent_formats[None].pattern
    pattern = pattern.replace("#,##0", "#,##0" + ("." + "0" * places if places else ""), 1)
    return format_decimal(value / 100, format=pattern, locale=current())


DATE_FORMS = {
    "long": ("{day.day} {day:%B %Y}", "d MMMM y 'г.'"),
    "short": ("{day.day} {day:%b %Y}", "d MMM y 'г.'"),
    "month": ("{day:%B %Y}", "LLLL y 'г.'"),
    "month-short": ("{day:%b %Y}", "LLL y 'г.'"),
    "day-month": ("{day.day} {day:%B}", "d MMMM"),
    "day-month-short": ("{day.day} {day:%b}", "d MMM"),
    "month-name-short": ("{day:%b}", "LLL"),
}
"""Each form of a day, in English (str.format) and as a CLDR pattern for other locales."""


def date(day: dt.date, form: str = "long") -> str:
    """A day: 'long' 25 October 1917 / 25 октября 1917 г.; 'short' 25 Oct 1917 / 25 окт. 1917 г.;
    'month' October 1917 / октябрь 1917 г.; 'month-short'; 'day-month' 25 October / 25 октября;
    'day-month-short' (DATE_FORMS)."""
    english, pattern = DATE_FORMS[form]
    return english.format(day=day) if current() == DEFAULT else format_date(day, pattern, locale=current())
