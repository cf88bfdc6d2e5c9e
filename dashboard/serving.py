"""The server side of serving a classroom: never in debug unless `python app.py --debug` asks, security and
cache headers, a request-body limit, `/healthz`, and error responses that tell a client nothing about the code.

Everything here is set up once when the app is built; nothing starts a thread or a browser, so the app can be
imported by a gunicorn master or worker alike.
"""

from __future__ import annotations

import os
import re
from typing import Any

from dash import Dash
from flask import Response, jsonify, request
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

MAX_BODY_BYTES = 1024 * 1024  # a callback request is well under 10 kB; 1 MB leaves room and refuses floods
FRAME_ANCESTORS_ENV = "CONGRESS_FRAME_ANCESTORS"
DEFAULT_FRAME_ANCESTORS = "'self'"
CALLBACK_PATH = "/_dash-update-component"
ASSET_PREFIX = "/assets/"
ONE_YEAR = 365 * 24 * 3600
ONE_HOUR = 3600
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


def _valid_callback_body(body: Any, callbacks: dict) -> bool:
    """Whether a callback request has the shape Dash reads, for a callback this app has."""
    return (
        isinstance(body, dict)
        and isinstance(body.get("output"), str)
        and body["output"] in callbacks
        and isinstance(body.get("outputs"), dict | list)
        and isinstance(body.get("inputs"), list)
        and all(isinstance(i, dict | list) for i in body["inputs"])
        and isinstance(body.get("state", []), list)
        and all(isinstance(s, dict | list) for s in body.get("state", []))
        and isinstance(body.get("changedPropIds", []), list)
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
    def refuse_malformed_callbacks() -> tuple[Response, int] | None:
        """A callback request that is not a JSON object of Dash's shape for a known callback gets a 400,
        before Dash can trip over it. Flask keeps the parsed body, so Dash does not parse it again."""
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
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
        if ancestors in ("'self'", "'none'"):  # for browsers without frame-ancestors; it would block embedding
            h.setdefault("X-Frame-Options", "SAMEORIGIN" if ancestors == "'self'" else "DENY")
        if request.path.startswith(ASSET_PREFIX) and response.status_code in (200, 304):
            # Dash links assets as /assets/style.css?m=<mtime>: a changed file gets a new URL.
            fingerprinted = "m" in request.args
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR if fingerprinted else ONE_HOUR
            if fingerprinted:
                response.cache_control.immutable = True
        return response

    @server.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError) -> tuple[Response, int]:
        """A failure inside the app: logged in full on the server (Flask does that), told in one line to the
        client. In `--debug`, Flask propagates the exception to the debugger before this runs."""
        return jsonify(error="internal server error"), 500

    @server.errorhandler(BadRequest)
    def bad_request(error: HTTPException) -> tuple[Response, int]:
        return jsonify(error="bad request"), 400
