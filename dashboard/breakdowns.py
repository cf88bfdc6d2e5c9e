"""A breakdown's parts as rows, each share taken of a named base, and the gap as a part of its own.

The base of a breakdown's shares is, in order:
- the source's own shares, where it gives percentages (the base is whom it counts);
- the stated total, where it is a number (exact or approximate; not a bound);
- the sum of the listed parts, where the source states no total but lists every part (named so);
- none, where the total is unknown or only a bound: such a breakdown has counts and no shares.

Where parts fall short of a stated total, the gap is its own row (`part_id == GAP_ID`); a gap
derived from a bound is a bound ("1,647 minus more than 860" is "fewer than 787"). Every number that
is computed, not read, says how in `derived`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import N_, _, number, percent
from dashboard.records import Breakdown, Claim, Delegates, Part
from dashboard.wording import POPULATIONS, SUM_OF_PARTS, count, difference_bound

GAP_ID = "not-accounted"
GAP_LABEL = N_("Not accounted for in the source")
PERCENT_TOLERANCE = 0.05
"""Percent breakdowns whose shares fall short of 100 by no more than this are taken as complete."""


@dataclass(frozen=True)
class Base:
    """What a breakdown's shares are of. `words` is None where no share can be taken."""

    words: str | None
    count: int | None = None
    approximate: bool = False
    bound: str | None = None
    derived: str | None = None
    given: bool = False
    """The source gives the shares itself."""


def _base_words(b: Breakdown) -> str:
    """Who the breakdown counts, in the English words that are the base's key (dashboard.wording.base
    translates them as it shows them)."""
    return POPULATIONS.get(b.population, "delegates")


def base_of(b: Breakdown) -> Base:
    """The base of a breakdown's shares (see the module's docstring)."""
    if b.unit == "percent":
        return Base(_base_words(b), given=True)
    top = [p for p in b.parts if p.within is None]
    listed = sum(p.count or 0 for p in top)
    if b.total is not None:
        total = b.total
        if total.bound is not None:
            return Base(None, total.value, total.approximate, total.bound)
        if listed > total.value:  # only an approximate total may be exceeded
            words = _("{sum} ({listed}; the stated total is {total})").format(
                sum=_(SUM_OF_PARTS), listed=number(listed), total=count(total.value, total.approximate)
            )
            return Base(SUM_OF_PARTS, listed, any(p.approximate for p in top), None, words)
        return Base(_base_words(b), total.value, total.approximate)
    if b.partial or any(p.bound for p in top):
        return Base(None)
    return Base(SUM_OF_PARTS, listed, any(p.approximate for p in top), None, _("the source states no total"))


def _share(part: Part, base: Base) -> dict:
    if base.given:
        return {"share": float(part.share), "share_approximate": part.approximate, "share_bound": part.bound}
    if base.words is None or not base.count:
        return {"share": None, "share_approximate": False, "share_bound": None}
    return {
        "share": 100 * part.count / base.count,
        "share_approximate": part.approximate or base.approximate,
        "share_bound": part.bound,
    }


def _derived_share(part: Part, base: Base) -> str | None:
    if base.given or base.words is None or not base.count:
        return None
    of = _("the stated total") if base.words != SUM_OF_PARTS else _(SUM_OF_PARTS)
    return _("share = {part} ÷ {base} ({of})").format(
        part=count(part.count, part.approximate, part.bound), base=number(base.count), of=of
    )


def _base_columns(base: Base) -> dict:
    return {
        "base": base.words,
        "base_count": base.count,
        "base_approximate": base.approximate,
        "base_bound": base.bound,
    }


def part_rows(b: Breakdown, names: dict[str, str]) -> list[dict]:
    """One row per part of `b`, then the gap where the parts fall short of the stated total or of 100%."""
    base = base_of(b)
    rows = []
    for order, part in enumerate(b.parts):
        rows.append(
            {
                "order": order,
                "part_id": part.id,
                "label": part.label or names.get(part.id, part.id),
                "within": part.within,
                "level": 0 if part.within is None else 1,
                "count": part.count,
                "approximate": part.approximate,
                "bound": part.bound,
                **_share(part, base),
                **_base_columns(base),
                "organisations": part.organisations,
                "gap": False,
                "derived": _derived_share(part, base),
                "source_id": part.source,
                "excerpt": part.excerpt,
                "excerpt_gloss": part.gloss,
                "note": part.note,
            }
        )
    gap = _gap(b, base)
    return rows + ([gap | {"order": len(b.parts)}] if gap else [])


def _gap(b: Breakdown, base: Base) -> dict | None:
    top = [p for p in b.parts if p.within is None]
    common = {
        "part_id": GAP_ID,
        "label": _(GAP_LABEL),
        "within": None,
        "level": 0,
        "organisations": None,
        "gap": True,
        **_base_columns(base),
    }
    if b.unit == "percent":
        listed = float(sum(p.share for p in top))
        if 100 - listed <= PERCENT_TOLERANCE:
            return None
        note = b.gap_note or _("The source's shares add up to {listed}.").format(listed=percent(listed, None))
        return common | {
            "count": None,
            "approximate": False,
            "bound": None,
            "share": 100 - listed,
            "share_approximate": any(p.approximate for p in top),
            "share_bound": None,
            "derived": _("share = {whole} − {listed} (the listed shares)").format(
                whole=percent(100, None), listed=percent(listed, None)
            ),
            "source_id": top[0].source,
            "excerpt": None,
            "excerpt_gloss": None,
            "note": note,
        }
    if b.total is None:
        return None
    total: Claim = b.total
    listed = sum(p.count for p in top)
    if total.value - listed <= 0:
        return None
    known, bound = difference_bound(total.bound, [p.bound for p in top])
    if not known:
        return None
    approximate = total.approximate or any(p.approximate for p in top)
    value = total.value - listed
    bounds = {p.bound for p in top if p.bound}
    parts_text = (
        _("{n} (the listed parts)").format(
            n=count(listed, any(p.approximate for p in top), next(iter(bounds)) if bounds else None)
        )
        if len(bounds) <= 1
        else _("the listed parts")
    )
    note = b.gap_note or (
        _("The source gives only some parts.")
        if b.partial
        else _("The source's parts add up to {listed} of the {total} it states.").format(
            listed=number(listed), total=number(total.value)
        )
    )
    shared = base.words is not None and bool(base.count)
    return common | {
        "count": value,
        "approximate": approximate,
        "bound": bound,
        "share": 100 * value / base.count if shared else None,
        "share_approximate": approximate,
        "share_bound": bound,
        "derived": _("count = {total} (the stated total) − {parts}").format(
            total=count(total.value, total.approximate, total.bound), parts=parts_text
        ),
        "source_id": total.source,
        "excerpt": total.excerpt,
        "excerpt_gloss": total.gloss,
        "note": note,
    }


def voting_right(d: Delegates) -> Breakdown | None:
    """The split by voting right, assembled from a record's delegate counts.

    The stated total is its base only where it is a number (not a bound) that the counts fit, and it
    comes from the counts' own source or equals their sum; otherwise both counts together are the base
    ("sum of the listed parts"), and one count alone has no base (its chart says the total is not
    recorded)."""
    claims = [
        (key, label, claim)
        for key, label, claim in (
            ("voting", N_("Full vote"), d.voting),
            ("consultative", N_("Consultative voice only"), d.consultative),
        )
        if claim is not None
    ]
    if not claims:
        return None
    listed = sum(c.value for _, _, c in claims)
    total = d.total
    usable = (
        total is not None
        and total.bound is None
        and listed <= total.value
        and (listed == total.value or all(c.source == total.source for _, _, c in claims))
    )
    moments = {c.moment for _, _, c in claims}
    partial = not usable and (len(claims) < 2 or len(moments) > 1)
    parts = [
        Part.model_construct(
            id=key,
            label=label,
            count=claim.value,
            share=None,
            approximate=claim.approximate,
            bound=claim.bound,
            organisations=None,
            within=None,
            source=claim.source,
            excerpt=claim.excerpt,
            gloss=claim.gloss,
            note=claim.note,
        )
        for key, label, claim in claims
    ]
    return Breakdown.model_construct(
        kind="voting-right",
        of="delegates, by voting right",
        population="all",
        unit="count",
        counts="delegates",
        total=total if usable else None,
        moment=next(iter(moments)) if len(moments) == 1 else None,
        default=True,
        shown_because=None,
        partial=partial,
        gap_note=None,
        parts=parts,
    )
