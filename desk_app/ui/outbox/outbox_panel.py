"""待上报 / 上报中 / 需处理 / 已完成: the clerk always sees where every sealed case is.

Reads the outbox (entries, decrypted only to show *masked* applicant data) and the sync
service's status (online, last contact, paused reason, upload progress). Refreshes when
the SyncBridge reports news (coalesced: a chunked upload reports many times a second)
and on a timer, so a silent network still ages the view. Retry makes entries due now and
lifts the queue's pause; nothing here can drop an entry — Delete only says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.crypto import DecryptError
from desk_app.core.keystore import KeystoreError
from desk_app.core.masking import mask_id_number, mask_name
from desk_app.core.sending.outbox import Outbox, OutboxEntry, OutboxError
from desk_app.core.sending.sync import SyncProgress, SyncService
from desk_app.ui.outbox.resubmit_dialog import ResubmitDialog
from desk_app.ui.widgets import words

TABS = ("pending", "sending", "needs_attention", "done")
DONE_SHOWN = 200  # acknowledged cases stay until purged; the newest are the ones asked about
UUID_ROLE = Qt.ItemDataRole.UserRole



@dataclass(frozen=True)
class Person:
    """What the panel may show of an entry's applicant: masked, never the full values."""

    name: str
    id_number: str
    items: str


def _fmt_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else ""


class OutboxPanel(QWidget):
    relogin_requested = Signal()   # the paused banner's 重新登录; caller signs in, resume_with()
    entry_opened = Signal(str)     # Enter / double-click on an entry (uuid)
    entry_resubmitted = Signal(str)  # a needs-attention case was corrected and queued again

    def __init__(
        self,
        outbox: Outbox,
        sync: SyncService,
        bridge=None,
        parent: QWidget | None = None,
        *,
        refresh_ms: int = 5000,
        item_name: Callable[[str], str] = str,
        field_labels: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self.setWindowTitle(self.tr("上报队列"))
        self.outbox = outbox
        self.sync = sync
        self.item_name = item_name  # code → the catalog's name; the code itself if unknown
        self.field_labels = field_labels or {}  # form key → label, for the correction dialog
        self._people: dict[str, Person] = {}
        self._shown: dict[str, list[tuple[str, list[str]]]] = {}  # per tab, as last filled
        self.active_dialog: QWidget | None = None
        self._build()
        self._soon = QTimer(self, singleShot=True, interval=150)
        self._soon.timeout.connect(self.refresh)
        self.timer = QTimer(self, interval=refresh_ms)
        self.timer.timeout.connect(self.refresh)  # runs while shown (showEvent/hideEvent)
        if bridge is not None:
            bridge.status_changed.connect(self.schedule_refresh)
            bridge.case_acknowledged.connect(self.schedule_refresh)
            bridge.case_needs_attention.connect(self.schedule_refresh)
            bridge.progress_changed.connect(self.show_progress)
        self.refresh()

    # ---- layout --------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.banner = QFrame(objectName="pausedBanner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.relogin_button = QPushButton(self.tr("重新登录"))
        self.relogin_button.clicked.connect(self.relogin_requested)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.relogin_button)
        self.banner.hide()
        layout.addWidget(self.banner)

        status_row = QHBoxLayout()
        self.network_label = QLabel(objectName="outboxNetwork")
        self.contact_label = QLabel(objectName="outboxLastContact")
        status_row.addWidget(self.network_label, 1)
        status_row.addWidget(self.contact_label)
        layout.addLayout(status_row)

        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        headers = {
            "pending": [self.tr("尝试次数"), self.tr("情况")],
            "sending": [self.tr("进度")],
            "needs_attention": [self.tr("中心退回原因")],
            "done": [self.tr("正式编号"), self.tr("中心状态"), self.tr("承诺办结日期")],
        }
        common = [self.tr("临时编号"), self.tr("类型"), self.tr("申请人"), self.tr("证件号码"),
                  self.tr("事项"), self.tr("受理时间")]
        for state in TABS:
            table = QTableWidget(0, len(common) + len(headers[state]))
            table.setObjectName(f"outbox_{state}")
            table.setHorizontalHeaderLabels(common + headers[state])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.activated.connect(self._on_activated)
            # the wrapped reason's height depends on the stretched width, known only later
            # (the header is mid-layout while it signals: measure once it is done)
            table.horizontalHeader().sectionResized.connect(
                lambda index, _old, _new, t=table: index == t.columnCount() - 1
                and QTimer.singleShot(0, t, t.resizeRowsToContents))
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            if state == "sending":
                self.progress_label = QLabel(self.tr("当前没有正在上传的材料"))
                self.progress = QProgressBar()
                self.progress.setRange(0, 100)
                self.progress.setValue(0)
                page_layout.addWidget(self.progress_label)
                page_layout.addWidget(self.progress)
            page_layout.addWidget(table)
            self.tables[state] = table
            self.tabs.addTab(page, "")
        layout.addWidget(self.tabs, 1)

        self.message = QLabel(objectName="outboxMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("查看/更正所选 (Enter)"))
        self.retry_button = QPushButton(self.tr("立即重试所选"))
        self.retry_all_button = QPushButton(self.tr("全部立即重试"))
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.open_button.clicked.connect(self.open_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button.clicked.connect(self.retry_all)
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.open_button, self.retry_button, self.retry_all_button,
                       self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh, context=context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self, self._refuse_delete,
                  context=context)

    # ---- refreshing ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()  # a closed panel costs nothing; showing it again refreshes

    def schedule_refresh(self, *_args) -> None:
        if self.isVisible() and not self._soon.isActive():
            self._soon.start()

    def refresh(self) -> None:
        status = self.sync.status()
        waiting = status.counts.get("pending", 0) + status.counts.get("sending", 0)
        self._show_status(status.online, status.last_contact, status.paused_reason, waiting)
        entries = self.outbox.list_entries()
        by_state: dict[str, list[OutboxEntry]] = {state: [] for state in TABS}
        for entry in entries:
            by_state.setdefault(entry.state, []).append(entry)
        by_state["done"] = by_state["done"][::-1][:DONE_SHOWN]  # newest first
        counts = status.counts
        titles = {"pending": self.tr("待上报"), "sending": self.tr("上报中"),
                  "needs_attention": self.tr("需处理"), "done": self.tr("已完成")}
        for index, state in enumerate(TABS):
            self.tabs.setTabText(index, f"{titles[state]} ({counts.get(state, 0)})")
            self._fill(self.tables[state], state, by_state[state])
        if status.current_progress is not None:
            self.show_progress(status.current_progress)
        elif not by_state["sending"]:
            self.progress.setValue(0)
            self.progress_label.setText(self.tr("当前没有正在上传的材料"))

    def _show_status(self, online: bool, last_contact: datetime | None, paused: str,
                     waiting: int) -> None:
        self.banner.setVisible(bool(paused))
        if paused:
            self.banner_text.setText(
                self.tr("上报已暂停：%1。已受理的办件都安全保存在本机，重新登录后自动继续上报。")
                .replace("%1", paused))
            self.network_label.setText(self.tr("上报已暂停"))
        elif online:
            self.network_label.setText(self.tr("网络正常：办件自动上报"))
        elif not waiting:  # nothing tried since start: not knowing is not being offline
            self.network_label.setText(self.tr("没有待上报的办件"))
        else:
            self.network_label.setText(self.tr("离线：办件暂存本机，网络恢复后自动上报"))
        if last_contact is None:
            self.contact_label.setText(self.tr("尚未与中心联系成功"))
        else:
            self.contact_label.setText(
                self.tr("最近一次成功联系中心：%1").replace("%1", _fmt_time(last_contact)))

    def show_progress(self, progress: SyncProgress) -> None:
        total = max(progress.bytes_total, 1)
        self.progress.setValue(min(100, progress.bytes_done * 100 // total))
        self.progress_label.setText(
            self.tr("正在上传 %1 的材料：%2 / %3 KB")
            .replace("%1", progress.provisional_number)
            .replace("%2", str(progress.bytes_done // 1024))
            .replace("%3", str(progress.bytes_total // 1024)))

    def _person(self, entry: OutboxEntry) -> Person:
        key = entry.uuid if entry.kind == "case" else (entry.parent_uuid or entry.uuid)
        cached = self._people.get(key)
        if cached is not None:
            return cached
        try:
            draft = self.outbox.draft(key)
            person = Person(mask_name(draft.applicant.name),
                            mask_id_number(draft.applicant.id_number),
                            words.listed(self.item_name(code) for code in draft.items))
        except OutboxError:  # purged after acknowledgement, or (import) the case is elsewhere
            person = Person(self.tr("（个人信息已清除）") if entry.purged
                            else self.tr("（本机无此办件资料）"), "", "")
        except (DecryptError, KeystoreError, KeyError, ValueError):
            person = Person(self.tr("（本机数据无法读取）"), "", "")
        self._people[key] = person
        return person

    def _row(self, state: str, entry: OutboxEntry) -> list[str]:
        person = self._person(entry)
        kinds = {"case": self.tr("办件"), "supplement": self.tr("补交材料"),
                 "evaluation": self.tr("好差评")}
        cells = [entry.provisional_number, kinds.get(entry.kind, entry.kind),
                 person.name, person.id_number, person.items, _fmt_time(entry.sealed_at)]
        if state == "pending":
            waiting = entry.last_error or self.tr("等待上报")
            cells += [str(entry.attempts), waiting]
        elif state == "sending":
            cells += [self.tr("上传中…")]
        elif state == "needs_attention":
            cells += [entry.last_error or self.tr("中心未说明原因")]
        else:
            status = entry.center_status or ""
            cells += [entry.official_number or "", self._status_words(status),
                      entry.promised_date or ""]
        return cells

    @staticmethod
    def _status_words(status: str) -> str:
        return words.status(status)  # forms.vocabulary.CaseStatus, as the center names it

    def _fill(self, table: QTableWidget, state: str, entries: list[OutboxEntry]) -> None:
        rows = [(entry.uuid, self._row(state, entry)) for entry in entries]
        if rows == self._shown.get(state):  # the timer's usual case: keep widgets, selection
            return
        self._shown[state] = rows
        selected = self._selected_uuid(table)
        last = table.columnCount() - 1
        table.setUpdatesEnabled(False)
        table.setRowCount(len(rows))
        for row, (uuid, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(UUID_ROLE, uuid)
                elif column == last:
                    item.setToolTip(text)
                table.setItem(row, column, item)
            if uuid == selected:
                table.selectRow(row)
        for column in range(last):  # the last (the why) takes the rest
            table.resizeColumnToContents(column)
        table.resizeRowsToContents()  # a long reason wraps instead of hiding behind "…"
        table.setUpdatesEnabled(True)

    # ---- actions -------------------------------------------------------------------
    @staticmethod
    def _selected_uuid(table: QTableWidget) -> str | None:
        row = table.currentRow()
        if row < 0 or not table.selectionModel().hasSelection():
            return None
        item = table.item(row, 0)
        return item.data(UUID_ROLE) if item is not None else None

    def current_table(self) -> QTableWidget:
        return self.tables[TABS[self.tabs.currentIndex()]]

    def selected_uuid(self) -> str | None:
        return self._selected_uuid(self.current_table())

    def show_state(self, state: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(state))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def retry_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid is None:
            self._say(self.tr("请先在“待上报”或“需处理”中选中一件。"))
            return
        try:
            self.sync.retry(uuid)
        except OutboxError as exc:
            self._say(exc.clerk_message)
            return
        self._say(self.tr("已安排立即重试。"))
        self.refresh()

    def retry_all(self) -> None:
        count = self.sync.retry("all")
        self._say(self.tr("已安排 %1 件立即重试。").replace("%1", str(count)))
        self.refresh()

    def _refuse_delete(self) -> None:
        self._say(self.tr("队列中的办件不会被删除：需处理的办件请选中后按 Enter 更正并重新提交。"))

    def _on_activated(self, index) -> None:
        item = self.current_table().item(index.row(), 0)
        if item is not None:
            self.open_entry(item.data(UUID_ROLE))

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid is None:
            self._say(self.tr("请先选中一件。"))
            return
        self.open_entry(uuid)

    def open_entry(self, uuid: str) -> None:
        """A needs-attention case opens the correction dialog; anything else its details."""
        self.entry_opened.emit(uuid)
        try:
            entry = self.outbox.get(uuid)
        except OutboxError as exc:
            self._say(exc.clerk_message)
            return
        if entry.state == "needs_attention" and entry.kind == "case":
            try:
                dialog = ResubmitDialog(self.outbox, uuid, self, field_labels=self.field_labels)
            except (OutboxError, DecryptError, KeystoreError) as exc:
                self._say(str(exc))
                return
            dialog.accepted.connect(lambda: self._resubmitted(uuid))
        else:
            dialog = QMessageBox(QMessageBox.Icon.Information, self.tr("办件情况"),
                                 self._details(entry), QMessageBox.StandardButton.Close, self)
        self.active_dialog = dialog
        dialog.open()

    def _details(self, entry: OutboxEntry) -> str:
        person = self._person(entry)
        state_words = {"pending": self.tr("待上报"), "sending": self.tr("上报中"),
                       "needs_attention": self.tr("需处理"), "done": self.tr("已完成")}
        lines = [
            self.tr("临时编号：%1").replace("%1", entry.provisional_number),
            self.tr("申请人：%1 %2").replace("%1", person.name).replace("%2", person.id_number),
            self.tr("状态：%1").replace("%1", state_words.get(entry.state, entry.state)),
        ]
        if entry.official_number:
            lines.append(self.tr("正式编号：%1").replace("%1", entry.official_number))
        if entry.promised_date:
            lines.append(self.tr("承诺办结日期：%1").replace("%1", entry.promised_date))
        if entry.last_error:
            lines.append(self.tr("最近情况：%1").replace("%1", entry.last_error))
        return "\n".join(lines)

    def _resubmitted(self, uuid: str) -> None:
        self._people.pop(uuid, None)
        self.sync.wake()  # the correction is due now, even if the queue was resting
        self._say(self.tr("已更正并重新排队上报。"))
        self.entry_resubmitted.emit(uuid)
        self.refresh()

