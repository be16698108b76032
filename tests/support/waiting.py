"""``wait_until``: wait for a condition instead of sleeping for a guessed time.

A sleep long enough for a loaded CI box wastes that long on every run, and one too short
fails there; polling a condition returns as soon as it holds. Qt tests use
``qtbot.waitUntil`` (it keeps the event loop turning); this one is for threads, processes
and servers.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T], timeout: float = 10.0, interval: float = 0.02,
    message: str | Callable[[], str] = "",
) -> T:
    """The condition's first truthy value; AssertionError (with ``message``) after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            said = message() if callable(message) else message
            raise AssertionError(f"not within {timeout:g} s: {said or condition}")
        time.sleep(interval)
