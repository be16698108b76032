"""SANE's own ``test`` backend, enabled in a private config dir (SANE_CONFIG_DIR).

SANE reads SANE_CONFIG_DIR when a process initialises it, which here is each scanner
helper process as it starts; the variable is set when this conftest is imported, so
every helper these tests start sees it. The backend ships in Debian's libsane1
(installer/debian lists).
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from devices.scanner.sane_test_backend import has_test_backend, write_test_backend_config

_CONFIG = write_test_backend_config(Path(tempfile.mkdtemp(prefix="sane.d-")))
os.environ["SANE_CONFIG_DIR"] = str(_CONFIG)
atexit.register(shutil.rmtree, _CONFIG, True)


@pytest.fixture(scope="session")
def sane_test_backend():
    if not has_test_backend():
        pytest.skip("SANE test backend missing: install libsane1 (apt-runtime.txt)")
    try:
        import sane  # noqa: F401
    except ImportError:
        pytest.skip("python-sane is not built (needs libsane-dev, gcc, python3-dev)")
    return "test:0"
