"""The idle lock on real Qt widgets (offscreen), with a 200 ms timeout injected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.shell.idle_lock import IdleLock

TIMEOUT_MS = 200
PASSWORD = "demo1234"


class ClerkWindow(QMainWindow):
    def __init__(self, personal: str) -> None:
        super().__init__()
        central = QWidget()
        layout = QVBoxLayout(central)
        self.label = QLabel(personal)
        self.edit = QLineEdit(personal)
        self.button = QPushButton("下一步")
        self.button.setEnabled(True)
        self.disabled_button = QPushButton("已禁用")
        self.disabled_button.setEnabled(False)
        for widget in (self.label, self.edit, self.button, self.disabled_button):
            layout.addWidget(widget)
        self.setCentralWidget(central)
        self.statusBar().showMessage(personal)
        self.next_presses = 0
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.count_next)
        self.resize(640, 420)

    def count_next(self) -> None:
        self.next_presses += 1


def make(qtbot, personal="张伟 610104199001011234", timeout_ms=TIMEOUT_MS):
    window = ClerkWindow(personal)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    blanked: list[bool] = []
    lock = IdleLock(window, check=lambda p: p == PASSWORD, timeout_ms=timeout_ms,
                    blank_customer=lambda: blanked.append(True), clerk_name="张敏")
    lock.start()
    return window, lock, blanked


@pytest.fixture
def desk(qtbot):
    window, lock, blanked = make(qtbot)
    yield window, lock, blanked
    lock.stop()


def unlock_by_typing(qtbot, lock, text):
    qtbot.keyClicks(lock.overlay.password, text)
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)


def test_locks_after_the_idle_timeout_and_blanks_the_customer_screen(qtbot, desk):
    window, lock, blanked = desk
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    assert lock.is_locked and blanked == [True]
    assert lock.overlay.isVisible()
    assert lock.overlay.geometry() == window.rect()
    assert not window.centralWidget().isEnabled()
    assert "张敏" in lock.overlay.clerk_label.text()


def test_the_overlay_hides_everything_beneath(qtbot, desk):
    """Changing the personal data beneath a locked window changes no pixel of it."""
    window, lock, _ = desk
    unlocked = window.grab().toImage()
    lock.lock()
    before = window.grab().toImage()
    assert before != unlocked
    for text in ("王芳 610113198807150024 陕西省西安市雁塔区", "李强 13912345678"):
        window.label.setText(text)
        window.edit.setText(text)
        window.statusBar().showMessage(text)
        assert window.grab().toImage() == before
    window.resize(900, 700)  # still covered after a resize
    qtbot.waitUntil(lambda: lock.overlay.geometry() == window.rect())


def test_input_postpones_the_lock(qtbot):
    window, lock, _ = make(qtbot, timeout_ms=3000)
    for act in (lambda: qtbot.keyClick(window.edit, Qt.Key.Key_A),
                lambda: qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)):
        qtbot.wait(700)
        before = lock.timer.remainingTime()
        act()
        assert lock.timer.remainingTime() > before + 300  # the countdown started over
    assert not lock.is_locked
    lock.stop()


def test_ctrl_l_locks_at_once(qtbot):
    window, lock, _ = make(qtbot, timeout_ms=60_000)
    with qtbot.waitSignal(lock.locked, timeout=1000):
        qtbot.keyClick(window.edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked
    assert window.edit.text() == "张伟 610104199001011234"  # the key went nowhere else
    lock.stop()


def test_wrong_password_keeps_it_locked_right_one_unlocks(qtbot, desk):
    window, lock, _ = desk
    lock.lock()
    unlock_by_typing(qtbot, lock, "wrong")
    assert lock.is_locked and "密码错误" in lock.overlay.message.text()
    assert lock.overlay.password.text() == ""
    assert lock.failed_attempts == 1
    with qtbot.waitSignal(lock.unlocked, timeout=1000):
        unlock_by_typing(qtbot, lock, PASSWORD)
    assert not lock.is_locked and not lock.overlay.isVisible()
    assert window.centralWidget().isEnabled()
    assert window.button.isEnabled() and not window.disabled_button.isEnabled()
    assert lock.timer.isActive()  # the countdown runs again


def test_empty_password_is_refused_without_asking(qtbot):
    asked: list[str] = []
    window = ClerkWindow("x")
    qtbot.addWidget(window)
    lock = IdleLock(window, check=lambda p: asked.append(p) or True, timeout_ms=60_000)
    lock.lock()
    assert lock.try_unlock("") is False and asked == []
    assert lock.try_unlock(PASSWORD) is True and asked == [PASSWORD]


def test_input_beneath_the_lock_does_nothing(qtbot):
    window, lock, _ = make(qtbot, timeout_ms=60_000)
    lock.lock()
    qtbot.keyClick(window.edit, Qt.Key.Key_B)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    assert window.edit.text() == "张伟 610104199001011234"
    assert window.next_presses == 0
    assert lock.is_locked
    lock.stop()


def test_open_dialogs_hide_while_locked_and_return(qtbot):
    window, lock, _ = make(qtbot, timeout_ms=60_000)
    dialog = QDialog(window)
    dialog.setWindowTitle("回执预览")
    with qtbot.waitExposed(dialog):
        dialog.show()
    lock.lock()
    assert not dialog.isVisible()
    assert lock.try_unlock(PASSWORD)
    assert dialog.isVisible()
    lock.stop()


def test_customer_screen_input_does_not_keep_the_clerk_window_open(qtbot):
    _window, lock, _ = make(qtbot, timeout_ms=3000)
    customer = QPushButton("评价")  # another top-level window, like the applicant's screen
    qtbot.addWidget(customer)
    customer.show()
    qtbot.wait(700)
    before = lock.timer.remainingTime()
    qtbot.mouseClick(customer, Qt.MouseButton.LeftButton)
    qtbot.keyClick(customer, Qt.Key.Key_Space)
    assert lock.timer.remainingTime() <= before
    lock.stop()


def test_failed_unlocks_are_signalled(qtbot, desk):
    _window, lock, _ = desk
    lock.lock()
    with qtbot.waitSignal(lock.unlock_failed, timeout=1000) as blocker:
        unlock_by_typing(qtbot, lock, "nope")
    assert blocker.args == [1]
    with qtbot.waitSignal(lock.unlock_failed, timeout=1000) as blocker:
        unlock_by_typing(qtbot, lock, "nope again")
    assert blocker.args == [2]


def test_sign_out_is_offered_only_when_allowed(qtbot, desk):
    _window, lock, _ = desk
    lock.lock()
    assert not lock.overlay.sign_out_button.isVisible()
    lock.stop()  # a locked desk hides any window that shows: this one is another desk
    window = ClerkWindow("x")
    qtbot.addWidget(window)
    window.show()
    other = IdleLock(window, check=lambda _p: False, timeout_ms=60_000, allow_sign_out=True)
    other.lock()
    assert other.overlay.sign_out_button.isVisible()
    with qtbot.waitSignal(other.sign_out_requested, timeout=1000):
        qtbot.mouseClick(other.overlay.sign_out_button, Qt.MouseButton.LeftButton)
