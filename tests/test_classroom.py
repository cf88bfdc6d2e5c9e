"""`bin/serve` over real HTTP: nginx in front of two gunicorn instances (deploy/classroom.py) on 127.0.0.1.

Slow and idle clients must not hold up the others; killing an instance, or reloading them all (HUP), must
lose no request; static files come compressed from nginx, and nginx's own answers carry the app's headers.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from bench.dash_requests import CALLBACK_PATH, selector_callback, selector_change

ROOT = Path(__file__).resolve().parents[1]
CONGRESSES = ("ar-01", "ar-02", "ar-03", "ar-04", "ar-05", "au-01", "au-02", "au-08")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Classroom:
    url: str
    port: int
    run: Path
    process: subprocess.Popen
    log: Path

    def sockets(self) -> list[str]:
        """The sockets of the gunicorn instances that serve the slots nginx sends requests to now."""
        return sorted(os.readlink(link) for link in self.run.glob("slot-*.sock"))

    def pid(self, slot: int) -> int:
        """The pid of the gunicorn master serving `slot` (1, 2…)."""
        return int((self.run / f"slot-{slot}.pid").read_text())

    def wait_for(self, condition, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert self.process.poll() is None, f"bin/serve exited; see {self.log}"
            assert time.monotonic() < deadline, f"{what} did not happen in {seconds} s; see {self.log}"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Classroom]:
    run = tmp_path_factory.mktemp("run")
    port = _free_port()
    env = {
        **os.environ,
        "CONGRESS_PORT": str(port),
        "CONGRESS_RUN_DIR": str(run),
        "CONGRESS_INSTANCES": "2",
        "CONGRESS_WORKERS": "1",
        "CONGRESS_WARM": "0",  # the figures are built on first use: the test is of serving, not of warming
        "CONGRESS_FIGURE_STORE": str(run / "figures"),
    }
    log = run / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(["bash", "bin/serve"], cwd=ROOT, env=env, stdout=out, stderr=out)
    room = Classroom(f"http://127.0.0.1:{port}", port, run, process, log)
    try:
        room.wait_for(lambda: "Serving the dashboard" in log.read_text(), "start-up", 90)
        yield room
    finally:
        process.terminate()
        process.wait(timeout=60)


@dataclass
class Load:
    """Eight clients asking for distinct congresses through the selector, with page loads between, until
    stopped (at most 2,000 requests each)."""

    url: str
    selector: dict
    errors: list[str] = field(default_factory=list)
    done: list[int] = field(default_factory=lambda: [0] * 8)
    stop: threading.Event = field(default_factory=threading.Event)

    def client(self, index: int) -> None:
        with requests.Session() as s:
            for n in range(2000):
                if self.stop.is_set():
                    return
                try:
                    if n % 5 == 0:
                        response = s.get(f"{self.url}/?congress={index + 1}", timeout=30)
                    else:
                        body = selector_change(self.selector, CONGRESSES[(index + n) % len(CONGRESSES)])
                        response = s.post(self.url + CALLBACK_PATH, json=body, timeout=30)
                    if response.status_code != 200:
                        self.errors.append(f"{response.status_code}: {response.text[:100]}")
                except requests.RequestException as error:
                    self.errors.append(repr(error))
                self.done[index] += 1

    def __enter__(self) -> Load:
        self.threads = [threading.Thread(target=self.client, args=(i,)) for i in range(len(self.done))]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


@pytest.fixture(scope="module")
def selector(classroom: Classroom) -> dict:
    return selector_callback(requests.get(f"{classroom.url}/_dash-dependencies", timeout=10).json())


def test_static_files_come_from_nginx_compressed_once(classroom: Classroom) -> None:
    page = requests.get(f"{classroom.url}/?congress=2", timeout=10)
    bundle = re.search(r'src="(/_static/([^"]+)/vendor/plotly-basic\.min\.js)"', page.text)
    assert page.status_code == 200 and bundle, page.text[:300]
    response = requests.get(classroom.url + bundle[1], headers={"Accept-Encoding": "br"}, timeout=10)
    built = ROOT / "build" / "static" / bundle[2] / "vendor" / "plotly-basic.min.js.br"
    assert response.headers["Server"] == "nginx" and response.headers["Content-Encoding"] == "br"
    assert response.raw.headers.get("Content-Length") == str(built.stat().st_size)  # the file bin/setup built
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in page.headers and page.headers["X-Content-Type-Options"] == "nosniff"


def test_nginx_own_refusals_carry_the_security_headers(classroom: Classroom) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", classroom.port, timeout=10)
    connection.putrequest("GET", "/")
    connection.putheader("X-Long", "a" * 20000)  # over nginx's 8 kB header buffers
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 400
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "default-src 'none'" in response.getheader("Content-Security-Policy", "")
    unknown = requests.get(f"{classroom.url}/.git/config", timeout=10)
    assert unknown.status_code == 404 and "nosniff" in unknown.headers["X-Content-Type-Options"]


def test_two_hundred_slow_or_idle_connections_hold_up_no_one(classroom: Classroom, selector: dict) -> None:
    def ask(n: int) -> int:
        body = selector_change(selector, CONGRESSES[n % len(CONGRESSES)])
        return requests.post(classroom.url + CALLBACK_PATH, json=body, timeout=20).status_code

    assert [ask(n) for n in range(len(CONGRESSES))] == [200] * len(CONGRESSES)  # built: the test is of serving
    held: list[socket.socket] = []
    try:
        for n in range(200):
            s = socket.create_connection(("127.0.0.1", classroom.port), timeout=5)
            if n % 2:  # half trickle a request that never ends, half say nothing at all
                s.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{")
            held.append(s)
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(ask, range(48)))
        assert statuses == [200] * 48
    finally:
        for s in held:
            s.close()


def test_killing_an_instance_under_load_loses_no_request(classroom: Classroom, selector: dict) -> None:
    victim = os.readlink(classroom.run / "slot-1.sock")
    with Load(classroom.url, selector) as load:
        time.sleep(1.5)
        os.kill(classroom.pid(1), signal.SIGKILL)
        classroom.wait_for(lambda: victim not in classroom.sockets(), "replacing the killed instance")
        time.sleep(1.5)
    assert load.errors == []
    assert sum(load.done) > 50, load.done
    assert len(classroom.sockets()) == 2


def test_hup_replaces_every_instance_under_load_without_a_failed_request(classroom: Classroom, selector: dict) -> None:
    before = classroom.sockets()
    with Load(classroom.url, selector) as load:
        time.sleep(1)
        classroom.process.send_signal(signal.SIGHUP)  # bash execs deploy/classroom.py: this is its process
        classroom.wait_for(lambda: not set(before) & set(classroom.sockets()), "the rolling reload", 90)
        time.sleep(1)
    assert load.errors == []
    assert sum(load.done) > 50, load.done
    assert len(classroom.sockets()) == 2
    for sock in before:  # the old instances are gone
        assert not (classroom.run / sock).exists()
