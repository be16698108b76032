"""A network A4 printer on 127.0.0.1 that prints PDF sent raw to it (port 9100 style):
keeps each connection's bytes as one job."""

from __future__ import annotations

import queue
import socket
import threading


class RawJobSink:
    def __init__(self) -> None:
        self.jobs: queue.Queue[bytes] = queue.Queue()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.uri = f"pdf-tcp://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            with conn:
                data = bytearray()
                while chunk := conn.recv(65536):
                    data += chunk
            if data:  # a probe connects and hangs up without a job
                self.jobs.put(bytes(data))

    def next_job(self, timeout: float = 10.0) -> bytes:
        return self.jobs.get(timeout=timeout)

    def close(self) -> None:
        self._server.close()
