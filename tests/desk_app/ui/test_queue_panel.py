"""The queue panel against the real reference center on loopback (SyncTaskRunner)."""

from __future__ import annotations

import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from center.inprocess import start_in_thread
from desk_app.core.center_client import CenterClient
from desk_app.ui.queue.queue_panel import TICKET_PATTERN, QueuePanel
from desk_app.ui.shell.tasks import SyncTaskRunner


@pytest.fixture(scope="module")
def center(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("queue-center")
    running = start_in_thread(f"sqlite:///{tmp / 'center.db'}", tmp / "blobs")
    yield running
    running.stop()


def signed_in(url: str, window: str) -> CenterClient:
    client = CenterClient(url)
    client.login("clerk01", "demo1234", window)
    return client


@pytest.fixture(scope="module")
def sessions(center):
    """A ticket machine (its own session) and the window's client; signing in is slow
    (a real password hash), so once per module."""
    machine = signed_in(center.url, "KIOSK")
    window = signed_in(center.url, "W01")
    yield machine, window
    machine.close()
    window.close()


@pytest.fixture(scope="module")
def sweeper(center):
    # a window of its own: the center lets a session call only for its own window
    client = signed_in(center.url, "W20")
    yield client
    client.close()


@pytest.fixture
def hall(sessions, sweeper):
    # start every test with an empty queue: call away whatever earlier tests left
    while sweeper.call_next("W20") is not None:
        pass
    return sessions


@pytest.fixture
def panel(qtbot, hall):
    _machine, window = hall
    widget = QueuePanel(window, SyncTaskRunner(), "W01", windows=["W01", "W02", "W03"])
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def press(qtbot, panel, key):
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel, key)


def test_empty_queue_then_call_recall_skip(panel, hall, qtbot):
    machine, _window = hall
    press(qtbot, panel, Qt.Key.Key_F5)
    assert panel.message.text() == "目前没有等候的群众。"
    assert panel.current_ticket() == "" and not panel.recall_button.isEnabled()

    first = machine.issue_ticket("综合受理")["ticket"]
    second = machine.issue_ticket("综合受理")["ticket"]
    with qtbot.waitSignal(panel.ticket_called) as called:
        press(qtbot, panel, Qt.Key.Key_F5)
    assert called.args == [first] and panel.ticket_label.text() == first
    assert panel.message.text() == f"请 {first} 号到本窗口办理。"

    press(qtbot, panel, Qt.Key.Key_F6)
    assert panel.message.text() == f"已重呼 {first} 号（第 1 次）。"
    qtbot.mouseClick(panel.recall_button, Qt.MouseButton.LeftButton)
    assert "第 2 次" in panel.message.text()

    with qtbot.waitSignal(panel.ticket_released) as released:
        press(qtbot, panel, Qt.Key.Key_F7)
    assert released.args == [first] and panel.current_ticket() == ""
    # the center really skipped it: a second skip is refused, the next call gets the second
    with qtbot.waitSignal(panel.ticket_called) as called:
        press(qtbot, panel, Qt.Key.Key_F5)
    assert called.args == [second]


def test_transfer_to_another_window_which_calls_it_first(panel, hall, center, qtbot):
    machine, _window = hall
    ticket = machine.issue_ticket("综合受理")["ticket"]
    later = machine.issue_ticket("综合受理")["ticket"]
    press(qtbot, panel, Qt.Key.Key_F5)
    assert panel.current_ticket() == ticket

    press(qtbot, panel, Qt.Key.Key_F8)
    assert panel.transfer_row.isVisible() and panel.transfer_combo.hasFocus()
    assert [panel.transfer_combo.itemText(i) for i in range(panel.transfer_combo.count())] == [
        "W02", "W03"]
    qtbot.keyClick(panel.transfer_combo.lineEdit(), Qt.Key.Key_Escape)
    assert not panel.transfer_row.isVisible() and panel.current_ticket() == ticket
    press(qtbot, panel, Qt.Key.Key_F8)
    qtbot.keyClicks(panel.transfer_combo.lineEdit(), "W01")
    qtbot.keyClick(panel.transfer_combo.lineEdit(), Qt.Key.Key_Return)
    assert panel.message.text() == "不能转到本窗口，请选择其他窗口。"
    assert panel.current_ticket() == ticket

    panel.transfer_combo.lineEdit().clear()
    qtbot.keyClicks(panel.transfer_combo.lineEdit(), "W03")
    with qtbot.waitSignal(panel.ticket_released):
        qtbot.keyClick(panel.transfer_combo.lineEdit(), Qt.Key.Key_Return)
    assert panel.message.text() == f"{ticket} 号已转到 W03 窗口。"
    assert not panel.transfer_row.isVisible()

    w03 = signed_in(center.url, "W03")
    try:
        assert w03.call_next("W03")["ticket"] == ticket  # transferred tickets come first
        assert w03.call_next("W03")["ticket"] == later
    finally:
        w03.close()


def test_walk_in_ticket_and_state_errors_from_the_center(panel, hall, qtbot):
    index = panel.service_combo.findText("帮办代办")
    panel.service_combo.setCurrentIndex(index)
    with qtbot.waitSignal(panel.ticket_issued) as issued:
        press(qtbot, panel, Qt.Key.Key_F9)
    ticket = issued.args[0]
    assert ticket["ticket"].startswith("D") and ticket["service"] == "帮办代办"
    assert panel.message.text() == f"已取号 {ticket['ticket']}（帮办代办，前面还有 0 人）。"

    # a typed ticket the center never issued: recall is refused with the center's words
    qtbot.keyClicks(panel.manual_edit, "z999")
    with qtbot.waitSignal(panel.ticket_called) as called:
        qtbot.keyClick(panel.manual_edit, Qt.Key.Key_Return)
    assert called.args == ["Z999"]
    press(qtbot, panel, Qt.Key.Key_F6)
    assert panel.message.text() == "今天没有 Z999 号"
    assert panel.current_ticket() == "Z999" and panel.recall_button.isEnabled()

    # the walk-in ticket is still waiting: skip needs a called ticket → 409 from the center
    panel.manual_edit.setText(ticket["ticket"])
    panel.use_manual_ticket()
    press(qtbot, panel, Qt.Key.Key_F7)
    assert panel.current_ticket() == ticket["ticket"]  # not released: the center refused
    assert panel.message.text() == f"{ticket['ticket']} 号不是已叫号状态，不能过号"


def test_bad_typed_ticket_is_explained(panel, qtbot):
    for text in ("", "AB12", "A-1", "12345"):
        panel.manual_edit.setText(text)
        with qtbot.assertNotEmitted(panel.ticket_called):
            panel.use_manual_ticket()
        assert panel.message.text() == "票号应为一个字母加数字，如 A012；请照群众手中的票填写。"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_says_so_and_the_clerk_types_the_ticket(qtbot):
    offline = CenterClient(f"http://127.0.0.1:{free_port()}", timeout=(1.0, 1.0), token="x")
    panel = QueuePanel(offline, SyncTaskRunner(), "W01")
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    with qtbot.assertNotEmitted(panel.ticket_called):
        qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert panel.message.text().startswith("叫号系统连不上受理中心")
    assert "手工输入" in panel.message.text()
    assert panel.manual_edit.hasFocus() and panel.call_button.isEnabled()
    qtbot.keyClicks(panel.manual_edit, "a012")
    with qtbot.waitSignal(panel.ticket_called) as called:
        qtbot.keyClick(panel.manual_edit, Qt.Key.Key_Return)
    assert called.args == ["A012"] and panel.ticket_label.text() == "A012"
    assert panel.recall_button.isEnabled()
    offline.close()


class _SlowRunner:
    """Holds the work until told: shows the panel refuses a second call meanwhile."""

    def __init__(self) -> None:
        self.pending: list = []

    def run(self, work, on_done, on_error):
        self.pending.append((work, on_done, on_error))


def test_a_double_f5_calls_one_person(qtbot, hall):
    machine, window = hall
    runner = _SlowRunner()
    panel = QueuePanel(window, runner, "W01")
    qtbot.addWidget(panel)
    machine.issue_ticket("综合受理")
    machine.issue_ticket("综合受理")
    panel.call_next()
    panel.call_next()
    assert len(runner.pending) == 1 and not panel.call_button.isEnabled()
    work, on_done, _on_error = runner.pending.pop()
    on_done(work())
    assert panel.call_button.isEnabled() and panel.current_ticket()


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=12))
def test_any_typed_ticket_is_taken_or_explained(qtbot, text):
    panel = QueuePanel(CenterClient("http://127.0.0.1:9"), SyncTaskRunner(), "W01")
    called: list[str] = []
    panel.ticket_called.connect(called.append)
    panel.manual_edit.setText(text)
    panel.use_manual_ticket()
    if called:
        assert TICKET_PATTERN.fullmatch(called[0]) and panel.current_ticket() == called[0]
    else:
        assert panel.message.text().startswith("票号应为")
    panel.deleteLater()
