"""Built figures on disk, shared by every worker and instance of one server: each figure is built once.

A figure is a pure function of the chart, the rows' view, the size, the theme, the frames and the code, so a
file named by a digest of all of them can be read instead of building it again. The frames' and the code's
part is one digest per store (`version`): a corrected record or a changed chart starts a new folder, and
nothing stale is ever read. Files are written whole or not at all, so workers may share the folder.
CONGRESS_FIGURE_STORE names the folder (bin/serve uses build/figures); unset, there is no store.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import plotly
from plotly.io.json import to_json_plotly

from dashboard.frames import Frames

CODE = Path(__file__).resolve().parent
STORE_ENV = "CONGRESS_FIGURE_STORE"


def version(frames: Frames) -> str:
    """A digest of the frames, the dashboard's code and catalogs, and plotly's version: what every figure
    depends on."""
    digest = hashlib.sha256(plotly.__version__.encode())
    for name, frame in frames.items():
        digest.update(name.encode() + b"\0" + frame.to_csv().encode())
    for path in sorted([*CODE.rglob("*.py"), *CODE.rglob("*.po")]):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


class FigureStore:
    """A folder of figures as JSON, one file per (chart, view, size, theme) under the frames' version."""

    def __init__(self, root: Path, frames: Frames) -> None:
        self.folder = root / version(frames)

    @classmethod
    def from_environment(cls, frames: Frames) -> FigureStore | None:
        root = os.environ.get(STORE_ENV, "").strip()
        return cls(Path(root), frames) if root else None

    def path(self, key: tuple) -> Path:
        return self.folder / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".json")

    def get(self, key: tuple) -> tuple[bool, dict | None]:
        """(True, the figure) if one is stored under `key` (None: the chart has nothing to draw), else (False, None)."""
        try:
            return True, json.loads(self.path(key).read_bytes())
        except (FileNotFoundError, ValueError):
            return False, None

    def put(self, key: tuple, figure: dict | None) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=".", suffix=".partial", delete=False) as out:
            out.write(to_json_plotly(figure))
        Path(out.name).replace(path)
