"""The one advisory file lock: ``flock`` (POSIX) / ``msvcrt.locking`` (Windows).

Two users. The process that owns the outbox holds one for its lifetime (``try_acquire``):
crash recovery (``sending`` back to ``pending``, deleting blob files without a row) is only
safe when no other process is sealing or sending, so a technician's ``desk-app outbox
status`` opened alongside the running client skips recovery. The audit trail takes one
around each append (``with FileLock(path):``, blocking), so two processes never interleave
a record. The OS drops the lock when the holder dies, even by SIGKILL.
Our own ~40 lines rather than a dependency: ``filelock`` (4.x) brings leases, registries
and fork handling we do not use, and costs a noticeable slice of the desk's start.
flock locks belong to an open file, so a second ``FileLock`` on the same path in the same
process is refused just as another process would be.
"""

from __future__ import annotations

import os
from pathlib import Path


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; False at once if another holder has it."""
        return self._take(blocking=False)

    def acquire(self) -> None:
        """Wait for the lock (Windows gives up after ~10 s with OSError)."""
        self._take(blocking=True)

    def _take(self, *, blocking: bool) -> bool:
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            if blocking:
                raise
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

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
