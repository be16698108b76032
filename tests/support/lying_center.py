"""A center on loopback that lies about uploads or never finishes its answers.

A real HTTP/1.1 server (``http.server``, one thread per connection) speaking just the
blob and health parts of API v1, with one ``mode`` saying how it misbehaves:

- ``offset-beyond``: HEAD says more bytes arrived than the file has;
- ``mismatch-beyond``: every PATCH is 409 offset-mismatch at an offset past the file
  (the loop of issue #13: the old client restarted at 0 and looped for ever);
- ``mismatch-zero``: every PATCH is 409 offset-mismatch at offset 0;
- ``overclaim``: a PATCH's answer claims more than was sent;
- ``creep``: each PATCH keeps a single byte;
- ``trickle``: answers ``/health`` with a body of one byte every ``trickle_gap`` seconds;
- ``endless``: answers ``/health`` with an endless chunked body, as fast as it can;
- ``huge-length``: declares a 10 GB ``Content-Length``;
- ``silent``: sends the status line and headers, then nothing;
- ``skewed``: answers ``/health`` correctly, with a ``Date`` ``clock_offset`` seconds off.
It counts requests by method and stops each endless answer when the client hangs up.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LyingCenter:
    def __init__(self, mode: str, trickle_gap: float = 0.05, clock_offset: float = 0) -> None:
        self.mode = mode
        self.clock_offset = clock_offset
        self.trickle_gap = trickle_gap
        self.requests: Counter = Counter()
        self.bytes_streamed = 0
        self.total_hint = 0  # the file's size, from Upload-Length
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        center = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet test output
                pass

            def date_time_string(self, timestamp=None) -> str:
                moment = (time.time() if timestamp is None else timestamp) + center.clock_offset
                return super().date_time_string(moment)

            def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _problem(self, status: int, slug: str, **extras) -> None:
                body = json.dumps(
                    {"type": f"https://counter-desk/problems/{slug}", "title": slug, **extras}
                ).encode()
                self._send(status, {"Content-Type": "application/problem+json"}, body)

            def do_HEAD(self) -> None:
                center.requests["HEAD"] += 1
                offset = center.total_hint + 100 if center.mode == "offset-beyond" else 0
                self._send(200, {"Upload-Offset": str(offset), "Upload-Complete": "0"})

            def do_PATCH(self) -> None:
                center.requests["PATCH"] += 1
                length = int(self.headers.get("Content-Length", "0"))
                self.rfile.read(length)
                offset = int(self.headers.get("Upload-Offset", "0"))
                total = int(self.headers.get("Upload-Length", "0"))
                center.total_hint = total
                mode = center.mode
                if mode == "mismatch-beyond":
                    self._problem(409, "offset-mismatch", offset=total + 7)
                elif mode == "mismatch-zero":
                    self._problem(409, "offset-mismatch", offset=0)
                elif mode == "overclaim":
                    self._send(
                        200, {"Upload-Offset": str(offset + length + 1000), "Upload-Complete": "0"}
                    )
                elif mode == "creep":
                    self._send(200, {"Upload-Offset": str(offset + 1), "Upload-Complete": "0"})
                else:
                    self._send(200, {"Upload-Offset": str(offset + length), "Upload-Complete": "0"})

            def do_GET(self) -> None:
                center.requests["GET"] += 1
                mode = center.mode
                try:
                    if mode == "trickle":
                        self._start(200, {"Content-Length": "100000"})
                        while True:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                            center.bytes_streamed += 1
                            time.sleep(center.trickle_gap)
                    elif mode == "endless":
                        self._start(200, {"Transfer-Encoding": "chunked"})
                        piece = b"[" * 65536
                        frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
                        while True:
                            self.wfile.write(frame)
                            center.bytes_streamed += len(piece)
                    elif mode == "huge-length":
                        self._start(200, {"Content-Length": str(10 * 1024**3)})
                        while True:
                            self.wfile.write(b"{" * 65536)
                            center.bytes_streamed += 65536
                    elif mode == "silent":
                        self._start(200, {"Content-Length": "10"})
                        time.sleep(30)
                    else:
                        self._send(200, {"Content-Type": "application/json"}, b'{"status":"ok"}')
                except OSError:
                    return  # the client hung up: what a bounded client does

            def _start(self, status: int, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.flush()

        return Handler
