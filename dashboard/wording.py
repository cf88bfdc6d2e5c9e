"""Numbers in words: the one place where a count, a share, a bound or an approximation becomes text.

A bound always wins over an approximation: "more than 860" is never shown as "≈860". Short forms
are for charts ("≈1,090", ">860", "52.2%"), long forms for sentences ("about 1,090", "more than 860").
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.i18n import N_, _, number, percent

BOUNDS = ("more than", "at least", "fewer than", "no more than")
"""The bounds a number can carry. Records state "more than" and "no more than"; a number derived from a
bound can carry any of the four ("1,647 minus more than 860" is "fewer than 787")."""
LOWER = ("more than", "at least")
SIGNS = {"more than": ">", "at least": "≥", "fewer than": "<", "no more than": "≤"}
POPULATIONS = {
    "full-vote": N_("delegates with full vote"),
    "all": N_("all delegates"),
    "unstated": N_("delegates, voting right not stated"),
    "declared": N_("delegates who declared a party"),
    "members": N_("members of the body"),
    "organisations": N_("organisations"),
}
"""Who a breakdown counts, in words (`dashboard.records.Population`)."""
SUM_OF_PARTS = N_("sum of the listed parts")
"""The base of shares taken where the source states no total but lists every part."""
BASE_TEMPLATES = {
    "delegates with full vote": N_("of {n} delegates with full vote"),
    "all delegates": N_("of all {n} delegates"),
    "delegates, voting right not stated": N_("of {n} delegates, voting right not stated"),
    "delegates who declared a party": N_("of {n} delegates who declared a party"),
    "members of the body": N_("of its {n} members"),
    "organisations": N_("of {n} organisations"),
    SUM_OF_PARTS: N_("of {n}, the sum of the listed parts"),
}
LONG_FORMS = {
    "about": N_("about {n}"),
    "more than": N_("more than {n}"),
    "at least": N_("at least {n}"),
    "fewer than": N_("fewer than {n}"),
    "no more than": N_("no more than {n}"),
}
"""A number with its approximation or bound, in a sentence."""


def missing(value: object) -> bool:
    """Whether a value is unknown (None, pandas NA or NaN)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _bound(bound: object) -> str | None:
    return bound if isinstance(bound, str) and bound in SIGNS else None


def count(value: object, approximate: object = False, bound: object = None, *, long: bool = False) -> str:
    """A count: '1,090', '≈1,090' or '>860'; long: 'about 1,090', 'more than 860'."""
    if missing(value):
        return _("not given")
    return _qualified(number(int(value)), approximate, bound, long)


def _qualified(text: str, approximate: object, bound: object, long: bool) -> str:
    """A number written out with its bound or approximation: '>860', '≈1,090'; long: 'more than 860'."""
    if (sign := _bound(bound)) is not None:
        return _(LONG_FORMS[sign]).format(n=text) if long else f"{SIGNS[sign]}{text}"
    if approximate is True or (not missing(approximate) and bool(approximate)):
        return _(LONG_FORMS["about"]).format(n=text) if long else f"≈{text}"
    return text


def share(
    value: object, approximate: object = False, bound: object = None, *, long: bool = False, digits: int | None = 1
) -> str:
    """A share in percent: '52.2%', '≈15.4%', '>52.2%'; long: 'about 15.4%', 'more than 52.2%'.
    `digits=None` writes the share as the source gives it ('72%', '94.1%'), without added precision."""
    if missing(value):
        return _("not given")
    return _qualified(percent(float(value), digits), approximate, bound, long)


def change(value: object, approximate: bool = False, *, unit: str = "") -> str:
    """A change between two congresses: '+173', '−4.7 pts', '≈+183'."""
    if missing(value):
        return "—"
    amount = float(value)
    body = number(abs(amount), 1) if unit else number(abs(int(amount)))
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return f"{'≈' if approximate else ''}{sign}{body}{f' {_(unit)}' if unit else ''}"


def population(key: object) -> str:
    """Who a breakdown counts, in words."""
    return _(POPULATIONS.get(key, N_("delegates")) if isinstance(key, str) else N_("delegates"))


def difference_bound(total_bound: object, part_bounds: list[object]) -> tuple[bool, str | None]:
    """The bound of a total minus its parts: (known, bound). A lower bound on the total, or an upper
    bound on a part, makes the difference a lower bound; a lower bound on a part makes it an upper
    bound; bounds pulling both ways leave it unknown (known is False)."""
    lower, upper = [], []
    if (b := _bound(total_bound)) is not None:
        (lower if b in LOWER else upper).append(b == "more than" or b == "fewer than")
    for bound in part_bounds:
        if (b := _bound(bound)) is not None:
            (upper if b in LOWER else lower).append(b == "more than" or b == "fewer than")
    if lower and upper:
        return False, None
    if lower:
        return True, "more than" if all(lower) else "at least"
    if upper:
        return True, "fewer than" if all(upper) else "no more than"
    return True, None


def base(words: object, value: object = None, approximate: object = False, bound: object = None) -> str:
    """What a share is of: 'of 649 delegates, voting right not stated', 'of all 1,090 delegates',
    'of 101, the sum of the listed parts'; without a count, 'of the delegates with full vote'; without a
    base, 'total not recorded'."""
    if missing(words) or not isinstance(words, str):
        return _("total not recorded")
    if missing(value):
        return _("of the {who}").format(who=_(words))
    template = _(BASE_TEMPLATES[words]) if words in BASE_TEMPLATES else _("of {n} {who}").replace("{who}", _(words))
    return template.format(n=count(value, approximate, bound))
