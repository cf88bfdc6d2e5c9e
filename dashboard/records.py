"""The schema of the records in `data/`: what a congress record may say, and the rules it keeps.

Every number is a `Claim`: a value with the id of its source, the verbatim excerpt that states it,
and whether the source gives it only approximately. A claim may list `variants` from other
sources; the claim itself is the one shown by default, and `shown_because` says why.

Excerpts stay in their source's language. Where it is not English, `gloss` is the project's own
English translation of it, never the source's words. Names used in Russian at the time (a congress's
official name, a party, a body, a republic, a social group) carry their `Original`: the Russian name
with the source that writes it.

Checks that need more than one file (source ids, party ids, duplicate congresses) read the
registries passed in the validation context: `{"sources": {...}, "parties": {...}}`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from dashboard.calendar import FIRST_GREGORIAN_DAY, LAST_JULIAN_DAY, Calendar

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Count = Annotated[int, Field(ge=0)]
Percent = Annotated[Decimal, Field(ge=0, le=100)]
Series = Literal["all-russian", "all-union"]
Bound = Literal["more than", "no more than"]
"""A number the source gives only as a bound: "more than 860", "no more than 32"."""
Population = Literal["full-vote", "all", "unstated", "declared", "members", "organisations"]
"""Who a breakdown counts, so that only like is compared with like:

- `full-vote`: delegates with a full (casting, deciding) vote;
- `all`: all delegates, with a vote or a consultative voice;
- `unstated`: delegates, where the source does not say whether it counts the consultative ones;
- `declared`: delegates who declared a party;
- `members`: members of an elected body;
- `organisations`: the organisations (soviets, committees) that sent delegates.
"""
Moment = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""When a count holds: "opening", "close", or the source's own words ("as of 8 November")."""
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Licence = Literal["CC-BY-SA-4.0", "CC-BY-SA-3.0", "CC-BY-SA-2.0", "GFDL", "public-domain", "quotation"]
"""How the records may reuse a source's words: its licence, or, for a work under copyright, quotation."""


class Record(BaseModel):
    """A strict record: unknown fields are errors, so typos cannot pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _known(value: str, info: ValidationInfo, registry: Literal["sources", "parties"], where: str = "") -> str:
    known = (info.context or {}).get(registry)
    if known is not None and value not in known:
        kind = {"sources": "source", "parties": "party"}[registry]
        raise ValueError(f"{where}unknown {kind} id {value!r}; known: {', '.join(sorted(known))}")
    return value


class Sourced(Record):
    """Something a source states, with the source's id and its own words."""

    source: Slug
    excerpt: Text = Field(description="The verbatim sentence of the source that states this.")
    gloss: Text | None = Field(
        None, description="The project's English translation of an excerpt in another language; not the source's words."
    )
    note: Text | None = None

    @field_validator("source")
    @classmethod
    def _source_is_known(cls, value: str, info: ValidationInfo) -> str:
        return _known(value, info, "sources")


STRESS_MARKS = re.compile("[\u0301']")
"""Stress marks as Russian dictionaries print them: the combining acute (Сове́т) or an apostrophe (Сове'т)."""


def comparable(text: str) -> str:
    """Text as the check of an original compares it: without stress marks, case or the optional ё."""
    return " ".join(STRESS_MARKS.sub("", text).casefold().replace("ё", "е").split())


class Original(Sourced):
    """A name in the language it was used in, with a source that writes it and its words.

    The excerpt must contain `text` (or `written`, the form it writes the name in where Russian inflects
    it: "эсеров" for "эсеры") and `short`, ignoring case, stress marks and ё. Where `written` is given,
    `text` is the project's nominative of it.
    """

    text: Text = Field(description="The name in Russian, as a heading or a legend would print it.")
    short: Text | None = Field(None, description="Its abbreviation or short form, where the source gives one.")
    written: Text | None = Field(None, description="The inflected form the excerpt writes the name in.")
    lang: Literal["ru"] = "ru"

    @model_validator(mode="after")
    def _in_its_excerpt(self) -> Original:
        excerpt = comparable(self.excerpt)
        for field, value in (("written" if self.written else "text", self.written or self.text), ("short", self.short)):
            if value is not None and comparable(value) not in excerpt:
                raise ValueError(f"the original's {field} {value!r} is not in its excerpt")
        return self


ORIGINAL_COLUMNS = (
    "original",
    "original_short",
    "original_written",
    "original_lang",
    "original_source_id",
    "original_excerpt",
    "original_excerpt_gloss",
    "original_note",
)
"""The columns a frame gives a name's Russian original."""


def original_columns(original: Original | None) -> dict[str, str | None]:
    """A name's Russian original as a frame's columns: the name, its short form, the form its excerpt writes it
    in, its language, and the source, excerpt, gloss and note that go with it; all empty where it has none."""
    if original is None:
        return dict.fromkeys(ORIGINAL_COLUMNS)
    values = (original.text, original.short, original.written, original.lang, original.source, original.excerpt)
    return dict(zip(ORIGINAL_COLUMNS, (*values, original.gloss, original.note), strict=True))


class Variant(Sourced):
    """One source's value for a number."""

    value: Count
    approximate: bool = False
    bound: Bound | None = None
    moment: Moment | None = None


class Claim(Variant):
    """A number as shown by default, with the other sources' variants of it."""

    variants: list[Variant] = []
    shown_because: Text | None = None

    @model_validator(mode="after")
    def _variants_say_why(self) -> Claim:
        if self.variants and not self.shown_because:
            raise ValueError("a claim with variants needs 'shown_because': why this one is shown")
        return self


class Dates(Sourced):
    """When a congress sat, as one source dates it."""

    start: dt.date
    end: dt.date
    calendar: Calendar
    label: Text | None = Field(None, description="Which statement of the source this is.")

    @model_validator(mode="after")
    def _dates_are_possible(self) -> Dates:
        if self.end < self.start:
            raise ValueError(f"end date {self.end} is before start date {self.start}")
        for day in (self.start, self.end):
            if self.calendar == "julian" and day > LAST_JULIAN_DAY:
                raise ValueError(f"{day} is after Russia left the Julian calendar")
            if self.calendar == "gregorian" and day < FIRST_GREGORIAN_DAY and self.note is None:
                raise ValueError(
                    f"{day} is before 14 February 1918: give the Old Style date the source gives, "
                    "or add a note saying the source gives New Style"
                )
        return self


class DateClaim(Dates):
    """The dates shown by default, with other statements of them."""

    variants: list[Dates] = []
    shown_because: Text | None = None


class Venue(Sourced):
    """The building a congress sat in."""

    name: Text


class Place(Sourced):
    """The city a congress sat in, and the building where a source names it."""

    city: Text
    venue: Venue | None = None


class Delegates(Record):
    """How many delegates attended, in all and by voting right."""

    total: Claim | None = None
    voting: Claim | None = Field(None, description="Full, casting or deciding vote.")
    consultative: Claim | None = Field(None, description="Consultative or advisory voice only.")
    women: Claim | None = None
    nationalities: Claim | None = Field(None, description="How many nationalities the delegates were of.")

    @model_validator(mode="after")
    def _parts_within_total(self) -> Delegates:
        if self.total and self.voting and self.consultative:
            parts = self.voting.value + self.consultative.value
            if parts > self.total.value and not self.total.approximate:
                raise ValueError(
                    f"voting {self.voting.value} + consultative {self.consultative.value} "
                    f"exceed the total {self.total.value}"
                )
        return self


class Part(Sourced):
    """One part of a breakdown: a party, a social group, a republic or an origin."""

    id: Slug
    label: Text | None = Field(None, description="Display name; parties take theirs from parties.toml.")
    count: Count | None = None
    share: Percent | None = Field(None, description="Percent, where the source gives only shares.")
    approximate: bool = False
    bound: Bound | None = None
    organisations: Count | None = Field(None, description="How many organisations sent these delegates.")
    within: Slug | None = Field(None, description="The part this one is included in (sympathisers, a sub-faction).")

    @model_validator(mode="after")
    def _one_measure(self) -> Part:
        if (self.count is None) == (self.share is None):
            raise ValueError(f"part {self.id!r} needs exactly one of 'count' or 'share'")
        return self


BreakdownKind = Literal["party", "social", "republic", "voting-right", "origin", "nationality"]


class Breakdown(Record):
    """A whole split into parts, as one source gives it.

    Counts may fall short of the total: the gap is shown as "not accounted for in the source",
    never spread over the parts. Parts `within` another part are included in its count.
    """

    kind: BreakdownKind
    of: Text = Field(description="Who is broken down, in the source's terms, e.g. 'delegates with full vote'.")
    population: Population = Field(description="Who is counted, from a fixed list, so that bases can be compared.")
    unit: Literal["count", "percent"] = "count"
    counts: Literal["delegates", "organisations"] = Field(
        "delegates", description="What a count counts: delegates, or the organisations (soviets) that sent them."
    )
    total: Claim | None = Field(None, description="The stated whole; for percent, 100 is implied.")
    moment: Moment | None = None
    default: bool = True
    shown_because: Text | None = None
    partial: bool = Field(False, description="The source names only some parts.")
    gap_note: Text | None = Field(None, description="What the source says of the parts not accounted for.")
    parts: list[Part] = Field(min_length=1)

    @field_validator("parts")
    @classmethod
    def _parts_are_known(cls, parts: list[Part], info: ValidationInfo) -> list[Part]:
        ids = [p.id for p in parts]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"part ids repeat: {duplicates}")
        if info.data.get("kind") == "party":
            for index, part in enumerate(parts):
                _known(part.id, info, "parties", where=f"{index}.id: ")
        return parts

    @model_validator(mode="after")
    def _population_fits(self) -> Breakdown:
        if (self.counts == "organisations") != (self.population == "organisations"):
            raise ValueError("a breakdown counts organisations exactly when its population is 'organisations'")
        return self

    @model_validator(mode="after")
    def _parts_fit(self) -> Breakdown:
        measure = "count" if self.unit == "count" else "share"
        by_id = {p.id: p for p in self.parts}
        for part in self.parts:
            if getattr(part, measure) is None:
                raise ValueError(f"part {part.id!r} gives no {measure}, but the breakdown's unit is {self.unit}")
            if part.within is None:
                continue
            parent = by_id.get(part.within)
            if parent is None:
                raise ValueError(f"part {part.id!r} is within {part.within!r}, which is not a part here")
            if getattr(part, measure) > getattr(parent, measure):
                raise ValueError(
                    f"sub-part {part.id!r} ({getattr(part, measure)}) is larger than "
                    f"{parent.id!r} ({getattr(parent, measure)})"
                )
        top = [getattr(p, measure) for p in self.parts if p.within is None]
        if self.unit == "percent":
            self._check_percent(top)
        elif self.total is not None and sum(top) > self.total.value and not self.total.approximate:
            raise ValueError(f"parts add up to {sum(top)}, more than the total {self.total.value}")
        return self

    def _check_percent(self, shares: list[Decimal]) -> None:
        places = max(-s.as_tuple().exponent for s in shares) if shares else 0
        tolerance = Decimal(len(shares)) * Decimal(5) / Decimal(10) ** (places + 1)
        total = sum(shares)
        if total > 100 + tolerance:
            raise ValueError(f"shares add up to {total}%, more than 100%")
        if not self.partial and abs(total - 100) > tolerance:
            raise ValueError(
                f"shares add up to {total}%, not 100% within rounding (±{tolerance}); "
                "set partial = true if the source gives only some parts"
            )


class Tally(Sourced):
    """How a vote went, as one source counts it. A part the source does not give stays empty."""

    in_favour: Count | None = Field(None, alias="for")
    against: Count | None = None
    abstained: Count | None = None
    not_voting: Count | None = None
    dissents: Count | None = Field(None, description="Votes not in favour, where only these are given.")
    outcome: Literal["passed", "rejected"]
    unanimous: bool = False
    wording: Text | None = Field(None, description="The source's words for a result without numbers.")

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _unanimous_has_no_dissent(self) -> Tally:
        if self.unanimous and (self.against or self.dissents):
            raise ValueError("a unanimous vote cannot have votes against or dissents")
        return self

    def counted(self) -> int:
        """All the votes the tally counts."""
        parts = (self.in_favour, self.against, self.abstained, self.not_voting, self.dissents)
        return sum(p or 0 for p in parts)


class Vote(Tally):
    """A recorded vote of the congress, or of one faction's caucus."""

    id: Slug
    motion: Text
    caucus: Slug | None = Field(None, description="The party whose caucus voted; empty for a floor vote.")
    date: dt.date | None = None
    variants: list[Tally] = []
    shown_because: Text | None = None

    @field_validator("caucus")
    @classmethod
    def _caucus_is_a_party(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _known(value, info, "parties")


class ElectedBody(Sourced):
    """A body the congress elected: its size and, where known, its make-up."""

    id: Slug
    name: Text
    original: Original | None = Field(None, description="The body's name in Russian.")
    members: Claim | None = None
    alternates: Claim | None = None
    composition: list[Breakdown] = []


class Event(Sourced):
    """A moment in a congress's timeline."""

    date: dt.date
    calendar: Calendar
    time: dt.time | None = None
    time_qualifier: Literal["at", "shortly after", "after", "about", "before"] = "at"
    text: Text
    inferred: Text | None = Field(
        None, description="What the record infers from the surrounding text rather than reads in the excerpt."
    )


class Decision(Sourced):
    """A decree, resolution or other decision the congress adopted."""

    id: Slug
    title: Text
    kind: Literal["decree", "resolution", "declaration", "constitution", "appeal", "election", "other"]
    summary: Text | None = None


class Quote(Sourced):
    """Words spoken at the congress."""

    speaker: Text
    words: Text
    context: Text | None = None


class Statement(Sourced):
    """A sourced statement of fact without a number of its own."""

    text: Text


class Congress(Record):
    """One congress of soviets, as the sources describe it."""

    id: Slug
    series: Series
    ordinal: Annotated[int, Field(ge=1, le=30)]
    name: Text
    official_name: Text
    original: Original | None = Field(None, description="The official name in Russian.")
    extraordinary: bool = False
    dates: DateClaim
    place: Place | None = None
    delegates: Delegates = Delegates()
    soviets_represented: Claim | None = None
    breakdowns: list[Breakdown] = []
    votes: list[Vote] = []
    bodies: list[ElectedBody] = []
    decisions: list[Decision] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    statements: list[Statement] = []
    not_recorded: dict[Literal["party", "votes", "delegate-types", "social", "bodies"], Text] = {}

    @model_validator(mode="after")
    def _consistent(self) -> Congress:
        expected = f"{'ar' if self.series == 'all-russian' else 'au'}-{self.ordinal:02d}"
        if self.id != expected:
            raise ValueError(f"id {self.id!r} does not match series and ordinal: expected {expected!r}")
        kinds = [b.kind for b in self.breakdowns]
        for kind in set(kinds):
            defaults = [b for b in self.breakdowns if b.kind == kind and b.default]
            if len(defaults) != 1:
                raise ValueError(f"{kind} breakdowns: exactly one must be the default, found {len(defaults)}")
        for index, vote in enumerate(self.votes):
            self._check_vote_fits(index, vote)
        return self

    def party_count(self, party: str) -> int | None:
        """The party's count in the default party breakdown, if it gives one."""
        for breakdown in self.breakdowns:
            if breakdown.kind == "party" and breakdown.default:
                return next((p.count for p in breakdown.parts if p.id == party), None)
        return None

    def _check_vote_fits(self, index: int, vote: Vote) -> None:
        if vote.caucus:
            present, whom = self.party_count(vote.caucus), f"the {vote.caucus} delegates"
        else:
            claim = self.delegates.voting or self.delegates.total
            present, whom = (claim.value, "the voting delegates") if claim else (None, "")
        if present is None:
            return
        for tally in (vote, *vote.variants):
            if tally.counted() > present:
                raise ValueError(
                    f"votes.{index} ({vote.id}): {tally.counted()} votes counted, more than {whom} present ({present})"
                )


def short_name(publisher: str) -> str:
    """A publisher's name up to its first comma, or up to its bracket where the comma falls inside one."""
    head = publisher.split(",")[0]
    return head.split(" (")[0] if head.count("(") > head.count(")") else head


class Source(Record):
    """A published source the records cite, with what a citation of it needs.

    `url` is the original where it exists and carries the words read; `read_via` is the copy
    actually read when that is not the original (a mirror, an online copy of a printed book).
    `copy_of` names the original a copy reproduces when the original could not be shown to carry
    the same words, so the copy stays the `url`.
    """

    id: Slug
    title: Text
    publisher: Text = Field(description="The by-line shown with the title: author or publisher, as free text.")
    author: Text | None = Field(None, description="Who wrote it, as the work names them.")
    editor: Text | None = Field(None, description="Who edited it, where an editor is named.")
    imprint: Text | None = Field(None, description="Place and publisher of a printed work, as 'New York: Knopf'.")
    year: Annotated[int, Field(ge=1800, le=2100)] | None = Field(None, description="Year of publication.")
    no_year: Text | None = Field(None, description="Why no year of publication can be given.")
    volume: Text | None = None
    pages: Text | None = None
    url: Url
    read_via: Url | None = Field(None, description="The copy actually read, where it is not the original.")
    copy_of: Url | None = Field(None, description="The original this copy reproduces, where its words are unconfirmed.")
    accessed: dt.date = Field(description="When the source was read.")
    licence: Licence
    terms: Text | None = Field(None, description="What the licence or the source's terms say, in brief.")
    what: Text = Field(description="What kind of source it is.")
    short: Text | None = Field(None, description="A short name for citations; else the publisher's first part.")
    reliability: Text | None = None
    weak: bool = Field(False, description="To be used with care; `reliability` says why.")

    @model_validator(mode="after")
    def _citable(self) -> Source:
        if (self.year is None) == (self.no_year is None):
            raise ValueError("give either 'year' or 'no_year' (why no year is known), not both or neither")
        if self.weak and not self.reliability:
            raise ValueError("a weak source needs 'reliability': why it is weak")
        if self.read_via is not None and self.read_via == self.url:
            raise ValueError("'read_via' repeats 'url': leave it out when the original was read")
        if self.read_via is not None and self.copy_of is not None:
            raise ValueError("give 'read_via' (original confirmed) or 'copy_of' (original unconfirmed), not both")
        return self

    @property
    def cite_as(self) -> str:
        """The short name a citation shows: `short`, else the publisher up to its first comma, never cutting a
        bracket in two ('Большая советская энциклопедия (BSE, the Russian original…)' is cited by its name)."""
        return self.short or short_name(self.publisher)


class Party(Record):
    """A party, faction or group that delegates belonged to."""

    id: Slug
    name: Text
    short: Text
    family: Slug | None = Field(None, description="The broader party this faction belongs to.")
    lineage: Slug | None = Field(None, description="The lineage of a party that was renamed: one row in comparisons.")
    original: Original | None = Field(None, description="The party's name in Russian.")


class PartyName(Sourced):
    """What a party was officially called from a month on."""

    since: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")] = Field(description="YYYY-MM, New Style.")
    name: Text
    short: Text
    original: Original | None = Field(None, description="The name in Russian: РСДРП(б), РКП(б), ВКП(б).")


class Lineage(Record):
    """One party under its successive names: RSDLP(b), then RCP(b) from March 1918, then ACP(b) from 1925."""

    id: Slug
    label: Text = Field(description="The row label in comparisons, e.g. 'Bolsheviks / Communists'.")
    names: list[PartyName] = Field(min_length=1)

    @field_validator("names")
    @classmethod
    def _names_in_order(cls, names: list[PartyName]) -> list[PartyName]:
        if [n.since for n in names] != sorted(n.since for n in names):
            raise ValueError("a lineage's names must be in date order")
        return names

    def name_at(self, day: dt.date) -> PartyName:
        """The party's official name on a day (New Style)."""
        current = self.names[0]
        for name in self.names:
            if name.since <= f"{day:%Y-%m}":
                current = name
        return current


GroupKind = Literal["social", "republic"]


class Group(Record):
    """A social group or a republic that breakdowns name by part id, with its Russian original.

    Breakdowns label their parts in their sources' English ("Industrial workers" and "Workers" both
    translate рабочие); the group is the one thing they name.
    """

    kind: GroupKind
    id: Slug
    name: Text
    original: Original
