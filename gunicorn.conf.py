"""Gunicorn settings for serving the dashboard: `.venv/bin/gunicorn app:server` reads this file from the
repository root. Every setting can be changed from the environment (or on gunicorn's command line).

- CONGRESS_BIND (default 127.0.0.1:8050; or CONGRESS_HOST and CONGRESS_PORT, as for `python app.py`)
- CONGRESS_WORKERS (or WEB_CONCURRENCY; default 2 × CPUs + 1), CONGRESS_THREADS (default 2)
- CONGRESS_TIMEOUT (default 30 s), CONGRESS_MAX_REQUESTS (default 0: workers are not recycled)
- CONGRESS_ACCESS_LOG: a file, or "-" for stderr (default: no access log)
- CONGRESS_WARM: "1" (default) builds the figures in the background as a worker starts, "before" before it
  takes a request (bin/serve), "0" not at all

preload_app is False on purpose. With it the master would import the app before forking, and any thread
or browser started by then would be copied half-alive into every worker: the PNG/PDF export starts a
kaleido Chromium lazily, per process, and must only ever do so in a worker. Loading in each worker also
means `kill -HUP <master>` starts fresh workers that read the records and the code again, which is how a
corrected record reaches a running server. The cost is a second or two of start-up per worker and no
copy-on-write sharing of the (small) frames.
"""

from __future__ import annotations

import multiprocessing
import os
import threading


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = [
    os.environ.get("CONGRESS_BIND")
    or f"{os.environ.get('CONGRESS_HOST', '127.0.0.1')}:{os.environ.get('CONGRESS_PORT', '8050')}"
]

# Callbacks are short and CPU-bound (a dict lookup and JSON): processes give parallelism, a couple of threads
# per process keep slow or idle keep-alive clients from holding a whole worker.
workers = _int("CONGRESS_WORKERS", _int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = _int("CONGRESS_THREADS", 2)
preload_app = False

timeout = _int("CONGRESS_TIMEOUT", 30)  # a worker silent this long is killed and replaced
graceful_timeout = 30
keepalive = 5
max_requests = _int("CONGRESS_MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10

# Requests are small: a page URL with one parameter, a few headers. Bodies are capped at 1 MB by the app
# (MAX_CONTENT_LENGTH, answered with 413).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True  # one per user by default; several servers (tests, bench) would share it

accesslog = os.environ.get("CONGRESS_ACCESS_LOG") or None
errorlog = "-"
proc_name = "congresses-of-soviets"


def post_worker_init(worker) -> None:
    """Refuse to serve in debug mode, whatever the environment said: create_app switches debug off, and this
    checks it in the process that serves, after the app is loaded."""
    wsgi = worker.wsgi
    if getattr(wsgi, "debug", False) or type(wsgi).__name__ == "DebuggedApplication":
        worker.log.error("the app is in debug mode or wrapped in the Werkzeug debugger: not serving it")
        raise SystemExit(3)
    charts = getattr(wsgi, "extensions", {}).get("chart_cache")  # the app's own cache (dashboard.server)
    warm = os.environ.get("CONGRESS_WARM", "1")
    if charts is None or warm == "0":
        return
    if warm == "before":  # bin/serve: the worker takes no request until its figures are built
        worker.log.info("warmed %d figures", charts.warm())
    else:  # build the figures in the background, before pupils ask
        threading.Thread(target=charts.warm, name="warm-figures", daemon=True).start()
