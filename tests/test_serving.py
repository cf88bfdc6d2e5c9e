"""Serving, in process: debug stays off whatever the environment says, security and cache headers, /healthz,
the body limit, and gunicorn's settings."""

from __future__ import annotations

import re
import runpy
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import brotli
import pytest
from dash import Dash, Input, Output

from dashboard.frames import Frames
from dashboard.server import create_app
from dashboard.serving import MAX_BODY_BYTES, content_security_policy, frame_ancestors

ROOT = Path(__file__).resolve().parents[1]
DEBUG_ENV = {
    "FLASK_DEBUG": "1",
    "DASH_DEBUG": "true",
    "DASH_DEV_TOOLS_UI": "true",
    "DASH_HOT_RELOAD": "true",
    "DASH_PROPS_CHECK": "true",
    "DASH_SERVE_DEV_BUNDLES": "true",
    "CONGRESS_DEBUG": "1",
}


@pytest.fixture(scope="module")
def app(frames: Frames) -> Dash:
    return create_app(frames)


@pytest.fixture
def client(app: Dash):
    return app.server.test_client()


def test_debug_environment_cannot_turn_debug_on(frames: Frames, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in DEBUG_ENV.items():
        monkeypatch.setenv(name, value)
    app = create_app(frames)
    assert app.server.debug is False
    assert not app._dev_tools.ui and not app._dev_tools.hot_reload and not app._dev_tools.props_check
    page = app.server.test_client().get("/").get_data(as_text=True)
    assert '"ui":false' in page and '"props_check":false' in page


def test_gunicorn_refuses_an_app_in_debug_mode() -> None:
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    logged: list[str] = []
    worker = SimpleNamespace(wsgi=SimpleNamespace(debug=True), log=SimpleNamespace(error=logged.append))
    with pytest.raises(SystemExit) as stopped:
        config["post_worker_init"](worker)
    assert stopped.value.code == 3 and logged
    config["post_worker_init"](SimpleNamespace(wsgi=SimpleNamespace(debug=False), log=None))


def test_gunicorn_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONGRESS_BIND", "CONGRESS_HOST", "CONGRESS_PORT", "CONGRESS_WORKERS", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["bind"] == ["127.0.0.1:8050"]
    assert config["preload_app"] is False
    assert config["workers"] >= 3 and config["limit_request_line"] <= 4094
    monkeypatch.setenv("CONGRESS_WORKERS", "7")
    monkeypatch.setenv("CONGRESS_BIND", "0.0.0.0:9000")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["workers"] == 7 and config["bind"] == ["0.0.0.0:9000"]


def test_security_headers_on_the_page(client, app: Dash) -> None:
    response = client.get("/")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.split(" ", 1) for d in csp.split("; "))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    for digest in app.csp_hashes():
        assert digest in directives["script-src"].split()
    assert directives["frame-ancestors"] == "'self'" and directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_frame_ancestors_from_the_environment(frames: Frames, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONGRESS_FRAME_ANCESTORS", "'self' https://school.example")
    response = create_app(frames).server.test_client().get("/")
    assert "frame-ancestors 'self' https://school.example" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers  # it would forbid the school's frame


@pytest.mark.parametrize("value", ["*; script-src *", "'unsafe-inline'", "https://a.example,https://b.example"])
def test_a_bad_frame_ancestors_value_stops_the_server(value: str) -> None:
    with pytest.raises(ValueError, match="CONGRESS_FRAME_ANCESTORS"):
        frame_ancestors(value)


def test_content_security_policy_has_no_separator_injection() -> None:
    policy = content_security_policy(["'sha256-abc='"], frame_ancestors("https://school.example"))
    assert policy.count("frame-ancestors") == 1 and "\n" not in policy


def test_healthz(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_dash_s_own_asset_urls_are_compressed_and_cached(client) -> None:
    """The page links its files under /_static/ (tests/test_static_files.py); Dash's own URLs still answer."""
    client.get("/")  # Dash registers its bundles' paths on the first page
    # Files are streamed, and flask-compress streams zstd, br or deflate (what browsers ask for), not gzip.
    response = client.get("/assets/style.css?m=1", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.data) == (ROOT / "assets" / "style.css").read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = client.get("/assets/style.css")
    assert plain.headers["Cache-Control"] == "public, max-age=3600"
    suite = client.get("/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1.js")
    assert suite.status_code == 200 and suite.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_oversize_body_is_refused(client) -> None:
    response = client.post("/_dash-update-component", data=b"[" * (MAX_BODY_BYTES + 1), content_type="application/json")
    assert response.status_code == 413


@pytest.mark.parametrize(
    "body",
    [b"", b"{", b"[]", b"null", b'{"output": 1}', b'{"output": "nope.children", "outputs": {}, "inputs": []}'],
)
def test_a_malformed_callback_request_is_a_400(client, body: bytes) -> None:
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {"error": "bad callback request"}


def test_an_error_in_a_callback_tells_the_client_nothing(frames: Frames) -> None:
    app = create_app(frames)

    @app.callback(Output("test-out", "children"), Input("test-in", "n_clicks"))
    def fail(_: int | None) -> str:
        raise RuntimeError("a secret from /work/main/dashboard/secret.py")

    body = {
        "output": "test-out.children",
        "outputs": {"id": "test-out", "property": "children"},
        "inputs": [{"id": "test-in", "property": "n_clicks", "value": 1}],
        "changedPropIds": ["test-in.n_clicks"],
        "state": [],
    }
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal server error"}


def _counting_app(frames: Frames, monkeypatch: pytest.MonkeyPatch, megabytes: str = "1") -> tuple[Dash, list]:
    monkeypatch.setenv("CONGRESS_RESPONSE_CACHE_MB", megabytes)
    app = create_app(frames)
    calls: list[int] = []

    @app.callback(Output("test-out", "children"), Input("test-in", "n_clicks"))
    def count(clicks: int | None) -> str:
        calls.append(clicks or 0)
        if clicks == 13:
            raise RuntimeError("unlucky")
        return "x" * 100_000 + str(clicks)

    return app, calls


def _click(clicks: int) -> dict:
    return {
        "output": "test-out.children",
        "outputs": {"id": "test-out", "property": "children"},
        "inputs": [{"id": "test-in", "property": "n_clicks", "value": clicks}],
        "changedPropIds": ["test-in.n_clicks"],
        "state": [],
    }


def test_an_identical_callback_request_is_answered_from_the_cache(
    frames: Frames, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, calls = _counting_app(frames, monkeypatch)
    client = app.server.test_client()
    first = client.post("/_dash-update-component", json=_click(1), headers={"Accept-Encoding": "br"})
    again = client.post("/_dash-update-component", json=_click(1), headers={"Accept-Encoding": "br"})
    assert calls == [1]
    assert again.status_code == 200 and again.data == first.data
    assert again.headers["Content-Encoding"] == "br" and "Content-Security-Policy" in again.headers
    plain = client.post("/_dash-update-component", json=_click(1))  # another Accept-Encoding: another entry
    assert calls == [1, 1] and "Content-Encoding" not in plain.headers
    client.post("/_dash-update-component", json=_click(2))
    assert calls == [1, 1, 2]


def test_errors_are_not_cached_and_the_cache_is_bounded(frames: Frames, monkeypatch: pytest.MonkeyPatch) -> None:
    app, calls = _counting_app(frames, monkeypatch, megabytes="0.5")
    client = app.server.test_client()
    for _ in range(2):
        assert client.post("/_dash-update-component", json=_click(13)).status_code == 500
    assert calls == [13, 13]
    for clicks in range(20):  # 20 responses of 100 kB into 0.5 MB
        client.post("/_dash-update-component", json=_click(clicks))
    cache = app.server.wsgi_app
    assert cache.size <= cache.max_bytes and 0 < len(cache.entries) <= 5
    client.post("/_dash-update-component", json=_click(0))  # the oldest was dropped
    assert calls.count(0) == 2


def test_the_cache_can_be_turned_off(frames: Frames, monkeypatch: pytest.MonkeyPatch) -> None:
    app, calls = _counting_app(frames, monkeypatch, megabytes="0")
    client = app.server.test_client()
    for _ in range(2):
        client.post("/_dash-update-component", json=_click(1))
    assert calls == [1, 1]


@pytest.mark.parametrize("path", ["/.env", "/.git/config", "/wp-login.php", "/congress/2", "/_reload-hash"])
def test_unknown_paths_are_404_not_the_page(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"<html" not in response.data.lower()


@pytest.mark.parametrize("path", ["/_dash-component-suites/dash/nope.js", "/_dash-component-suites/nope/x.js"])
def test_a_bad_bundle_path_is_a_404_with_one_log_line(client, path: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING"):
        response = client.get(path)
    assert response.status_code == 404 and response.json == {"error": "not found"}
    assert [r.levelname for r in caplog.records] == ["WARNING"] and not any(r.exc_info for r in caplog.records)


def test_concurrent_first_requests_all_get_the_bundles(app: Dash, frames: Frames) -> None:
    """Dash's own set-up ran when the app was built, so first requests that arrive together, before any
    page, do not race it for the bundles' paths."""
    page = app.server.test_client().get("/").get_data(as_text=True)
    # Dash's own URLs for the bundles the page links (under /_static/<digest>/ it serves them itself)
    bundles = [f"/_dash-component-suites/{p}" for p in re.findall(r'src="/_static/[0-9a-f]+/(dash/[^"]+\.js)"', page)]
    assert len(bundles) >= 3
    fresh = create_app(frames)  # no request has reached it yet

    def fetch(path: str) -> int:
        return fresh.server.test_client().get(path).status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(fetch, bundles * 3)) == {200}


def test_the_layout_and_the_callback_graph_are_built_once(frames: Frames, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONGRESS_RESPONSE_CACHE_MB", "1")
    app = create_app(frames)
    client = app.server.test_client()
    cache = app.server.wsgi_app
    inner, reached = cache.app, []

    def counting(environ: dict, start_response: object) -> object:
        reached.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    cache.app = counting
    first = client.get("/_dash-layout", headers={"Accept-Encoding": "br"})
    again = client.get("/_dash-layout", headers={"Accept-Encoding": "br"})
    assert again.data == first.data and again.headers["Content-Encoding"] == "br"
    assert reached == ["/_dash-layout"]  # the second was answered from the cache
    graph = client.get("/_dash-dependencies").get_json()
    assert any("congress-select" in str(d["inputs"]) for d in graph)
