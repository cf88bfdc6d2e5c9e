"""The teaching content: lessons, the pupils' glossary and the introduction, sourced like the records.

Every view a lesson step names is one the dashboard understands and shows a congress in the records;
every excerpt is verbatim in its own source's fixture; every number pupils read is one a cited excerpt
states; a bad file stops the loader with the file, the field and the value.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import frictionless
import pytest

from dashboard.datapackage import write_package
from dashboard.frames import Frames
from dashboard.loader import RecordError, load_records
from dashboard.teaching import SLIDES, TIMELINE_SLIDES, link_terms, numbers_in, read_view, term_names
from dashboard.urls import parse_search
from tests.conftest import source_passages

RECORDS = load_records()
TEACHING = RECORDS.teaching
LESSONS = {lesson.id: lesson for lesson in TEACHING.lessons}
GLOSSARY = {entry.id: entry for entry in TEACHING.glossary}
CONGRESS_IDS = {c.id for c in RECORDS.congresses}
STEPS = [(lesson.id, n, step) for lesson in TEACHING.lessons for n, step in enumerate(lesson.steps, start=1)]
STEP_IDS = [f"{lesson_id}:{n}" for lesson_id, n, _ in STEPS]

REQUIRED_TERMS = [
    "soviet",
    "Congress of Soviets",
    "CEC (VTsIK)",
    "Sovnarkom",
    "SR",
    "Left SR",
    "Menshevik",
    "Menshevik-Internationalist",
    "Bolshevik",
    "full vote",
    "consultative voice",
    "Old Style",
    "New Style",
    "All-Russian",
    "All-Union",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _not_verbatim(source: str, excerpt: str) -> list[str]:
    passages = [_flat(p) for p in source_passages(source)]
    return [part for part in excerpt.split(" … ") if not any(_flat(part) in p for p in passages)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error(root: Path) -> str:
    with pytest.raises(RecordError) as caught:
        load_records(root)
    return str(caught.value)


# ---------------------------------------------------------------------------------------------
# The lessons.


def test_three_lessons_load_with_their_titles() -> None:
    assert {lesson_id: lesson.title for lesson_id, lesson in LESSONS.items()} == {
        "1917-first-to-second-congress": "1917: from the First to the Second Congress",
        "1922-founding-the-ussr": "How the USSR was founded: the First All-Union Congress, 1922",
        "1936-the-last-congress": "1936: the last Congress and the new Constitution",
    }
    assert [lesson.id for lesson in TEACHING.lessons] == sorted(LESSONS)  # file-name order: 1917, 1922, 1936
    for lesson in TEACHING.lessons:
        assert lesson.level == "ages 14–16" and lesson.summary
        assert sum(step.question is not None for step in lesson.steps) >= 2, lesson.id


@pytest.mark.parametrize(("lesson_id", "number", "step"), STEPS, ids=STEP_IDS)
def test_every_view_parses_and_names_a_congress_in_the_records(lesson_id: str, number: int, step) -> None:
    state = parse_search(step.view, CONGRESS_IDS, default="")
    assert state.problem is None, (lesson_id, number, step.view, state.problem)
    named = (state.congress_id,) if state.view == "congress" else state.compare_ids
    assert state.view == "timeline" or (named and set(named) <= CONGRESS_IDS), step.view
    view = read_view(step.view, CONGRESS_IDS)
    assert view.kind == state.view and view.congress_ids == named
    assert view.slide is None or view.slide in {"congress": SLIDES, "timeline": TIMELINE_SLIDES}[view.kind]


def test_the_lessons_walk_through_every_slide_and_view() -> None:
    views = [read_view(step.view, CONGRESS_IDS) for _, _, step in STEPS]
    assert {v.slide for v in views if v.kind == "congress"} == set(SLIDES)
    assert {v.kind for v in views} == {"congress", "compare", "timeline"}
    shown = {cid for v in views for cid in v.congress_ids}
    assert {"ar-01", "ar-02", "ar-10", "ar-17", "au-01", "au-08"} <= shown


def test_the_bolshevik_question_gives_each_share_with_its_base_and_no_change() -> None:
    """The First Congress's 105 are of 784 delegates with a full vote, the Second's 390 of 649 elected."""
    lesson = LESSONS["1917-first-to-second-congress"]
    (step,) = [s for s in lesson.steps if s.question and "Bolsheviks in June 1917" in s.question.ask]
    assert read_view(step.view, CONGRESS_IDS).congress_ids == ("ar-01", "ar-02")
    answer = step.question.answer
    assert "105 of the 784 delegates with a full vote" in answer
    assert "390 of the 649 delegates elected" in answer
    assert not re.search(r"%|percent|points|rose|grew|increase", answer)
    excerpts = " ".join(f.excerpt for f in step.question.facts)
    assert "784 with full vote" in excerpts and "Of the 649 delegates elected" in excerpts


def test_a_question_keeps_something_back_until_the_reveal() -> None:
    """Predict, then reveal: an answer's numbers are not all given away by the caption."""
    for lesson_id, number, step in STEPS:
        if step.question is None:
            continue
        answer = numbers_in(step.question.answer)
        assert not answer or answer - numbers_in(step.caption), (lesson_id, number)


# ---------------------------------------------------------------------------------------------
# Sourced like the records.


def test_every_excerpt_is_verbatim_in_its_own_source() -> None:
    cited = list(TEACHING.cited())
    assert len(cited) > 100
    assert [
        (where, f.source, _not_verbatim(f.source, f.excerpt))
        for where, f in cited
        if _not_verbatim(f.source, f.excerpt)
    ] == []


def test_a_changed_or_misattributed_excerpt_is_caught() -> None:
    fact = next(f for _, f in TEACHING.cited() if "390 were Bolshevik" in f.excerpt)
    assert _not_verbatim(fact.source, fact.excerpt) == []
    assert _not_verbatim(fact.source, fact.excerpt.replace("390", "309")) != []
    assert _not_verbatim("encspb-second-congress", fact.excerpt) != []


def _texts() -> list[tuple[str, str, list]]:
    """Every text pupils read with the facts it may draw its numbers from."""
    texts = []
    for lesson_id, number, step in STEPS:
        texts.append((f"{lesson_id}:{number} caption", step.caption, step.facts))
        if step.question:
            texts.append((f"{lesson_id}:{number} answer", step.question.answer, step.question.facts))
            texts.append((f"{lesson_id}:{number} question", step.question.ask, [*step.facts, *step.question.facts]))
    texts += [(f"glossary {e.id}", e.definition, e.facts) for e in TEACHING.glossary]
    texts += [
        (f"introduction {p}", s.text, s.facts)
        for p, paragraph in enumerate(TEACHING.introduction.paragraphs, start=1)
        for s in paragraph.sentences
    ]
    return texts


def test_every_number_pupils_read_is_in_a_cited_excerpt() -> None:
    texts = _texts()
    assert sum(bool(numbers_in(text)) for _, text, _ in texts) > 30
    missing = []
    for where, text, facts in texts:
        cited = set().union(*(numbers_in(f.excerpt) for f in facts))
        missing += [(where, n) for n in numbers_in(text) - cited]
    assert missing == []


def test_numbers_are_read_with_their_thousands_separators() -> None:
    assert numbers_in("some 1,090 delegates (784 with full vote)") == {"1090", "784"}
    assert numbers_in("1,388, from the committee; 94.1 percent; Jan. 21,1937") == {"1388", "94.1", "21", "1937"}
    assert numbers_in("at 22:40 on 25 October 1917") == {"22", "40", "25", "1917"}


def test_no_weak_source_is_taught() -> None:
    weak = {s.id for s in RECORDS.sources.values() if s.weak}
    assert {(where, f.source) for where, f in TEACHING.cited() if f.source in weak} == set()


def test_a_party_congress_is_never_passed_off_as_a_congress_of_soviets() -> None:
    """The Party's congresses share ordinal numbers with the Congresses of Soviets: say so wherever one is cited."""
    party_congress = re.compile(r"Congress of the (RSDLP|RCP)|Party Congress")
    cited = [(where, f) for where, f in TEACHING.cited() if party_congress.search(f.excerpt)]
    assert len(cited) >= 3
    assert [where for where, f in cited if "not of the Soviets" not in (f.note or "")] == []
    assert "not a Congress of Soviets" in GLOSSARY["menshevik"].definition


# ---------------------------------------------------------------------------------------------
# The glossary and the introduction.


def test_the_glossary_has_every_term_pupils_need() -> None:
    terms = {entry.term for entry in TEACHING.glossary}
    assert [t for t in REQUIRED_TERMS if t not in terms] == []
    assert {"CEC", "VTsIK", "Council of People's Commissars", "Left SRs", "casting vote"} <= {
        name for entry in TEACHING.glossary for name in entry.names
    }


def test_glossary_terms_link_in_captions() -> None:
    text = "The Left SRs and the SRs stayed in the Congress of Soviets; the Soviet Union came later."
    pieces = link_terms(text, term_names(TEACHING.glossary))
    assert "".join(piece for piece, _ in pieces) == text
    assert [(piece, term) for piece, term in pieces if term] == [
        ("Left SRs", "left-sr"),
        ("SRs", "sr"),
        ("Congress of Soviets", "congress-of-soviets"),
    ]
    names = term_names(TEACHING.glossary)
    linked = {term for _, _, step in STEPS for _, term in link_terms(step.caption, names) if term}
    assert {"dual-power", "soviet", "full-vote", "cec", "old-style", "bolshevik", "menshevik"} <= linked


def test_the_introduction_explains_the_congress_the_cec_the_sovnarkom_and_the_end() -> None:
    intro = TEACHING.introduction
    text = " ".join(s.text for p in intro.paragraphs for s in p.sentences)
    assert intro.title == "What was a Congress of Soviets?"
    assert len(intro.paragraphs) == 3 and len(text.split()) < 250  # one short screen
    for words in ("Central Executive Committee", "Sovnarkom", "Supreme Soviet", "1936", "January 1937"):
        assert words in text


# ---------------------------------------------------------------------------------------------
# A bad file stops the loader, naming the file, the field and the value.


def test_a_lesson_citing_an_unknown_source_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "lessons/1936-the-last-congress.toml", 'source = "gse-all-union-congress"', 'source = "gse-x"')
    message = _error(data_copy)
    assert "data/lessons/1936-the-last-congress.toml: steps.0.facts.0.source: unknown source id 'gse-x'" in message


@pytest.mark.parametrize(
    ("view", "says"),
    [
        ("congress=99&slide=1", "'99' is not a congress in the records"),
        ("congress=1&slide=5", "slide '5' is not one of 1 to 4"),
        ("compare=1,2&slide=1", "only a congress and the timeline have slides"),
        ("view=timeline&slide=3", "slide '3' is not one of 1 to 2"),
        ("congress=1&present=1", "unknown key 'present'"),
        ("slide=1", "must name one view"),
        ("compare=1", "names 1 congress;"),
    ],
)
def test_a_bad_view_is_refused(data_copy: Path, view: str, says: str) -> None:
    _edit(data_copy / "lessons/1917-first-to-second-congress.toml", 'view = "congress=1&slide=3"', f'view = "{view}"')
    message = _error(data_copy)
    assert "data/lessons/1917-first-to-second-congress.toml: steps.1.view:" in message and says in message
    assert f"(got '{view}')" in message


def test_a_number_no_excerpt_states_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "lessons/1917-first-to-second-congress.toml", "Some 1,090 delegates", "Some 1,091 delegates")
    message = _error(data_copy)
    assert "data/lessons/1917-first-to-second-congress.toml: steps.1: the caption writes 1091" in message


def test_an_answer_without_a_source_is_refused(data_copy: Path) -> None:
    path = data_copy / "lessons/1936-the-last-congress.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('ask = "Why was this the last')
    end = text.index("[[steps]]", start)
    kept = "\n".join(line for line in text[start:end].splitlines() if line.startswith(("ask", "answer")))
    path.write_text(text[:start] + kept + "\n\n" + text[end:], encoding="utf-8")
    assert "1936-the-last-congress.toml: steps.4.question.facts: Field required" in _error(data_copy)


def test_a_glossary_definition_with_an_uncited_number_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "glossary.toml", "founded in 1901", "founded in 1902")
    assert "glossary.toml: term.4: (record): the definition writes 1902, which no excerpt it cites states" in _error(
        data_copy
    )


def test_one_spelling_for_two_terms_is_refused(data_copy: Path) -> None:
    _edit(data_copy / "glossary.toml", 'spellings = ["Mensheviks"]', 'spellings = ["Mensheviks", "SRs"]')
    assert "glossary.toml: menshevik.spellings: 'SRs' is also a spelling of 'sr'" in _error(data_copy)


def test_a_lesson_in_the_wrong_file_and_a_missing_introduction_are_refused(data_copy: Path) -> None:
    lessons = data_copy / "lessons"
    (lessons / "1917-first-to-second-congress.toml").rename(lessons / "first.toml")
    (data_copy / "introduction.toml").unlink()
    message = _error(data_copy)
    assert "data/introduction.toml: the file is missing" in message
    (data_copy / "introduction.toml").write_text('title = "Intro"\n', encoding="utf-8")
    message = _error(data_copy)
    assert "data/lessons/first.toml: id: '1917-first-to-second-congress' should be in a file named" in message
    assert "data/introduction.toml: paragraphs: Field required" in message


# ---------------------------------------------------------------------------------------------
# The frames, and the data package.


def test_frames_hold_one_row_per_step_term_and_sentence(frames: Frames) -> None:
    lessons = frames.lessons
    assert len(lessons) == len(STEPS) and not lessons.duplicated(["lesson_id", "step"]).any()
    first = lessons.set_index(["lesson_id", "step"]).loc[("1917-first-to-second-congress", 7)]
    assert (first.view, first.view_kind, first.compare_ids, first.measure) == (
        "compare=1,2",
        "compare",
        "ar-01,ar-02",
        "count",
    )
    hall = lessons.set_index(["lesson_id", "step"]).loc[("1922-founding-the-ussr", 2)]
    assert (hall.congress_id, int(hall.slide), int(hall.steps)) == ("au-01", 1, 6)
    assert set(lessons.congress_id.dropna()) <= set(frames.congresses.congress_id)
    facts = frames.lesson_facts
    assert set(facts.part) == {"caption", "answer"}
    answers = facts[(facts.lesson_id == "1917-first-to-second-congress") & (facts.step == 7) & (facts.part == "answer")]
    assert "390 were Bolshevik" in " ".join(answers.excerpt)
    assert len(frames.glossary) == len(GLOSSARY) and set(REQUIRED_TERMS) <= set(frames.glossary.term)
    assert len(frames.introduction) == sum(len(p.sentences) for p in TEACHING.introduction.paragraphs)
    for name in ("lesson_facts", "glossary_facts", "introduction_facts"):
        frame = getattr(frames, name)
        assert set(frame.source_id) <= set(frames.sources.id) and frame.excerpt.notna().all(), name


def test_a_fact_of_a_missing_step_fails_the_package_validation(tmp_path: Path, frames: Frames) -> None:
    out = tmp_path / "package"
    write_package(frames, out)
    path = out / "lesson_facts.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("step")] = "99"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    report = frictionless.validate(str(out / "datapackage.json"))
    errors = [f"{task.name}: {error.type}" for task in report.tasks for error in task.errors]
    assert errors == ["lesson-facts: foreign-key"]


def _links(component) -> list[tuple[str, str, str]]:
    """(text, href, title) of every glossary link in a Dash component tree."""
    found = []
    children = getattr(component, "children", component)
    if getattr(component, "className", None) == "term":
        found.append((component.children, component.href, component.title))
    for child in children if isinstance(children, list) else [children]:
        if not isinstance(child, str | int | float | type(None)):
            found += _links(child)
    return found


def test_a_text_links_the_first_mention_of_each_term_to_the_glossary(frames: Frames) -> None:
    from dashboard.lessons import with_terms

    pieces = with_terms(frames, "The Left SRs stayed; the SRs left. The Left SRs later joined Sovnarkom.")
    assert "".join(p if isinstance(p, str) else p.children for p in pieces) == (
        "The Left SRs stayed; the SRs left. The Left SRs later joined Sovnarkom."
    )
    links = _links(pieces)
    assert [(text, href) for text, href, _ in links] == [
        ("Left SRs", "?view=lessons#term-left-sr"),
        ("SRs", "?view=lessons#term-sr"),
        ("Sovnarkom", "?view=lessons#term-sovnarkom"),
    ]  # the second "Left SRs" stays a word
    assert links[2][2].startswith("The Council of People's Commissars")  # its meaning, on hover


def test_the_facts_panel_links_its_terms_once_each(frames: Frames) -> None:
    from dashboard.facts import facts_panel

    links = _links(facts_panel(frames, "ar-02", "?congress=2"))
    hrefs = [href for _, href, _ in links]
    assert len(hrefs) == len(set(hrefs))
    assert {"?view=lessons#term-old-style", "?view=lessons#term-new-style", "?view=lessons#term-cec"} <= set(hrefs)
    assert ("All-Russian Central Executive Committee", "?view=lessons#term-cec") in [(t, h) for t, h, _ in links]


def test_a_step_s_chart_must_be_one_of_slide_3_s(data_copy: Path) -> None:
    """A step names which of the two charts of 'who the delegates were' it is about; on any other slide it
    would name nothing."""
    path = data_copy / "lessons/1917-first-to-second-congress.toml"
    _edit(
        path,
        'view = "congress=1&slide=1"\ncaption = "June 1917.',
        'view = "congress=1&slide=1"\nchart = "social"\ncaption = "June 1917.',
    )
    assert "steps.0: a step's chart is one of a congress's slide 3, not of 'congress=1&slide=1'" in _error(data_copy)
