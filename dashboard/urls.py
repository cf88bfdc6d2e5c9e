"""The view state lives in the URL, so every view can be linked and handed to students.

- `?congress=2`: the Second All-Russian Congress; `?congress=au-1`: the First All-Union.
- `?compare=1,2&measure=share`: two to four congresses side by side, as counts or shares.
- `?view=timeline`: party shares across every congress.
- `&hall=<vote id>` draws a recorded vote on the seat chart instead of the parties.
- `&present=1` turns on the projector view, as slides; `&slide=3` is the third slide.
- `&theme=dark` or `&theme=contrast` the other themes.
- `?lesson=<id>&step=2` is a guided lesson's second step, `&reveal=1` with its answer; `?view=lessons` lists them.
- `&lang=ru` writes the page in Russian; English is the default.

Parsing never echoes raw input back as markup; a bad value comes back shortened, as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from dashboard.i18n import DEFAULT, N_, _, language, ngettext

PATTERN = re.compile(r"^(?:(ar|au)-?)?0*(\d{1,2})$")
RECORD_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
"""A vote's or a lesson's id, as the records write them."""
MAX_SHOWN = 40
MAX_COMPARED = 4
THEME_NAMES = ("light", "dark", "contrast")

View = Literal["congress", "compare", "timeline", "lessons"]


@dataclass(frozen=True)
class State:
    """Everything a URL can say about the page."""

    view: View = "congress"
    congress_id: str | None = None
    hall: str | None = None
    """The vote drawn on the seat chart, by its id; None draws the parties."""
    compare_ids: tuple[str, ...] = ()
    measure: Literal["count", "share"] = "count"
    present: bool = False
    slide: int | None = None
    """The slide on show in presentation mode, from 1; None is the first."""
    lesson: str | None = None
    step: int | None = None
    """The lesson's step on show, from 1; None is the first."""
    reveal: bool = False
    """Whether the step's answer, and the numbers it asks pupils to predict, are on show."""
    theme: str = "light"
    lang: str = DEFAULT
    """The page's language (dashboard.i18n.LANGUAGES)."""
    problem: str | None = None
    bad_value: str | None = None
    named: int | None = None
    """How many congresses a comparison that names too few or too many names (its problem's number)."""

    def but(self, **changes: object) -> State:
        """A copy with some fields changed, and no problem."""
        return replace(self, problem=None, bad_value=None, named=None, **changes)


def param(congress_id: str) -> str:
    """The URL value for a congress: '2' for the Second All-Russian, 'au-1' for the First All-Union."""
    series, number = congress_id.split("-")
    return str(int(number)) if series == "ar" else f"au-{int(number)}"


def search(state: State) -> str:
    """The query string of a state; the inverse of `parse_search`."""
    query: dict[str, str] = {}
    if state.lesson:
        query["lesson"] = state.lesson
        if state.step and state.step > 1:
            query["step"] = str(state.step)
        if state.reveal:
            query["reveal"] = "1"
        if state.theme != "light":
            query["theme"] = state.theme
        if state.lang != DEFAULT:
            query["lang"] = state.lang
        return "?" + urlencode(query, safe=",")
    if state.view == "lessons":
        query["view"] = "lessons"
    elif state.view == "compare" and not state.compare_ids:
        query["view"] = "compare"
    elif state.view == "compare":
        query["compare"] = ",".join(param(c) for c in state.compare_ids)
        if state.measure == "share":
            query["measure"] = "share"
    elif state.view == "timeline":
        query["view"] = "timeline"
    elif state.congress_id:
        query["congress"] = param(state.congress_id)
        if state.hall:
            query["hall"] = state.hall
    if state.present:
        query["present"] = "1"
        if state.slide and state.slide > 1:
            query["slide"] = str(state.slide)
    if state.theme != "light":
        query["theme"] = state.theme
    if state.lang != DEFAULT:
        query["lang"] = state.lang
    return "?" + urlencode(query, safe=",")


def congress_search(congress_id: str, lang: str = DEFAULT) -> str:
    """The query string that opens `congress_id`, in the page's language."""
    return search(State(congress_id=congress_id, lang=lang))


def page_language(address: str | None) -> str:
    """The language a page's address asks for (`…?congress=2&lang=ru`), from its query string."""
    query = urlsplit(address or "").query
    return language(parse_qs(query).get("lang", [None])[0])


def shown(value: str) -> str:
    """A user's value, shortened for a notice. Escaping is left to the page, which never renders HTML."""
    return value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"


def congress_id(raw: str, known: set[str]) -> str | None:
    """The congress id a URL value names, if it names a known one."""
    match = PATTERN.match(raw.strip().lower())
    if not match:
        return None
    found = f"{match.group(1) or 'ar'}-{int(match.group(2)):02d}"
    return found if found in known else None


def parse_search(query: str | None, known: set[str], default: str) -> State:
    """The state a query string asks for. A bad value gives a state with a `problem` to show."""
    values = {k: v[0] for k, v in parse_qs((query or "").lstrip("?"), keep_blank_values=True).items()}
    base = State(
        present=values.get("present") in ("1", "true", "yes"),
        slide=int(values["slide"]) if re.fullmatch(r"[0-9]{1,2}", values.get("slide", "")) else None,
        theme=values.get("theme") if values.get("theme") in THEME_NAMES else "light",
        measure="share" if values.get("measure") == "share" else "count",
        lang=language(values.get("lang")),
    )
    if "lesson" in values:
        lesson = values["lesson"].strip().lower()
        if not RECORD_ID.match(lesson):
            return replace(base, problem=N_("is not a lesson"), bad_value=shown(values["lesson"]))
        step = int(values["step"]) if re.fullmatch(r"[0-9]{1,2}", values.get("step", "")) else None
        return base.but(lesson=lesson, step=step, reveal=values.get("reveal") == "1")
    if values.get("view") == "lessons":
        return base.but(view="lessons")
    if "compare" in values:
        return _compare(base, values["compare"], known)
    if values.get("view") == "timeline":
        return base.but(view="timeline")
    if values.get("view") == "compare":  # the comparison, with none chosen yet: the page asks for two
        return base.but(view="compare")
    if "congress" not in values:
        return base.but(congress_id=default)
    found = congress_id(values["congress"], known)
    if found is None:
        problem = (
            N_("is not a congress number")
            if not PATTERN.match(values["congress"].strip().lower())
            else N_("is not a congress in the records")
        )
        return replace(base, problem=problem, bad_value=shown(values["congress"]))
    hall = values.get("hall", "").strip().lower()
    return base.but(congress_id=found, hall=hall if RECORD_ID.match(hall) else None)


COUNT_PROBLEM = "names too few or too many congresses"
"""The problem of a comparison of fewer than 2 or more than MAX_COMPARED congresses; the page says it with
their number (`State.named`)."""


def problem_text(state: State) -> str:
    """What is wrong with a URL's value, in the page's language."""
    if state.problem == COUNT_PROBLEM and state.named is not None:
        return ngettext(
            "names {n} congress; compare 2 to {most}", "names {n} congresses; compare 2 to {most}", state.named
        ).format(n=state.named, most=MAX_COMPARED)
    return _(state.problem)


def _compare(base: State, raw: str, known: set[str]) -> State:
    items = [item for item in raw.split(",") if item.strip()]
    ids = [congress_id(item, known) for item in items]
    if len(items) < 2 or len(items) > MAX_COMPARED:
        return replace(
            base,
            view="compare",
            problem=COUNT_PROBLEM,
            bad_value=shown(raw),
            named=len(items),
        )
    unknown = [item for item, found in zip(items, ids, strict=True) if found is None]
    if unknown:
        return replace(
            base, view="compare", problem=N_("names a congress that is not in the records"), bad_value=shown(unknown[0])
        )
    unique = tuple(dict.fromkeys(i for i in ids if i))
    if len(unique) < 2:
        return replace(base, view="compare", problem=N_("names the same congress twice"), bad_value=shown(raw))
    return base.but(view="compare", compare_ids=unique)
