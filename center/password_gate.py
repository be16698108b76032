"""A bound on concurrent password verifications.

Each Argon2id verification at the default costs takes ~64 MiB and a core for ~0.1 s; a
login flood verified all at once would take the server's memory and CPU from every other
request. At most ``slots`` verifications run at a time; up to ``queue`` more wait (as
coroutines, holding no thread); beyond that, or after waiting ``wait_seconds``, a login is
answered 503 with Retry-After (RFC 9110 §15.6.4): the center is busy, not the clerk wrong.
"""

from __future__ import annotations

import asyncio
import os
from types import TracebackType

from center.problems import Problem


def default_slots() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class PasswordGate:
    def __init__(self, slots: int | None = None, queue: int = 64, wait_seconds: float = 5.0):
        self.slots = slots or default_slots()
        self.queue, self.wait_seconds = queue, wait_seconds
        self._semaphore = asyncio.Semaphore(self.slots)
        self._waiting = 0
        self.running = 0
        self.peak = 0  # the most verifications ever seen at once (observability, tests)

    def _busy(self) -> Problem:
        return Problem(
            503,
            "login-busy",
            "登录请求过多，中心正忙，请稍候几秒再登录",
            headers={"Retry-After": "2"},
            retry_after=2,
        )

    async def __aenter__(self) -> PasswordGate:
        if not self._semaphore.locked():
            await self._semaphore.acquire()  # a free slot: taken without suspending
        else:
            if self._waiting >= self.queue:
                raise self._busy()
            self._waiting += 1
            try:
                await asyncio.wait_for(self._semaphore.acquire(), self.wait_seconds)
            except TimeoutError:
                raise self._busy() from None
            finally:
                self._waiting -= 1
        self.running += 1
        self.peak = max(self.peak, self.running)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.running -= 1
        self._semaphore.release()
