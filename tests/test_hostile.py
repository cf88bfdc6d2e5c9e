"""Hostile input over real HTTP, against gunicorn with gunicorn.conf.py on 127.0.0.1, started with every
debug switch the environment has turned on: fuzzed callback requests, junk URLs, an over-size body, and 40
concurrent clients. Nothing may answer with a traceback or a path, and the server must keep serving."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.dash_requests import CALLBACK_PATH, outputs_of, selector_callback, selector_change, url_change

ROOT = Path(__file__).resolve().parents[1]
LEAKS = ("Traceback", "/work/", '.py"', 'File "', "werkzeug", "site-packages")
DEBUG_ENV = {"FLASK_DEBUG": "1", "DASH_DEBUG": "true", "DASH_DEV_TOOLS_UI": "true", "DASH_HOT_RELOAD": "true"}
FUZZ_EXAMPLES = 60  # derandomized: the same 60 bodies every run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    """gunicorn app:server, configured by gunicorn.conf.py, on a free port."""
    port = _free_port()
    env = {**os.environ, **DEBUG_ENV, "CONGRESS_BIND": f"127.0.0.1:{port}", "CONGRESS_WORKERS": "4"}
    log = (ROOT / "test-artifacts").joinpath("gunicorn-hostile.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server"], cwd=ROOT, env=env, stdout=stderr, stderr=stderr
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"gunicorn exited; see {log}"
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or workers still booting
                pass
            assert time.monotonic() < deadline, "gunicorn did not come up"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


@pytest.fixture(scope="module")
def selector(url: str) -> dict:
    return selector_callback(requests.get(f"{url}/_dash-dependencies", timeout=10).json())


def _no_leak(text: str) -> None:
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} leaked: {text[:300]}"


# Payloads: junk bytes and text, any JSON, very deep nesting, and Dash-shaped bodies with wrong ids, wrong
# types and huge or nasty strings.
NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "../../../etc/passwd",
        "\u202e\u0000\ufffd🙂",
        "?congress=%00",
        "' OR 1=1 --",
        "ar-99",
    ]
)
HUGE = st.integers(10_000, 600_000).map(lambda n: "x" * n)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50) | NASTY
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner))
VALUE = JSON | HUGE
DEEP = st.tuples(st.sampled_from(["[", '{"a":']), st.integers(100, 200_000)).map(
    lambda t: t[0] * t[1] + ("]" if t[0] == "[" else "}") * t[1]
)
ID = st.sampled_from(["url", "congress-select", "prev", "next", "nope", "", "__proto__"]) | st.text(max_size=20)
PROP = st.sampled_from(["search", "value", "n_clicks", "children", "constructor"]) | st.text(max_size=20)


@st.composite
def dash_shaped(draw: st.DrawFn, output: str) -> Any:
    body: dict[str, Any] = {
        "output": draw(st.sampled_from([output, "nope.children", "..url.search..."]) | st.text(max_size=30)),
        "outputs": draw(st.just(outputs_of(output)) | JSON),
        "inputs": draw(
            st.lists(st.fixed_dictionaries({"id": ID | JSON, "property": PROP, "value": VALUE}), max_size=14) | JSON
        ),
        "changedPropIds": draw(st.lists(st.sampled_from(["url.search", "congress-select.value", "x.y"]) | JSON)),
        "state": draw(st.just([]) | JSON),
    }
    for key in draw(st.sets(st.sampled_from(sorted(body)), max_size=2)):
        del body[key]
    return body


def payloads(output: str) -> st.SearchStrategy[tuple[str, bytes]]:
    as_json = "application/json"
    return st.one_of(
        st.tuples(st.just(as_json), st.binary(max_size=2000)),
        st.tuples(
            st.sampled_from([as_json, "text/plain", "application/x-www-form-urlencoded"]), st.text().map(str.encode)
        ),
        st.tuples(st.just(as_json), JSON.map(lambda v: json.dumps(v).encode())),
        st.tuples(st.just(as_json), DEEP.map(str.encode)),
        st.tuples(st.just(as_json), dash_shaped(output).map(lambda v: json.dumps(v).encode())),
    )


def test_fuzzed_callback_requests_get_a_4xx_or_a_controlled_error(
    url: str, session: requests.Session, selector: dict
) -> None:
    sent: list[int] = []

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(payloads(selector["output"]))
    def one(payload: tuple[str, bytes]) -> None:
        content_type, body = payload
        # A fresh connection each time: between two examples Hypothesis may take longer than gunicorn's
        # keep-alive, and a POST on a connection the server has just closed is not retried.
        headers = {"Content-Type": content_type, "Connection": "close"}
        response = session.post(url + CALLBACK_PATH, data=body, headers=headers, timeout=30)
        sent.append(response.status_code)
        assert response.status_code < 500 or (
            response.status_code == 500 and response.json() == {"error": "internal server error"}
        ), (response.status_code, response.text[:300])
        _no_leak(response.text)

    one()
    assert len(sent) >= FUZZ_EXAMPLES * 0.95
    # and after all of it, a real selector change is still answered, and the page still served
    response = session.post(url + CALLBACK_PATH, json=selector_change(selector, "ar-02"), timeout=10)
    assert response.status_code == 200
    assert '"figure-party-seats"' in response.text and "Second All-Russian" in response.text
    page = session.get(url, timeout=10)
    assert page.status_code == 200 and "react-entry-point" in page.text


JUNK = [
    "987654",
    "ar-00",
    "x" * 3000,
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "../../../../etc/passwd",
    "..%2F..%2Fapp.py",
    "Съезд Советов ☭ \u202e",
    "%00%ff",
    "1;DROP TABLE congresses",
    "{{7*7}}",
]


@pytest.mark.parametrize("value", JUNK)
@pytest.mark.parametrize("name", ["congress", "compare", "view", "theme", "measure", "present", "junk"])
def test_junk_in_a_url_parameter_gets_the_page_and_is_not_reflected(
    url: str, session: requests.Session, name: str, value: str
) -> None:
    response = session.get(url, params={name: value}, timeout=10)
    assert response.status_code == 200
    assert "react-entry-point" in response.text
    assert value not in response.text
    _no_leak(response.text)


@pytest.mark.parametrize("search", ["?congress=99", "?congress=<script>alert(1)</script>", "?congress=" + "9" * 5000])
def test_junk_in_the_url_reaches_the_callback_as_a_notice(
    url: str, session: requests.Session, selector: dict, search: str
) -> None:
    response = session.post(url + CALLBACK_PATH, json=url_change(selector, search), timeout=10)
    assert response.status_code == 200
    assert "No such" in response.text and "<script>" not in response.text  # escaped as JSON text, never HTML


@pytest.mark.parametrize(
    "path", ["/../../etc/passwd", "/assets/../app.py", "/assets/..%2fgunicorn.conf.py", "/assets/%2e%2e/app.py"]
)
def test_path_traversal_serves_no_file(url: str, path: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    assert response.status in (200, 400, 404)
    assert "create_app" not in body and "CONGRESS_BIND" not in body and "root:" not in body
    _no_leak(body)


def test_a_request_line_too_long_is_refused(url: str) -> None:
    response = requests.get(url, params={"congress": "9" * 5000}, timeout=10)
    assert 400 <= response.status_code < 500


def test_an_oversize_body_is_refused_with_413(url: str) -> None:
    # Fresh connections: the server may close one after refusing a body it did not read.
    big = b"[" * (2 * 1024 * 1024)
    response = requests.post(url + CALLBACK_PATH, data=big, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 413
    chunks = iter([big[:65536]] * 32)  # 2 MB with no Content-Length
    chunked = requests.post(url + CALLBACK_PATH, data=chunks, headers={"Content-Type": "application/json"}, timeout=30)
    assert chunked.status_code == 413
    assert requests.get(f"{url}/healthz", timeout=10).status_code == 200


def test_debug_is_off_although_the_environment_asks_for_it(url: str, session: requests.Session) -> None:
    page = session.get(url, timeout=10).text
    assert '"ui":false' in page and '"props_check":false' in page
    console = session.get(f"{url}/console", timeout=10).text
    assert "Werkzeug" not in console and "debugger" not in console.lower()


def test_forty_concurrent_clients_get_no_errors(url: str, selector: dict) -> None:
    clients, seconds = 40, 2.0
    congresses = ["ar-01", "ar-02", "ar-03", "ar-05", "au-01", "au-08"]
    errors: list[str] = []
    done = [0] * clients
    start = threading.Barrier(clients)

    def client(index: int) -> None:
        with requests.Session() as s:
            start.wait()
            stop = time.monotonic() + seconds
            while time.monotonic() < stop:
                body = selector_change(selector, congresses[(index + done[index]) % len(congresses)])
                try:
                    response = s.post(url + CALLBACK_PATH, json=body, timeout=30)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code}: {response.text[:100]}")
                except requests.RequestException as error:
                    errors.append(repr(error))
                done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    assert errors == []
    assert all(n > 0 for n in done), done
    assert sum(done) >= clients
