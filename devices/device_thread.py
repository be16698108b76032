"""One daemon thread per device, for drivers that must be called from a single thread.

``concurrent.futures.ThreadPoolExecutor`` is the obvious tool but the wrong one here:
its workers are joined when the interpreter exits, so a driver call that never returns
(a camera whose USB link hung) would keep the client — or a test run — from ever
exiting. A daemon thread is abandoned at exit instead.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class DeviceThread:
    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future, Callable, tuple] | None] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the caller through the future
                future.set_exception(exc)
            else:
                future.set_result(result)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        if self._closed:
            raise RuntimeError(f"{self._thread.name} is shut down")
        future: Future = Future()
        self._jobs.put((future, fn, args))
        return future

    def shutdown(self) -> None:
        """Stop after the queued calls; does not wait (a hung call may never return)."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)
