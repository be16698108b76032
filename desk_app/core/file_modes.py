"""Only the clerk's own account may read what the client keeps (POSIX modes).

Everything under the config, data, log and cache folders is personal or secret in
some way (sealed cases, the audit trail, logs that name card types and case numbers),
so folders are 0700 and files 0600. New files get that through the process umask;
files left by an older version (0644 was the default) are tightened at every start.
On Windows the folders live in the user's profile, whose ACL already does this.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_UMASK = 0o077


@contextmanager
def private_files() -> Iterator[None]:
    """Files and folders created meanwhile (SQLite's -wal/-shm, logs, caches): owner only.

    Scoped, not set for good: ``desk-app`` runs its whole life inside it, while a test
    that calls ``main()`` in-process gets its umask back.
    """
    if os.name != "posix":
        yield
        return
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def tighten(folders: list[Path]) -> int:
    """Set 0700/0600 on these folders and everything below; returns how many changed.

    Symbolic links are not followed (a link to /etc must not make us chmod /etc); an
    entry that cannot be changed is logged by kind of error, never raised.
    """
    if os.name != "posix":
        return 0
    changed = 0
    for top in folders:
        if not top.is_dir() or top.is_symlink():
            continue
        for here, dirs, files in os.walk(top, followlinks=False):
            changed += _set(Path(here), FOLDER_MODE)
            for name in files:
                changed += _set(Path(here) / name, FILE_MODE)
            dirs[:] = [d for d in dirs if not (Path(here) / d).is_symlink()]
    return changed


def _set(path: Path, mode: int) -> int:
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) & ~mode == 0:
            return 0  # a link, or already no wider than wanted
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
        return 1
    except OSError as exc:
        log.warning("could not restrict permissions: %s", type(exc).__name__)
        return 0
