"""A PostgreSQL and a Redis of a test's own, on free loopback ports, that the test can stop
and start again: fault tests never touch the shared servers. Stopped by their own PID/data
directory, never by name."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _wait(port: int, *, up: bool, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while _answers(port) != up:
        if time.monotonic() > deadline:
            raise TimeoutError(f"port {port} still {'down' if up else 'up'}")
        time.sleep(0.1)


def _pg_tool(name: str) -> str:
    """initdb and pg_ctl: on PATH, or where Debian's packages put them."""
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise FileNotFoundError(f"{name}: install PostgreSQL's server tools")
    return found if isinstance(found, str) else found[-1]


def _as_postgres(tool: str, *args: str) -> list[str]:
    # initdb refuses to run as root: run the server tools as the postgres user.
    command = [_pg_tool(tool), *args]
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class OwnPostgres:
    """initdb into a temporary directory, pg_ctl on a free port (trust, user postgres)."""

    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="cp-own-pg-")))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres("pg_ctl", "-D", str(self.data), "-w", *args),
            check=True,
            capture_output=True,
            timeout=60,
        )

    def create(self) -> OwnPostgres:
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres")
        subprocess.run(
            _as_postgres(
                "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync"
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        self.start()
        return self

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._pg_ctl("-o", options, "-l", str(self.root / "server.log"), "start")
        _wait(self.port, up=True)

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "stop")
        _wait(self.port, up=False)

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop"),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class OwnRedis:
    """redis-server on a free port, no persistence; stop() and start() keep the port."""

    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> OwnRedis:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait(self.port, up=True)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # this process only, by its PID
            self.process.wait(timeout=20)
        self.process = None
        _wait(self.port, up=False)
