"""The server-wide export queue (dashboard/render_service.py): its bound, its rate limit and its cache, and
the real service drawing through one Chromium over its socket."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dashboard import render_service
from dashboard.export import chart_figure, render
from dashboard.frames import Frames
from dashboard.render_service import RenderRefused, Service, admit
from dashboard.style import PRESETS
from dashboard.urls import State

ROOT = Path(__file__).resolve().parents[1]
OPTS = {"format": "png", "width": 200, "height": 100, "scale": 1}


def test_the_queue_refuses_at_once_when_full() -> None:
    release = threading.Event()
    service = Service(lambda spec, opts: release.wait(10) and b"png", max_waiting=2)
    with ThreadPoolExecutor(4) as pool:
        first = [pool.submit(service.job, {"n": n}, OPTS) for n in range(2)]
        time.sleep(0.2)  # both are waiting for, or holding, the one Chromium
        assert service.job({"n": 3}, OPTS) == {"refused": "busy"}
        release.set()
        assert all("bytes" in f.result(10) for f in first)
    assert service.stats["busy"] == 1 and service.stats["rendered"] == 2


def test_one_render_at_a_time() -> None:
    inside, most = [0], [0]

    def draw(spec: dict, opts: dict) -> bytes:
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.02)
        inside[0] -= 1
        return b"png"

    service = Service(draw, max_waiting=20)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: service.job({"n": n}, OPTS), range(16)))
    assert most[0] == 1 and service.stats["rendered"] == 16


def test_each_client_gets_its_rate_and_no_more() -> None:
    service = Service(lambda spec, opts: b"png", rate=6, per=60)
    assert [service.admit("10.0.0.7") for _ in range(7)][-2:] == [{"ok": True}, {"refused": "limited"}]
    assert service.admit("10.0.0.8") == {"ok": True}  # a classmate is not held back


def test_the_same_export_is_drawn_once() -> None:
    drawn: list[dict] = []
    service = Service(lambda spec, opts: drawn.append(spec) or b"png-bytes")
    answers = [service.job({"data": [1, 2]}, OPTS) for _ in range(30)]
    assert len(drawn) == 1 and answers[0] == answers[-1] and service.stats["from_cache"] == 29
    service.job({"data": [1, 2]}, {**OPTS, "format": "svg"})
    assert len(drawn) == 2


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The real service, as bin/serve starts it, with a rate of 3 exports a minute: (its socket, its pid)."""
    path = tmp_path_factory.mktemp("render") / "render.sock"
    env = {**os.environ, "CONGRESS_EXPORT_RATE": "3"}
    process = subprocess.Popen([sys.executable, "-m", "dashboard.render_service", str(path)], cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while not path.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the render service did not start"
        time.sleep(0.1)
    yield str(path), process.pid
    process.terminate()
    process.wait(timeout=30)
    assert not path.exists()


def _browsers(parent: int) -> list[int]:
    """Chromium browser processes (not its renderers or helpers) among the descendants of `parent`."""
    tree = subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True).stdout.splitlines()
    children: dict[int, list[tuple[int, str]]] = {}
    for line in tree:
        pid, ppid, args = line.split(None, 2)
        children.setdefault(int(ppid), []).append((int(pid), args))
    found, todo = [], [parent]
    while todo:
        for pid, args in children.get(todo.pop(), []):
            todo.append(pid)
            if "chrom" in args and "--type=" not in args and "chromium-headless" not in args:
                found.append(pid)
    return found


def test_the_service_draws_every_export_in_one_chromium(
    service: tuple[str, int], frames: Frames, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, pid = service
    monkeypatch.setenv(render_service.SOCKET_ENV, path)
    projector = PRESETS["projector"]
    figures = [chart_figure(frames, "party-seats", State(congress_id=c), projector) for c in ("ar-02", "ar-03")]
    with ThreadPoolExecutor(4) as pool:
        images = list(pool.map(lambda n: render(figures[n % 2], "png", projector), range(8)))
    assert all(image.startswith(b"\x89PNG") for image in images)
    assert images[0] == images[2] and images[0] != images[1]
    stats = render_service._ask(path, {"stats": True}, timeout=10)["stats"]
    assert stats["rendered"] == 2 and stats["from_cache"] == 6
    assert len(_browsers(pid)) == 1


def test_the_service_limits_a_client(service: tuple[str, int]) -> None:
    path, _ = service
    for _ in range(3):
        admit(path, "192.0.2.1")
    with pytest.raises(RenderRefused) as refused:
        admit(path, "192.0.2.1")
    assert refused.value.reason == "limited"
    admit(path, "192.0.2.2")  # another pupil is let through


def test_a_pupil_over_the_rate_is_told_to_wait(service: tuple[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from dash import no_update
    from flask import Flask

    from dashboard.export_ui import REFUSALS, _sent

    monkeypatch.setenv(render_service.SOCKET_ENV, service[0])
    made: list[int] = []
    with Flask(__name__).test_request_context(headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.9"}):
        answers = [_sent(lambda: made.append(1) or b"%PDF", "handout.pdf", "pdf") for _ in range(4)]
        assert _sent(lambda: b"a,b", "rows.csv", "csv")[1] == ""  # a CSV is drawn by no browser: not counted
    assert [a[1] for a in answers] == ["", "", "", REFUSALS["limited"]] and answers[3][0] is no_update
    assert len(made) == 3
    # The address nginx appended last is the one counted, not the one a client claims before it.
    with Flask(__name__).test_request_context(headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.10"}):
        assert _sent(lambda: b"%PDF", "handout.pdf", "pdf")[1] == ""
