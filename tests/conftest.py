"""Shared fixtures: the real records and frames, a writable copy of data/ to break, and the source texts.

`tests/fixtures/sources/<source id>.toml` holds, for every source, the words read from it: the whole
seed entry for `mia-glossary`, and the verbatim passages the project's research quoted for every other
source, each file with its attribution and licence. The tests check record excerpts against them and
read nothing outside the repository.
"""

from __future__ import annotations

import shutil
import tomllib
from functools import cache
from pathlib import Path

import pytest

from dashboard.frames import Frames, load_frames
from dashboard.loader import DATA_DIR

SOURCE_TEXTS = Path(__file__).resolve().parent / "fixtures" / "sources"


@cache
def source_fixture(source_id: str) -> dict:
    """The fixture of one source: its attribution, licence and the words read from it."""
    return tomllib.loads((SOURCE_TEXTS / f"{source_id}.toml").read_text(encoding="utf-8"))


def source_passages(source_id: str) -> list[str]:
    """The words read from a source: the whole text, or the passages the research quoted."""
    fixture = source_fixture(source_id)
    return [fixture["text"]] if "text" in fixture else list(fixture["passages"])


SEED_TEXT = source_fixture("mia-glossary")["text"]
"""The seed: the Marxists Internet Archive's glossary entry "All-Russian Congress of the Soviet"."""


@pytest.fixture(scope="session")
def frames() -> Frames:
    return load_frames()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
