"""A TCP proxy that speaks just enough HTTP/1.1 to break requests on purpose.

It sits between the client and a real center on loopback and, per request, by a seeded
random plan, either passes it or:
- ``drop_request``: forwards only part of the request (usually mid-body), then closes;
- ``cut_response``: forwards the whole request, lets the center answer (it has committed),
  and sends the client only a prefix of the answer before closing;
- ``bad_gateway`` / ``unavailable``: swallows the request and answers 502 / 503;
- ``delay``: waits before forwarding.
An optional bandwidth limit paces all bytes through one shared token bucket, like a
slow township link. Counters say what happened, for assertions and the benchmark.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

SLICE = 16 * 1024
FAULTS = ("drop_request", "cut_response", "bad_gateway", "unavailable", "delay")


@dataclass
class FaultPlan:
    seed: int = 0
    drop_request: float = 0.0
    cut_response: float = 0.0
    bad_gateway: float = 0.0
    unavailable: float = 0.0
    delay: float = 0.0
    delay_range: tuple[float, float] = (0.02, 0.2)
    bandwidth: float | None = None  # bytes per second, both directions together

    def choose(self, rng: random.Random) -> str:
        roll = rng.random()
        for name in FAULTS:
            roll -= getattr(self, name)
            if roll < 0:
                return name
        return "pass"


@dataclass
class ProxyStats:
    requests: Counter = field(default_factory=Counter)  # by mode
    patch_body_bytes_in: int = 0  # PATCH body bytes the client pushed into the proxy
    bytes_up: int = 0
    bytes_down: int = 0

    @property
    def faults(self) -> int:
        return sum(n for mode, n in self.requests.items() if mode not in ("pass", "delay"))


class _Gone(Exception):
    pass


async def _read_head(reader: asyncio.StreamReader) -> bytes | None:
    try:
        return await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial:
            raise _Gone() from exc
        return None
    except (asyncio.LimitOverrunError, ConnectionError) as exc:
        raise _Gone() from exc


def _parse_head(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    return lines[0], headers


def _gateway_error(mode: str) -> bytes:
    code = b"502 Bad Gateway" if mode == "bad_gateway" else b"503 Service Unavailable"
    body = b"<html><body>gateway error</body></html>"
    return (
        b"HTTP/1.1 " + code + b"\r\nContent-Type: text/html\r\nContent-Length: "
        + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body
    )


class FaultProxy:
    def __init__(self, upstream_url: str, plan: FaultPlan | None = None) -> None:
        host_port = upstream_url.split("://", 1)[1].rstrip("/")
        host, port = host_port.rsplit(":", 1)
        self.upstream = (host, int(port))
        self.plan = plan or FaultPlan()
        self.rng = random.Random(self.plan.seed)
        self.stats = ProxyStats()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._next_free = 0.0
        self.url = ""

    # ---- lifecycle -----------------------------------------------------------------
    def start(self) -> str:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        port = future.result(10)
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def _start(self) -> int:
        self._server = await asyncio.start_server(
            self._handle, "127.0.0.1", 0, limit=1024 * 1024
        )
        return self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def _close():
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(_close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def set_plan(self, plan: FaultPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)

    # ---- pacing --------------------------------------------------------------------
    async def _send(self, writer: asyncio.StreamWriter, data: bytes, up: bool) -> None:
        for start in range(0, len(data), SLICE):
            piece = data[start : start + SLICE]
            if self.plan.bandwidth:
                # Pacing: each slice occupies the shared link for len/bandwidth seconds. An
                # idle link banks at most one slice of credit (a small token bucket), so a
                # late wake-up of the event loop does not lower the rate below the limit.
                now = time.monotonic()
                credit = SLICE / self.plan.bandwidth
                start = max(self._next_free, now - credit)
                self._next_free = start + len(piece) / self.plan.bandwidth
                if self._next_free > now:
                    await asyncio.sleep(self._next_free - now)
            writer.write(piece)
            await writer.drain()
            if up:
                self.stats.bytes_up += len(piece)
            else:
                self.stats.bytes_down += len(piece)

    # ---- one client connection -----------------------------------------------------
    async def _handle(self, creader: asyncio.StreamReader, cwriter: asyncio.StreamWriter):
        upstream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        try:
            while True:
                head = await _read_head(creader)
                if head is None:
                    return
                request_line, headers = _parse_head(head)
                method = request_line.split(" ", 1)[0].upper()
                length = int(headers.get("content-length", "0") or 0)
                mode = self.plan.choose(self.rng)
                self.stats.requests[mode] += 1
                if mode in ("bad_gateway", "unavailable"):
                    await self._swallow(creader, length, method)
                    await self._send(cwriter, _gateway_error(mode), up=False)
                    return
                if mode == "delay":
                    await asyncio.sleep(self.rng.uniform(*self.plan.delay_range))
                if upstream is None:
                    upstream = await asyncio.open_connection(*self.upstream)
                ureader, uwriter = upstream
                if mode == "drop_request":
                    if length:
                        cut = self.rng.randint(0, length - 1)
                        await self._send(uwriter, head, up=True)
                        await self._pipe_body(creader, uwriter, cut, method)
                    else:
                        await self._send(uwriter, head[: self.rng.randint(0, len(head) - 1)], True)
                    await asyncio.sleep(0.01)  # let the partial bytes reach the center
                    return
                await self._send(uwriter, head, up=True)
                await self._pipe_body(creader, uwriter, length, method)
                response = await self._read_response(ureader, method)
                if mode == "cut_response":
                    await self._send(cwriter, response[: self.rng.randint(0, len(response) - 1)],
                                     up=False)
                    return
                await self._send(cwriter, response, up=False)
                if headers.get("connection", "").lower() == "close":
                    return
        except (_Gone, ConnectionError, asyncio.IncompleteReadError, OSError):
            return
        except asyncio.CancelledError:
            return
        finally:
            for writer in (cwriter, upstream[1] if upstream else None):
                if writer is not None:
                    writer.close()

    async def _swallow(self, reader: asyncio.StreamReader, length: int, method: str) -> None:
        remaining = length
        while remaining:
            piece = await reader.read(min(SLICE, remaining))
            if not piece:
                raise _Gone()
            remaining -= len(piece)
            if method == "PATCH":
                self.stats.patch_body_bytes_in += len(piece)

    async def _pipe_body(self, reader, writer, count: int, method: str) -> None:
        remaining = count
        while remaining:
            piece = await reader.read(min(SLICE, remaining))
            if not piece:
                raise _Gone()
            remaining -= len(piece)
            if method == "PATCH":
                self.stats.patch_body_bytes_in += len(piece)
            await self._send(writer, piece, up=True)

    async def _read_response(self, reader: asyncio.StreamReader, method: str) -> bytes:
        head = await _read_head(reader)
        if head is None:
            raise _Gone()
        status_line, headers = _parse_head(head)
        status = int(status_line.split(" ")[1])
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return head
        if "content-length" in headers:
            return head + await reader.readexactly(int(headers["content-length"]))
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0], 16)
                body += size_line + await reader.readexactly(size + 2)
                if size == 0:
                    return head + body
        return head + await reader.read()
