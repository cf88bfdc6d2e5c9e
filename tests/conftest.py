"""Shared fixtures: the real records and frames, and a writable copy of data/ to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.frames import Frames, load_frames
from dashboard.loader import DATA_DIR

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_3d3518b6e59d5438.txt"


@pytest.fixture(scope="session")
def frames() -> Frames:
    return load_frames()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
