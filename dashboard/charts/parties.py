"""Party rows across congresses, for the comparison and the timeline.

A renamed party is one row: the Bolsheviks (RSDLP(b)) became the Communists (RCP(b)) in March 1918 and
the ACP(b) in December 1925 (`data/parties.toml`, its lineage). Each cell keeps the source's own word
and the official name of the time. A sub-faction (the Left SRs within the SRs) keeps its parent.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.breakdowns import GAP_ID
from dashboard.charts.base import default_parts, with_sources
from dashboard.charts.draw import across_row, across_rows
from dashboard.frames import Frames
from dashboard.i18n import N_, _, current, ngettext, number
from dashboard.style import Size, party_rank

NO_PARTY_DATA = N_("No party composition was found in the sources read.")


def party_rows(frames: Frames, congress_ids: list[str]) -> pd.DataFrame:
    """Each congress's default party breakdown, one row per part (sub-parts too), with its lineage; a
    congress without one has a single row with `status` 'not recorded' and the record's reason."""
    congresses = frames.congresses.set_index("congress_id")
    reasons = frames.not_recorded[frames.not_recorded.topic == "party"].set_index("congress_id").reason
    out = [frames.composition.iloc[0:0].assign(within_lineage=pd.Series(dtype="string"))]
    for congress_id in congress_ids:
        c = congresses.loc[congress_id]
        head = {
            "congress_id": congress_id,
            "congress": c["name"],
            "series": c.series,
            "ordinal": int(c.ordinal),
            "date": c.start_ns,
            "date_given": c.start,
            "delegates": c.delegates_total,
            "delegates_approximate": bool(c.delegates_total_approximate),
            "delegates_bound": c.delegates_total_bound,
        }
        comp = frames.composition
        lists = comp[(comp.congress_id == congress_id) & (comp.kind == "party") & comp.body.isna()].breakdown.nunique()
        head["lists"] = int(lists)
        parts = default_parts(frames, congress_id, "party")
        if parts.empty:
            reason = reasons.get(congress_id, _(NO_PARTY_DATA))
            out.append(pd.DataFrame([head | {"status": "not recorded", "reason": reason, "gap": False}]))
            continue
        parts = parts.assign(**head, status="listed", reason=None)
        parts["lineage_id"] = parts.lineage_id.fillna(parts.part_id)
        parents = dict(zip(parts.part_id, parts.lineage_id, strict=True))
        parts["within_lineage"] = parts.within.map(parents)
        out.append(parts)
    rows = with_sources(frames, pd.concat(out, ignore_index=True))
    rows["row_label"] = rows.lineage_label.fillna(rows.label)
    return rows


def lineage_order(rows: pd.DataFrame) -> list[str]:
    """The lineages in the rows, from the left of the hall to the right, the gap last."""
    listed = rows[rows.status == "listed"]
    first = listed.drop_duplicates("lineage_id").set_index("lineage_id").part_id
    return sorted(first.index, key=lambda key: (party_rank(first[key]), key))


def cell_label(row: pd.Series) -> str:
    """A party's name in one congress: the source's word, with the official name of the time where the
    party was renamed ('Bolsheviks (RCP(b))'; in Russian, the Russian name of the time, 'Большевики (РКП(б))')."""
    if isinstance(row.name_of_time, str):
        named = row.name_of_time_original if current() == "ru" and isinstance(row.name_of_time_original, str) else None
        return f"{row.label} ({named or row.name_of_time})"
    return str(row.label)


SLIDE_LEGEND_SHARE = 0.25
"""A slide's legend across the figure takes at most this share of its height; past that it names only the
larger groups."""
LEGEND_SHARE = 5.0
"""On a crowded slide, the legend names the groups that reach this share (%) at some congress."""
PATTERNS = {GAP_ID, "no-data"}
"""Entries drawn as patterns, which a crowded slide's note explains instead of its legend."""


def slide_legend(fig: go.Figure, parts: pd.DataFrame, size: Size) -> tuple[int, list[str]]:
    """A slide's legend, laid across under the bars (the timeline's, the comparison's): every entry where
    they fit SLIDE_LEGEND_SHARE of its height, else only the groups that reach LEGEND_SHARE % somewhere, and no
    pattern entries. Returns its rows and the names of the groups left out (each still drawn, and named when
    hovered)."""
    names = [t.name for t in fig.data if t.showlegend is not False]
    if across_rows(names, size) * across_row(size) <= size.height * SLIDE_LEGEND_SHARE:
        return across_rows(names, size), []
    peak = parts[parts.status == "listed"].groupby("lineage_id").share.max()
    smaller = []
    for trace in fig.data:
        key = trace.meta["part_id"]
        if trace.showlegend is not False and (key in PATTERNS or peak.get(key, 0) < LEGEND_SHARE):
            trace.showlegend = False
            smaller += [] if key in PATTERNS else [trace.name]
    return across_rows([t.name for t in fig.data if t.showlegend is not False], size), smaller


def left_out(smaller: list[str], where: str, what: str, key: str = "legend") -> str:
    """The note naming how many groups a slide's legend (or `key`) leaves out, and where to find them."""
    if not smaller:
        return ""
    return " " + ngettext(
        "{n} smaller group, under {least} % {where}, is not in the {key}: hover {what} to name it.",
        "{n} smaller groups, under {least} % {where}, are not in the {key}: hover {what} to name them.",
        len(smaller),
    ).format(n=len(smaller), least=number(LEGEND_SHARE), where=where, key=key, what=what)
