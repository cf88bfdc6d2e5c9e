"""What every column of every data-package table means, for `datapackage.json`.

`SHARED` describes the columns that mean the same in every table; `BY_TABLE` the rest, table by table,
and overrides `SHARED` where a column means something more particular there. A column with no
description fails the data-package tests.
"""

from __future__ import annotations

SHARED = {
    "congress_id": "The congress (congresses.congress_id): 'ar-02' is the Second All-Russian, "
    "'au-01' the First All-Union.",
    "source_id": "The source that states this (sources.id).",
    "excerpt": "The source's own words that state it, verbatim; parts of a longer passage are joined by ' … '. "
    "The words stay under the source's licence or terms (sources.licence).",
    "excerpt_gloss": "The project's own English translation of an excerpt that is not in English: a gloss to help "
    "read it, not the source's words. Empty for an English excerpt.",
    "original": "The name in Russian, as it was used at the time (большевики, ВЦИК, УССР); empty where no "
    "Russian-language source for it was found.",
    "original_short": "The Russian short form or abbreviation of the name, where its source gives one (ВЦИК, РСФСР).",
    "original_written": "The form the original's excerpt writes the name in, where Russian inflects it ('эсеров' for "
    "'эсеры'); the column original is then the project's nominative of it.",
    "original_lang": "The language of the original, as a BCP 47 tag ('ru').",
    "original_source_id": "The source that writes the Russian original (sources.id).",
    "original_excerpt": "The words of that source in which the original appears, verbatim, in Russian.",
    "original_excerpt_gloss": "The project's own English translation of the original's excerpt; not the source's "
    "words.",
    "original_note": "What to keep in mind about the original, where the records add a note.",
    "note": "What to keep in mind about this value, where the records add a note.",
    "is_default": "True for what the dashboard shows by default; the other rows are other sources' variants.",
    "shown_because": "Why the default is shown rather than the variants, where sources differ.",
    "moment": "When the count holds: 'opening', 'close', or the source's own words ('as of 8 November').",
    "approximate": "True where the source gives the number only approximately ('some 1,090', 'about 100').",
    "bound": "'more than' or 'no more than' where the source gives the number only as a bound.",
    "calendar": "The calendar of the dates as given: 'julian' (Old Style, used in Russia until 14 February 1918) "
    "or 'gregorian' (New Style).",
    "start": "First day, as the source dates it, in its calendar.",
    "end": "Last day, as the source dates it, in its calendar.",
}

BY_TABLE: dict[str, dict[str, str]] = {
    "congresses": {
        "congress_id": "The congress: 'ar-' and its number for the All-Russian, 'au-' for the All-Union congresses.",
        "order": "Position of the congress in date order, from 0.",
        "series": "'all-russian' (the RSFSR's congresses) or 'all-union' (the USSR's).",
        "ordinal": "The congress's number within its series.",
        "name": "The congress's name as the dashboard shows it.",
        "official_name": "The congress's full official name.",
        "original": "The congress's official name in Russian, as a Russian-language source writes it.",
        "extraordinary": "True for an extraordinary congress.",
        "start": "First day, as the default source dates it, in its calendar.",
        "end": "Last day, as the default source dates it, in its calendar.",
        "start_ns": "First day in the New Style (Gregorian) calendar.",
        "end_ns": "Last day in the New Style (Gregorian) calendar.",
        "dates_text": "The dates written out, with both styles where the source gives the Old Style.",
        "dates_short": "The dates written out, abbreviated.",
        "place": "The city the congress sat in.",
        "venue": "The building, where a source names it.",
        "place_source_id": "The source of the place (sources.id).",
        "venue_source_id": "The source of the building (sources.id).",
        "delegates_total": "Delegates attending, as the default source gives it; empty where no source does.",
        "delegates_total_approximate": "True where the default source gives the total only approximately.",
        "delegates_total_bound": "'more than' or 'no more than' where the total is given only as a bound.",
        "delegates_voting": "Delegates with a full (casting, deciding) vote, as the default source gives it.",
        "delegates_consultative": "Delegates with a consultative (advisory) voice only, as the default source "
        "gives it.",
        "women": "Women delegates, where a source gives the number.",
        "nationalities": "How many nationalities the delegates were of, where a source gives it.",
        "soviets_represented": "How many soviets the delegates represented, where a source gives it.",
    },
    "dates": {
        "label": "Which statement of the source this is, where one source dates the congress twice.",
        "text": "The dates written out, with both styles where the source gives the Old Style.",
    },
    "composition": {
        "breakdown": "The breakdown within its congress: kind and number ('party-0'), or 'body-<id>-' and that for "
        "the make-up of an elected body.",
        "body": "The elected body whose make-up this is (bodies.body_id); empty for the congress's delegates.",
        "kind": "What the delegates are broken down by: party, social, republic, voting-right, origin or nationality.",
        "of": "Which delegates are broken down, in the source's terms ('delegates with full vote').",
        "unit": "'count' or 'percent': what the source gives for the parts.",
        "counts": "What a count counts: delegates, or the organisations (soviets) that sent them.",
        "is_default": "True for the breakdown shown by default; others are other sources' breakdowns.",
        "partial": "True where the source names only some of the parts.",
        "total": "The whole the source states; empty where it states none (for percent, 100 is implied).",
        "total_approximate": "True where the source gives the whole only approximately.",
        "order": "Position of the part within its breakdown, as the source lists it.",
        "part_id": "The part: a party, social group, republic, origin or voting right; 'not-accounted' for the "
        "gap between the parts and the whole the source states.",
        "party_id": "The party (parties.id), where the breakdown is by party; empty for other kinds and for the gap.",
        "label": "The part's name as the dashboard shows it.",
        "within": "The part this one is included in (sympathisers within their party), in the same breakdown.",
        "count": "Delegates (or organisations) in the part; empty where the source gives only a share.",
        "share": "Percent of the whole: the source's own where it gives shares, else computed from the counts.",
        "organisations": "How many organisations sent these delegates, where the source says.",
        "gap": "True for the row of the gap not accounted for in the source; never spread over the parts.",
        "population": "Who the breakdown counts, from a fixed list so that bases can be compared: full-vote, all, "
        "unstated (the source does not say whether consultative delegates are counted), declared (delegates who "
        "declared a party), members (of a body) or organisations.",
        "total_bound": "'more than' or 'no more than' where the source gives the whole only as a bound.",
        "lineage_id": "The party's lineage (lineages.lineage_id) where it was renamed, else its own id: the "
        "Bolsheviks and the Communists are one row in comparisons.",
        "lineage_label": "The lineage's name in comparisons ('Bolsheviks / Communists').",
        "name_of_time": "The party's official name on the congress's first day ('RSDLP(b)', 'RCP(b)', 'ACP(b)').",
        "name_of_time_original": "That name in Russian ('РСДРП(б)', 'РКП(б)', 'ВКП(б)'); its source is in lineages.",
        "original": "The Russian name of the party, social group or republic the part names; empty for the gap, for "
        "origins and voting rights, and where no Russian-language source for it was found.",
        "level": "0 for a part of the whole, 1 for a part within another part (column within).",
        "share_approximate": "True where the share is only approximate (an approximate count or base).",
        "share_bound": "'more than', 'at least', 'fewer than' or 'no more than' where the share is only a bound.",
        "base": "What the share is of: the population in words where the source states the whole, 'sum of the "
        "listed parts' where it states none but lists every part; empty where no share can be taken.",
        "base_count": "The number the share is of; empty where the source gives shares or no base is known.",
        "base_approximate": "True where the base is only approximate.",
        "base_bound": "The bound, where the base is known only as a bound (then no share is taken).",
        "derived": "How a computed number was worked out ('share = 390 ÷ 649 (the stated total)', 'count = 784 "
        "(the stated total) − 777 (the listed parts)'); empty for numbers read in the source.",
    },
    "votes": {
        "vote_id": "The vote within its congress.",
        "order": "Position of the vote in the congress's record, from 0.",
        "variant": "0 for the default tally, 1 and on for other sources' tallies of the same vote.",
        "motion": "What was voted on.",
        "kind": "'floor' for a vote of the congress, 'caucus' for a vote of one party's caucus.",
        "caucus": "The party whose caucus voted (parties.id); empty for a floor vote.",
        "date": "Day of the vote, where the records give it.",
        "in_favour": "Votes in favour; empty where the source does not give them (never 0 for unknown).",
        "against": "Votes against; empty where the source does not give them.",
        "abstained": "Abstentions; empty where the source does not give them.",
        "not_voting": "Delegates who did not vote; empty where the source does not give them.",
        "dissents": "Votes not in favour, where the source gives only these.",
        "unanimous": "True where the source says the vote was unanimous.",
        "outcome": "'passed' or 'rejected'.",
        "wording": "The source's words for a result it gives without numbers ('by a majority vote').",
    },
    "bodies": {
        "body_id": "The body within its congress ('cec' for the Central Executive Committee).",
        "name": "The body's name.",
        "members": "Members elected, where a source gives the number.",
        "members_approximate": "True where the source gives the members only approximately.",
        "alternates": "Alternate (candidate) members elected, where a source gives the number.",
        "source_id": "The source that states the number of members (sources.id), or that names the body where no "
        "number is given.",
        "excerpt": "The source's words that state the number of members, or that name the body.",
        "alternates_source_id": "The source that states the number of alternates (sources.id).",
        "alternates_excerpt": "The source's words that state the number of alternates.",
        "alternates_excerpt_gloss": "The project's English translation of those words, where they are not in English.",
        "body_source_id": "The source that says the congress elected this body (sources.id).",
        "body_excerpt": "Its words saying so.",
        "body_excerpt_gloss": "The project's English translation of those words, where they are not in English.",
        "original": "The body's name in Russian (Всероссийский центральный исполнительный комитет, ЦИК СССР).",
        "body_note": "What to keep in mind about the body.",
    },
    "events": {
        "order": "Position of the event in the congress's timeline, from 0.",
        "date": "Day of the event as the source gives it, in its calendar.",
        "date_ns": "The same day in the New Style (Gregorian) calendar.",
        "time": "Time of day, 24-hour 'HH:MM', where the source gives one.",
        "time_qualifier": "How the time holds: 'at', 'shortly after', 'after', 'about' or 'before'.",
        "text": "What happened.",
        "inferred": "What the record infers from the surrounding text rather than reads in the excerpt (a date, an "
        "hour); empty where the excerpt states it all.",
    },
    "decisions": {
        "decision_id": "The decision within its congress.",
        "title": "The decision's title.",
        "kind": "decree, resolution, declaration, constitution, appeal, election or other.",
        "summary": "What it decided, in brief.",
    },
    "quotes": {
        "speaker": "Who spoke.",
        "words": "The words spoken, verbatim as the source gives them.",
        "context": "When or in answer to what they were spoken.",
    },
    "statements": {
        "text": "The statement in the records' words; the excerpt gives the source's own.",
    },
    "numbers": {
        "field": "Where the number sits in the record: 'delegates.total', 'breakdowns.0.party.sr.count', "
        "'votes.<vote>.in_favour', 'bodies.<body>.members'.",
        "value": "The number, as the source gives it (a count or a percent).",
        "is_default": "True for the number shown by default; the other rows are other sources' variants.",
    },
    "not_recorded": {
        "topic": "What the sources read do not give: party, votes, delegate-types, social or bodies.",
        "reason": "What the records say of it.",
    },
    "sources": {
        "id": "The source id that the other tables cite.",
        "title": "Title of the article, chapter or book.",
        "publisher": "The by-line shown with the title: author or publisher.",
        "author": "Who wrote it, as the work names them.",
        "editor": "Who edited it, where an editor is named.",
        "imprint": "Place and publisher of a printed work.",
        "year": "Year of publication; empty where none is known (no_year says why).",
        "no_year": "Why no year of publication can be given.",
        "volume": "Volume of a multi-volume work.",
        "pages": "Pages in the printed work.",
        "url": "The original, where it exists and carries the words read; else the copy read, or for a printed "
        "work where to find it.",
        "read_via": "The copy actually read, where it is not the original (a mirror, an online copy of a book).",
        "copy_of": "The original a copy reproduces, where its words could not be confirmed there.",
        "accessed": "The date the source was read.",
        "licence": "The licence or terms its words are quoted under: CC-BY-SA-4.0, CC-BY-SA-3.0, CC-BY-SA-2.0, GFDL, "
        "public-domain, or quotation (a short quotation of a work under copyright).",
        "terms": "What the licence or the source's terms say, in brief.",
        "what": "What kind of source it is.",
        "short": "A short name for citations, where set.",
        "reliability": "What to keep in mind when using it.",
        "weak": "True for a source to use with care; reliability says why.",
        "cite_as": "The short name a citation shows.",
    },
    "parties": {
        "id": "The party id that breakdowns and caucus votes name.",
        "name": "The party's full name.",
        "short": "The short name the charts show.",
        "family": "The broader party a faction belongs to (parties.id); empty for a party of its own.",
        "lineage": "The lineage of a party that was renamed (lineages.lineage_id).",
        "original": "The party's name in Russian (большевики, левые эсеры, Бунд).",
    },
    "lineages": {
        "lineage_id": "The lineage: one party under its successive names.",
        "label": "The lineage's name in comparisons.",
        "since": "The month (YYYY-MM, New Style) from which the party bore this name.",
        "name": "The party's official name from then.",
        "short": "Its abbreviation.",
        "original": "The name in Russian (РСДРП(б), РКП(б), ВКП(б)).",
    },
    "groups": {
        "kind": "'social' for a social group, 'republic' for a republic.",
        "id": "The group, as breakdowns name their parts (composition.part_id).",
        "name": "The group's name in English.",
        "original": "The group's name in Russian (рабочие, крестьяне, служащие; РСФСР, УССР).",
    },
    "lessons": {
        "lesson_id": "The lesson: its file in data/lessons/ and its address (?lesson=<id>).",
        "title": "The lesson's title.",
        "level": "Whom the lesson is for ('ages 14–16').",
        "summary": "What pupils learn, in one line.",
        "step": "Position of the step in the lesson, from 1.",
        "steps": "How many steps the lesson has.",
        "view": "What the step shows, as the dashboard's URL query: 'congress=2&slide=1', 'compare=1,2', "
        "'view=timeline'.",
        "view_kind": "'congress' (one congress), 'compare' (congresses side by side) or 'timeline'.",
        "congress_id": "The congress the step shows (congresses.congress_id); empty for a comparison or the timeline.",
        "compare_ids": "The congresses a comparison shows, in order, separated by commas; empty for other views.",
        "measure": "What a comparison shows: 'count' or 'share'; empty for other views.",
        "slide": "The congress's slide: 1 the hall, 2 the votes, 3 who the delegates were, 4 decisions and a "
        "quotation; empty where the step names none.",
        "caption": "What pupils read at this step, in plain words; lesson-facts gives the source of every fact in it.",
        "question": "A question for pupils to predict before the reveal; empty where the step asks none.",
        "answer": "The answer, revealed after the prediction; lesson-facts gives its sources.",
        "chart": "Which chart of slide 3 the step is about ('delegate-types' or 'social'), shown alone where the "
        "two would be too narrow beside the lesson's panel; empty where the step names none.",
    },
    "lesson_facts": {
        "lesson_id": "The lesson (lessons.lesson_id).",
        "step": "The step of the lesson (lessons.step).",
        "part": "What the fact supports: 'caption' or 'answer'.",
        "order": "Position of the fact in the list for its caption or answer, from 0.",
        "source_id": "The source that states the fact (sources.id).",
        "excerpt": "The source's own words that state it, verbatim; parts of one passage are joined by ' … '.",
    },
    "glossary": {
        "term_id": "The term's id.",
        "term": "The term, as a heading.",
        "spellings": "Other spellings and forms of the term, separated by '; ', matched as whole words to link the "
        "term in captions; empty where there are none.",
        "definition": "What the term means, in plain words for pupils; glossary-facts gives its sources.",
    },
    "glossary_facts": {
        "term_id": "The term (glossary.term_id).",
        "order": "Position of the fact in the term's list, from 0.",
        "source_id": "The source that states the fact (sources.id).",
    },
    "introduction": {
        "title": "The introduction's title.",
        "paragraph": "The paragraph, from 1.",
        "sentence": "The sentence within its paragraph, from 1.",
        "text": "The sentence, in plain words for pupils; introduction-facts gives its sources.",
    },
    "introduction_facts": {
        "paragraph": "The paragraph of the sentence (introduction.paragraph).",
        "sentence": "The sentence (introduction.sentence).",
        "order": "Position of the fact in the sentence's list, from 0.",
        "source_id": "The source that states the fact (sources.id).",
    },
}


def describe(table: str, column: str) -> str | None:
    """What a column of a table means, or None where it is not described."""
    return BY_TABLE.get(table, {}).get(column) or SHARED.get(column)
