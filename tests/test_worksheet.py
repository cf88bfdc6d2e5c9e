"""A lesson's worksheet: its questions with room to write, then its charts, then an answer key on pages of
its own, each answer with its sources; and the command line that writes it as an A4 PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from dashboard.__main__ import main
from dashboard.frames import Frames
from dashboard.worksheet import ANSWER_KEY, worksheet_pages

LINK = "https://school.example/dash/"
A4_POINTS = (842, 595)


def _text(fig) -> str:
    return " ".join(a.text for a in fig.layout.annotations) + " " + fig.layout.title.text


@pytest.mark.parametrize(
    "lesson_id", ["1917-first-to-second-congress", "1922-founding-the-ussr", "1936-the-last-congress"]
)
def test_questions_then_charts_then_the_answer_key(frames: Frames, lesson_id: str) -> None:
    assert lesson_id in set(frames.lessons.lesson_id)
    pages = worksheet_pages(frames, lesson_id, LINK)
    kinds = [name.rsplit("-", 1)[0] for name, _ in pages]
    assert kinds == sorted(kinds, key=["questions", "chart", "answer-key"].index)  # in that order
    questions = " ".join(_text(f) for n, f in pages if n.startswith("questions")).replace("<br>", " ")
    key = " ".join(_text(f) for n, f in pages if n.startswith("answer-key")).replace("<br>", " ")
    charts = [_text(f) for n, f in pages if n.startswith("chart")]
    steps = frames.lesson_steps(lesson_id)
    asked = steps[steps.question.notna()]
    assert len(asked) >= 2
    names = frames.sources.set_index("id").cite_as
    facts = frames.lesson_facts[(frames.lesson_facts.lesson_id == lesson_id) & (frames.lesson_facts.part == "answer")]
    for n, step in enumerate(asked.itertuples(), 1):
        opening = " ".join(step.question.removeprefix("Predict:").split()[:5])[1:]
        assert f"Question {n}. " in questions and opening in questions
        assert f"Question {n}. " in key and opening in key
        answer = " ".join(step.answer.split()[:6])
        assert answer in key and answer not in questions  # the answers only in the key
        for fact in facts[facts.step == step.step].itertuples():
            assert f"{names[fact.source_id]}: “{' '.join(fact.excerpt.split()[:4])}" in key
    assert questions.count("_" * 80) == 3 * len(asked)  # three ruled lines for each answer
    assert ANSWER_KEY in key and ANSWER_KEY not in questions
    named = {letter for pair in re.findall(r"Charts? ([A-Z])(?: and ([A-Z]))?", questions) for letter in pair if letter}
    assert named == set("ABCDEF"[: len(charts)])  # the questions send pupils to every chart
    for letter, chart in zip("ABCDEF", charts, strict=False):
        assert f"Chart {letter}: " in chart
        assert f"{LINK}?" in chart  # each chart prints the view it is, to open in the dashboard
    assert all(c.count("Chart ") == 1 for c in charts)  # each chart drawn once, however many steps show it


def test_the_first_lesson_draws_each_of_its_views(frames: Frames) -> None:
    drawn = [
        (f.layout.title.text, f.layout.title.subtitle.text.split(" · ")[0])
        for n, f in worksheet_pages(frames, "1917-first-to-second-congress")
        if n.startswith("chart")
    ]
    first, second = "First All-Russian Congress of Soviets", "Second All-Russian Congress of Soviets"
    assert drawn == [
        ("<b>Chart A: Party composition</b>", first),  # steps 1 and 3 show the same hall: drawn once
        ("<b>Chart B: Delegate types</b>", first),
        ("<b>Chart C: Vote outcomes</b>", first),  # step 5, the decisions, has no chart
        ("<b>Chart D: Party composition</b>", second),
        ("<b>Chart E: Party composition compared</b>", "First All-Russian"),
        ("<b>Chart F: Vote outcomes</b>", second),
    ]


def test_cli_writes_the_worksheet_as_an_a4_pdf(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    argv = ["export", "--lesson", "1936-the-last-congress", "--format", "pdf", "--link", LINK, "--out", str(tmp_path)]
    assert main(argv) == 0
    path = tmp_path / "lesson-1936-the-last-congress-worksheet-a4.pdf"
    assert capsys.readouterr().out.strip() == str(path)
    pdf = PdfReader(io.BytesIO(path.read_bytes()))
    assert pdf.metadata.title == "1936: the last Congress and the new Constitution: worksheet"
    for p in pdf.pages:  # A4 landscape, to a point
        assert (float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(A4_POINTS, abs=1.5)
    texts = [p.extract_text() for p in pdf.pages]
    assert texts[0].startswith("Questions (1 of 2)") and "Name" in texts[0] and "Question 1." in texts[0]
    assert "Why was this the last All-Union Congress of Soviets?" in " ".join(texts[:2])
    assert texts[-1].startswith(ANSWER_KEY)
    assert "1,388" in texts[-1] and "1,338" in texts[-1] and "Great Soviet Encyclopedia" in texts[-1]
    assert all(ANSWER_KEY not in t for t in texts[:-1])
    assert f"{LINK}?lesson=1936-the-last-congress" in texts[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--lesson", "1918", "--format", "pdf"],
            "unknown lesson '1918'; choose one of: 1917-first-to-second-congress",
        ),
        (["--lesson", "1936-the-last-congress", "--format", "png"], "a lesson's worksheet is a PDF"),
        (["--lesson", "1936-the-last-congress", "--congress", "2"], "not allowed with argument"),
    ],
)
def test_cli_refuses_a_bad_worksheet(argv: list[str], message: str, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", *argv, "--out", str(tmp_path)])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_no_line_of_a_text_page_runs_past_the_page(frames: Frames) -> None:
    """A long question heads its answer in the key on as many lines as it needs: bold lines are held to a
    narrower measure than plain ones (the first question of 1917 ran off the A4 page)."""
    from dashboard.style import PRESETS
    from dashboard.table_pages import BOLD_CHARS, _chars

    chars = _chars(PRESETS["a4"])
    for lesson_id in frames.lessons.lesson_id.unique():
        for name, fig in worksheet_pages(frames, lesson_id, LINK):
            if name.startswith("chart"):
                continue
            text = next(a.text for a in fig.layout.annotations if a.name == "text")
            for line in text.split("<br>"):
                bold = line.startswith("<b>")
                plain = re.sub(r"<[^>]+>", "", line).replace("&amp;", "&")
                assert len(plain) <= (round(chars * BOLD_CHARS) if bold else chars), (lesson_id, plain)
