"""Pairing codes on their way to whoever shows them (the desk's window, the CLI).

Never logged: a code in a log file would let its reader pair a page for 5 minutes.
"""

from __future__ import annotations

from collections.abc import Callable


class BridgeNotices:
    def __init__(self) -> None:
        self._listeners: list[Callable[[str, str], None]] = []

    def add_listener(self, callback: Callable[[str, str], None]) -> None:
        self._listeners.append(callback)

    def show(self, origin: str, code: str) -> None:
        for callback in list(self._listeners):
            callback(origin, code)
