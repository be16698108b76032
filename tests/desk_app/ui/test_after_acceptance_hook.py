"""The main window's keys for the after-acceptance panels, on the real demo desk (in-process
center with its simulated back office): F10 opens 本窗口办件, Ctrl+Shift+D 窗口概况."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.services.demo import start_demo
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sync_bridge import SyncBridge
from desk_app.ui.shell.tasks import SyncTaskRunner

pytestmark = pytest.mark.realstack


def test_f10_and_ctrl_shift_d_open_the_panels(qtbot):
    desk = start_demo()
    try:
        bridge = SyncBridge(desk.services.outbox_summary)
        window = MainWindow(desk.services, SyncTaskRunner(), bridge, speak=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F10)
        panel = window.after_acceptance.cases
        assert panel is not None and panel.isVisible()
        assert panel.message.text() == ""  # loaded (an empty window on a fresh demo)
        assert panel.windowTitle().startswith("本窗口办件")
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_D,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        board = window.after_acceptance.dashboard
        assert board is not None and board.isVisible()
        assert board.table.item(0, 0).text() == "W01"
        panel.close()
        board.close()
        window.close()
    finally:
        desk.close()
