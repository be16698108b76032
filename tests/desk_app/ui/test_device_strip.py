"""The status strip over the demo's real hub, with the device bridge running.

Dots start as "not probed" (◌), then show the devices' own answers; a page pairing
shows its code at the desk; a page reading a card is announced in the status bar.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox

from desk_app.core.bridge.server import BridgeServer
from desk_app.core.bridge.settings import BridgeSettings
from desk_app.services.demo import start_demo
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sync_bridge import SyncBridge
from desk_app.ui.shell.tasks import TaskRunner

pytestmark = pytest.mark.realstack  # the in-process center, SANE's test scanner, loopback
PAGE = "http://app.test:8080"
SHOTS = Path(os.environ.get("BRIDGE_SCREENSHOT_DIR", "/tmp/counterdesk-bridge-shots"))


@pytest.fixture
def desk_with_bridge(qtbot):
    desk = start_demo()
    services = desk.services
    server = BridgeServer(services.hub, BridgeSettings(True, 0, frozenset({PAGE})),
                          audit=services.audit, clerk=services.clerk_username)
    server.start()
    services.bridge = server
    sync_bridge = SyncBridge(services.outbox_summary)
    window = MainWindow(services, TaskRunner(), sync_bridge, speak=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, server
    window.runner.wait()
    window.close()
    server.stop()
    desk.close()


def test_strip_shows_real_states_the_bridge_badge_and_a_page_using_the_reader(
        qtbot, desk_with_bridge):
    window, server = desk_with_bridge
    panel = window.status_panel
    assert {"id_reader", "receipt_printer", "camera", "scanner", "a4_printer",
            "applicant_monitor"} <= set(panel.devices)
    assert "未配置" in panel.devices["a4_printer"].text()
    # the background probe reaches every bound device; the scanner is listed and answers
    qtbot.waitUntil(lambda: panel.devices["scanner"].text().startswith("●"), timeout=30_000)
    assert panel.devices["id_reader"].text().startswith("●")
    assert "○" in panel.devices["applicant_monitor"].text()  # one screen offscreen
    assert server.url in window.device_strip.badge.text()

    with httpx.Client(base_url=server.url, headers={"Origin": PAGE}, timeout=30) as page:
        assert page.post("/v1/pairing").status_code == 200
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pairingCode") is not None,
                        timeout=5000)
        box = window.findChild(QMessageBox, "pairingCode")
        code = next(w for w in box.text().split() if w.startswith("配对码："))
        answer = page.post("/v1/pairing/confirm", json={"code": code.removeprefix("配对码：")})
        assert answer.status_code == 200, answer.text
        box.close()
        token = answer.json()["token"]
        read = page.post("/v1/card/read", json={"timeout": 3},
                         headers={"Authorization": f"Bearer {token}"})
    assert read.status_code == 200
    badge = window.device_strip.badge
    qtbot.waitUntil(lambda: "使用了读卡器" in badge.text(), timeout=5000)
    assert PAGE in badge.text()
    assert window.outbox_button.isVisible()  # the note hides nothing
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "desk-status-strip.png"))
