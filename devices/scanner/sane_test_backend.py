"""SANE's own ``test`` backend (Debian's libsane1): the demo's scanner and the tests'.

It is off in the system's dll.conf; a folder named by SANE_CONFIG_DIR whose dll.conf
lists only ``test`` enables it. SANE reads the variable when a process initialises it,
which here is each scanner helper process as it starts.
"""

from __future__ import annotations

from pathlib import Path

LIBRARY_GLOBS = ("usr/lib/*/sane/libsane-test.so*", "usr/lib/sane/libsane-test.so*")


def has_test_backend() -> bool:
    return any(any(Path("/").glob(g)) for g in LIBRARY_GLOBS)


def write_test_backend_config(folder: Path) -> Path:
    """Make ``folder`` a SANE config dir enabling only the test backend; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    return folder
