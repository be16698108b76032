"""A network receipt printer on 127.0.0.1: raw TCP like port 9100 on the real thing.

Captures every byte a client sends and answers ``DLE EOT n`` status queries with the
bytes of its current state, parsing the stream with the test decoder so that bytes
inside image data are never mistaken for a query.
"""

from __future__ import annotations

import socket
import threading

from tests.support.escpos_decoder import parse

STATES = {
    "ready": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12},
    "paper_out": {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72},
    "cover_open": {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12},
    "paper_low": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E},
    "cutter_jam": {1: 0x1A, 2: 0x52, 3: 0x1A, 4: 0x12},
}


class PrinterEmulator:
    def __init__(self, state: str = "ready", answer_status: bool = True) -> None:
        self.state = state
        self.answer_status = answer_status
        self.received = bytearray()
        self.connections = 0
        self.closed = threading.Semaphore(0)
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(4)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"escpos-tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                self._talk(conn)
            self.closed.release()

    def _talk(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        buffer = bytearray()
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk
            buffer += chunk
            commands, used = parse(bytes(buffer))
            del buffer[:used]
            for cmd in commands:
                if cmd.name == "DLE EOT" and self.answer_status:
                    conn.sendall(bytes([STATES[self.state][cmd.args[0]]]))

    def wait_closed(self, timeout: float = 5.0) -> bytes:
        """Wait until the client hung up; everything it sent."""
        assert self.closed.acquire(timeout=timeout), "the client never closed the connection"
        return bytes(self.received)

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(timeout=2)
