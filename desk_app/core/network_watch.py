"""Whether the center answers, known within seconds, for the status strip.

The sync thread's own heartbeat runs only between uploads and every 30 s, so the
strip said 网络正常 for about 20 s after the center died. This watch asks the center's
health endpoint every ``every`` s on its own connection with a short timeout: a dead
center shows within ``every + timeout`` s (2 + 1.5 here, under the 5 s the clerk is
promised), and a long upload on the sync connection never delays it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

EVERY_S = 2.0
TIMEOUT_S = 1.5


class NetworkWatch:
    def __init__(self, health: Callable[[], object], *, every: float = EVERY_S,
                 closers: list[Callable[[], None]] | None = None) -> None:
        self._health = health
        self._closers = list(closers or [])
        self._every = every
        self.online = False
        self.changed_at = time.monotonic()
        self._listeners: list[Callable[[bool], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_client(cls, client, every: float = EVERY_S) -> NetworkWatch:
        """On a clone of the center client: its own connection, a short timeout."""
        probe = client.clone()
        probe.timeout = (TIMEOUT_S, TIMEOUT_S)
        return cls(probe.health, every=every, closers=[probe.close])

    def add_listener(self, callback: Callable[[bool], None]) -> None:
        self._listeners.append(callback)

    def check(self) -> bool:
        try:
            self._health()
        except Exception as exc:  # any failure is "not reachable now"; no content logged
            online = False
            reason = type(exc).__name__
        else:
            online, reason = True, ""
        if online != self.online:
            self.online = online
            self.changed_at = time.monotonic()
            log.info("center %s %s", "reachable" if online else "not reachable", reason)
            for callback in list(self._listeners):
                try:
                    callback(online)
                except Exception:
                    log.exception("network listener failed")
        return online

    def start(self) -> None:
        def loop() -> None:
            while not self._stop.is_set():
                self.check()
                self._stop.wait(self._every)

        self._thread = threading.Thread(target=loop, name="network-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(TIMEOUT_S * 3)
        for close in self._closers:
            close()
