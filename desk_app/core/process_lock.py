"""An advisory lock a process holds for as long as it owns the outbox.

Crash recovery (``sending`` back to ``pending``, deleting blob files without a row) is
only safe when no other process is sealing or sending at that moment. The running
client holds this lock; a technician's ``desk-app outbox status`` opened alongside it
then skips recovery. The OS drops the lock when the holder dies, even by SIGKILL.
Our own ~30 lines rather than a dependency: we need exactly a non-blocking try on
``flock`` (POSIX) / ``msvcrt.locking`` (Windows), held for the object's lifetime.
"""

from __future__ import annotations

import os
from pathlib import Path


class ProcessLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops flock/msvcrt locks
            self._fd = None
