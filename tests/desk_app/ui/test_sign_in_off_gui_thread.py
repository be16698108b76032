"""Sign-in and re-login reach the center only from worker threads, and the GUI keeps
painting meanwhile (the real reference center, slowed by the fault proxy's delays).

The proof is Python's audit hook for ``socket.connect``: every connection to the
center is recorded with the thread that made it.
"""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import MachineConfig
from desk_app.services.command_context import CommandContext
from desk_app.ui.shell.gui_main import sign_in
from desk_app.ui.shell.login_dialog import LoginDialog
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sync_bridge import SyncBridge
from desk_app.ui.shell.tasks import TaskRunner
from tests.support.fault_proxy import FaultPlan, FaultProxy

pytestmark = pytest.mark.realstack

_CONNECTS: list[tuple[int, str]] = []  # (port, thread name)
_WATCHING = threading.Event()


def _audit(event: str, args) -> None:
    if event == "socket.connect" and _WATCHING.is_set():
        address = args[1]
        if isinstance(address, tuple) and len(address) >= 2:
            _CONNECTS.append((address[1], threading.current_thread().name))


sys.addaudithook(_audit)  # cannot be removed: it records only while a test watches


@pytest.fixture
def slow_center(live_center):
    center = live_center
    proxy = FaultProxy(center.url, FaultPlan(seed=1, delay=1.0, delay_range=(0.15, 0.25)))
    proxy.start()
    _CONNECTS.clear()
    _WATCHING.set()
    yield proxy
    _WATCHING.clear()
    proxy.stop()


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


failures: list[str] = []


def submit_when_shown(qtbot, dialog, username, password, ticks, expect_refusal=False):
    """Type and press OK once the modal loop runs; count GUI ticks while it signs in."""
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        ticks.append(dialog.busy)
        if True in ticks and not dialog.busy and dialog.isVisible() and not expect_refusal:
            failures.append(dialog.message.text())  # refused: end the test, do not hang
            dialog.reject()

    timer.timeout.connect(tick)

    def fill() -> None:
        if not dialog.isVisible():
            QTimer.singleShot(50, fill)
            return
        dialog.username.setText(username)
        dialog.password.setText(password)
        timer.start()
        dialog.buttons.accepted.emit()

    QTimer.singleShot(50, fill)
    return timer


def test_start_up_sign_in_runs_on_the_task_runner(qtbot, tmp_path, slow_center):
    config = MachineConfig(center_url=slow_center.url, window_id="W01")
    ctx = CommandContext(paths=AppPaths.under(tmp_path / "root"), config=config)
    runner = TaskRunner()
    dialog = LoginDialog("W01", slow_center.url)
    ticks: list[bool] = []
    timer = submit_when_shown(qtbot, dialog, "clerk01", "demo1234", ticks)
    desk = sign_in(ctx, runner, dialog)
    timer.stop()
    assert desk is not None, failures
    try:
        assert desk.services.clerk_username == "clerk01"
        center_connects = [t for port, t in _CONNECTS if port == port_of(slow_center.url)]
        assert center_connects, "the sign-in made no connection: nothing was proven"
        assert "MainThread" not in center_connects, center_connects
        # the GUI thread ran its timer while the (slowed) sign-in was under way
        assert ticks.count(True) >= 5, ticks

        # re-login after an expired session, from the outbox panel's button
        services = desk.services
        services.sync.client.token = "expired"
        bridge = SyncBridge(services.outbox_summary)
        window = MainWindow(services, runner, bridge, speak=False)
        qtbot.addWidget(window)
        services.sync.client.close()  # no pooled keep-alive: the re-login must connect anew
        _CONNECTS.clear()
        relogin_ticks: list[bool] = []

        def answer_relogin() -> None:
            shown = [w for w in window.findChildren(LoginDialog) if w.isVisible()]
            if not shown:  # the modal loop has not shown it yet (a loaded machine)
                QTimer.singleShot(50, answer_relogin)
                return
            [again] = shown
            relogin_ticks.append(again.username.text() == "clerk01")
            again.password.setText("demo1234")
            again.buttons.accepted.emit()

        QTimer.singleShot(100, answer_relogin)
        window.outbox.relogin()
        assert relogin_ticks == [True]
        assert services.sync.client.token not in ("expired", None)
        relogin_connects = [t for port, t in _CONNECTS if port == port_of(slow_center.url)]
        assert relogin_connects and "MainThread" not in relogin_connects
        runner.drain()
        window.close()
    finally:
        desk.close()


def test_a_refused_password_is_said_in_the_dialog(qtbot, tmp_path, slow_center):
    config = MachineConfig(center_url=slow_center.url, window_id="W01")
    ctx = CommandContext(paths=AppPaths.under(tmp_path / "root"), config=config)
    dialog = LoginDialog("W01", slow_center.url)
    seen: list[str] = []

    def check_then_cancel() -> None:
        if dialog.busy:
            QTimer.singleShot(50, check_then_cancel)
            return
        seen.append(dialog.message.text())
        dialog.reject()

    ticks: list[bool] = []
    timer = submit_when_shown(qtbot, dialog, "clerk01", "wrong-password", ticks,
                              expect_refusal=True)
    QTimer.singleShot(300, check_then_cancel)
    assert sign_in(ctx, TaskRunner(), dialog) is None
    timer.stop()
    assert seen and "密码" in seen[0]
    assert "MainThread" not in [t for port, t in _CONNECTS if port == port_of(slow_center.url)]
