"""Idle lock: after N minutes without keyboard or mouse input the clerk's window locks.

``IdleLock`` is an application-wide event filter. Any key press, click, wheel or mouse
move anywhere in the application restarts the idle timer; when it runs out (default 5
minutes; tests inject 200 ms), or on Ctrl+L, the lock:

- covers the main window with an opaque overlay (painted solid, not a translucent veil,
  so no personal data shows through) that asks for the clerk's password;
- disables everything beneath, swallows shortcuts and input aimed at it, and hides every
  other top-level window of the application (dialogs, the outbox panel, the capture
  screen, popups), showing them again on unlock; one that opens while locked (a
  receipt after the sync's answer) is hidden as it shows. ``keep_visible`` names the
  windows left up (the applicant's screen, which ``blank_customer`` empties instead);
- calls ``blank_customer`` so the applicant-facing screen drops the case's data;
- emits ``locked()``; a password that ``check(password)`` accepts unlocks it and emits
  ``unlocked()``; a refused one emits ``unlock_failed(attempts)``. ``check`` is injected
  (the clerk cache, or the center).

With ``allow_sign_out`` the overlay also offers 切换工号, emitting ``sign_out_requested()``:
another clerk can take the desk, and a clerk who forgot the password is not stuck.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.widgets.themed import colour_property, set_state

DEFAULT_TIMEOUT_MS = 5 * 60 * 1000
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
    QEvent.Type.HoverMove,
})
BLOCKED_WHILE_LOCKED = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.ContextMenu,
})


class LockOverlay(QWidget):
    """The opaque cover with the password field; a direct child of the main window."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()
    # painted, not a styled background: opaque even if the theme failed to load
    cover = colour_property("cover", Qt.GlobalColor.darkBlue)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        title = QLabel(self.tr("已锁定"))
        title.setObjectName("lockTitle")
        hint = QLabel(self.tr("长时间无操作，受理台已锁定。请输入密码解锁。"))
        hint.setObjectName("lockHint")
        self.clerk_label = QLabel()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.setFixedWidth(320)
        self.password.returnPressed.connect(self._submit)
        self.message = QLabel()
        set_state(self.message, "error")
        self.button = QPushButton(self.tr("解锁"))
        self.button.setObjectName("primary")
        self.button.clicked.connect(self._submit)
        self.sign_out_button = QPushButton(self.tr("切换工号"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.sign_out_button.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, hint, self.clerk_label, self.password, self.message,
                       self.button, self.sign_out_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()

    def paintEvent(self, event) -> None:
        colour = QColor(self.cover)
        colour.setAlpha(255)  # whatever the theme says, nothing beneath shows through
        QPainter(self).fillRect(self.rect(), colour)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password.text())


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()
    unlock_failed = Signal(int)       # wrong passwords so far in this lock
    sign_out_requested = Signal()

    def __init__(self, window: QWidget, check: Callable[[str], bool], *,
                 timeout_ms: int = DEFAULT_TIMEOUT_MS,
                 blank_customer: Callable[[], None] = lambda: None,
                 clerk_name: str = "", allow_sign_out: bool = False,
                 keep_visible: Callable[[], list[QWidget]] = list) -> None:
        super().__init__(window)
        self.window = window
        self._keep_visible = keep_visible
        self._check = check
        self._blank_customer = blank_customer
        self.overlay = LockOverlay(window)
        if clerk_name:
            self.overlay.clerk_label.setText(self.tr("当前登录：%1").replace("%1", clerk_name))
        self.overlay.unlock_requested.connect(self.try_unlock)
        self.overlay.sign_out_button.setVisible(allow_sign_out)
        self.overlay.sign_out_requested.connect(self.sign_out_requested)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.lock)
        self._locked = False
        self._disabled: list[QWidget] = []
        self._hidden_windows: list[QWidget] = []
        self.failed_attempts = 0
        window.installEventFilter(self)  # resizes: keep the overlay covering the window

    # lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Begin watching input application-wide; call once the window is shown."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    @property
    def is_locked(self) -> bool:
        return self._locked

    # locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        self.timer.stop()
        self._blank_customer()
        self._hidden_windows = []
        for other in QApplication.topLevelWidgets():
            self._hide_if_foreign(other)
        self._disabled = [w for w in self.window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w is not self.overlay and not w.isWindow() and w.isEnabled()]
        for widget in self._disabled:
            widget.setEnabled(False)
        self.overlay.password.clear()
        self.overlay.message.clear()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked.emit()

    def try_unlock(self, password: str) -> bool:
        if not self._locked:
            return True
        self.overlay.password.clear()
        if not password or not self._check(password):
            self.failed_attempts += 1
            self.overlay.message.setText(self.tr("密码错误，请重试"))
            self.unlock_failed.emit(self.failed_attempts)
            return False
        self.failed_attempts = 0
        self._locked = False
        self.overlay.hide()
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        for other in self._hidden_windows:
            if shiboken6.isValid(other):
                other.show()
        self._disabled, self._hidden_windows = [], []
        self.timer.start()
        self.unlocked.emit()
        return True

    def _hide_if_foreign(self, widget: QWidget) -> None:
        """Hide a visible top-level window that is not the locked window or a kept one."""
        if (not widget.isWindow() or not widget.isVisible() or widget is self.window
                or any(widget is kept for kept in self._keep_visible())):
            return
        widget.hide()
        if widget not in self._hidden_windows:
            self._hidden_windows.append(widget)

    # the filter ---------------------------------------------------------------------------
    @staticmethod
    def _within(obj: QObject | None, ancestor: QObject) -> bool:
        while obj is not None:
            if obj is ancestor:
                return True
            obj = obj.parent()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize:
            self.overlay.setGeometry(self.window.rect())
            return False
        if isinstance(obj, QWindow):
            return False  # the platform window forwards to its widgets; judge those
        if self._locked:
            if kind == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                self._hide_if_foreign(obj)  # opened while locked: not over the lock
                return False
            if (kind in BLOCKED_WHILE_LOCKED and self._within(obj, self.window)
                    and not self._within(obj, self.overlay)):
                return True  # nothing beneath the lock may act or show a menu
            return False
        # Only the clerk's own input counts: the applicant tapping the customer screen
        # must not keep an unattended clerk window open.
        if kind in ACTIVITY and self._within(obj, self.window):
            if (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.key() == Qt.Key.Key_L
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self.lock()
                return True
            self.timer.start()
        return False
