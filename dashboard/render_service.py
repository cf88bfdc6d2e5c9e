"""One export queue for a whole server: a process that owns the only Chromium, renders in turn, and keeps
what it rendered.

Without it every gunicorn worker starts its own kaleido Chromium on its first export (about 1 GB each) and
a class asking for handouts at once has every core drawing. bin/serve starts this service
(`python -m dashboard.render_service SOCKET`) and gives the workers its socket in CONGRESS_RENDER_SOCKET;
`dashboard.export.render` then sends each figure here. The service
- renders one figure at a time in one Chromium, at a lower CPU priority than the workers, so pupils' views
  stay quick while files are made;
- refuses a job at once when MAX_WAITING are already waiting ("busy": the page says to try again);
- lets each client (its address, as nginx saw it) start RATE exports per PER seconds, in a burst of at most
  RATE ("limited");
- keeps the bytes of what it rendered (up to CACHE_BYTES): exports are pure functions of the figure and the
  options, so the same slide asked for by thirty pupils is drawn once.

The protocol is a 4-byte length and a JSON object each way, over a unix socket.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import signal
import socket
import socketserver
import struct
import sys
import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import Future
from pathlib import Path
from typing import Any

SOCKET_ENV = "CONGRESS_RENDER_SOCKET"
MAX_WAITING = int(os.environ.get("CONGRESS_EXPORT_QUEUE", "") or 12)
RATE, PER = int(os.environ.get("CONGRESS_EXPORT_RATE", "") or 6), 60.0
CACHE_BYTES = 64 * 1024 * 1024
NICENESS = 10


class RenderRefused(RuntimeError):
    """The service did not render: it is busy, or the client asked too often (`reason`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _send(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message).encode()
    sock.sendall(struct.pack("!I", len(data)) + data)


def _receive(sock: socket.socket) -> dict:
    header = _exactly(sock, 4)
    return json.loads(_exactly(sock, struct.unpack("!I", header)[0]))


def _exactly(sock: socket.socket, count: int) -> bytes:
    parts, left = [], count
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("the render service closed the connection")
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _ask(path: str, message: dict, timeout: float) -> dict:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(path)
        _send(sock, message)
        answer = _receive(sock)
    if "refused" in answer:
        raise RenderRefused(answer["refused"])
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer


def admit(path: str, client: str) -> None:
    """Count one export for `client`; RenderRefused("limited") if it has had its RATE for now."""
    _ask(path, {"admit": client}, timeout=10)


def render_remote(path: str, spec: dict, opts: dict, timeout: float) -> bytes:
    """The figure `spec` rendered by the service at `path` (RenderRefused("busy") when its queue is full)."""
    from plotly.io.json import to_json_plotly

    answer = _ask(path, {"spec": json.loads(to_json_plotly(spec)), "opts": opts}, timeout)
    return base64.b64decode(answer["bytes"])


class Service:
    """The queue, the rate limits and the cache; `render` is the function that draws (kaleido's)."""

    def __init__(self, render: Any, max_waiting: int = MAX_WAITING, rate: int = RATE, per: float = PER) -> None:
        self.render, self.max_waiting, self.rate, self.per = render, max_waiting, rate, per
        self.turn = threading.Lock()  # one render at a time: one Chromium
        self.guard = threading.Lock()
        self.waiting = 0
        self.starts: dict[str, deque[float]] = {}
        self.cache: OrderedDict[bytes, bytes] = OrderedDict()
        self.pending: dict[bytes, Future] = {}  # being drawn now: the same job waits for it
        self.cached = 0
        self.stats = {"rendered": 0, "from_cache": 0, "busy": 0, "limited": 0}

    def admit(self, client: str) -> dict:
        now = time.monotonic()
        with self.guard:
            starts = self.starts.setdefault(client, deque())
            while starts and now - starts[0] > self.per:
                starts.popleft()
            if len(starts) >= self.rate:
                self.stats["limited"] += 1
                return {"refused": "limited"}
            starts.append(now)
            if len(self.starts) > 10_000:  # forget clients idle for a whole period
                for key in [k for k, v in self.starts.items() if not v or now - v[-1] > self.per]:
                    del self.starts[key]
        return {"ok": True}

    def job(self, spec: dict, opts: dict) -> dict:
        """Render one figure, or read it from the cache, or wait for the same one being rendered now."""
        key = hashlib.blake2b(json.dumps([spec, opts], sort_keys=True).encode(), digest_size=20).digest()
        with self.guard:
            kept = self.cache.get(key)
            if kept is not None:
                self.cache.move_to_end(key)
            drawing = self.pending.get(key)
            if kept is not None or drawing is not None:
                self.stats["from_cache"] += 1
            elif self.waiting >= self.max_waiting:
                self.stats["busy"] += 1
                return {"refused": "busy"}
            else:
                self.waiting += 1
                self.pending[key] = mine = Future()
        if kept is not None:
            return {"bytes": base64.b64encode(kept).decode()}
        if drawing is not None:
            return {"bytes": base64.b64encode(drawing.result()).decode()}
        try:
            with self.turn:
                data = self.render(spec, opts)
            mine.set_result(data)
        except BaseException as error:
            mine.set_exception(error)
            raise
        finally:
            with self.guard:
                self.waiting -= 1
                del self.pending[key]
                if mine.exception() is None:
                    self.stats["rendered"] += 1
                    self.cache[key] = data
                    self.cached += len(data)
                    while self.cached > CACHE_BYTES and self.cache:
                        self.cached -= len(self.cache.popitem(last=False)[1])
        return {"bytes": base64.b64encode(data).decode()}

    def answer(self, message: dict) -> dict:
        if "admit" in message:
            return self.admit(str(message["admit"]))
        if "stats" in message:
            return {"stats": self.stats, "waiting": self.waiting}
        return self.job(message["spec"], message["opts"])


def serve(path: Path, service: Service) -> None:
    """Answer on the unix socket at `path` until the process is stopped."""

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            try:
                message = _receive(self.request)
                try:
                    reply = service.answer(message)
                except Exception as error:  # a render that failed: tell the worker, keep serving
                    reply = {"error": f"{type(error).__name__}: {str(error)[:300]}"}
                _send(self.request, reply)
            except (ConnectionError, ValueError, OSError):
                return

    path.unlink(missing_ok=True)
    with socketserver.ThreadingUnixStreamServer(str(path), Handler) as server:
        server.daemon_threads = True
        server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description="The server-wide export queue (bin/serve starts it).")
    parser.add_argument("socket", type=Path)
    args = parser.parse_args()
    from dashboard.export import render_spec, stop_renderer

    os.nice(NICENESS)  # Chromium inherits it: drawing files gives way to pupils' views
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        serve(args.socket, Service(render_spec))
    finally:
        stop_renderer()  # and its Chromium with it
        args.socket.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
