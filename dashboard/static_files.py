"""Static files under URLs that name their content, compressed once, kept by browsers for a year.

Every script, style sheet and icon the page links to (its own `assets/`, the vendored plotly.js bundle,
Dash's component-suite bundles and favicon) is served from `/_static/<digest>/<folder>/<file>`, where the
digest is a hash of the folder's servable files. A changed file changes the digest, so the page links a new
URL, and a browser never needs to ask about one it already has (`Cache-Control: immutable`). The digest is
the folder's rather than the file's because Dash's bundles load their lazy chunks (dcc's `async-graph.js`
and the like) from the folder of their own URL, so a chunk's URL carries the digest too.

Bodies are compressed once per process and kept: brotli and gzip. `python -m dashboard.static_files`
(run by bin/setup) writes every file with its brotli (quality 11) and gzip forms to `build/static/` (or
CONGRESS_STATIC_DIR) under the paths of their URLs; servers read those rather than compress, and a web
server in front could serve the folder as it is. What is not there is compressed in memory at a fast level.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import mimetypes
import os
import posixpath
import re
import sys
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import brotli
from dash import Dash
from dash.development.base_component import ComponentRegistry
from dash.fingerprint import check_fingerprint
from flask import Response, abort, request

from dashboard import vendor
from dashboard.serving import IMMUTABLE
from dashboard.vendor import GENERATOR_RUNTIME, PLOTLY_BUNDLE, PLOTLY_LOCALES, VENDOR_DIR, locked

ROUTE = "_static"
SUFFIXES = (".js", ".css")
ENCODINGS = ("br", "gzip")  # in order of preference; anything else gets the file as it is
BUILD_DIR = Path(os.environ.get("CONGRESS_STATIC_DIR") or Path(__file__).resolve().parent.parent / "build" / "static")
URL_ATTRIBUTE = re.compile(r'\b((?:src|href)=")([^"]+)(")')
UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:dash/deps/polyfill@|dash/dash_table/)[^"]*"></script>\n?')
"""Scripts Dash links that the page does not load: its @babel/polyfill (core-js 2, for browsers without
ES2017; vendor.GENERATOR_RUNTIME is the part it needs) and dash_table's bundle (the page has no DataTable)."""
PRELOADED = ("async-graph.js", "async-dropdown.js")
"""dcc's lazy chunks every page draws with, fetched beside the page's scripts rather than once the renderer asks
for them: a chunk that arrives after the first answer draws its graph or menu late, and what is below moves."""
PRELOADED_REQUESTS = ("_dash-layout", "_dash-dependencies")
"""What Dash's renderer asks for first, once every script has run: asked for beside the scripts instead, so the
answers are there when the renderer starts (on Lighthouse's phone preset alone, within the noise of its score)."""


def dash_bundles() -> dict[str, set[str]]:
    """Folder key ("dash/dcc") → the production scripts and styles Dash may link or load lazily from it.

    Taken from the resource lists Dash's own libraries and any registered component library declare, so
    lazily loaded chunks are included. plotly.py's full plotly.js bundle (namespace "plotly") is left out:
    the page loads the vendored partial bundle instead, and must never be sent the full one."""
    from dash import _dash_renderer, dash_table, dcc
    from dash import html as dash_html

    resources = [*_dash_renderer._js_dist_dependencies, *_dash_renderer._js_dist]
    for library in (dcc, dash_html, dash_table):
        resources += [*getattr(library, "_js_dist", []), *getattr(library, "_css_dist", [])]
    resources += [*ComponentRegistry.get_resources("_js_dist"), *ComponentRegistry.get_resources("_css_dist")]
    folders: dict[str, set[str]] = {"dash": {"favicon.ico"}}
    for resource in resources:
        paths = resource.get("relative_package_path", [])
        paths = paths.get("prod", []) if isinstance(paths, dict) else paths
        for rel in [paths] if isinstance(paths, str) else paths:
            if resource.get("namespace") != "plotly" and rel.endswith(SUFFIXES):
                folder, name = posixpath.split(rel)
                folders.setdefault(posixpath.join(resource["namespace"], folder), set()).add(name)
    return folders


@dataclass
class Folder:
    """A folder of servable files, its digest and its files' hashes, recomputed when a file changes."""

    path: Path
    names: frozenset[str] | None = None  # None: every file in it (the app's own assets)
    signature: tuple = ()
    digest: str = ""
    hashes: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _stat(self) -> tuple:
        if not self.path.is_dir():
            return ()
        found = []
        for entry in os.scandir(self.path):
            wanted = not entry.name.startswith(".") if self.names is None else entry.name in self.names
            if wanted and entry.is_file():
                stat = entry.stat()
                found.append((entry.name, stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(found))

    def current(self) -> tuple[str, dict[str, str]]:
        """The digest and the files' hashes, as the files are now."""
        signature = self._stat()
        with self.lock:
            if signature != self.signature or not self.digest:
                hashes = {name: hashlib.sha256((self.path / name).read_bytes()).hexdigest() for name, *_ in signature}
                lines = "".join(f"{name}\0{sha}\n" for name, sha in sorted(hashes.items()))
                self.signature, self.hashes = signature, hashes
                self.digest = hashlib.sha256(lines.encode()).hexdigest()[:20]
            return self.digest, self.hashes


class StaticFiles:
    """The folders the page's static files come from, their URLs, and their bodies in each encoding."""

    def __init__(self, assets: Path) -> None:
        self.folders: dict[str, Folder] = {"vendor": Folder(VENDOR_DIR, frozenset(f.name for f in locked()))}
        for current, dirs, _ in os.walk(assets):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel = Path(current).relative_to(assets).as_posix()
            self.folders["assets" if rel == "." else f"assets/{rel}"] = Folder(Path(current))
        for key, names in dash_bundles().items():
            namespace, _, folder = key.partition("/")
            package = Path(sys.modules[namespace].__file__).parent  # type: ignore[arg-type]
            self.folders[key] = Folder(package / folder, frozenset(names))
        self.bodies: dict[tuple[str, str], bytes] = {}
        self.prefix = "/"

    def url(self, key: str, name: str) -> str | None:
        """The URL of one file, or None if no folder serves it."""
        folder = self.folders.get(key)
        if folder is None:
            return None
        digest, hashes = folder.current()
        return f"{self.prefix}{ROUTE}/{digest}/{key}/{name}" if name in hashes else None

    def page_url(self, url: str, app: Dash) -> str:
        """The URL Dash links a file at, turned into its content-named URL (unchanged if not served here)."""
        path = url.split("?", 1)[0]
        prefix = app.config.requests_pathname_prefix
        if not path.startswith(prefix):
            return url
        rest = path[len(prefix) :]
        suites, assets = "_dash-component-suites/", f"{app.config.assets_url_path.strip('/')}/"
        if rest.startswith(suites):
            namespace, _, fingerprinted = rest[len(suites) :].partition("/")
            folder, name = posixpath.split(check_fingerprint(fingerprinted)[0])
            key = posixpath.join(namespace, folder)
        elif rest.startswith(assets):
            folder, name = posixpath.split(rest[len(assets) :])
            key = posixpath.join("assets", folder)
        elif rest == "_favicon.ico":
            key, name = "dash", "favicon.ico"
        else:
            return url
        return self.url(key.rstrip("/"), name) or url

    def body(self, key: str, digest: str, name: str, sha: str, encoding: str) -> bytes:
        """The file in one encoding: kept in memory, else read from the set-up's build, else compressed now."""
        kept = self.bodies.get((sha, encoding))
        if kept is not None:
            return kept
        source = self.folders[key].path / name
        built = BUILD_DIR / digest / key / (name + {"br": ".br", "gzip": ".gz"}.get(encoding, ""))
        if encoding == "identity":
            data = source.read_bytes()
        elif built.is_file():
            data = built.read_bytes()
        else:
            data = compress(source.read_bytes(), encoding, best=False)
        self.bodies[(sha, encoding)] = data
        return data

    def respond(self, digest: str, rest: str) -> Response:
        key, _, name = rest.rpartition("/")
        folder = self.folders.get(key)
        if folder is None:
            abort(404)
        current, hashes = folder.current()
        if name not in hashes:
            abort(404)
        encoding = negotiate(request.headers.get("Accept-Encoding", ""))
        etag = f"{hashes[name][:20]}.{encoding}"
        if request.if_none_match.contains(etag):
            response = Response(status=304)
        else:
            data = self.body(key, current, name, hashes[name], encoding)
            response = Response(data, mimetype=mimetypes.guess_type(name)[0] or "application/octet-stream")
            if encoding != "identity":
                response.headers["Content-Encoding"] = encoding
        response.set_etag(etag)
        response.headers["Vary"] = "Accept-Encoding"
        # A URL that names other content than the folder's now (a page from before a change): this content,
        # but only until it is asked for again.
        response.headers["Cache-Control"] = IMMUTABLE if digest == current else "no-cache"
        return response

    def install(self, app: Dash) -> None:
        """Serve /_static/ from `app`, load the vendored generator runtime and plotly.js before Dash's renderer
        in place of Dash's polyfill and plotly.py's bundle, and link every static file of the page at its
        content-named URL."""
        self.prefix = app.config.requests_pathname_prefix
        for name in (GENERATOR_RUNTIME, PLOTLY_BUNDLE, *PLOTLY_LOCALES):  # each locale registers itself with Plotly
            vendor.path(name)  # stops here, saying to run bin/setup, if a file is missing or altered
            app.config.external_scripts.append(self.url("vendor", name))
        app.server.add_url_rule(
            f"{app.config.routes_pathname_prefix}{ROUTE}/<digest>/<path:rest>", "static_files", self.respond
        )
        interpolate = app.interpolate_index

        def interpolate_index(**parts: str) -> str:
            parts["scripts"] = UNUSED_SCRIPTS.sub("", parts.get("scripts", ""))
            preloads = [f'<link rel="preload" href="{self.url("dash/dcc", name)}" as="script">' for name in PRELOADED]
            parts["css"] = "\n".join([*preloads, parts.get("css", "")])
            for part in ("css", "scripts", "favicon"):
                parts[part] = URL_ATTRIBUTE.sub(
                    lambda m: m[1] + html.escape(self.page_url(html.unescape(m[2]), app)) + m[3], parts.get(part, "")
                )
            fetches = [
                f'<link rel="preload" href="{self.prefix}{path}" as="fetch" crossorigin>' for path in PRELOADED_REQUESTS
            ]
            parts["css"] = "\n".join([*fetches, parts["css"]])
            return interpolate(**parts)

        app.interpolate_index = interpolate_index  # type: ignore[method-assign]

    def build(self) -> int:
        """Write every servable file with its best compressed forms under BUILD_DIR, on every core; returns how
        many files were new (a file already built under its folder's digest is kept)."""
        jobs = []
        for key, folder in self.folders.items():
            digest, hashes = folder.current()
            jobs += [(folder.path / name, BUILD_DIR / digest / key / name) for name in hashes]
        jobs = [job for job in jobs if not job[1].is_file()]
        if len(jobs) > 1:
            with ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1)) as pool:
                list(pool.map(_build_file, *zip(*jobs, strict=True)))
        elif jobs:
            _build_file(*jobs[0])
        return len(jobs)


def _build_file(source: Path, target: Path) -> None:
    data = source.read_bytes()
    for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
        _write(target.with_name(target.name + suffix), compress(data, encoding, best=True))
    _write(target, data)  # last: its presence says the file's build is complete


def compress(data: bytes, encoding: str, best: bool) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=11 if best else 5)
    return gzip.compress(data, compresslevel=9 if best else 6, mtime=0)


def negotiate(accept_encoding: str) -> str:
    """The preferred encoding the client accepts (q > 0), or "identity"."""
    accepted: dict[str, float] = {}
    for item in accept_encoding.lower().split(","):
        token, _, params = item.strip().partition(";")
        weight = params.strip().removeprefix("q=")
        try:
            accepted[token.strip()] = float(weight) if params else 1.0
        except ValueError:
            accepted[token.strip()] = 0.0
    for encoding in ENCODINGS:
        if accepted.get(encoding, accepted.get("*", 0.0)) > 0:
            return encoding
    return "identity"


def _write(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (other processes may read the folder meanwhile)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as partial:
        partial.write(data)
    Path(partial.name).replace(path)


def main() -> None:
    """Build the compressed static files (bin/setup runs this)."""
    from dashboard.server import ASSETS

    written = StaticFiles(ASSETS).build()
    print(f"static files: {written} new in {BUILD_DIR}")


if __name__ == "__main__":
    main()
