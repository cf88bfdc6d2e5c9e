"""The one home of styling: party and vote colours, fonts, the figure template and sizes.

Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour-vision deficiency. Nothing is told apart by colour alone: every segment and legend entry
carries a label too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import plotly.graph_objects as go

from dashboard.i18n import N_

FONT_FAMILY = "DejaVu Sans, Segoe UI, Helvetica Neue, Arial, sans-serif"

GAP_COLOUR = "#9a9a9a"
"""Neutral grey for what the source does not account for."""

PARTY_COLOURS = {
    "bolshevik": "#d55e00",
    "communist": "#d55e00",
    "communist-sympathisers": "#ffd0b0",
    "komsomol": "#cc79a7",
    "left-sr": "#00604a",
    "sr": "#009e73",
    "sr-sympathisers": "#5fc9a0",
    "right-sr": "#b8e0a0",
    "sr-centre": "#b8e0a0",
    "maximalist": "#2f7d6a",
    "ukrainian-sr": "#86c7b3",
    "menshevik": "#0072b2",
    "menshevik-sympathisers": "#c6dbef",
    "menshevik-internationalist": "#56b4e9",
    "united-menshevik": "#3a8fc7",
    "anarchist": "#222222",
    "non-party": "#e69f00",
    "various": "#f0e442",
    "national-groups": "#8c6bb1",
    "bund": "#8c510a",
    "other-parties": "#762a83",
}
FALLBACK_COLOURS = ("#b8a000", "#8c6bb1", "#a65628", "#666666", "#e7298a", "#1b9e77")

PARTY_ORDER = (
    "bolshevik",
    "communist",
    "communist-sympathisers",
    "komsomol",
    "anarchist",
    "maximalist",
    "left-sr",
    "sr",
    "sr-sympathisers",
    "sr-centre",
    "right-sr",
    "ukrainian-sr",
    "menshevik-internationalist",
    "united-menshevik",
    "menshevik",
    "menshevik-sympathisers",
)
"""Seats run from the left of the hall to the right in this order; unlisted parties follow."""

VOTE_COLOURS = {
    "in_favour": "#0072b2",
    "against": "#e69f00",
    "dissents": "#cc79a7",
    "abstained": "#bdbdbd",
    "not_voting": "#e0e0e0",
}
VOTE_PATTERNS = {"against": "/", "dissents": "x"}
"""Votes not in favour are told apart by a pattern as well as a colour."""
VOTE_LABELS = {
    "in_favour": N_("For"),
    "against": N_("Against"),
    "dissents": N_("Dissents"),
    "abstained": N_("Abstained"),
    "not_voting": N_("Did not vote"),
}
"""The parts of a vote, marked for translation: `_(VOTE_LABELS[part])` where shown."""

SOCIAL_COLOURS = ("#0072b2", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


MIN_CONTRAST = 3.0
"""Marks and bars on a dark or black page keep at least this contrast with it (WCAG's for graphics)."""


def on_paper(colour: str, theme: str) -> str:
    """The colour, lightened towards white until it stands out on a dark theme's paper."""
    paper = THEMES[theme].paper
    if theme == "light" or contrast(colour, paper) >= MIN_CONTRAST:
        return colour
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    for step in range(1, 11):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 10):02x}" for c in rgb)
        if contrast(mixed, paper) >= MIN_CONTRAST:
            return mixed
    return "#ffffff"


def party_colour(party_id: str, theme: str = "light") -> str:
    """The party's colour, the same in every chart (lightened where a dark theme needs it); unknown ids get
    a stable fallback."""
    if party_id in PARTY_COLOURS:
        colour = PARTY_COLOURS[party_id]
    elif party_id == "not-accounted":
        colour = GAP_COLOUR
    else:
        colour = FALLBACK_COLOURS[sum(map(ord, party_id)) % len(FALLBACK_COLOURS)]
    return on_paper(colour, theme)


def party_rank(party_id: str) -> int:
    """Where the party sits from left to right of the hall."""
    if party_id == "not-accounted":
        return len(PARTY_ORDER) + 2
    return PARTY_ORDER.index(party_id) if party_id in PARTY_ORDER else len(PARTY_ORDER)


@dataclass(frozen=True)
class Size:
    """A figure's size in CSS pixels, and the base font size that stays legible at it."""

    name: str
    width: int | None
    height: int
    font: int
    narrow: bool = False
    """A phone: legends go below the plot and labels wrap shorter."""
    fit: bool = False
    """A slide: the figure keeps to this height, however much it holds, so the slide never scrolls."""
    room: int | None = None
    """Where the browser sets the width (`width` None): the width the figure is laid out for, if known."""
    least: int = 0
    """The smallest text the figure draws: on a slide, what the back row of a classroom can read."""
    panels: tuple[int, int] | None = None
    """On the dashboard, the widths the window gives a chart across the page and one sharing its row with
    another (in 50 px steps down), where the page has said how wide the window is."""

    def text(self, px: float) -> int:
        """A text size at this figure size: `px` rounded, and never under the size's least."""
        return max(self.least, round(px))

    def laid_out(self, otherwise: int) -> int:
        """The width the figure is laid out for: its own, the room it is given, or `otherwise`."""
        return self.width or self.room or otherwise

    def across(self, wide: bool) -> int:
        """The width a chart is laid out for: its own or its slide's, else the dashboard panel's the window
        gives it (`wide`: across the page, not half of it), else the widths the dashboard assumes."""
        if self.narrow:
            return self.laid_out(PHONE_WIDTH)
        if self.panels and not (self.width or self.room):
            return self.panels[0 if wide else 1]
        return self.laid_out(WIDE_WIDTH if wide else ASSUMED_WIDTH)


ASSUMED_WIDTH = 680
WIDE_WIDTH = 1150
PHONE_WIDTH = 330
"""The widths a dashboard panel and a phone's panel are laid out for, where the browser sets the real one."""
DASHBOARD = Size("dashboard", None, 560, 17)
PRESENTATION = Size("presentation", None, 760, 24)
PHONE = Size("phone", None, 640, 13, narrow=True)
SLIDE_TEXT_PX = 24
"""No text on a slide's chart is smaller, on any projector: titles, legends, labels, ticks and the source line."""
SLIDE_SIZES = {
    720: Size("slide-720", None, 430, 24, fit=True, least=SLIDE_TEXT_PX),
    768: Size("slide-768", None, 470, 24, fit=True, least=SLIDE_TEXT_PX),
    1080: Size("slide-1080", None, 720, 28, fit=True, least=SLIDE_TEXT_PX),
}
"""Slides' figures, by the window heights they are drawn for: each fits its slide without scrolling."""
SLIDE_ROOM = {720: 165, 768: 155, 1080: 113}
"""How much taller a slide's figure is where the slide has no line of facts and no choice above it, by the
window heights of SLIDE_SIZES: on a small projector every pixel goes to the chart."""


CHOICE_LINE_PX = 50
"""The hall's choice of vote ("The seats show: Parties / This vote: …") above its seat chart: one line of a
slide as legible as the charts (1.5rem), and its margin, its options side by side or, where they would take
several lines, a menu (assets/style.css: .compact-choice)."""
CHOICE_CHAR_PX = 13.2
"""The average width of a character of the choice's options on a slide."""
CHOICE_LEGEND_PX = 235
""""The seats show", and the gap after it."""
CHOICE_MARGINS_PX = 19
"""The choice's margins either side, within the slide's column."""
FACTS_PX = 90
"""The hall's line of facts (when, where, delegates) above its seat chart: three lines at most."""


def hall_choice_room(labels: list[str], window_width: int | None, lesson: bool = False) -> tuple[int, bool]:
    """The room the hall's choice of vote (these options) takes above a slide's chart, and whether it is a
    menu: its options side by side where they stand on one line of the slide (the First Congress's at
    1280 px), else a menu of one line (the Fourth's three, or at 1024 px); as legible as the charts, both."""
    if len(labels) < 2:
        return 0, False
    width = slide_column(window_width or 1920, lesson) - CHOICE_MARGINS_PX
    on_a_line = CHOICE_LEGEND_PX + sum(40 + len(label) * CHOICE_CHAR_PX + 16 for label in labels) <= width
    return CHOICE_LINE_PX, not on_a_line


SLIDE_BAR_PX = 15
"""What a lesson's slide gains without the slide bar above it (its counter and buttons), less the lesson's own
margins: measured at 1280×720 and 1024×768."""


def slide_size(
    window_height: int | None, tall: bool = False, choice: int = 0, facts: bool = False, lesson: bool = False
) -> Size:
    """The slide size for a window: the tallest whose window height it does not exceed; `tall` where the
    figure has the slide to itself, or only a `choice` of what it shows (its height in px), or the hall's
    `facts`, above it; a `lesson`'s slide has no slide bar above it."""
    fits = [h for h in SLIDE_SIZES if h <= (window_height or 1080)]
    window = max(fits) if fits else min(SLIDE_SIZES)
    size = SLIDE_SIZES[window]
    if not tall:
        return size
    room = SLIDE_ROOM[window] - choice - (FACTS_PX if facts else 0) + (SLIDE_BAR_PX if lesson else 0)
    above = ("-choice" if choice else "") + ("-facts" if facts else "") + ("-lesson" if lesson else "")
    return replace(size, name=f"{size.name}-tall{above}", height=size.height + room)


LESSON_ASIDE_PX = {1100: 340, 1400: 374, 100_000: 442}
"""The lesson panel's width by the window's (assets/style.css: 20rem up to 1100 px, 22rem up to 1400, else 26rem)."""
SLIDE_GUTTER_PX = 44
"""The page's side padding and the chart card's border around a slide's figure."""
LESSON_GAP_PX = 17
"""The gap between a lesson's slide and its panel."""
SHARED_GAP_PX = 16
"""Half the gap between two charts that share a slide, and their cards' borders."""
FULL_ROOM = 1100
"""A lesson's slide narrower than this draws its text smaller beside the panel, down to the size's least."""


def slide_column(window_width: int, lesson: bool = False) -> int:
    """The width of a slide's column in the window: less the page's gutter, and a lesson's panel beside it."""
    aside = next(px for upto, px in sorted(LESSON_ASIDE_PX.items()) if window_width <= upto) + LESSON_GAP_PX
    return window_width - SLIDE_GUTTER_PX - (aside if lesson else 0)


SHARED_LEAST_PX = 400
"""The least room each of two charts sharing a slide has; narrower (beside a lesson's panel on a small
projector), a lesson's step shows only the chart it is about."""


def slide_shared(window_width: int | None, lesson: bool = False) -> bool:
    """Whether two charts can share a slide's width in this window: each with SHARED_LEAST_PX at least."""
    return not window_width or slide_column(window_width, lesson) // 2 - SHARED_GAP_PX >= SHARED_LEAST_PX


def slide_room(size: Size, window_width: int | None, lesson: bool = False, shared: bool = False) -> Size:
    """A slide's size laid out for the width its figure has in the window: the window's, less a lesson's panel
    beside it, and half of that where two charts share the slide. Rooms go in steps of 50 px, so that windows
    of nearly the same width share figures; a narrow one (a lesson's on a small projector) draws its text smaller."""
    if not window_width:
        return size
    column = slide_column(window_width, lesson)
    room = max(300, (column // 2 - SHARED_GAP_PX if shared else column) // 50 * 50)
    if not lesson or column >= FULL_ROOM:
        return replace(size, name=f"{size.name}-{room}", room=room)
    font = size.text(size.font * (column // 50 * 50) / FULL_ROOM)
    return replace(size, name=f"{size.name}-{room}-{font}", room=room, font=font)


def window_size(value: object) -> tuple[int | None, int | None]:
    """(width, height) of the browser's window as the page reports it; None for anything implausible."""
    if not isinstance(value, list) or len(value) != 2:
        return None, None
    return tuple(v if isinstance(v, int) and not isinstance(v, bool) and 200 <= v <= 20_000 else None for v in value)


NARROW_PX = 700
"""Below this window width the dashboard draws its figures for a phone."""
PRESETS = {
    "projector": Size("projector", 1920, 1080, 28),
    "slide": Size("slide", 1600, 1200, 28),
    "a4": Size("a4", 1123, 794, 16),
}


@dataclass(frozen=True)
class Theme:
    """Page and figure colours of one theme."""

    name: str
    paper: str
    text: str
    muted: str
    grid: str


THEMES = {
    "light": Theme("light", "#ffffff", "#1a1a1a", "#555555", "#e4e4e4"),
    "dark": Theme("dark", "#15171a", "#f2f2f2", "#b8b8b8", "#3a3d42"),
    "contrast": Theme("contrast", "#000000", "#ffffff", "#ffffff", "#808080"),
}


def template(size: Size = DASHBOARD, theme: str = "light") -> go.layout.Template:
    """The figure template for a size and a theme."""
    t = THEMES[theme]
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": size.font, "color": t.text},
            paper_bgcolor=t.paper,
            plot_bgcolor=t.paper,
            hoverlabel={"font": {"family": FONT_FAMILY, "size": size.text(max(15, size.font - 2))}, "align": "left"},
            xaxis={"gridcolor": t.grid, "zerolinecolor": t.grid, "linecolor": t.muted, "automargin": True},
            yaxis={"gridcolor": t.grid, "zerolinecolor": t.grid, "linecolor": t.muted, "automargin": True},
            legend={"font": {"size": size.text(size.font - 1)}},
            separators=".,",
        )
    )


@dataclass(frozen=True)
class Style:
    """How a chart is drawn: its size and theme, and the permalink printed in it with the day it was
    retrieved (exports only)."""

    size: Size = DASHBOARD
    theme: str = "light"
    link: str | None = None
    retrieved: str | None = None


PAGE_MAX_PX = 2400
"""The page's widest (assets/style.css: .page's max-width)."""
SCROLLBAR_PX = 17
"""A desktop browser's scrollbar, which the window's width includes and the page does not get."""
ONE_COLUMN_PX = 900
"""Up to this window width the dashboard's charts stand one a row (assets/style.css)."""
FACTS_BESIDE_PX = 1400
"""Above this window width a congress's facts stand beside its charts (assets/style.css)."""
PANEL_EDGES_PX = 43
"""The page's side padding and a chart card's border, around a chart across the page."""
FACTS_COLUMN_PX = 493
"""What the facts beside a congress's charts take from their width: the column, its gap and its padding."""
PANEL_GAP_PX = 19
"""The gap between two charts sharing a row, and their cards' borders."""


def dashboard_size(window_width: int | None, facts_beside: bool = True) -> Size:
    """The dashboard's size laid out for the window: the widths its charts are given there, across the page
    and sharing a row, so that no subtitle, label or line of sources runs past a chart's edge on a laptop.
    `facts_beside`: the view has a column of facts beside its charts on a wide window (a congress's)."""
    if not window_width or window_width < NARROW_PX:
        return DASHBOARD
    page = min(window_width, PAGE_MAX_PX) - SCROLLBAR_PX
    if window_width <= ONE_COLUMN_PX:
        wide = half = page - PANEL_GAP_PX
    else:
        wide = page - PANEL_EDGES_PX - (FACTS_COLUMN_PX if facts_beside and window_width > FACTS_BESIDE_PX else 0)
        half = (wide - PANEL_GAP_PX) // 2
    panels = (wide // 50 * 50, half // 50 * 50)
    return replace(DASHBOARD, name=f"dashboard-{panels[0]}-{panels[1]}", panels=panels)
