"""A black-hole TCP server on a free loopback port: it accepts every connection and never
sends a byte, like an outside service (CAPTCHA verifier, SMS API, mail server) that hangs.
Used by the timeout tests and by bench/hanging_verifier.py. Connections are held until
the server stops; nothing leaves the machine."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator


class BlackHole:
    def __init__(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.host, self.port = self.listener.getsockname()
        self.listener.settimeout(0.2)
        self.accepted: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._stopping.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)  # held open, never answered

    def start(self) -> BlackHole:
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        self._thread.join(timeout=5)
        self.listener.close()
        for connection in self.accepted:
            connection.close()

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


@contextlib.contextmanager
def black_hole() -> Iterator[BlackHole]:
    server = BlackHole().start()
    try:
        yield server
    finally:
        server.stop()
