"""The address that exports and citations print: CONGRESS_PUBLIC_URL where it is set, never a loopback one.

A teacher who serves the dashboard on a school's server sets CONGRESS_PUBLIC_URL (for example
`https://congresses.school.example/`); every image, slide pack, handout and citation then prints
that address with the view's query. Without it, the address the page was opened at is printed, unless
it is a loopback one (127.0.0.1, localhost), which would be useless on a slide: then none is printed.
"""

from __future__ import annotations

import ipaddress
import os
import re
from urllib.parse import urlsplit

ENV = "CONGRESS_PUBLIC_URL"
URL = re.compile(r"^https?://[^\s<>\"'\\?#]+$")
MAX_LENGTH = 200


def public_url(value: str | None = None) -> str | None:
    """The public address from CONGRESS_PUBLIC_URL, ending in '/'; a value that is not an http(s) address
    stops the server with a message."""
    value = (value if value is not None else os.environ.get(ENV, "")).strip()
    if not value:
        return None
    if len(value) > MAX_LENGTH or not URL.match(value):
        raise ValueError(f"{ENV}: not an http:// or https:// address without a query: {value[:60]!r}")
    return value.rstrip("/") + "/"


def is_loopback(href: str) -> bool:
    """Whether an address points at this machine only (127.0.0.0/8, ::1, localhost, 0.0.0.0)."""
    host = (urlsplit(href).hostname or "").lower()
    if host in ("localhost", "0.0.0.0") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def printed_link(page_href: str | None, query: str) -> str | None:
    """The address to print for a view (`query` is '?congress=2'): the public one, else the page's own
    where it is not a loopback address, else None."""
    base = public_url()
    if base is None:
        if not page_href or is_loopback(page_href):
            return None
        parts = urlsplit(page_href)
        base = f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"
    return base + query
