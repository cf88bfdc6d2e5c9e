"""The view state in the URL: `?congress=2` is the Second All-Russian Congress, `?congress=au-1` the
First All-Union. Parsing never echoes raw input back; it returns an id or a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

PATTERN = re.compile(r"^(?:(ar|au)-?)?0*(\d{1,2})$")
MAX_SHOWN = 40


@dataclass(frozen=True)
class Parsed:
    """What a query string asks for: a congress id, or the bad value with why it is bad."""

    congress_id: str | None
    problem: str | None = None
    bad_value: str | None = None


def param(congress_id: str) -> str:
    """The URL value for a congress: '2' for the Second All-Russian, 'au-1' for the First All-Union."""
    series, number = congress_id.split("-")
    return str(int(number)) if series == "ar" else f"au-{int(number)}"


def congress_search(congress_id: str) -> str:
    """The query string that opens `congress_id`."""
    return "?" + urlencode({"congress": param(congress_id)})


def shown(value: str) -> str:
    """A user's value, shortened for a notice. Escaping is left to the page, which never renders HTML."""
    return value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"


def parse_search(search: str | None, known: set[str], default: str) -> Parsed:
    """The congress a query string asks for; `default` when it asks for none."""
    values = parse_qs((search or "").lstrip("?"), keep_blank_values=True).get("congress")
    if not values:
        return Parsed(default)
    raw = values[0].strip().lower()
    match = PATTERN.match(raw)
    if not match:
        return Parsed(None, "is not a congress number", shown(values[0]))
    congress_id = f"{match.group(1) or 'ar'}-{int(match.group(2)):02d}"
    if congress_id not in known:
        return Parsed(None, "is not a congress in the records", shown(values[0]))
    return Parsed(congress_id)
