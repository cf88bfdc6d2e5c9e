"""How to cite a chart: the in-line and full citation lines, after Our World in Data's "Cite this" text."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from dashboard import citation
from dashboard.frames import Frames
from dashboard.loader import load_records
from dashboard.records import short_name

SOURCES = load_records().sources
DAY = dt.date(2026, 12, 1)
LINK = "https://congresses.school.example/?congress=2"
SECOND = "Second All-Russian Congress of Soviets, 25–26 October 1917 (Old Style); 7–8 November 1917 (New Style)"


def test_full_citation_names_title_congress_sources_permalink_and_day() -> None:
    cited = citation.cite(
        "Seats by party", SECOND, [SOURCES["mia-glossary"], SOURCES["pipes-russian-revolution"]], LINK, DAY
    )
    assert cited.long == (
        "Marxists Internet Archive; Richard Pipes (1990) – compiled by Congresses of Soviets. "
        f"“Seats by party: {SECOND}” [dataset]. "
        "Marxists Internet Archive, “All-Russian Congress of the Soviet”; "
        "Richard Pipes (1990), “The Russian Revolution” [original data]. "
        f"Retrieved 1 December 2026 from {LINK}"
    )
    assert cited.short == "Marxists Internet Archive; Richard Pipes (1990) – compiled by Congresses of Soviets"


def test_in_line_citation_shortens_past_three_sources_and_names_each_once() -> None:
    gse = [SOURCES["gse-second-congress"], SOURCES["gse-decree-on-land"]]
    assert citation.short(gse) == "Great Soviet Encyclopedia – compiled by Congresses of Soviets"
    many = [SOURCES[s] for s in ("mia-glossary", "trotsky-history-ch47", "reed-ten-days", "encspb-second-congress")]
    assert citation.short(many) == "Marxists Internet Archive and other sources – compiled by Congresses of Soviets"
    assert citation.short([]) == "Compiled by Congresses of Soviets"


def test_labels_carry_the_year_once() -> None:
    assert citation.label(SOURCES["reed-ten-days"]) == "John Reed (1919)"  # the by-line already has it
    assert citation.label(SOURCES["trotsky-history-ch47"]) == "Leon Trotsky (1932)"
    assert citation.label(SOURCES["lenin-cw-seventh-congress"]) == "Lenin, Collected Works (1965)"
    assert citation.label(SOURCES["wikipedia-second-congress"]) == "Wikipedia (English)"


def test_reference_gives_volume_pages_copy_read_and_day_read() -> None:
    assert citation.reference(SOURCES["lenin-cw-seventh-congress"]) == (
        "V. I. Lenin, Collected Works, 4th English edition, Progress Publishers; on marxism.halkcephesi.net, "
        "“Seventh All-Russia Congress of Soviets (editorial note)”, Moscow: Progress Publishers, vol. 30, "
        "p. 550 (1965). "
        "http://marxism.halkcephesi.net/Lenin/SARCS19.html. Accessed 27 November 2026."
    )
    pipes = citation.reference(SOURCES["pipes-russian-revolution"])
    assert pipes.startswith("Richard Pipes, “The Russian Revolution”, New York: Alfred A. Knopf (1990). https://")
    assert ", read via https://www.rulit.me/" in pipes
    assert ", a copy of https://en.wikipedia.org/" in citation.reference(SOURCES["wikipedia-first-union-congress"])


def test_rows_of_the_sources_frame_cite_like_records(frames: Frames) -> None:
    """Views cite from frames: NA fields read as missing, with the same result as the records."""
    rows = {r.id: r for r in frames.sources.itertuples()}
    for source_id in (
        "mia-glossary",
        "pipes-russian-revolution",
        "gse-ninth-congress",
        "wikimili-seventh-union-congress",
    ):
        assert citation.reference(rows[source_id]) == citation.reference(SOURCES[source_id])
        assert citation.label(rows[source_id]) == citation.label(SOURCES[source_id])


def test_the_module_is_pure() -> None:
    tree = ast.parse(Path(citation.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not any(name.split(".")[0] in ("dash", "flask", "plotly") for name in imported)
    assert "today" not in Path(citation.__file__).read_text(encoding="utf-8")  # the caller passes the day


def test_a_source_s_short_name_never_cuts_a_bracket_in_two() -> None:
    """A publisher whose first comma falls inside brackets is cited by its name before them."""
    names = [s.cite_as for s in load_records().sources.values()]
    assert all(name.count("(") == name.count(")") for name in names), [n for n in names if n.count("(") > n.count(")")]
    bse = "Большая советская энциклопедия (BSE, the Russian original of the GSE), on booksite.ru"
    assert short_name(bse) == "Большая советская энциклопедия"
    assert short_name("Marxists Internet Archive, Encyclopedia of Marxism") == "Marxists Internet Archive"
