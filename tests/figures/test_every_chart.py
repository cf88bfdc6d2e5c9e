"""Every chart builds for every congress, in every size and theme, with a title and a source line."""

from __future__ import annotations

import pytest

from dashboard.charts import CHART_IDS, build
from dashboard.frames import Frames, load_frames
from dashboard.style import PRESETS, THEMES

CONGRESSES = list(load_frames().congresses.congress_id)


@pytest.mark.parametrize("congress_id", CONGRESSES)
@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_chart_builds_with_title_subtitle_and_source(frames: Frames, chart_id: str, congress_id: str) -> None:
    fig = build(frames, chart_id, congress_id)
    name = frames.congresses.set_index("congress_id").loc[congress_id, "name"]
    assert fig.layout.title.text and name in fig.layout.title.subtitle.text
    source = next(a.text for a in fig.layout.annotations if a.name == "source-line")
    assert source.startswith(("Source:", "No source read records this.")) or "Source:" in source
    if fig.data:
        assert "Source:" in source


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("preset", list(PRESETS))
def test_sizes_and_themes(frames: Frames, preset: str, theme: str) -> None:
    fig = build(frames, "party-seats", "ar-02", size=PRESETS[preset], theme=theme)
    assert (fig.layout.width, fig.layout.height) == (PRESETS[preset].width, PRESETS[preset].height)
    assert fig.layout.template.layout.paper_bgcolor == THEMES[theme].paper
