"""SANE's own ``test`` backend, enabled in a private config dir (SANE_CONFIG_DIR).

SANE reads SANE_CONFIG_DIR once per process (the first ``sane_init`` caches its
search path), so the variable is set when this conftest is imported — during
collection, before any test (ours or another package's ``devices list``) can
initialise SANE. The backend ships in Debian's libsane1 (installer/debian lists).
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

TEST_BACKEND_GLOBS = ("usr/lib/*/sane/libsane-test.so*", "usr/lib/sane/libsane-test.so*")

_CONFIG = Path(tempfile.mkdtemp(prefix="sane.d-"))
(_CONFIG / "dll.conf").write_text("test\n")
os.environ["SANE_CONFIG_DIR"] = str(_CONFIG)
atexit.register(shutil.rmtree, _CONFIG, True)


@pytest.fixture(scope="session")
def sane_test_backend():
    if not any(any(Path("/").glob(g)) for g in TEST_BACKEND_GLOBS):
        pytest.skip("SANE test backend missing: install libsane1 (apt-runtime.txt)")
    try:
        import sane  # noqa: F401
    except ImportError:
        pytest.skip("python-sane is not built (needs libsane-dev, gcc, python3-dev)")
    return "test:0"
