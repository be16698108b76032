"""The one way the UI runs work off the GUI thread.

``TaskRunner.run(work, on_done, on_error)`` insists on a failure handler, so no
background failure can vanish; results and errors come back on the GUI thread through
Qt signals. ``SyncTaskRunner`` runs the work inline for tests that want determinism.
At shutdown ``drain`` lets running jobs finish (a seal, an upload-ahead, a print must
not be cut off mid-write) and drops the ones not started yet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry a worker's outcome back there."""

    finished = Signal(object, object)
    failed = Signal(object, object)

    @Slot(object, object)
    def deliver(self, callback: Done, value: Any) -> None:
        callback(value)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, on_done: Done,
                 on_error: Failed) -> None:
        super().__init__()
        self.work, self.relay, self.on_done, self.on_error = work, relay, on_done, on_error

    def run(self) -> None:
        try:
            value = self.work()
        except Exception as exc:  # every failure goes to the handler the caller gave
            log.warning("background task failed: %s", type(exc).__name__)
            self.relay.failed.emit(self.on_error, exc)
        else:
            self.relay.finished.emit(self.on_done, value)


class TaskRunner:
    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool()
        self.pool.setMaxThreadCount(max(2, self.pool.maxThreadCount()))
        self.relay = _Relay()
        self.relay.finished.connect(self.relay.deliver)
        self.relay.failed.connect(self.relay.deliver)
        self.draining = False

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        if on_error is None:
            raise ValueError("a background task needs a failure handler")
        if self.draining:
            log.info("background task refused: the application is closing")
            return
        self.pool.start(_Job(work, self.relay, on_done, on_error))

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)

    def drain(self, msecs: int = 30_000) -> bool:
        """Shutdown: start nothing new, drop what has not started, wait for what runs."""
        self.draining = True
        self.pool.clear()
        finished = self.pool.waitForDone(msecs)
        if not finished:
            log.warning("background tasks still running after %d ms at shutdown", msecs)
        return finished


class SyncTaskRunner:
    """Same contract, run inline: for tests and for work that must finish before a step."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        if on_error is None:
            raise ValueError("a background task needs a failure handler")
        try:
            value = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(value)

    def wait(self, msecs: int = 0) -> bool:
        return True

    def drain(self, msecs: int = 0) -> bool:
        return True
