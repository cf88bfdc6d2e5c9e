"""A gunicorn of `gunicorn.conf.py` on a free 127.0.0.1 port, for the benchmarks: started, waited for, stopped."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(
    module: str, port: int, root: Path, ready_path: str = "/", env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    """Serve `module` (`app:server`) from `root` until the block ends; ready once `ready_path` answers 200."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", module, "-c", "gunicorn.conf.py"],
        cwd=root,
        env={**os.environ, "CONGRESS_BIND": f"127.0.0.1:{port}", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", ready_path)
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn did not come up for {module} in {root}")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
