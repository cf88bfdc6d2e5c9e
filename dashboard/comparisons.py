"""Frames for comparing congresses, derived from the tidy frames: shares side by side, changes
between congresses, and the series of party shares over time. Nothing here is rescaled: a gap
stays a gap, a percentage stays a percentage, and a party missing from a congress is absent."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import default_parts
from dashboard.frames import Frames
from dashboard.style import party_rank

COLUMNS = [
    "congress_id",
    "part_id",
    "label",
    "count",
    "share",
    "approximate",
    "bound",
    "gap",
    "unit",
    "source_id",
    "excerpt",
    "note",
]


def party_shares(frames: Frames, congress_ids: list[str]) -> pd.DataFrame:
    """The top-level parts of each congress's default party breakdown, one row per party and congress."""
    rows = [default_parts(frames, c, "party") for c in congress_ids]
    rows = [r[r.within.isna()] for r in rows if not r.empty]
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(rows)[COLUMNS].reset_index(drop=True)


def recorded(frames: Frames, congress_ids: list[str]) -> dict[str, bool]:
    """Whether each congress has a party composition in the records."""
    shares = party_shares(frames, congress_ids)
    return {c: bool((shares.congress_id == c).any()) for c in congress_ids}


def change_table(frames: Frames, congress_ids: list[str]) -> pd.DataFrame:
    """For each party, its delegates and share in each congress, and the change from the one before.

    A party that a congress's breakdown does not list is `absent` there: its count and share stay
    empty, never 0, and no change is computed across it. A congress without any party composition
    is `not recorded` for every party.
    """
    shares = party_shares(frames, congress_ids)
    has = recorded(frames, congress_ids)
    parties = sorted(set(shares.part_id), key=lambda p: (party_rank(p), p))
    labels = dict(zip(shares.part_id, shares.label, strict=False))
    out = []
    for party in parties:
        previous = None
        for congress_id in congress_ids:
            row = shares[(shares.congress_id == congress_id) & (shares.part_id == party)]
            status = "listed" if not row.empty else ("absent" if has[congress_id] else "not recorded")
            count = row["count"].iloc[0] if not row.empty else pd.NA
            share = row["share"].iloc[0] if not row.empty else pd.NA
            change_count = change_share = pd.NA
            if previous is not None and status == "listed" and previous["status"] == "listed":
                if pd.notna(count) and pd.notna(previous["count"]):
                    change_count = int(count) - int(previous["count"])
                change_share = float(share) - float(previous["share"])
            entry = {
                "part_id": party,
                "label": labels[party],
                "congress_id": congress_id,
                "status": status,
                "count": count,
                "share": share,
                "approximate": bool(row.approximate.iloc[0]) if not row.empty else False,
                "bound": row.bound.iloc[0] if not row.empty else pd.NA,
                "change_count": change_count,
                "change_share": change_share,
            }
            out.append(entry)
            previous = entry
    return pd.DataFrame(out).astype(
        {"count": "Int64", "share": "Float64", "change_count": "Int64", "change_share": "Float64", "bound": "string"}
    )


def timeline(frames: Frames) -> pd.DataFrame:
    """Every congress in date order, with its party shares where it has a composition, and why not where not."""
    congresses = frames.congresses.sort_values("start_ns")
    shares = party_shares(frames, list(congresses.congress_id))
    reasons = frames.not_recorded[frames.not_recorded.topic == "party"].set_index("congress_id").reason
    rows = []
    for c in congresses.itertuples():
        parts = shares[shares.congress_id == c.congress_id]
        base = {
            "congress_id": c.congress_id,
            "name": c.name,
            "series": c.series,
            "date": c.start_ns,
            "delegates": c.delegates_total,
            "delegates_approximate": bool(c.delegates_total_approximate),
        }
        if parts.empty:
            rows.append(
                base
                | {
                    "part_id": None,
                    "label": None,
                    "share": pd.NA,
                    "count": pd.NA,
                    "gap": False,
                    "reason": reasons.get(c.congress_id, "No party composition in the sources read."),
                }
            )
        for p in parts.itertuples():
            rows.append(
                base
                | {
                    "part_id": p.part_id,
                    "label": p.label,
                    "share": p.share,
                    "count": p.count,
                    "gap": bool(p.gap),
                    "reason": None,
                    "approximate": bool(p.approximate),
                }
            )
    return pd.DataFrame(rows).astype({"share": "Float64", "count": "Int64", "delegates": "Int64"})
