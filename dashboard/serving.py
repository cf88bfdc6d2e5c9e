"""The server side of serving a classroom: never in debug unless `python app.py --debug` asks, security and
cache headers, a request-body limit, `/healthz`, and error responses that tell a client nothing about the code.

Everything here is set up once when the app is built; nothing starts a thread or a browser, so the app can be
imported by a gunicorn master or worker alike.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import threading
from collections import OrderedDict
from typing import Any

from dash import Dash
from dash.exceptions import DependencyException
from dash.fingerprint import check_fingerprint
from flask import Response, abort, jsonify, request
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from dashboard.urls import page_language

MAX_BODY_BYTES = 1024 * 1024  # a callback request is well under 10 kB; 1 MB leaves room and refuses floods
FRAME_ANCESTORS_ENV = "CONGRESS_FRAME_ANCESTORS"
DEFAULT_FRAME_ANCESTORS = "'self'"
CALLBACK_PATH = "/_dash-update-component"
ASSET_PREFIX = "/assets/"
SUITES_PREFIX = "/_dash-component-suites/"
PAGE_PREFIXES = ("/_dash-", "/assets/", "/_static/", "/_favicon.ico")
"""Paths the app serves besides its one page ("/") and /healthz; anything else is a 404."""
LOG = logging.getLogger(__name__)
# The page uses none of these powerful features; full screen only for itself (presentation mode's button).
PERMISSIONS_POLICY = ", ".join(
    [f"{feature}=()" for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial")]
    + ["display-capture=()", "interest-cohort=()", "browsing-topics=()", "fullscreen=(self)"]
)
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT_LIVED = "public, max-age=3600"
# A CSP source expression: a keyword in quotes, a scheme, or a host with optional scheme, port and wildcard.
SOURCE = re.compile(
    r"^(?:'(?:self|none)'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?[a-z0-9*.-]+(?::\d+|:\*)?)$", re.IGNORECASE
)


def frame_ancestors(value: str | None = None) -> str:
    """Who may embed the page in a frame, from CONGRESS_FRAME_ANCESTORS: CSP sources separated by spaces,
    e.g. "'self' https://school.example". A value that is not a list of sources stops the server."""
    value = (value if value is not None else os.environ.get(FRAME_ANCESTORS_ENV, "")).strip()
    if not value:
        return DEFAULT_FRAME_ANCESTORS
    sources = value.split()
    bad = [s for s in sources if not SOURCE.match(s)]
    if bad:
        raise ValueError(f"{FRAME_ANCESTORS_ENV}: not a CSP source: {bad[0]!r}")
    return " ".join(sources)


def content_security_policy(script_hashes: list[str], ancestors: str) -> str:
    """The page's CSP. Dash's page has one inline script (`new DashRenderer()`), allowed by its hash; its config
    is a JSON data block, which CSP does not govern. Plotly.js and Dash's components set styles inline, so
    styles need 'unsafe-inline'; plotly.js itself runs without 'unsafe-eval' for the charts drawn here."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def _prop(item: Any) -> bool:
    """One {"id": …, "property": …} entry; a list of them for a pattern-matching dependency."""
    if isinstance(item, list):
        return all(_prop(i) for i in item)
    return isinstance(item, dict) and isinstance(item.get("id"), str | dict) and isinstance(item.get("property"), str)


def _valid_callback_body(body: Any, callbacks: dict) -> bool:
    """Whether a callback request has the shape Dash reads, for a callback this app has, with as many inputs,
    states and outputs as that callback declares."""
    if not (isinstance(body, dict) and isinstance(body.get("output"), str) and body["output"] in callbacks):
        return False
    callback = callbacks[body["output"]]
    inputs, state, outputs = body.get("inputs"), body.get("state", []), body.get("outputs")
    changed = body.get("changedPropIds", [])
    if body["output"].startswith(".."):
        outputs_ok = isinstance(outputs, list) and len(outputs) == body["output"].count("...") + 1
    else:
        outputs_ok = callback.get("no_output") or isinstance(outputs, dict | list)
    return bool(
        outputs_ok
        and _prop(outputs or [])
        and isinstance(inputs, list)
        and len(inputs) == len(callback["inputs"])
        and _prop(inputs)
        and isinstance(state, list)
        and len(state) == len(callback["state"])
        and _prop(state)
        and isinstance(changed, list)
        and all(isinstance(c, str) for c in changed)
    )


def harden(app: Dash) -> None:
    """Make `app` safe to serve: called by create_app, so gunicorn's `app:server` is always hardened.

    Debug and Dash's dev tools are switched off whatever FLASK_DEBUG or DASH_* say; only an explicit
    `app.run(debug=True)` (`python app.py --debug`) turns them on again, for development."""
    server = app.server
    app.enable_dev_tools(
        debug=False,
        dev_tools_ui=False,
        dev_tools_props_check=False,
        dev_tools_serve_dev_bundles=False,
        dev_tools_hot_reload=False,
        dev_tools_silence_routes_logging=False,
        dev_tools_disable_version_check=True,
        dev_tools_prune_errors=False,
        dev_tools_validate_callbacks=False,
    )
    server.debug = False
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    ancestors = frame_ancestors()
    policy: list[str] = []  # built on the first request, once every inline script is registered

    @server.route("/healthz")
    def healthz() -> Response:
        """Liveness for a load balancer: answers without touching the records."""
        return jsonify(status="ok")

    @server.before_request
    def only_known_paths() -> tuple[Response, int] | None:
        """The dashboard is one page with its state in the query: any other path (`/.env`, `/.git/config`) is
        a 404, not the page; so is Dash's hot-reload hash outside `--debug`."""
        path = request.path
        if path == "/_reload-hash" and not server.debug:
            return jsonify(error="not found"), 404
        if path in ("/", "/healthz") or path.startswith(PAGE_PREFIXES):
            return None
        return jsonify(error="not found"), 404

    @server.errorhandler(DependencyException)
    def unknown_bundle(error: DependencyException) -> tuple[Response, int]:
        """A component-suite path that names no registered file: a 404 and one log line, no traceback."""
        LOG.warning("404 %s: %s", request.path[:200], str(error)[:200])
        return jsonify(error="not found"), 404

    # Dash sets its server up on the first request and marks it done before it has registered the bundles'
    # paths, so concurrent first requests could get a 500 ("dash is not a registered library"). Set it up now,
    # before any request: create_app builds the app before gunicorn's workers serve.
    with server.test_request_context("/"):
        app._setup_server()

    @server.before_request
    def refuse_malformed_callbacks() -> tuple[Response, int] | None:
        """A callback request that is not a JSON object of Dash's shape for a known callback gets a 400,
        before Dash can trip over it. Flask keeps the parsed body, so Dash does not parse it again."""
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        if request.content_length is None and len(request.get_data(cache=True)) >= MAX_BODY_BYTES:
            # A chunked body is cut at MAX_CONTENT_LENGTH by Werkzeug rather than refused: refuse it here.
            abort(413)
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # nesting deeper than the JSON parser goes
            body = None
        if not _valid_callback_body(body, app.callback_map):
            return jsonify(error="bad callback request"), 400
        return None

    @server.after_request
    def headers(response: Response) -> Response:
        if not policy:
            policy.append(content_security_policy(list(app.csp_hashes()), ancestors))
        h = response.headers
        h.setdefault("Content-Security-Policy", policy[0])
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        h.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        h.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if ancestors in ("'self'", "'none'"):  # for browsers without frame-ancestors; it would block embedding
            h.setdefault("X-Frame-Options", "SAMEORIGIN" if ancestors == "'self'" else "DENY")
        if response.status_code in (200, 304) and request.path.startswith((ASSET_PREFIX, SUITES_PREFIX)):
            # The page links its files under /_static/ (dashboard/static_files.py); Dash's own URLs still answer.
            # Dash links assets as /assets/style.css?m=<mtime> and bundles as name.v<version>m<mtime>.js, so a
            # changed file gets a new URL; without that mark a URL gets an hour.
            if request.path.startswith(ASSET_PREFIX):
                fingerprinted = "m" in request.args
            else:
                fingerprinted = check_fingerprint(request.path.rsplit("/", 1)[-1])[1]
            h["Cache-Control"] = IMMUTABLE if fingerprinted else SHORT_LIVED
        return response

    @server.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError) -> tuple[Response, int]:
        """A failure inside the app: logged in full on the server (Flask does that), told in one line to the
        client. In `--debug`, Flask propagates the exception to the debugger before this runs."""
        return jsonify(error="internal server error"), 500

    @server.errorhandler(BadRequest)
    def bad_request(error: HTTPException) -> tuple[Response, int]:
        return jsonify(error="bad request"), 400

    cache_bytes = response_cache_bytes()
    if cache_bytes > 0:
        server.wsgi_app = CallbackResponseCache(server.wsgi_app, cache_bytes)  # type: ignore[method-assign]


FIXED_PATHS = ("/_dash-layout", "/_dash-dependencies")
"""GET routes whose answer never changes while a process runs: kept by CallbackResponseCache too."""


class CallbackResponseCache:
    """WSGI middleware that remembers the final, compressed responses of Dash callback requests, and of the
    layout and the callback graph every page load asks for (about 30 ms of JSON and brotli each).

    This app's callbacks are pure: what they return depends only on the request body (the inputs, which
    control changed), never on cookies, headers or time, and the records do not change while a process runs.
    So an identical request (same body, same Accept-Encoding) gets the same bytes again without running
    Dash, the callback, JSON serialisation or compression. A classroom asks for a few hundred distinct
    views at most. Bounded by total bytes (least recently used first out); CONGRESS_RESPONSE_CACHE_MB=0
    turns it off. Only 200 responses without cookies, for bodies under 64 kB, are kept.
    """

    MAX_KEY_BODY = 64 * 1024
    MAX_ENTRY = 512 * 1024

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.entries: OrderedDict[bytes, tuple[str, list[tuple[str, str]], bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Any) -> Any:
        length = environ.get("CONTENT_LENGTH") or ""
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path in FIXED_PATHS and method == "GET" and not environ.get("QUERY_STRING"):
            # the page's layout and callback graph: the same for every pupil, in the page's language
            body = path.encode() + b"\0" + page_language(environ.get("HTTP_REFERER")).encode()
        elif path == CALLBACK_PATH and method == "POST" and length.isdigit() and int(length) <= self.MAX_KEY_BODY:
            body = environ["wsgi.input"].read(int(length))
            environ["wsgi.input"] = io.BytesIO(body)
        else:
            return self.app(environ, start_response)
        key = hashlib.blake2b(
            b"\0".join([environ.get("HTTP_ACCEPT_ENCODING", "").encode("latin-1"), body]), digest_size=20
        ).digest()
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
        if hit is not None:
            status, headers, data = hit
            start_response(status, headers)
            return [data]
        captured: list = []

        def capture(status: str, headers: list, exc_info: Any = None) -> Any:
            captured[:] = [status, headers]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, capture)
        try:
            data = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured
        if (
            status.startswith("200")
            and len(data) <= self.MAX_ENTRY
            and not any(name.lower() == "set-cookie" for name, _ in headers)
        ):
            self._store(key, (status, list(headers), data))
        return [data]

    def _store(self, key: bytes, entry: tuple[str, list[tuple[str, str]], bytes]) -> None:
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += len(entry[2])
            while self.size > self.max_bytes and self.entries:
                _, (_, _, old) = self.entries.popitem(last=False)
                self.size -= len(old)


def response_cache_bytes() -> int:
    """CONGRESS_RESPONSE_CACHE_MB, default 16."""
    value = os.environ.get("CONGRESS_RESPONSE_CACHE_MB", "").strip()
    return int(float(value) * 1024 * 1024) if value else 16 * 1024 * 1024
