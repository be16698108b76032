"""叫号: the clerk's queue controls — call (F5), recall (F6), skip (F7), transfer (F8),
issue a ticket for a walk-in (F9) — and the ticket now at the window.

Talks to the acceptance center through an injected queue service with the center
client's method names (``call_next``, ``ticket_action``, ``issue_ticket``), always via the
injected task runner, so the GUI never waits on the network. When the center cannot be
reached the clerk is told so and can type the number on the applicant's paper ticket;
the case goes on with it (``ticket_called``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.center_errors import NotFound, Rejected, SessionExpired, Transient
from desk_app.ui.widgets import words

# The queue's services: the names the center knows them by (sent as they are), shown
# translated; a hall's own service (configured) shows as the center names it.
SERVICES = (QT_TRANSLATE_NOOP("QueuePanel", "综合受理"), QT_TRANSLATE_NOOP("QueuePanel", "取件"),
            QT_TRANSLATE_NOOP("QueuePanel", "咨询"), QT_TRANSLATE_NOOP("QueuePanel", "帮办代办"))
TICKET_PATTERN = re.compile(r"[A-Z]?[0-9]{1,4}")


class QueueService(Protocol):
    """What the panel needs; ``desk_app.core.center_client.CenterClient`` is one."""

    def call_next(self, window_id: str) -> dict[str, Any] | None: ...

    def ticket_action(self, ticket: str, action: str, to_window: str | None = None) -> dict: ...

    def issue_ticket(self, service: str = "综合受理") -> dict[str, Any]: ...


class Runner(Protocol):
    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None: ...


class QueuePanel(QWidget):
    ticket_called = Signal(str)      # a ticket is now at this window (called, or typed)
    ticket_released = Signal(str)    # skipped or transferred: no longer at this window
    ticket_issued = Signal(dict)     # a walk-in's new ticket (the app may print it)

    def __init__(self, queue: QueueService, runner: Runner, window_id: str,
                 windows: Sequence[str] = (), services: Sequence[str] = SERVICES,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.queue = queue
        self.runner = runner
        self.window_id = window_id
        self._ticket = ""
        self._busy = False

        title = QLabel(self.tr("当前叫号"))
        self.ticket_label = QLabel(self.tr("—"))
        self.ticket_label.setObjectName("caseNumber")
        self.ticket_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self.tr("按 F5 叫下一位。"))
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)

        self.call_button = QPushButton(self.tr("叫号 (F5)"))
        self.call_button.setObjectName("primary")
        self.recall_button = QPushButton(self.tr("重呼 (F6)"))
        self.skip_button = QPushButton(self.tr("过号 (F7)"))
        self.transfer_button = QPushButton(self.tr("转移 (F8)"))
        self.issue_button = QPushButton(self.tr("取号 (F9)"))
        self.service_combo = QComboBox()
        for service in services:
            self.service_combo.addItem(words.translated("QueuePanel", service), service)
        actions = (
            (self.call_button, "F5", self.call_next),
            (self.recall_button, "F6", self.recall),
            (self.skip_button, "F7", self.skip),
            (self.transfer_button, "F8", self.begin_transfer),
            (self.issue_button, "F9", self.issue),
        )
        for button, key, slot in actions:
            button.clicked.connect(slot)
            QShortcut(QKeySequence(key), self, activated=slot)

        # transfer: inline, so F8 → type or pick the window → Enter, without a dialog
        self.transfer_row = QWidget()
        self.transfer_combo = QComboBox()
        self.transfer_combo.setEditable(True)
        self.transfer_combo.addItems([w for w in windows if w != window_id])
        self.transfer_combo.setCurrentIndex(-1)
        self.transfer_combo.lineEdit().setPlaceholderText(self.tr("转到哪个窗口"))
        self.transfer_combo.lineEdit().returnPressed.connect(self.confirm_transfer)
        self.transfer_ok = QPushButton(self.tr("确定转移"))
        self.transfer_ok.clicked.connect(self.confirm_transfer)
        self.transfer_cancel = QPushButton(self.tr("取消"))
        self.transfer_cancel.clicked.connect(self.cancel_transfer)
        row = QHBoxLayout(self.transfer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("转到窗口")))
        row.addWidget(self.transfer_combo, 1)
        row.addWidget(self.transfer_ok)
        row.addWidget(self.transfer_cancel)
        QShortcut(QKeySequence("Esc"), self.transfer_row, activated=self.cancel_transfer,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.transfer_row.hide()

        # a ticket typed by hand (center unreachable, or a paper ticket from a machine
        # that is not connected)
        self.manual_edit = QLineEdit()
        self.manual_edit.setMaxLength(8)
        self.manual_edit.setPlaceholderText(self.tr("手工输入票号，如 A012"))
        self.manual_edit.returnPressed.connect(self.use_manual_ticket)
        self.manual_button = QPushButton(self.tr("使用此票号"))
        self.manual_button.clicked.connect(self.use_manual_ticket)

        grid = QGridLayout()
        # two columns: the panel sits in the window's narrow left column
        grid.addWidget(self.call_button, 0, 0)
        grid.addWidget(self.recall_button, 0, 1)
        grid.addWidget(self.skip_button, 1, 0)
        grid.addWidget(self.transfer_button, 1, 1)
        grid.addWidget(self.service_combo, 2, 0)
        grid.addWidget(self.issue_button, 2, 1)
        manual = QHBoxLayout()
        manual.addWidget(self.manual_edit, 1)
        manual.addWidget(self.manual_button)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.ticket_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addWidget(self.transfer_row)
        layout.addLayout(manual)
        layout.addWidget(self.message)
        self._refresh()

    # ---- state --------------------------------------------------------------------------
    def current_ticket(self) -> str:
        return self._ticket

    def _refresh(self) -> None:
        has = bool(self._ticket)
        idle = not self._busy
        self.ticket_label.setText(self._ticket or self.tr("—"))
        self.call_button.setEnabled(idle)
        self.issue_button.setEnabled(idle)
        for button in (self.recall_button, self.skip_button, self.transfer_button):
            button.setEnabled(idle and has)
        self.transfer_ok.setEnabled(idle and has)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._busy:
            return  # one queue request at a time: a double F5 must not call two people
        self._busy = True
        self._refresh()

        def finished(value: Any) -> None:
            self._busy = False
            done(value)
            self._refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._say(self.error_text(exc))
            if isinstance(exc, Transient):
                self.manual_edit.setFocus()
            self._refresh()

        self.runner.run(work, finished, failed)

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, Transient):
            # not str(exc): the client's text promises an automatic retry, which is the
            # outbox's behaviour, not the queue's
            return self.tr("叫号系统连不上受理中心。可在下面手工输入群众手中的票号继续办理，"
                           "网络恢复后再按 F5 叫号。")
        if isinstance(exc, (Rejected, NotFound, SessionExpired)):
            return str(exc)
        return self.tr("叫号操作失败（%1），请重试或手工输入票号。").replace(
            "%1", type(exc).__name__)

    # ---- actions ------------------------------------------------------------------------
    def call_next(self) -> None:
        def done(ticket: dict | None) -> None:
            if not ticket:
                self._say(self.tr("目前没有等候的群众。"))
                return
            number = str(ticket.get("ticket") or "")
            if not number:
                self._say(self.tr("叫号系统的应答里没有票号，请重试或手工输入票号。"))
                return
            self._set_called(number, self.tr("请 %1 号到本窗口办理。").replace("%1", number))

        self._say(self.tr("正在叫号…"))
        self._run(lambda: self.queue.call_next(self.window_id), done)

    def _set_called(self, ticket: str, message: str) -> None:
        self._ticket = ticket
        self._say(message)
        self.ticket_called.emit(ticket)

    def recall(self) -> None:
        ticket = self._ticket
        if not ticket:
            return

        def done(view: dict) -> None:
            self._say(self.tr("已重呼 %1 号（第 %2 次）。").replace("%1", ticket)
                      .replace("%2", str(view.get("recalls", ""))))

        self._run(lambda: self.queue.ticket_action(ticket, "recall"), done)

    def skip(self) -> None:
        ticket = self._ticket
        if not ticket:
            return

        def done(_view: dict) -> None:
            self._release(ticket, self.tr("%1 号已过号；按 F5 叫下一位。").replace("%1", ticket))

        self._run(lambda: self.queue.ticket_action(ticket, "skip"), done)

    def begin_transfer(self) -> None:
        if not self._ticket or self._busy:
            return
        self.transfer_row.show()
        self.transfer_combo.setFocus()
        self.transfer_combo.lineEdit().selectAll()

    def cancel_transfer(self) -> None:
        self.transfer_row.hide()

    def confirm_transfer(self) -> None:
        ticket = self._ticket
        target = self.transfer_combo.currentText().strip()
        if not ticket:
            return
        if not target:
            self._say(self.tr("请先选择或输入要转到的窗口。"))
            return
        if target == self.window_id:
            self._say(self.tr("不能转到本窗口，请选择其他窗口。"))
            return

        def done(_view: dict) -> None:
            self.transfer_row.hide()
            self._release(ticket, self.tr("%1 号已转到 %2 窗口。").replace("%1", ticket)
                          .replace("%2", target))

        self._run(lambda: self.queue.ticket_action(ticket, "transfer", target), done)

    def _release(self, ticket: str, message: str) -> None:
        self._ticket = ""
        self._say(message)
        self.ticket_released.emit(ticket)

    def issue(self) -> None:
        service = self.service_combo.currentData() or self.service_combo.currentText()

        def done(view: dict) -> None:
            self._say(self.tr("已取号 %1（%2，前面还有 %3 人）。")
                      .replace("%1", str(view.get("ticket", "")))
                      .replace("%2", words.translated("QueuePanel",
                                                      str(view.get("service", service))))
                      .replace("%3", str(view.get("waiting", "?"))))
            self.ticket_issued.emit(view)

        self._run(lambda: self.queue.issue_ticket(service), done)

    def use_manual_ticket(self) -> None:
        text = self.manual_edit.text().strip().upper()
        if not TICKET_PATTERN.fullmatch(text):
            self._say(self.tr("票号应为一个字母加数字，如 A012；请照群众手中的票填写。"))
            return
        self.manual_edit.clear()
        self._set_called(text, self.tr("已按手工票号 %1 办理。").replace("%1", text))
        self._refresh()

    def clear(self) -> None:
        """The case at the window is finished: the ticket is done."""
        self._ticket = ""
        self.transfer_row.hide()
        self._say(self.tr("按 F5 叫下一位。"))
        self._refresh()
