"""The page as served, before its scripts have run: the site's title where the page draws it, and a line saying
the charts are coming, in the page's language and theme. A phone on a slow line waits seconds for the scripts;
with this it shows the title at once instead of an empty page. assets/style.css hides Dash's own "Loading..."
beneath it, and assets/a11y.js removes the shell as soon as Dash has drawn the page (`#page`)."""

from __future__ import annotations

from html import escape

from dashboard.i18n import _
from dashboard.urls import parse_search


def page_shell(query: str) -> str:
    """The shell's HTML for the page at `?query`, in the language in use. A presentation or a lesson draws its
    slides without the title (style.css), so its shell has the line alone."""
    state = parse_search(query, known=set(), default="")
    title, status = escape(_("Congresses of Soviets, 1917–1937")), escape(_("Loading the charts…"))
    heading = "" if state.present or state.lesson else f"<h1>{title}</h1>"
    return (
        f'<div class="page shell theme-{state.theme}"><header class="masthead">{heading}</header>'
        f'<p class="shell-status" role="status">{status}</p></div>'
    )
