"""Static files, in process: every file the page links is served under a URL that names its content, compressed
once, with a year's cache; the vendored plotly.js comes first and plotly.py's full bundle is never linked."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import brotli
import pytest
from dash import Dash, html

from dashboard import static_files, vendor
from dashboard.frames import Frames
from dashboard.server import ASSETS, create_app
from dashboard.static_files import IMMUTABLE, StaticFiles, negotiate

BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}  # what Chromium sends


@pytest.fixture(scope="module")
def app(frames: Frames) -> Dash:
    return create_app(frames)


@pytest.fixture(scope="module")
def page(app: Dash) -> str:
    return app.server.test_client().get("/?congress=2").get_data(as_text=True)


def _links(page: str) -> list[str]:
    """The files the page links: its scripts, styles, icon and preloaded chunks (not the layout and callback
    graph it preloads `as="fetch"`, which are Dash's answers, not files)."""
    return re.findall(r'<(?:script|link)\b(?![^>]*\bas="fetch")[^>]*\b(?:src|href)="([^"]+)"', page)


def _source(url: str) -> Path:
    """The file on disk a /_static/ URL serves."""
    key, name = url.split("/", 3)[3].rsplit("/", 1)
    if key.startswith("assets"):
        return ASSETS / key.removeprefix("assets").strip("/") / name
    if key == "vendor":
        return vendor.VENDOR_DIR / name
    namespace, _, folder = key.partition("/")
    return Path(sys.modules[namespace].__file__).parent / folder / name  # type: ignore[arg-type]


def test_every_file_the_page_links_is_content_named(page: str) -> None:
    links = _links(page)
    assert len(links) >= 15
    assert all(re.fullmatch(r"/_static/[0-9a-f]{20}/[\w/.@-]+", url) for url in links), links
    assert not [url for url in links if "plotly.min.js" in url or "package_data" in url]


def test_the_partial_plotly_bundle_loads_before_dash_renders(page: str) -> None:
    scripts = re.findall(r'<script src="([^"]+)"', page)
    bundle = next(i for i, url in enumerate(scripts) if url.endswith("/vendor/plotly-basic.min.js"))
    renderer = next(i for i, url in enumerate(scripts) if url.endswith("/dash_renderer.min.js"))
    graphs = next(i for i, url in enumerate(scripts) if url.endswith("/dash_core_components.js"))
    assert bundle < renderer and bundle < graphs


def test_linked_files_are_compressed_cached_for_a_year_and_whole(app: Dash, page: str) -> None:
    client = app.server.test_client()
    for url in _links(page):
        response = client.get(url, headers=BROWSER)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert response.headers["Content-Encoding"] == "br"
        assert response.headers["Vary"] == "Accept-Encoding"
        assert brotli.decompress(response.data) == _source(url).read_bytes(), url
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_gzip_or_the_file_itself_for_other_clients(app: Dash, page: str) -> None:
    client = app.server.test_client()
    url = next(u for u in _links(page) if u.endswith("plotly-basic.min.js"))
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == vendor.path(vendor.PLOTLY_BUNDLE).read_bytes()
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.data == vendor.path(vendor.PLOTLY_BUNDLE).read_bytes()
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304 and not again.data


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("", "identity"),
        ("*", "br"),
        ("deflate, zstd", "identity"),
        ("gzip;q=bad", "identity"),
    ],
)
def test_encoding_negotiation(header: str, chosen: str) -> None:
    assert negotiate(header) == chosen


def test_lazy_chunks_share_their_bundle_s_digest(app: Dash, page: str) -> None:
    """dcc loads async-graph.js from its own bundle's folder: that URL must be served and cached too."""
    graphs = next(u for u in _links(page) if u.endswith("/dash/dcc/dash_core_components.js"))
    chunk = graphs.replace("dash_core_components.js", "async-graph.js")
    response = app.server.test_client().get(chunk, headers=BROWSER)
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE


@pytest.mark.parametrize(
    "path",
    [
        "/_static/0/vendor/nothing.js",
        "/_static/0/dash/dcc/__init__.py",
        "/_static/0/dash/../../../etc/passwd",
        "/_static/0/plotly/package_data/plotly.min.js",
        "/_static/0/assets/../app.py",
        "/_static/0/nowhere/a.js",
    ],
)
def test_only_servable_files_are_served(app: Dash, path: str) -> None:
    assert app.server.test_client().get(path).status_code == 404


def test_a_changed_file_gets_a_new_url_and_the_old_one_is_not_kept(tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("body { color: black; }")
    static = StaticFiles(tmp_path)
    app = Dash(__name__, assets_folder=str(tmp_path))
    app.layout = html.Div()
    static.install(app)
    client = app.server.test_client()
    before = static.url("assets", "style.css")
    (tmp_path / "style.css").write_text("body { color: navy; }")
    after = static.url("assets", "style.css")
    assert before and after and before != after
    assert after in client.get("/").get_data(as_text=True)
    fresh = client.get(after)
    assert fresh.headers["Cache-Control"] == IMMUTABLE and b"navy" in fresh.data
    stale = client.get(before)  # a page from before the change: today's file, but not for a year
    assert stale.status_code == 200 and stale.headers["Cache-Control"] == "no-cache" and b"navy" in stale.data


def test_the_set_up_build_is_served_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(static_files, "BUILD_DIR", tmp_path)
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "keys.js").write_text("console.log('step');\n" * 200)
    builder = StaticFiles(assets)
    builder.folders = {"assets": builder.folders["assets"]}  # Dash's own bundles take 20 s at the best level
    assert builder.build() == 1
    assert builder.build() == 0  # a second set-up writes nothing
    digest, _ = builder.folders["assets"].current()
    built = tmp_path / digest / "assets" / "keys.js"
    assert built.read_bytes() == (assets / "keys.js").read_bytes()
    assert gzip.decompress(built.with_name("keys.js.gz").read_bytes()) == built.read_bytes()
    assert brotli.decompress(built.with_name("keys.js.br").read_bytes()) == built.read_bytes()
    built.with_name("keys.js.br").write_bytes(brotli.compress(b"from the build"))
    static = StaticFiles(assets)
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.Div()
    static.install(app)
    response = app.server.test_client().get(static.url("assets", "keys.js"), headers=BROWSER)
    assert brotli.decompress(response.data) == b"from the build"


def test_without_the_vendored_bundle_the_app_does_not_start(
    frames: Frames, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vendor, "VENDOR_DIR", tmp_path)
    with pytest.raises(vendor.VendorError, match="bin/setup"):
        create_app(frames)
    (tmp_path / vendor.PLOTLY_BUNDLE).write_text("window.Plotly = {};")  # not the file vendor.lock pins
    with pytest.raises(vendor.VendorError, match=r"differs from vendor\.lock"):
        create_app(frames)


def test_unfingerprinted_urls_get_a_short_lifetime(app: Dash) -> None:
    client = app.server.test_client()
    client.get("/")  # Dash registers its bundles' paths on the first page
    assert client.get("/assets/style.css").headers["Cache-Control"] == "public, max-age=3600"
    chunk = client.get("/_dash-component-suites/dash/dcc/async-graph.js")
    assert chunk.status_code == 200 and chunk.headers["Cache-Control"] == "public, max-age=3600"


def test_permissions_and_resource_policies(app: Dash) -> None:
    response = app.server.test_client().get("/")
    policy = dict(item.split("=", 1) for item in response.headers["Permissions-Policy"].split(", "))
    assert policy["camera"] == policy["microphone"] == policy["geolocation"] == "()"
    assert policy["fullscreen"] == "(self)"  # presentation mode's full-screen button
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
