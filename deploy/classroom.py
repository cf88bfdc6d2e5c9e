"""Serve a classroom with one command (`bin/serve`): nginx in front of gunicorn instances, each warmed first.

Settings, from the environment:
- CONGRESS_HOST, CONGRESS_PORT: where nginx listens (127.0.0.1:8050; 0.0.0.0 for pupils on the school network)
- CONGRESS_INSTANCES: gunicorn instances on this machine (2); CONGRESS_WORKERS, CONGRESS_THREADS: per instance
- CONGRESS_UPSTREAM: more gunicorn servers, on other machines ("10.0.0.5:8050 10.0.0.6:8050")
- CONGRESS_CONN_PER_CLIENT: open connections one address may hold (256)
- CONGRESS_FIGURE_STORE: the figures built once for every instance (build/figures); CONGRESS_WARM=0: none
- CONGRESS_EXPORT_QUEUE, CONGRESS_EXPORT_RATE: the export queue's length (12) and the exports one address may
  start in a minute (6); one Chromium draws them all (dashboard/render_service.py)
- CONGRESS_RUN_DIR: sockets, nginx's config and log, and serve.pid, this process's pid (build/run)

nginx's upstream names one socket per slot, `slot-N.sock`: a symbolic link to the socket of the instance
that serves the slot now (`instance-K.sock`, its master's pid in `slot-N.pid`). HUP replaces the instances
one at a time: a new one starts on a socket of its own and warms; then the link is switched to it in one
step (a rename) and the old one stops gracefully, finishing what it has. nginx is never reloaded, so no
pupil's connection is closed, and a request that reaches a stopping instance is sent to another: a corrected
record reaches pupils without a failed request. An instance that dies is replaced the same way while the
others answer. TERM or INT stops everything.
"""

from __future__ import annotations

import http.client
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE_ENV = "CONGRESS_FIGURE_STORE"  # as dashboard/figure_store.py reads it
RENDER_ENV = "CONGRESS_RENDER_SOCKET"  # as dashboard/render_service.py reads it

DEPLOY = ROOT / "deploy"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
READY_SECONDS = 180


def setting(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


class UnixHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection over a gunicorn instance's unix socket."""

    def __init__(self, path: Path, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(str(self.path))


@dataclass
class Instance:
    """One gunicorn master and its workers, on its own socket."""

    socket: Path
    process: subprocess.Popen

    def answers(self) -> bool:
        """Whether a warmed worker answers /healthz (workers warm before they take a request)."""
        try:
            connection = UnixHTTPConnection(self.socket, timeout=5)
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        except OSError:
            return False

    def stop(self) -> None:
        """Graceful: the instance finishes the requests it has (gunicorn's graceful_timeout)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Classroom:
    """nginx and the gunicorn instances behind it, kept running until stopped."""

    def __init__(self) -> None:
        self.run = Path(setting("CONGRESS_RUN_DIR", str(ROOT / "build" / "run"))).resolve()
        self.listen = f"{setting('CONGRESS_HOST', '127.0.0.1')}:{setting('CONGRESS_PORT', '8050')}"
        self.count = int(setting("CONGRESS_INSTANCES", "2"))
        self.remote = setting("CONGRESS_UPSTREAM", "").split()
        self.instances: list[Instance] = []
        self.nginx: subprocess.Popen | None = None
        self.wanted: list[str] = []  # signals received, handled by the main loop
        self.serial = itertools.count(1)
        self.warm = setting("CONGRESS_WARM", "before")
        self.store = Path(setting(STORE_ENV, str(ROOT / "build" / "figures"))).resolve()
        self.render_socket = self.run / "render.sock"
        self.renderer: subprocess.Popen | None = None
        self.later: subprocess.Popen | None = None
        self.later_started = 0.0

    def start_renderer(self) -> None:
        """The server's one export queue and its Chromium (dashboard.render_service)."""
        command = [sys.executable, "-m", "dashboard.render_service", str(self.render_socket)]
        self.renderer = subprocess.Popen(command, cwd=ROOT)
        deadline = time.monotonic() + 30
        while not self.render_socket.exists():
            if self.renderer.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the export service did not start")
            time.sleep(0.1)

    def build_figures(self, *options: str) -> None:
        """Build the figures every instance reads (dashboard.chart_cache), unless warming is off."""
        if self.warm != "0":
            command = [sys.executable, "-m", "dashboard.chart_cache", *options]
            subprocess.run(command, cwd=ROOT, env={**os.environ, STORE_ENV: str(self.store)}, check=True)

    def build_later(self) -> None:
        """Build every pair of congresses compared, and every view at every common window in every theme, into
        the store, at the lowest CPU priority, while the class is served (ChartCache.warm_later): a view asked
        for before it is built is built by its worker, as before."""
        self.stop_later()
        if self.warm != "0":
            command = [sys.executable, "-m", "dashboard.chart_cache", "--later"]
            env = {**os.environ, STORE_ENV: str(self.store)}
            self.later = subprocess.Popen(command, cwd=ROOT, env=env, preexec_fn=lambda: os.nice(19))
            self.later_started = time.monotonic()

    def check_later(self) -> None:
        """Say once when the low-priority build has finished (bench/classroom.py waits for this line)."""
        if self.later is not None and self.later.poll() is not None:
            seconds, code, self.later = time.monotonic() - self.later_started, self.later.returncode, None
            if code == 0:
                print(f"figure store: every view at every common window built ({seconds:.0f} s)", flush=True)
            else:
                print(f"figure store: the low-priority build stopped (exit {code})", file=sys.stderr, flush=True)

    def stop_later(self) -> None:
        if self.later is not None and self.later.poll() is None:
            self.later.terminate()
            self.later.wait(timeout=30)

    def slot(self, index: int) -> Path:
        return self.run / f"slot-{index + 1}.sock"

    def start_instance(self) -> Instance:
        path = self.run / f"instance-{next(self.serial)}.sock"
        env = {**os.environ, "CONGRESS_BIND": f"unix:{path}"}
        env["CONGRESS_WARM"] = self.warm
        env[STORE_ENV] = str(self.store)
        env[RENDER_ENV] = str(self.render_socket)
        env.pop("CONGRESS_ACCESS_LOG", None)  # nginx logs every request
        env["CONGRESS_WORKERS"] = setting("CONGRESS_WORKERS", str(os.cpu_count() or 1))
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server"], cwd=ROOT, env=env)
        return Instance(path, process)

    def wait_ready(self, instance: Instance) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while not instance.answers():
            if instance.process.poll() is not None:
                raise SystemExit(f"a gunicorn instance exited ({instance.process.returncode}) before it was ready")
            if time.monotonic() > deadline:
                raise SystemExit(f"a gunicorn instance was not ready in {READY_SECONDS} s")
            time.sleep(0.2)

    def config(self) -> str:
        """nginx.conf with this classroom's sockets, paths and limits filled in."""
        # This machine's slots are never marked down (max_fails=0): a stopping or killed instance refuses at once
        # and the request goes to the next one, so nginx can never find every slot marked down at the same time
        # while one is being replaced. Other machines are left out for 5 s after a failure (a connect timeout).
        servers = [f"unix:{self.slot(index)} max_fails=0" for index in range(self.count)]
        servers += [f"{address} max_fails=1 fail_timeout=5s" for address in self.remote]
        fields = {
            "user": f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else "",
            "modules": f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.is_file() else "",
            "brotli_static": "brotli_static on;" if BROTLI_MODULE.is_file() else "",
            "run": str(self.run),
            "access_log": setting("CONGRESS_ACCESS_LOG", "off"),
            "per_client": setting("CONGRESS_CONN_PER_CLIENT", "256"),
            "servers": "\n".join(f"        server {s};" for s in servers),
            "listen": self.listen,
            "static": str(ROOT / "build" / "static"),
            "deploy": str(DEPLOY),
        }
        text = (DEPLOY / "nginx.conf").read_text()
        for name, value in fields.items():
            text = text.replace(f"@{name}@", value)
        return text

    def write_config(self) -> Path:
        path = self.run / "nginx.conf"
        partial = path.with_suffix(".partial")
        partial.write_text(self.config())
        partial.replace(path)
        return path

    def start(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).is_file():
            raise SystemExit("nginx is not installed: run `bash bin/setup` first")
        self.run.mkdir(parents=True, exist_ok=True)
        (self.run / "serve.pid").write_text(f"{os.getpid()}\n")
        for stale in [*self.run.glob("slot-*"), *self.run.glob("instance-*.sock")]:
            stale.unlink()
        self.build_figures("--prune")
        self.start_renderer()
        self.instances = [self.start_instance() for _ in range(self.count)]
        for index, instance in enumerate(self.instances):
            self.wait_ready(instance)
            self.link(index, instance)
        conf = self.write_config()
        command = [nginx, "-p", str(self.run), "-e", str(self.run / "nginx-error.log"), "-c", str(conf)]
        subprocess.run([*command, "-t", "-q"], check=True)
        self.nginx = subprocess.Popen([*command, "-g", "daemon off;"])
        self.wait_listening()
        print(f"Serving the dashboard on http://{self.listen}/ (bin/serve; Ctrl-C stops it)", flush=True)
        self.build_later()

    def link(self, index: int, instance: Instance) -> None:
        """Point slot `index` at `instance`: new connections go to it from now on."""
        partial = self.run / f".slot-{index + 1}.partial"
        partial.unlink(missing_ok=True)
        partial.symlink_to(instance.socket.name)
        partial.replace(self.slot(index))
        pid = self.run / f".slot-{index + 1}.pid.partial"
        pid.write_text(f"{instance.process.pid}\n")
        pid.replace(self.slot(index).with_suffix(".pid"))

    def wait_listening(self) -> None:
        """Wait until nginx answers /healthz on its port (from an instance behind it)."""
        host, _, port = self.listen.rpartition(":")
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection(
                    "127.0.0.1" if host == "0.0.0.0" else host, int(port), timeout=5
                )
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            if (self.nginx is not None and self.nginx.poll() is not None) or time.monotonic() > deadline:
                raise SystemExit(f"nginx did not answer on {self.listen}; see {self.run / 'nginx-error.log'}")
            time.sleep(0.1)

    def replace(self, index: int) -> None:
        """Start a new instance beside the one in slot `index`, wait until it is warm, switch the slot to it,
        then stop the old one (gracefully: it finishes what it has)."""
        old, new = self.instances[index], self.start_instance()
        self.wait_ready(new)
        self.link(index, new)
        self.instances[index] = new
        old.stop()
        old.socket.unlink(missing_ok=True)  # gone already unless the instance was killed
        print(f"gunicorn instance {index + 1} of {len(self.instances)} replaced", flush=True)

    def serve(self) -> None:
        for name in ("SIGHUP", "SIGTERM", "SIGINT"):
            signal.signal(getattr(signal, name), lambda number, _: self.wanted.append(signal.Signals(number).name))
        self.start()
        while True:
            if self.wanted:
                wanted = self.wanted.pop(0)
                if wanted != "SIGHUP":
                    break
                self.build_figures("--processes", "1")  # the records or the code may have changed
                for index in range(len(self.instances)):
                    self.replace(index)
                self.build_later()
                continue
            if self.nginx is not None and self.nginx.poll() is not None:
                print("nginx exited; stopping", file=sys.stderr)
                break
            if self.renderer is not None and self.renderer.poll() is not None:
                print("the export service exited; starting it again", file=sys.stderr, flush=True)
                self.render_socket.unlink(missing_ok=True)
                self.start_renderer()
            self.check_later()
            for index, instance in enumerate(self.instances):
                if instance.process.poll() is not None:
                    print(f"gunicorn instance {index + 1} exited; replacing it", file=sys.stderr, flush=True)
                    self.replace(index)
            time.sleep(0.5)
        self.stop()

    def stop(self) -> None:
        self.stop_later()
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.nginx.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        for instance in self.instances:
            instance.stop()
        if self.renderer is not None and self.renderer.poll() is None:
            self.renderer.terminate()
            self.renderer.wait(timeout=30)


if __name__ == "__main__":
    Classroom().serve()
