"""本窗口办件: this window's cases with their status, working days left (overdue in red) and
容缺 materials owed; filter, find by number or by a receipt's QR (typed, a keyboard-wedge
scanner, or seen by the document camera), and from a 待领取 case the 出件 / 邮寄 dialogs.

A status change reported by the sync thread is announced in a strip at the top, never in
a dialog: the clerk may be in the middle of another applicant's case.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.window_day.window_cases import WindowCase
from desk_app.ui.widgets import words
from desk_app.ui.widgets.themed import colour_property

FILTERS = (
    ("all", QT_TRANSLATE_NOOP("WindowCasesPanel", "全部")),
    ("running", QT_TRANSLATE_NOOP("WindowCasesPanel", "办理中")),
    ("overdue", QT_TRANSLATE_NOOP("WindowCasesPanel", "已超期")),
    ("owed", QT_TRANSLATE_NOOP("WindowCasesPanel", "容缺待补")),
    ("ready", QT_TRANSLATE_NOOP("WindowCasesPanel", "待领取")),
    ("done", QT_TRANSLATE_NOOP("WindowCasesPanel", "已出件")),
)


def _shown(case: WindowCase, wanted: str) -> bool:
    return {
        "all": True,
        "running": case.days_left is not None,
        "overdue": case.overdue,
        "owed": bool(case.deferred_owed),
        "ready": case.status == "ready",
        "done": case.status in ("collected", "mailed"),
    }[wanted]


class WindowCasesPanel(QWidget):
    overdue_colour = colour_property("overdue_colour", Qt.GlobalColor.red)  # the theme's

    def __init__(self, after, runner, bridge=None, parent: QWidget | None = None,
                 customer=None) -> None:
        super().__init__(parent)
        self.customer = customer  # the applicant screen: the collector signs there
        self.setObjectName("windowCasesPanel")
        self.setWindowTitle(self.tr("本窗口办件"))
        self.resize(1200, 640)
        self.after, self.runner = after, runner
        self.cases: list[WindowCase] = []
        self.shown: list[WindowCase] = []
        self.dialog: QWidget | None = None
        self._build()
        if bridge is not None:
            bridge.case_status_changed.connect(self.announce)
            bridge.case_acknowledged.connect(
                lambda _uuid, number, _date: self.announce("", number, self.tr("已取得正式编号")))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.announcement = QLabel(objectName="announcement")
        self.announcement.hide()
        layout.addWidget(self.announcement)
        row = QHBoxLayout()
        self.find_edit = QLineEdit(objectName="findCase")
        self.find_edit.setPlaceholderText(self.tr("输入或扫描办件编号 / 回执二维码，回车查找"))
        self.find_edit.returnPressed.connect(self.apply_filter)
        self.scan_button = QPushButton(self.tr("高拍仪识码"))
        self.scan_button.clicked.connect(self.find_by_camera)
        self.card_button = QPushButton(self.tr("读卡查找"))
        self.card_button.clicked.connect(self.find_by_card)
        self.filter = QComboBox(objectName="caseFilter")
        for key, text in FILTERS:
            self.filter.addItem(words.translated("WindowCasesPanel", text), key)
        self.filter.currentIndexChanged.connect(self.apply_filter)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.scan_button)
        row.addWidget(self.card_button)
        row.addWidget(self.filter)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 7, objectName="windowCases")
        self.table.setHorizontalHeaderLabels([
            self.tr("办件编号"), self.tr("申请人"), self.tr("事项"), self.tr("状态"),
            self.tr("承诺办结"), self.tr("剩余工作日"), self.tr("容缺待补")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.message = QLabel(objectName="windowCasesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.handover_button = QPushButton(self.tr("出件（领取）"))
        self.mail_button = QPushButton(self.tr("邮寄"))
        self.supplement_button = QPushButton(self.tr("容缺补交"))
        self.reprint_button = QPushButton(self.tr("补打回执"))
        self.handover_button.clicked.connect(self.open_handover)
        self.mail_button.clicked.connect(self.open_mail)
        self.supplement_button.clicked.connect(self.open_supplement)
        self.reprint_button.clicked.connect(self.reprint)
        for button in (self.handover_button, self.mail_button, self.supplement_button,
                       self.reprint_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # ---- loading ---------------------------------------------------------------------
    def refresh(self, pull: bool = True) -> None:
        self.refresh_button.setEnabled(False)
        self.message.setText(self.tr("正在读取…"))

        def done(cases) -> None:
            self.refresh_button.setEnabled(True)
            self.cases = cases
            self.message.setText("")
            self.apply_filter()

        def failed(exc: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.message.setText(self.tr("读取办件失败：%1").replace("%1", str(exc)))

        self.runner.run(lambda: self.after.cases(pull=pull), done, failed)

    def apply_filter(self) -> None:
        wanted = self.filter.currentData() or "all"
        found = self.after.find(self.cases, self.find_edit.text())
        self.shown = [c for c in found if _shown(c, wanted)]
        self.table.setRowCount(len(self.shown))
        for row, case in enumerate(self.shown):
            self._fill_row(row, case)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if self.find_edit.text().strip() and len(self.shown) == 1:
            self.table.selectRow(0)
        elif self.find_edit.text().strip() and not self.shown:
            self.message.setText(self.tr("本窗口没有找到该办件"))
        overdue = sum(c.overdue for c in self.cases)
        self.setWindowTitle(self.tr("本窗口办件（共 %1 件，超期 %2 件）")
                            .replace("%1", str(len(self.cases))).replace("%2", str(overdue)))

    def _fill_row(self, row: int, case: WindowCase) -> None:
        if case.days_left is None:
            left = ""
        elif case.overdue:
            left = self.tr("超期 %1 个工作日").replace("%1", str(-case.days_left))
        else:
            left = str(case.days_left)
        late = self.tr("，已逾期")
        owed = words.listed(
            self.tr("%1（%2）").replace("%1", d.name).replace(
                "%2", f"{d.due_date or ''}{late if (d.days_left or 0) < 0 else ''}")
            for d in case.deferred_owed)
        number = case.number if case.official else self.tr("%1（临时）").replace("%1", case.number)
        if case.window_id and case.window_id != self.after.window_id:  # a card's hall-wide find
            number += self.tr("（%1 窗口）").replace("%1", case.window_id)
        status = words.status(case.status) + (
            self.tr("（待上报）") if case.unsent_event else "")
        cells = (number, case.applicant_masked, words.listed(case.item_names), status,
                 case.promised_date or "", left, owed)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if case.overdue:
                item.setForeground(QBrush(self.overdue_colour))
            self.table.setItem(row, column, item)

    def selected(self) -> WindowCase | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        case = self.selected()
        ready = case is not None and case.status == "ready"
        self.handover_button.setEnabled(ready)
        self.mail_button.setEnabled(ready)
        self.supplement_button.setEnabled(bool(case and case.local and case.deferred_owed))
        # from the local record, else from the center's (an official number is needed)
        self.reprint_button.setEnabled(bool(case and (case.local or case.official)))

    # ---- announcements and finding -----------------------------------------------------
    def announce(self, _uuid: str, number: str, words: str) -> None:
        """A strip, not a dialog; it fades after a while and the list follows."""
        self.announcement.setText(self.tr("办件 %1：%2").replace("%1", number).replace("%2", words))
        self.announcement.show()
        QTimer.singleShot(15000, self.announcement.hide)
        if self.isVisible():
            self.refresh(pull=False)

    def find_by_card(self) -> None:
        """The applicant's card on the reader: their open cases, this desk's and the hall's
        at the center (matched by keyed hash; the number is never shown)."""
        self.message.setText(self.tr("正在读卡…"))
        cases = list(self.cases)

        def done(result) -> None:
            found = result.cases
            self.find_edit.clear()
            self.shown = found
            self.table.setRowCount(len(found))
            for row, case in enumerate(found):
                self._fill_row(row, case)
            if len(found) == 1:
                self.table.selectRow(0)
            text = (self.tr("该申请人在本大厅有 %1 件在办办件") if result.from_center
                    else self.tr("中心暂时连不上：该申请人在本机有 %1 件在办办件"))
            self.message.setText(text.replace("%1", str(len(found))))

        self.runner.run(lambda: self.after.cases_of_card(cases), done,
                        lambda exc: self.message.setText(str(exc)))

    def find_by_camera(self) -> None:
        self.message.setText(self.tr("请将回执二维码放在高拍仪下…"))

        def done(text) -> None:
            if not text:
                self.message.setText(self.tr("没有识别到二维码，请摆正回执后重试"))
                return
            self.find_edit.setText(text)
            self.apply_filter()

        def failed(exc: BaseException) -> None:
            self.message.setText(str(exc))

        self.runner.run(self.after.code_in_view, done, failed)

    # ---- 出件 / 邮寄 --------------------------------------------------------------------
    def open_handover(self) -> None:
        from desk_app.ui.after_acceptance.handover_dialog import HandoverDialog

        case = self.selected()
        if case is not None:
            self.dialog = HandoverDialog(self.after, self.runner, case, parent=self,
                                         customer=self.customer)
            self.dialog.finished.connect(lambda _code: self.refresh())
            self.dialog.open()

    def open_supplement(self) -> None:
        from desk_app.ui.after_acceptance.supplement_dialog import SupplementDialog

        case = self.selected()
        if case is not None:
            self.dialog = SupplementDialog(self.after, self.runner, case, parent=self)
            self.dialog.finished.connect(lambda _code: self.refresh(pull=False))
            self.dialog.open()

    def reprint(self) -> None:
        case = self.selected()
        if case is None:
            return

        def done(preview) -> None:
            where = preview.printed_to or self.tr("（未打印）")
            notes = words.sentences(preview.warnings)
            self.message.setText(self.tr("已补打回执 %1：%2 %3").replace("%1", case.number)
                                 .replace("%2", where).replace("%3", notes))

        self.runner.run(lambda: self.after.reprint(case), done,
                        lambda exc: self.message.setText(str(exc)))

    def open_mail(self) -> None:
        from desk_app.ui.after_acceptance.handover_dialog import MailDialog

        case = self.selected()
        if case is not None:
            self.dialog = MailDialog(self.after, self.runner, case, parent=self)
            self.dialog.finished.connect(lambda _code: self.refresh())
            self.dialog.open()


class AfterAcceptanceHook:
    """The main window's one line: F10 opens 本窗口办件, Ctrl+Shift+D 窗口概况 (built once)."""

    def __init__(self, window) -> None:
        from desk_app.core.window_day.after_acceptance import AfterAcceptance
        from desk_app.ui.shell import keymap

        self.window = window
        self.after = AfterAcceptance.of(window.services)
        self.cases: WindowCasesPanel | None = None
        self.dashboard = None
        keymap.bind("window_cases", window, self.show_cases)
        keymap.bind("dashboard", window, self.show_dashboard)

    def show_cases(self) -> None:
        if self.cases is None:
            self.cases = WindowCasesPanel(self.after, self.window.runner, self.window.bridge,
                                          customer=self.window.customer)
        self.cases.show()
        self.cases.raise_()
        self.cases.refresh()

    def show_dashboard(self) -> None:
        from desk_app.ui.after_acceptance.window_dashboard import WindowDashboard

        if self.dashboard is None:
            self.dashboard = WindowDashboard(self.after, self.window.runner)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.refresh()
