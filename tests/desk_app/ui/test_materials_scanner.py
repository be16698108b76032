"""Scanning into a material from the materials screen, through SANE's real ``test`` backend.

SANE runs in a helper process per scanner, which reads SANE_CONFIG_DIR when it starts:
the private config enabling the ``test`` backend is set for this test alone.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import Qt

from desk_app.ui.capture.capture_slots import MaterialSlot
from desk_app.ui.capture.materials_screen import MaterialsScreen
from devices.scanner.sane_test_backend import has_test_backend, write_test_backend_config
from devices.scanner.uri import open_scanner

pytestmark = pytest.mark.realstack
SLOTS = [
    MaterialSlot("contract", "房屋租赁合同", "原件1份", allowed_modes=("scan", "upload")),
    MaterialSlot("photo", "近期免冠照片", "1张", allowed_modes=("upload",)),
]


@pytest.fixture
def sane_test_config(tmp_path, monkeypatch):
    if not has_test_backend():  # realstack: on CI this skip fails the run
        pytest.skip("SANE test backend missing: install libsane1 (apt-runtime.txt)")
    config = write_test_backend_config(tmp_path / "sane.d")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(config))
    return config


def make_screen(qtbot, uri: str | None) -> MaterialsScreen:
    factory = (lambda: open_scanner(uri)) if uri else None
    screen = MaterialsScreen(SLOTS, camera_factory=None, scanner_factory=factory)
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    with qtbot.waitActive(screen):  # shortcuts (F7) go to the active window
        screen.show()
        screen.activateWindow()
    return screen


def test_f7_scans_the_whole_feeder_into_the_current_material(qtbot, sane_test_config):
    screen = make_screen(qtbot, "sane:test:1?read-return-value=Default&test-picture=Color pattern")
    try:
        assert screen.preview.idle_text == "未绑定高拍仪：请按 F7 扫描，或导入文件"
        assert screen.scan_button.isVisible()
        assert screen.source_box.currentData() == "adf"
        with qtbot.waitSignal(screen._capture.worker.scanned, timeout=60_000) as done:
            qtbot.keyClick(screen, Qt.Key.Key_F7)
        key, pages, fault = done.args
        assert (key, fault) == ("contract", "")
        assert pages > 1
        # the worker's signal reaches the screen queued, after the pages it sent before it
        qtbot.waitUntil(lambda: screen.status.text() == f"扫描完成：{pages} 页", timeout=10_000)
        assert screen.page_count("contract") == pages
        with pikepdf.open(io.BytesIO(screen.results()["contract"].pdf)) as pdf:
            assert len(pdf.pages) == pages
        if os.environ.get("COUNTERDESK_SHOTS"):
            screen.grab().save(str(Path(os.environ["COUNTERDESK_SHOTS"]) / "scanned.png"))
    finally:
        screen.shutdown()


def test_a_jam_is_said_in_words_and_a_material_without_scan_is_refused(qtbot, sane_test_config):
    screen = make_screen(qtbot, "sane:test:1?read-return-value=SANE_STATUS_JAMMED")
    try:
        with qtbot.waitSignal(screen._capture.worker.scanned, timeout=60_000):
            screen.scan_pages()
        qtbot.waitUntil(lambda: "卡纸" in screen.status.text(), timeout=10_000)
        assert screen.page_count("contract") == 0
        assert screen.scan_button.isEnabled()  # the clerk can clear the jam and scan again
        screen.select_slot("photo")
        assert not screen.scan_button.isEnabled()
        screen.scan_pages()
        assert "不能扫描" in screen.status.text()
    finally:
        screen.shutdown()


def test_without_a_bound_scanner_nothing_is_offered(qtbot):
    screen = make_screen(qtbot, None)
    try:
        assert not screen.scan_button.isVisible()
        assert not screen.source_box.isVisible()
    finally:
        screen.shutdown()
