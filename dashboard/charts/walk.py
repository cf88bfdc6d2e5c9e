"""The keyboard walk of a chart, read from the chart's own rows.

A walk is a tree, after Olli's: the chart as a whole, then its groups (→ and ← between them), then
each group's detail (↓ deeper, ↑ back): sub-factions, how a number was worked out, the source's words.
Every step carries the words a screen reader announces (`say`) and `match`, the trace `meta` values the
page highlights on the chart while the step has focus (`assets/chart_walk.js`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.breakdowns import GAP_ID, GAP_LABEL
from dashboard.charts.base import base_text, part_count, part_share, part_value
from dashboard.i18n import N_, _, gloss, in_sentence
from dashboard.wording import missing

Step = dict
"""{"say": words, "match": {meta key: [values]} or None, "steps": [deeper steps]}"""
KEYS = N_("→ and ← move, ↓ goes deeper, ↑ back, Esc leaves.")


def step(say: str, match: dict | None = None, steps: Iterable[Step] = ()) -> Step:
    """One step of a walk."""
    return {"say": say, "match": match, "steps": list(steps)}


def walk(label: str, steps: list[Step]) -> dict:
    """A chart's walk: its label (the focusable region's name) and its top-level steps, each told its
    place among them ("2 of 6")."""
    for number, top in enumerate(steps, start=1):
        top["say"] += " " + _("{number} of {steps}.").format(number=number, steps=len(steps))
    return {"label": f"{label} {_(KEYS)}", "steps": steps}


def source_words(row: pd.Series, match: dict | None) -> list[Step]:
    """The detail every number has: how it was worked out, the source's note, and its words."""
    out = []
    if isinstance(row.get("derived"), str):
        out.append(step(_("Worked out: {how}.").format(how=row.derived), match))
    if isinstance(row.get("note"), str):
        out.append(step(_("Note: {note}").format(note=row.note), match))
    if isinstance(row.get("excerpt"), str):
        source = row.source if isinstance(row.get("source"), str) else _("the source")
        out.append(step(_("{source}, in its own words: “{words}”").format(source=source, words=row.excerpt), match))
        translated = gloss(row.excerpt, row.get("excerpt_gloss"))
        if translated:
            out.append(step(_("Our translation: {words}").format(words=translated), match))
    return out


def part_say(part: pd.Series) -> str:
    """A part of a breakdown in words: 'Bolsheviks: 390 of 649 delegates, voting right not stated, 60.1%.
    Source: Marxists Internet Archive.'"""
    value = part_value(part) if missing(part["count"]) else part_count(part, long=True)
    share = "" if missing(part.share) or missing(part["count"]) else f", {part_share(part, long=True)}"
    name = _(GAP_LABEL) if part.part_id == GAP_ID else part.label
    source = " " + _("Source: {source}").format(source=part.source) + "." if isinstance(part.get("source"), str) else ""
    return f"{name}: {value} {base_text(part)}{share}.{source}"


def breakdown_steps(parts: pd.DataFrame, order: list[str] | None = None, key: dict | None = None) -> list[Step]:
    """The top-level parts of a breakdown in `order` (part ids; default: as the rows list them), each
    with its sub-parts and its source's words one level down. `key` adds meta values every match needs."""
    top = parts[parts.level == 0]
    ids = order or list(top.part_id)
    out = []
    for part_id in ids:
        part = top[top.part_id == part_id].iloc[0]
        children = parts[parts.within == part_id]
        match = {**(key or {}), "part_id": [part_id, *children.part_id]}
        deeper = [
            step(
                _("Of whom {part}:").format(part=in_sentence(child.label)) + " " + part_say(child).split(": ", 1)[1],
                {**(key or {}), "part_id": [child.part_id]},
                source_words(child, {**(key or {}), "part_id": [child.part_id]}),
            )
            for _i, child in children.iterrows()
        ]
        out.append(step(part_say(part), match, [*deeper, *source_words(part, match)]))
    return out
