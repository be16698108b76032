"""SANE's own ``test`` backend, enabled in a private config dir (SANE_CONFIG_DIR).

SANE reads its config in ``sane_init``, so the directory is made once for the session
and SANE restarted in case another test initialised it first. The backend ships in
Debian's libsane1 (installer/debian lists).
"""

import os
from pathlib import Path

import pytest

TEST_BACKEND_GLOBS = ("/usr/lib/*/sane/libsane-test.so*", "/usr/lib/sane/libsane-test.so*")


@pytest.fixture(scope="session")
def sane_test_backend(tmp_path_factory):
    if not any(Path("/").glob(g.lstrip("/")) for g in TEST_BACKEND_GLOBS):
        pytest.skip(
            "SANE test backend missing: install libsane1 (installer/debian/apt-runtime.txt)"
        )
    try:
        import sane  # noqa: F401
    except ImportError:
        pytest.skip("python-sane is not built (needs libsane-dev, gcc, python3-dev)")
    config = tmp_path_factory.mktemp("sane.d")
    (config / "dll.conf").write_text("test\n")
    os.environ["SANE_CONFIG_DIR"] = str(config)
    from devices.scanner.sane_scanner import restart_sane

    restart_sane()
    return "test:0"
