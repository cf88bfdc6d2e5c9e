"""Downloads through the page: a chart's SVG from its own control, the data package and a lesson's worksheet."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from playwright.sync_api import Page, expect
from pypdf import PdfReader

SEATS = "#graph-party-seats .scatterlayer .point"
SVG = "{http://www.w3.org/2000/svg}"


def _export_control(page: Page, chart_id: str):
    return page.locator(f".chart-{chart_id} .export-controls")


def test_a_chart_downloads_as_svg_with_the_permalink(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    controls = _export_control(page, "party-seats")
    expect(controls.get_by_role("group", name="Format")).to_be_visible()
    controls.get_by_label("SVG").check()
    controls.get_by_label("Slide").check()
    button = controls.get_by_role("button", name="Download Party composition")
    with page.expect_download(timeout=60_000) as info:
        button.focus()
        page.keyboard.press("Enter")  # keyboard-operable
    download = info.value
    assert download.suggested_filename == "congress-02-party-seats-slide.svg"
    root = ET.parse(download.path()).getroot()
    assert (root.get("width"), root.get("height")) == ("1600", "1200")
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Second All-Russian Congress of Soviets" in text and "Source:" in text
    assert "127.0.0.1" not in text  # a loopback address is useless on a slide; CONGRESS_PUBLIC_URL sets one
    assert page.console_errors == []


def test_the_data_package_downloads_as_a_zip(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?congress=2")
    page.wait_for_selector(SEATS, timeout=20_000)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Data package (ZIP)").click()
    download = info.value
    assert download.suggested_filename == "congresses-of-soviets-data.zip"
    with open(download.path(), "rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert "datapackage.json" in names and "composition.csv" in names


def test_a_lesson_s_worksheet_downloads_with_its_answer_key(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/?lesson=1936-the-last-congress&step=2")
    expect(page.locator(".lesson-counter")).to_have_text("Step 2 of 6")
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Worksheet (PDF)").click()
    download = info.value
    assert download.suggested_filename == "lesson-1936-the-last-congress-worksheet-a4.pdf"
    with open(download.path(), "rb") as handle:
        pdf = PdfReader(io.BytesIO(handle.read()))
    texts = [p.extract_text() for p in pdf.pages]
    assert texts[0].startswith("Questions")
    assert "Why was this the last All-Union Congress of Soviets?" in " ".join(texts)
    assert texts[-1].startswith("Answer key") and "1,338" in texts[-1]
    assert page.console_errors == []
