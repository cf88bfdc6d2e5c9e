"""Exported files are real files: image sizes, SVG text and shapes, PDF pages, ZIP contents, HTML
without outside scripts, and the command line's errors. One kaleido server serves the whole session."""

from __future__ import annotations

import csv
import io
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard import export, handout
from dashboard.__main__ import main
from dashboard.charts import CHART_IDS
from dashboard.datapackage import write_package
from dashboard.frames import Frames

SVG = "{http://www.w3.org/2000/svg}"
LINK = "http://127.0.0.1:8050/?congress=2"
A4_POINTS = (842, 595)


def _svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.fixture(scope="session")
def seats_svg(frames: Frames) -> bytes:
    return export.chart_image(frames, "party-seats", "ar-02", "svg", "projector", LINK)


def test_png_is_the_projector_size(frames: Frames) -> None:
    png = export.chart_image(frames, "votes", "2", "png", "projector", LINK)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1920, 1080)


def test_svg_has_title_congress_source_and_link_as_text(seats_svg: bytes) -> None:
    root = ET.fromstring(seats_svg)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    text = _svg_text(seats_svg)
    assert "Party composition" in text
    assert "Second All-Russian Congress of Soviets" in text
    assert "Source: Marxists Internet Archive" in text
    assert LINK in text


def test_svg_draws_seats_as_vector_paths_without_raster(seats_svg: bytes) -> None:
    root = ET.fromstring(seats_svg)
    points = [p for p in root.iter(f"{SVG}path") if "point" in (p.get("class") or "")]
    assert len(points) == 649
    assert not list(root.iter(f"{SVG}image"))


def test_pdf_chart_is_one_a4_landscape_page(frames: Frames) -> None:
    pdf = PdfReader(io.BytesIO(export.chart_image(frames, "party-bars", "au-1", "pdf", "a4")))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == pytest.approx(A4_POINTS, abs=2)


def _a4(pdf: PdfReader) -> bool:
    return all(
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) == pytest.approx(A4_POINTS, abs=2)
        for p in pdf.pages
    )


@pytest.mark.parametrize("congress", ["ar-02", "au-1", "au-8"])
def test_handout_is_at_most_two_a4_pages_key_chart_then_facts(frames: Frames, congress: str) -> None:
    pdf = PdfReader(io.BytesIO(handout.handout_pdf(frames, congress, LINK)))
    assert 1 <= len(pdf.pages) <= 2 and _a4(pdf)
    facts = pdf.pages[-1].extract_text()
    assert "Key facts" in facts and "Main sources" in facts


def test_second_congress_handout_shows_the_hall_and_its_facts(frames: Frames) -> None:
    names = [name for name, _ in handout.handout_pages(frames, "ar-02", LINK)]
    assert names == ["party-seats", "facts"]
    pdf = PdfReader(io.BytesIO(handout.handout_pdf(frames, "ar-02", LINK)))
    facts = pdf.pages[1].extract_text()
    assert "649" in facts and "Smolny" in facts and "Marxists Internet Archive" in facts


def test_source_pack_has_every_fact_every_drawn_chart_and_every_source(frames: Frames) -> None:
    names = [name for name, _ in handout.source_pack_pages(frames, "ar-02", LINK)]
    assert [n for n in names if n in CHART_IDS] == ["party-seats", "votes", "party-bars", "delegate-types"]
    assert "social" not in names  # not recorded for this congress: no blank page
    pdf = PdfReader(io.BytesIO(handout.source_pack_pdf(frames, "ar-02", LINK)))
    assert len(pdf.pages) == len(names) and _a4(pdf)
    sources = " ".join(pdf.pages[i].extract_text() for i, n in enumerate(names) if n.startswith("sources"))
    assert "Marxists Internet Archive" in sources and "John Reed (1919)" in sources


def test_slide_pack_holds_every_drawn_chart_and_a_readme(frames: Frames) -> None:
    pack = zipfile.ZipFile(io.BytesIO(export.slide_pack(frames, "au-1", "svg", "slide", LINK)))
    drawn = ["party-bars", "delegate-types", "social"]  # shares only, no votes recorded: no seats, no votes
    expected = [f"congress-au-01-{c}-slide.svg" for c in drawn]
    assert pack.namelist() == [*expected, "README.txt"]
    for name in expected:
        ET.fromstring(pack.read(name))
    readme = pack.read("README.txt").decode()
    assert "First All-Union Congress of Soviets" in readme and "Sources" in readme and "http" in readme
    assert "No party composition slide: The sources give this congress's party composition only as shares" in readme


def test_chart_csv_has_the_rows_with_sources_and_excerpts(frames: Frames) -> None:
    rows = list(csv.DictReader(io.StringIO(export.chart_csv(frames, "party-seats", "ar-02"))))
    assert {r["congress_id"] for r in rows} == {"ar-02"}
    bolsheviks = next(r for r in rows if r["part_id"] == "bolshevik")
    assert bolsheviks["count"] == "390" and bolsheviks["source_id"] and bolsheviks["excerpt"]
    votes = list(csv.DictReader(io.StringIO(export.chart_csv(frames, "votes", "ar-02"))))
    assert any(r["in_favour"] == "60" and r["against"] == "92" for r in votes)


def test_data_package_zip_is_the_data_command_s_files(frames: Frames, tmp_path: Path) -> None:
    written = {p.name for p in write_package(frames, tmp_path)}
    archive = zipfile.ZipFile(io.BytesIO(export.data_package_zip(frames)))
    assert set(archive.namelist()) == written
    assert archive.read("votes.csv").decode() == (tmp_path / "votes.csv").read_text(encoding="utf-8")


def test_standalone_html_inlines_plotly(frames: Frames) -> None:
    page = export.standalone_html(frames, "votes", "ar-02", LINK)
    assert '<script src="http' not in page and "<script src='http" not in page
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js itself is inside
    assert "Vote outcomes: Second All-Russian Congress of Soviets" in page


def test_file_names_come_from_ids() -> None:
    assert export.chart_filename("ar-02", "party-seats", "png", "projector") == "congress-02-party-seats-projector.png"
    assert export.chart_filename("au-01", "votes", "csv") == "congress-au-01-votes.csv"
    assert export.slide_pack_filename("au-08", "pdf", "a4") == "congress-au-08-slides-a4-pdf.zip"
    assert export.handout_filename("ar-17") == "congress-17-handout-a4.pdf"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda f: export.chart_image(f, "pie", "ar-02"), "unknown chart 'pie'; choose one of: party-seats"),
        (
            lambda f: export.chart_image(f, "votes", "ar-02", "gif"),
            "unknown format 'gif'; choose one of: png, svg, pdf",
        ),
        (lambda f: export.chart_image(f, "votes", "ar-02", "png", "poster"), "unknown preset 'poster'"),
        (lambda f: export.chart_image(f, "votes", "99"), "unknown congress '99'; choose one of: 1, 2,"),
        (lambda f: export.chart_image(f, "votes", "2", scale=50), "bad scale '50'; choose a whole number from 1 to 4"),
        (lambda f: export.chart_image(f, "votes", "2", link="javascript:alert(1)"), "bad link"),
        (lambda f: export.slide_pack(f, "2", "csv"), "unknown format 'csv'"),
        (lambda f: export.chart_csv(f, "votes", "../etc"), "unknown congress '../etc'"),
    ],
)
def test_bad_requests_name_the_value_and_the_choices(frames: Frames, call, message: str) -> None:
    with pytest.raises(export.ExportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(frames)


def test_congress_values_like_the_url(frames: Frames) -> None:
    assert export.resolve_congress(frames, "2") == "ar-02"
    assert export.resolve_congress(frames, "au-1") == "au-01"
    assert export.resolve_congress(frames, "ar-17") == "ar-17"
    assert len(export.resolve_congresses(frames, "all")) == len(frames.congresses)


def test_concurrent_exports_each_get_their_own_image(frames: Frames) -> None:
    """The kaleido server is not thread-safe; the lock keeps each request's image its own."""
    congresses = ["ar-01", "ar-02", "ar-03", "au-01"]
    names = dict(zip(frames.congresses.congress_id, frames.congresses.name, strict=True))
    results: dict[str, bytes] = {}

    def run(congress_id: str) -> None:
        results[congress_id] = export.chart_image(frames, "delegate-types", congress_id, "svg", "a4")

    threads = [threading.Thread(target=run, args=(c,)) for c in congresses]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for congress_id in congresses:
        assert names[congress_id] in _svg_text(results[congress_id])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--congress", "99"], "unknown congress '99'; choose one of: 1, 2"),
        (["--congress", "2", "--chart", "pie"], "argument --chart: invalid choice: 'pie' (choose from"),
        (["--congress", "2", "--format", "gif"], "argument --format: invalid choice: 'gif' (choose from"),
        (["--congress", "2", "--preset", "poster"], "argument --preset: invalid choice: 'poster' (choose from"),
    ],
)
def test_cli_rejects_bad_values_with_status_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", *argv, "--out", str(tmp_path)])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_exports_files(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    argv = ["export", "--congress", "au-1", "--chart", "party-bars", "--format", "svg", "--preset", "slide"]
    assert main([*argv, "--link", "http://school.example/dash/", "--out", str(tmp_path)]) == 0
    path = tmp_path / "congress-au-01-party-bars-slide.svg"
    assert capsys.readouterr().out.strip() == str(path)
    assert "http://school.example/dash/?congress=au-1" in _svg_text(path.read_bytes())
    assert main(["export", "--congress", "all", "--chart", "votes", "--format", "csv", "--out", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("congress-*-votes.csv"))) == 25


def test_cli_exports_every_chart_a_congress_has_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    argv = ["export", "--congress", "2", "--chart", "all", "--format", "svg", "--lang", "ru", "--out", str(tmp_path)]
    assert main([*argv, "--link", "http://school.example/"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        f"congress-02-{c}-projector.svg" for c in ("delegate-types", "party-bars", "party-seats", "votes")
    ]
    assert "ar-02: no social (nothing to draw)" in capsys.readouterr().err  # the Second Congress has no social make-up
    seats = _svg_text((tmp_path / "congress-02-party-seats-projector.svg").read_bytes())
    assert "Партийный состав" in seats and "Большевики: 390" in seats and "из них левые эсеры: ≈100" in seats
    assert "Источник: Marxists Internet Archive" in seats  # the source's name as it is
    assert "http://school.example/?congress=2&lang=ru" in seats
    assert "Party composition" not in seats


def test_comparison_and_timeline_export(frames: Frames) -> None:
    link = "http://127.0.0.1:8050/?compare=1,2&measure=share"
    svg = export.view_file(frames, "compare", "?compare=1,2&measure=share", "svg", "slide", link)
    text = " ".join(ET.fromstring(svg).itertext())
    assert "Party composition compared" in text and "Second All-Russian" in text and "Source" in text
    assert export.view_filename(frames, "compare", "?compare=1,2", "svg", "slide") == (
        "compare-1-2-party-composition-compared-slide.svg"
    )
    rows = list(csv.DictReader(io.StringIO(export.view_file(frames, "compare", "?compare=1,2", "csv").decode())))
    bolsheviks = next(r for r in rows if r["part_id"] == "bolshevik" and r["congress_id"] == "ar-02")
    assert (bolsheviks["count"], bolsheviks["lineage_id"], bolsheviks["name_of_time"]) == (
        "390",
        "communist-party",
        "RSDLP(b)",
    )
    assert bolsheviks["base"] == "delegates, voting right not stated" and bolsheviks["excerpt"] == "390 were Bolshevik"
    png = Image.open(io.BytesIO(export.view_file(frames, "timeline", "?view=timeline", "png", "projector")))
    assert png.size == (1920, 1080)
    with pytest.raises(export.ExportError, match="two to four"):
        export.view_file(frames, "compare", "?compare=1", "png")
