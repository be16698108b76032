"""The demo binds SANE's test feeder as its scanner, and leaves SANE_CONFIG_DIR as it was."""

from __future__ import annotations

import os

import pytest

from desk_app.services.demo import start_demo
from devices.scanner.base import ScanSettings

pytestmark = pytest.mark.realstack  # the in-process center and SANE's test backend


def test_the_demo_scanner_feeds_pages_and_the_environment_is_restored(monkeypatch):
    monkeypatch.setenv("SANE_CONFIG_DIR", "/nonexistent/before-the-demo")
    desk = start_demo()
    try:
        factory = desk.services.scanner_factory()
        assert factory is not None, "libsane1's test backend is installed by apt-runtime.txt"
        scanner = factory()
        try:
            pages = scanner.scan(ScanSettings("adf", dpi=50), timeout=60)
        finally:
            scanner.close()
        assert len(pages) > 1
        assert pages[0].std() > 10  # the colour pattern, not a blank page
    finally:
        desk.close()
    assert os.environ["SANE_CONFIG_DIR"] == "/nonexistent/before-the-demo"
