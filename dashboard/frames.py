"""Tidy pandas frames built from the validated records. Charts only ever read these frames.

Counts are nullable integers (`Int64`): a count the source does not give is `<NA>`, never 0.
Where a breakdown's parts fall short of its stated total, the gap is its own row,
`part_id == "not-accounted"`, so no chart can normalise it away.

Excerpts keep their source's language; `excerpt_gloss` is the project's English translation of one
that is not in English. The Russian originals of names come in `original*` columns (the name, its
short form, the source and excerpt that write it) beside the English name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.breakdowns import GAP_ID, GAP_LABEL, part_rows, voting_right
from dashboard.calendar import new_style
from dashboard.i18n import DEFAULT, N_, _, date, use
from dashboard.loader import DATA_DIR, Records, load_records
from dashboard.prose import translated
from dashboard.records import (
    ORIGINAL_COLUMNS,
    Breakdown,
    Claim,
    Congress,
    ElectedBody,
    Group,
    Lineage,
    Original,
    Party,
    Sourced,
    original_columns,
)
from dashboard.teaching_frames import teaching_frames

KEY_NUMBERS = {
    "delegates.total": N_("Delegates"),
    "delegates.voting": N_("With full vote"),
    "delegates.consultative": N_("With consultative voice only"),
    "delegates.women": N_("Women delegates"),
    "delegates.nationalities": N_("Nationalities represented"),
    "soviets_represented": N_("Soviets represented"),
}
"""The congress-level numbers that the facts panel and the handout list, in this order, with their names."""

__all__ = ["GAP_ID", "GAP_LABEL", "Frames", "build_frames", "load_frames"]

COUNT = "Int64"
TEXT = "string"
FLAG = "boolean"
SHARE = "Float64"


@dataclass(frozen=True)
class Frames:
    """Every frame the dashboard and its exports read. One row per fact, one column per field."""

    congresses: pd.DataFrame
    dates: pd.DataFrame
    composition: pd.DataFrame
    votes: pd.DataFrame
    bodies: pd.DataFrame
    events: pd.DataFrame
    decisions: pd.DataFrame
    quotes: pd.DataFrame
    statements: pd.DataFrame
    numbers: pd.DataFrame
    not_recorded: pd.DataFrame
    sources: pd.DataFrame
    parties: pd.DataFrame
    lineages: pd.DataFrame
    lessons: pd.DataFrame
    """One row per lesson step: its view (query, kind, congress, slide), caption, question and answer."""
    lesson_facts: pd.DataFrame
    """The facts each step's caption ('caption') and answer ('answer') state, with source and excerpt."""
    glossary: pd.DataFrame
    glossary_facts: pd.DataFrame
    introduction: pd.DataFrame
    """One row per sentence of the introduction."""
    introduction_facts: pd.DataFrame
    groups: pd.DataFrame
    records: Records | None = field(default=None, repr=False, compare=False)
    """The records the frames were built from, for building them in another language."""
    _languages: dict[str, Frames] = field(default_factory=dict, init=False, repr=False, compare=False)

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """(name, frame) for every frame, in a stable order."""
        return [(f.name, frame) for f in fields(self) if isinstance(frame := getattr(self, f.name), pd.DataFrame)]

    def in_language(self, lang: str) -> Frames:
        """These frames in `lang`: built again in it (dates, the workings of derived numbers) and with the
        project's own words translated (dashboard.prose); the sources' words stay as they are. Built once."""
        if lang == DEFAULT or self.records is None:
            return self
        if lang not in self._languages:
            with use(lang):
                self._languages[lang] = translated(build_frames(self.records))
        return self._languages[lang]

    def lesson_steps(self, lesson_id: str | None) -> pd.DataFrame:
        """The steps of a lesson in order; empty for an unknown lesson."""
        return self.lessons[self.lessons.lesson_id == lesson_id].sort_values("step")

    def sources_cited(self, congress_id: str) -> set[str]:
        """The ids of every source that a congress's rows cite, in any frame, and those of the party
        names of the time its rows show."""
        cited: set[str] = set()
        for _name, frame in self.items():
            if "congress_id" in frame.columns:
                mine = frame[frame.congress_id == congress_id]
                for column in (c for c in frame.columns if c.endswith("source_id") and not c.startswith("original")):
                    cited |= set(mine[column].dropna())
        comp = self.composition[(self.composition.congress_id == congress_id) & self.composition.name_of_time.notna()]
        named = self.lineages.merge(
            comp[["lineage_id", "name_of_time"]],
            left_on=["lineage_id", "short"],
            right_on=["lineage_id", "name_of_time"],
        )
        return cited | set(named.source_id)

    def originals_cited(self, congress_id: str) -> set[str]:
        """The ids of the sources of the Russian originals that a congress's rows show (its official name, its
        bodies, the parties, groups and republics of its breakdowns, and the party names of the time)."""
        cited: set[str] = set()
        for _name, frame in self.items():
            if "congress_id" in frame.columns and "original_source_id" in frame.columns:
                cited |= set(frame[frame.congress_id == congress_id].original_source_id.dropna())
        comp = self.composition[(self.composition.congress_id == congress_id) & self.composition.name_of_time.notna()]
        named = self.lineages.merge(
            comp[["lineage_id", "name_of_time"]],
            left_on=["lineage_id", "short"],
            right_on=["lineage_id", "name_of_time"],
        )
        return cited | set(named.original_source_id.dropna())


def _provenance(item: Sourced) -> dict:
    return {"source_id": item.source, "excerpt": item.excerpt, "excerpt_gloss": item.gloss, "note": item.note}


def _typed(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


PROVENANCE = {"source_id": TEXT, "excerpt": TEXT, "excerpt_gloss": TEXT, "note": TEXT}
ORIGINAL = dict.fromkeys(ORIGINAL_COLUMNS, TEXT)


def _date_label(start: dt.date, end: dt.date, short: bool = False) -> str:
    full, day_month = ("short", "day-month-short") if short else ("long", "day-month")
    if start == end:
        return date(start, full)
    if start.year != end.year:
        return f"{date(start, full)} – {date(end, full)}"
    if start.month != end.month:
        return f"{date(start, day_month)} – {date(end, full)}"
    return f"{start.day}–{date(end, full)}"


def dates_text(start: dt.date, end: dt.date, calendar: str, short: bool = False) -> str:
    """Display dates with both styles where the source uses the Old Style calendar, in the current language."""
    if calendar == "gregorian":
        return _date_label(start, end, short)
    ns = _date_label(new_style(start, "julian"), new_style(end, "julian"), short)
    old, new = (_("OS"), _("NS")) if short else (_("Old Style"), _("New Style"))
    return f"{_date_label(start, end, short)} ({old}); {ns} ({new})"


def _congress_row(c: Congress, order: int) -> dict:
    d = c.delegates
    claim = lambda x: x.value if x else None  # noqa: E731
    return {
        "congress_id": c.id,
        "order": order,
        "series": c.series,
        "ordinal": c.ordinal,
        "name": c.name,
        "official_name": c.official_name,
        **original_columns(c.original),
        "extraordinary": c.extraordinary,
        "start": c.dates.start,
        "end": c.dates.end,
        "calendar": c.dates.calendar,
        "start_ns": new_style(c.dates.start, c.dates.calendar),
        "end_ns": new_style(c.dates.end, c.dates.calendar),
        "dates_text": dates_text(c.dates.start, c.dates.end, c.dates.calendar),
        "dates_short": dates_text(c.dates.start, c.dates.end, c.dates.calendar, short=True),
        "place": c.place.city if c.place else None,
        "venue": c.place.venue.name if c.place and c.place.venue else None,
        "place_source_id": c.place.source if c.place else None,
        "venue_source_id": c.place.venue.source if c.place and c.place.venue else None,
        "delegates_total": claim(d.total),
        "delegates_total_approximate": bool(d.total and d.total.approximate),
        "delegates_total_bound": d.total.bound if d.total else None,
        "delegates_voting": claim(d.voting),
        "delegates_consultative": claim(d.consultative),
        "women": claim(d.women),
        "nationalities": claim(d.nationalities),
        "soviets_represented": claim(c.soviets_represented),
    }


CONGRESS_COLUMNS = {
    "congress_id": TEXT,
    "order": "int64",
    "series": TEXT,
    "ordinal": "int64",
    "name": TEXT,
    "official_name": TEXT,
    **ORIGINAL,
    "extraordinary": FLAG,
    "start": "object",
    "end": "object",
    "calendar": TEXT,
    "start_ns": "datetime64[s]",
    "end_ns": "datetime64[s]",
    "dates_text": TEXT,
    "dates_short": TEXT,
    "place": TEXT,
    "venue": TEXT,
    "place_source_id": TEXT,
    "venue_source_id": TEXT,
    "delegates_total": COUNT,
    "delegates_total_approximate": FLAG,
    "delegates_total_bound": TEXT,
    "delegates_voting": COUNT,
    "delegates_consultative": COUNT,
    "women": COUNT,
    "nationalities": COUNT,
    "soviets_represented": COUNT,
}


def _lineage_columns(part_id: str, day: dt.date, parties: dict[str, Party], lineages: dict[str, Lineage]) -> dict:
    """Which lineage a party belongs to, and its official name on the congress's day, in English and Russian."""
    party = parties.get(part_id)
    lineage = lineages.get(party.lineage) if party and party.lineage else None
    if lineage is None:
        return {"lineage_id": part_id, "lineage_label": None, "name_of_time": None, "name_of_time_original": None}
    name = lineage.name_at(day)
    return {
        "lineage_id": lineage.id,
        "lineage_label": lineage.label,
        "name_of_time": name.short,
        "name_of_time_original": name.original.text if name.original else None,
    }


def _part_original(kind: str, part_id: str, parties: dict[str, Party], groups: dict[tuple, Group]) -> Original | None:
    """The Russian original of what a part names: a party, or a social group or republic."""
    if kind == "party":
        party = parties.get(part_id)
        return party.original if party else None
    group = groups.get((kind, part_id))
    return group.original if group else None


def _breakdown_rows(
    c: Congress,
    breakdowns: list[Breakdown],
    names: dict[str, str],
    parties: dict[str, Party],
    lineages: dict[str, Lineage],
    groups: dict[tuple, Group],
    prefix: str = "",
    body: str | None = None,
) -> list[dict]:
    rows: list[dict] = []
    seen: dict[str, int] = {}
    day = new_style(c.dates.start, c.dates.calendar)
    for b in breakdowns:
        number = seen[b.kind] = seen.get(b.kind, -1) + 1
        common = {
            "congress_id": c.id,
            "breakdown": f"{prefix}{b.kind}-{number}",
            "body": body,
            "kind": b.kind,
            "of": b.of,
            "population": b.population,
            "unit": b.unit,
            "counts": b.counts,
            "is_default": b.default,
            "moment": b.moment,
            "partial": b.partial,
            "shown_because": b.shown_because,
            "total": b.total.value if b.total else None,
            "total_approximate": bool(b.total and b.total.approximate),
            "total_bound": b.total.bound if b.total else None,
        }
        for row in part_rows(b, names):
            party = b.kind == "party" and not row["gap"]
            lineage = _lineage_columns(row["part_id"], day, parties, lineages) if party else {}
            original = None if row["gap"] else _part_original(b.kind, row["part_id"], parties, groups)
            rows.append(
                common | row | {"party_id": row["part_id"] if party else None} | lineage | original_columns(original)
            )
    return rows


def _composition_rows(c: Congress, names: dict[str, str], records: Records) -> list[dict]:
    breakdowns = list(c.breakdowns)
    if not any(b.kind == "voting-right" for b in breakdowns) and (derived := voting_right(c.delegates)):
        breakdowns.append(derived)
    known = (names, records.parties, records.lineages, records.groups)
    rows = _breakdown_rows(c, breakdowns, *known)
    for body in c.bodies:
        rows += _breakdown_rows(c, body.composition, *known, f"body-{body.id}-", body.id)
    return rows


COMPOSITION_COLUMNS = {
    "congress_id": TEXT,
    "breakdown": TEXT,
    "body": TEXT,
    "kind": TEXT,
    "of": TEXT,
    "population": TEXT,
    "unit": TEXT,
    "counts": TEXT,
    "is_default": FLAG,
    "moment": TEXT,
    "partial": FLAG,
    "shown_because": TEXT,
    "total": COUNT,
    "total_approximate": FLAG,
    "total_bound": TEXT,
    "order": "int64",
    "part_id": TEXT,
    "party_id": TEXT,
    "lineage_id": TEXT,
    "lineage_label": TEXT,
    "name_of_time": TEXT,
    "name_of_time_original": TEXT,
    "label": TEXT,
    "within": TEXT,
    "level": "int64",
    "count": COUNT,
    "approximate": FLAG,
    "bound": TEXT,
    "share": SHARE,
    "share_approximate": FLAG,
    "share_bound": TEXT,
    "base": TEXT,
    "base_count": COUNT,
    "base_approximate": FLAG,
    "base_bound": TEXT,
    "organisations": COUNT,
    "gap": FLAG,
    "derived": TEXT,
    **PROVENANCE,
    **ORIGINAL,
}


def _vote_rows(c: Congress) -> list[dict]:
    rows = []
    for order, vote in enumerate(c.votes):
        for variant, tally in enumerate((vote, *vote.variants)):
            rows.append(
                _provenance(tally)
                | {
                    "congress_id": c.id,
                    "vote_id": vote.id,
                    "order": order,
                    "variant": variant,
                    "is_default": variant == 0,
                    "motion": vote.motion,
                    "kind": "caucus" if vote.caucus else "floor",
                    "caucus": vote.caucus,
                    "date": vote.date,
                    "in_favour": tally.in_favour,
                    "against": tally.against,
                    "abstained": tally.abstained,
                    "not_voting": tally.not_voting,
                    "dissents": tally.dissents,
                    "unanimous": tally.unanimous,
                    "outcome": tally.outcome,
                    "wording": tally.wording,
                    "shown_because": vote.shown_because,
                }
            )
    return rows


VOTE_COLUMNS = {
    "congress_id": TEXT,
    "vote_id": TEXT,
    "order": "int64",
    "variant": "int64",
    "is_default": FLAG,
    "motion": TEXT,
    "kind": TEXT,
    "caucus": TEXT,
    "date": "object",
    "in_favour": COUNT,
    "against": COUNT,
    "abstained": COUNT,
    "not_voting": COUNT,
    "dissents": COUNT,
    "unanimous": FLAG,
    "outcome": TEXT,
    "wording": TEXT,
    "shown_because": TEXT,
    **PROVENANCE,
}


def _claim_rows(c: Congress, field: str, claim: Claim | None) -> list[dict]:
    if claim is None:
        return []
    rows = []
    for variant, item in enumerate((claim, *getattr(claim, "variants", []))):
        rows.append(
            _provenance(item)
            | {
                "congress_id": c.id,
                "field": field,
                "value": item.value,
                "approximate": item.approximate,
                "bound": item.bound,
                "is_default": variant == 0,
                "moment": item.moment,
                "shown_because": getattr(claim, "shown_because", None),
            }
        )
    return rows


def _number_rows(c: Congress) -> list[dict]:
    """Every number of a record, each with its source and excerpt, variants included."""
    rows = []
    for name in ("total", "voting", "consultative", "women", "nationalities"):
        rows += _claim_rows(c, f"delegates.{name}", getattr(c.delegates, name))
    rows += _claim_rows(c, "soviets_represented", c.soviets_represented)
    for i, b in enumerate(c.breakdowns):
        rows += _claim_rows(c, f"breakdowns.{i}.total", b.total)
        for p in b.parts:
            for measure in ("count", "share", "organisations"):
                value = getattr(p, measure)
                if value is not None:
                    rows += _claim_rows(
                        c,
                        f"breakdowns.{i}.{b.kind}.{p.id}.{measure}",
                        Claim.model_construct(
                            value=value,
                            approximate=p.approximate,
                            bound=p.bound,
                            moment=b.moment,
                            source=p.source,
                            excerpt=p.excerpt,
                            gloss=p.gloss,
                            note=p.note,
                            variants=[],
                            shown_because=None,
                        ),
                    )
                    rows[-1]["is_default"] = b.default
    for v in c.votes:
        for variant, tally in enumerate((v, *v.variants)):
            for measure in ("in_favour", "against", "abstained", "not_voting", "dissents"):
                value = getattr(tally, measure)
                if value is not None:
                    rows.append(
                        _provenance(tally)
                        | {
                            "congress_id": c.id,
                            "field": f"votes.{v.id}.{measure}",
                            "value": value,
                            "approximate": False,
                            "bound": None,
                            "is_default": variant == 0,
                            "moment": None,
                            "shown_because": v.shown_because,
                        }
                    )
    for body in c.bodies:
        rows += _claim_rows(c, f"bodies.{body.id}.members", body.members)
        rows += _claim_rows(c, f"bodies.{body.id}.alternates", body.alternates)
    return rows


NUMBER_COLUMNS = {
    "congress_id": TEXT,
    "field": TEXT,
    "value": "Float64",
    "approximate": FLAG,
    "bound": TEXT,
    "is_default": FLAG,
    "moment": TEXT,
    "shown_because": TEXT,
    **PROVENANCE,
}


def _body_row(c: Congress, body: ElectedBody) -> dict:
    """A body elected by the congress. The row's source states its size where the record gives one; the
    body's own mention (it was elected) keeps its source in `body_source_id`."""
    members, alternates = body.members, body.alternates
    return (
        _provenance(members or body)
        | {
            "congress_id": c.id,
            "body_id": body.id,
            "name": body.name,
            "members": members.value if members else None,
            "members_approximate": bool(members and members.approximate),
            "alternates": alternates.value if alternates else None,
            "alternates_source_id": alternates.source if alternates else None,
            "alternates_excerpt": alternates.excerpt if alternates else None,
            "alternates_excerpt_gloss": alternates.gloss if alternates else None,
            "body_source_id": body.source,
            "body_excerpt": body.excerpt,
            "body_excerpt_gloss": body.gloss,
            "body_note": body.note,
        }
        | original_columns(body.original)
    )


BODY_COLUMNS = {
    "congress_id": TEXT,
    "body_id": TEXT,
    "name": TEXT,
    "members": COUNT,
    "members_approximate": FLAG,
    "alternates": COUNT,
    "alternates_source_id": TEXT,
    "alternates_excerpt": TEXT,
    "alternates_excerpt_gloss": TEXT,
    "body_source_id": TEXT,
    "body_excerpt": TEXT,
    "body_excerpt_gloss": TEXT,
    "body_note": TEXT,
    **PROVENANCE,
    **ORIGINAL,
}


def build_frames(records: Records) -> Frames:
    """Turn validated records into the dashboard's frames."""
    names = {p.id: p.short for p in records.parties.values()}
    congresses, dates, composition, votes, bodies, events = [], [], [], [], [], []
    decisions, quotes, statements, numbers, not_recorded = [], [], [], [], []
    for order, c in enumerate(records.congresses):
        congresses.append(_congress_row(c, order))
        for variant, d in enumerate((c.dates, *c.dates.variants)):
            dates.append(
                _provenance(d)
                | {
                    "congress_id": c.id,
                    "is_default": variant == 0,
                    "label": d.label,
                    "start": d.start,
                    "end": d.end,
                    "calendar": d.calendar,
                    "text": dates_text(d.start, d.end, d.calendar),
                    "shown_because": c.dates.shown_because,
                }
            )
        composition += _composition_rows(c, names, records)
        votes += _vote_rows(c)
        bodies += [_body_row(c, b) for b in c.bodies]
        events += [
            _provenance(e)
            | {
                "congress_id": c.id,
                "order": i,
                "date": e.date,
                "calendar": e.calendar,
                "date_ns": new_style(e.date, e.calendar),
                "time": e.time.strftime("%H:%M") if e.time else None,
                "time_qualifier": e.time_qualifier,
                "text": e.text,
                "inferred": e.inferred,
            }
            for i, e in enumerate(c.events)
        ]
        decisions += [
            _provenance(d)
            | {"congress_id": c.id, "decision_id": d.id, "title": d.title, "kind": d.kind, "summary": d.summary}
            for d in c.decisions
        ]
        quotes += [
            _provenance(q) | {"congress_id": c.id, "speaker": q.speaker, "words": q.words, "context": q.context}
            for q in c.quotes
        ]
        statements += [_provenance(s) | {"congress_id": c.id, "text": s.text} for s in c.statements]
        numbers += _number_rows(c)
        not_recorded += [{"congress_id": c.id, "topic": k, "reason": v} for k, v in c.not_recorded.items()]
    return Frames(
        congresses=_typed(congresses, CONGRESS_COLUMNS),
        dates=_typed(
            dates,
            {
                "congress_id": TEXT,
                "is_default": FLAG,
                "label": TEXT,
                "start": "object",
                "end": "object",
                "calendar": TEXT,
                "text": TEXT,
                "shown_because": TEXT,
                **PROVENANCE,
            },
        ),
        composition=_typed(composition, COMPOSITION_COLUMNS),
        votes=_typed(votes, VOTE_COLUMNS),
        bodies=_typed(bodies, BODY_COLUMNS),
        events=_typed(
            events,
            {
                "congress_id": TEXT,
                "order": "int64",
                "date": "object",
                "calendar": TEXT,
                "date_ns": "object",
                "time": TEXT,
                "time_qualifier": TEXT,
                "text": TEXT,
                "inferred": TEXT,
                **PROVENANCE,
            },
        ),
        decisions=_typed(
            decisions,
            {"congress_id": TEXT, "decision_id": TEXT, "title": TEXT, "kind": TEXT, "summary": TEXT, **PROVENANCE},
        ),
        quotes=_typed(quotes, {"congress_id": TEXT, "speaker": TEXT, "words": TEXT, "context": TEXT, **PROVENANCE}),
        statements=_typed(statements, {"congress_id": TEXT, "text": TEXT, **PROVENANCE}),
        numbers=_typed(numbers, NUMBER_COLUMNS),
        not_recorded=_typed(not_recorded, {"congress_id": TEXT, "topic": TEXT, "reason": TEXT}),
        sources=_typed(
            [s.model_dump() | {"cite_as": s.cite_as} for s in records.sources.values()],
            {
                "id": TEXT,
                "title": TEXT,
                "publisher": TEXT,
                "author": TEXT,
                "editor": TEXT,
                "imprint": TEXT,
                "year": COUNT,
                "no_year": TEXT,
                "volume": TEXT,
                "pages": TEXT,
                "url": TEXT,
                "read_via": TEXT,
                "copy_of": TEXT,
                "accessed": "object",
                "licence": TEXT,
                "terms": TEXT,
                "what": TEXT,
                "short": TEXT,
                "reliability": TEXT,
                "weak": FLAG,
                "cite_as": TEXT,
            },
        ),
        parties=_typed(
            [p.model_dump(exclude={"original"}) | original_columns(p.original) for p in records.parties.values()],
            {"id": TEXT, "name": TEXT, "short": TEXT, "family": TEXT, "lineage": TEXT, **ORIGINAL},
        ),
        lineages=_typed(
            [
                _provenance(n)
                | {"lineage_id": lineage.id, "label": lineage.label, "since": n.since, "name": n.name, "short": n.short}
                | original_columns(n.original)
                for lineage in records.lineages.values()
                for n in lineage.names
            ],
            {"lineage_id": TEXT, "label": TEXT, "since": TEXT, "name": TEXT, "short": TEXT, **PROVENANCE, **ORIGINAL},
        ),
        groups=_typed(
            [
                {"kind": g.kind, "id": g.id, "name": g.name} | original_columns(g.original)
                for g in records.groups.values()
            ],
            {"kind": TEXT, "id": TEXT, "name": TEXT, **ORIGINAL},
        ),
        **teaching_frames(records.teaching, {c.id for c in records.congresses}),
        records=records,
    )


@cache
def load_frames(root: Path = DATA_DIR) -> Frames:
    """Load, validate and build the frames once per process."""
    return build_frames(load_records(root))
