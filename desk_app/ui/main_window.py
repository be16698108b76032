"""The clerk's main window: one case at a time, six steps, keyboard-first.

Steps: 申请人 → 事项 → 表单 → 材料 → 决定 → 确认. Ctrl+PgDown / Ctrl+PgUp move between
steps; each step says what is missing before moving on. The window never waits on the
network or a device: card reads and sealing run through the TaskRunner, and outbox /
sync news arrives as signals.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.case_state import CaseState
from desk_app.ui.agent_panel import AgentPanel
from desk_app.ui.applicant_page import ApplicantPage
from desk_app.ui.confirm_page import ConfirmPage
from desk_app.ui.customer_link import CustomerLink
from desk_app.ui.customer_screen import ScreenSummary
from desk_app.ui.decision_page import DecisionPage
from desk_app.ui.item_picker_page import ItemPickerPage
from desk_app.ui.queue_panel import QueuePanel
from desk_app.ui.status_panel import StatusPanel
from desk_app.ui.step_hosts import FormHost, MaterialsHost

RECEIPT_GRACE_MS = 3000
NOTICE_TITLES = {"accept": QT_TRANSLATE_NOOP("MainWindow", "受理通知书"),
                 "accept_deferred": QT_TRANSLATE_NOOP("MainWindow", "容缺受理通知书"),
                 "accept_pledge": QT_TRANSLATE_NOOP("MainWindow", "告知承诺书"),
                 "refuse": QT_TRANSLATE_NOOP("MainWindow", "不予受理通知书"),
                 "incomplete": QT_TRANSLATE_NOOP("MainWindow", "一次性告知书")}
STEP_APPLICANT, STEP_ITEMS, STEP_FORM, STEP_MATERIALS, STEP_DECISION, STEP_CONFIRM = range(6)


class MainWindow(QMainWindow):
    def __init__(self, services, runner, bridge, parent: QWidget | None = None, *,
                 speak: bool = True) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.case = CaseState()
        self.pending_receipt = None
        self.last_sealed_uuid = ""
        self.setWindowTitle(self.tr("综窗受理台 — %1 %2").replace("%1", services.window_name)
                            .replace("%2", services.clerk_name))
        self.resize(1440, 860)

        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setMinimumWidth(300)
        for name in (self.tr("① 申请人"), self.tr("② 事项"), self.tr("③ 表单"),
                     self.tr("④ 材料"), self.tr("⑤ 决定"), self.tr("⑥ 确认受理")):
            self.steps.addItem(name)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.applicant_page = ApplicantPage()
        self.agent_panel = AgentPanel()
        self.applicant_page.layout().insertWidget(3, self.agent_panel)
        self.queue_panel = QueuePanel(services.center_client, runner, services.config.window_id)
        self.item_page = ItemPickerPage(services.search_items, services.expand_choice)
        self.form_host = FormHost(services)
        self.materials_host = MaterialsHost(services, self.form_host)
        self.decision_page = DecisionPage()
        self.confirm_page = ConfirmPage()
        self.stack = QStackedWidget()
        for page in (self.applicant_page, self.item_page, self.form_host,
                     self.materials_host, self.decision_page, self.confirm_page):
            self.stack.addWidget(page)

        self.problems = QLabel()
        self.problems.setObjectName("errorText")
        self.problems.setWordWrap(True)
        self.back_button = QPushButton(self.tr("上一步 (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("下一步 (Ctrl+PgDown)"))
        self.next_button.setObjectName("primary")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=self.go_next)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=self.go_back)

        nav = QHBoxLayout()
        nav.addWidget(self.problems, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(320)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.steps, 1)
        self.queue_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side.addWidget(self.queue_panel)
        body.addWidget(sidebar)
        right_widget = QWidget()
        right_widget.setLayout(right)
        body.addWidget(right_widget, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

        self.status_panel = StatusPanel(self.statusBar())
        self.outbox_button = QPushButton(self.tr("上报队列 (F11)"))
        self.outbox_button.setObjectName("outboxButton")
        self.outbox_button.clicked.connect(self.show_outbox)
        self.statusBar().addWidget(self.outbox_button)
        QShortcut(QKeySequence("F11"), self, activated=self.show_outbox)
        self.bridge = bridge
        self.outbox_panel = None
        self.applicant_page.read_card_requested.connect(self.read_card)
        self.applicant_page.pre_application_requested.connect(self.pick_up_pre_application)
        self.agent_panel.read_card_requested.connect(lambda: self.read_card(for_agent=True))
        self.queue_panel.ticket_called.connect(self.on_ticket_called)
        self.customer = CustomerLink(services.window_name, self, speak=speak)
        self.customer.note.connect(self.confirm_page.show_applicant_note)
        self.customer.rated.connect(self.on_rated)
        self.confirm_page.seal_requested.connect(self.seal_case)
        self.confirm_page.next_requested.connect(self.next_applicant)
        self.confirm_page.notice_requested.connect(self.show_notice)
        self.confirm_page.reprint_requested.connect(
            lambda: self.show_receipt(self.services.outbox.get(self.case.uuid)))
        bridge.status_changed.connect(self.status_panel.show_outbox)
        bridge.case_acknowledged.connect(self.on_case_acknowledged)
        for state in services.device_states():
            self.status_panel.show_device(state)
        self.status_panel.show_outbox(services.outbox_summary())
        self.go_to(STEP_APPLICANT)

    # navigation -------------------------------------------------------------------------
    def go_to(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.steps.setCurrentRow(step)
        self.problems.clear()
        self.back_button.setEnabled(step > STEP_APPLICANT)
        self.next_button.setEnabled(step < STEP_CONFIRM)
        if step == STEP_FORM:
            self.form_host.show_items(
                self.item_page.item_codes(), self.case_prefill(), typed=self.case.applicant,
                preset=(self.case.pre_application or {}).get("form"))
        elif step == STEP_MATERIALS:
            self.materials_host.show_items(self.item_page.item_codes(), self.case.licences)
        elif step == STEP_CONFIRM:
            self.collect_case()
            self.confirm_page.show_case(self.case, self.item_names(),
                                        self.materials_host.summary_lines(),
                                        self.form_host.labelled_values())
            self.customer.ask_confirm(ScreenSummary(
                applicant_name=self.case.applicant.get("name", ""),
                id_number=self.case.applicant.get("id_number", ""),
                items=tuple(self.item_names()),
                materials=tuple(self.materials_host.summary_lines()),
                phone=str(self.case.form.get("applicant.phone", "")),
                agent_name=(self.case.agent or {}).get("name", ""),
                agent_id_number=(self.case.agent or {}).get("id_number", "")))
        QTimer.singleShot(0, lambda: self.stack.currentWidget().focusNextChild())

    def step_problems(self, step: int) -> list[str]:
        if step == STEP_APPLICANT:
            return self.applicant_page.problems() + self.agent_panel.problems(
                self.applicant_page.applicant()["id_number"])
        if step == STEP_ITEMS and not self.item_page.item_codes():
            return [self.tr("请至少选择一个办理事项")]
        if step == STEP_FORM:
            return self.form_host.problems()
        if step == STEP_DECISION:
            return self.decision_page.problems() + self.decision_conflicts()
        return []

    def decision_conflicts(self) -> list[str]:
        """Accepting outright needs every required material; otherwise say what to choose."""
        kind = self.decision_page.kind()
        if kind in ("refuse", "incomplete"):
            return []
        missing = self.materials_host.missing_names()
        if missing and kind in ("accept", "accept_pledge"):
            return [self.tr("材料未齐：%1。请选择容缺受理或一次性告知").replace(
                "%1", "、".join(missing))]
        uncaptured = self.materials_host.uncaptured_names()
        if uncaptured:
            return [self.tr("以下材料选择了扫描/上传，但还没有拍摄或导入：%1（在材料步骤按 F4）")
                    .replace("%1", "、".join(uncaptured))]
        return []

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        problems = self.step_problems(step)
        if problems:
            self.problems.setText("；".join(problems))
            return
        if step < STEP_CONFIRM:
            self.go_to(step + 1)

    def go_back(self) -> None:
        step = self.stack.currentIndex()
        if step > STEP_APPLICANT and self.case.provisional_number == "":
            self.go_to(step - 1)

    # the case ---------------------------------------------------------------------------
    def case_prefill(self) -> dict:
        """Bindings for the form: the card's values, only when they came from a card."""
        self.case.applicant = self.applicant_page.applicant()
        return self.case.prefill()

    def item_names(self) -> list[str]:
        return [self.services.item_name(code) for code in self.item_page.item_codes()]

    def collect_case(self) -> None:
        self.case.applicant = self.applicant_page.applicant()
        self.case.agent = self.agent_panel.agent()
        self.case.item_codes = self.item_page.item_codes()
        self.case.form = self.form_host.values()
        self.case.form_sources = self.form_host.sources()
        self.case.materials = self.materials_host.materials()
        self.case.blobs = self.materials_host.blobs()
        agent = self.case.agent or {}
        self.services.remember_values([*self.case.applicant.values(), agent.get("name"),
                                       agent.get("id_number"), agent.get("phone"),
                                       self.case.form.get("applicant.phone"),
                                       self.case.form.get("applicant.address")])
        self.case.decision_kind = self.decision_page.kind()
        self.case.decision_reason = self.decision_page.reason_text()

    def read_card(self, for_agent: bool = False) -> None:
        """F2 reads the applicant's card; F3 (agent mode) the agent's (帮办代办)."""
        page = self.agent_panel if for_agent else self.applicant_page
        self.applicant_page.read_button.setEnabled(False)
        self.applicant_page.show_error(self.tr("正在读卡…"))

        def done(identity) -> None:
            self.applicant_page.read_button.setEnabled(True)
            self.services.remember_personal(identity)
            if for_agent:
                self.case.agent_identity = identity
                self.agent_panel.show_identity(identity)
                self.applicant_page.show_error(self.tr("已读取代办人证件。"))
                return
            self.case.identity = identity
            self.case.licences = []
            self.applicant_page.show_identity(identity)
            self.pull_licences(identity.to_prefill().get("card.id_number", ""))

        def failed(exc: BaseException) -> None:
            self.applicant_page.read_button.setEnabled(True)
            page.show_error(self.services.clerk_message(exc))

        self.runner.run(self.services.read_identity, done, failed)

    def pick_up_pre_application(self, code: str) -> None:
        """线上线下融合: applicant, items and answers filed online come to the counter."""
        if not code:
            return
        case = self.case

        def done(pre: dict) -> None:
            if case is not self.case:
                return
            case.pre_application = pre
            self.applicant_page.show_pre_application(pre.get("applicant") or {})
            self.item_page.add_codes([str(c) for c in pre.get("item_codes") or []])
            holder = (pre.get("applicant") or {}).get("id_number", "")
            self.pull_licences(str(holder))

        def failed(exc: BaseException) -> None:
            self.applicant_page.show_error(self.services.clerk_message(exc))

        self.runner.run(lambda: self.services.pre_application(code), done, failed)

    def pull_licences(self, holder_id: str) -> None:
        """Ask the licence store in the background; the case goes on without it if it fails."""
        if not holder_id:
            return
        case = self.case

        def done(licences) -> None:
            if case is self.case:
                case.licences = list(licences)
                if licences:
                    names = "、".join(str(lic.get("name")) for lic in licences)
                    self.applicant_page.show_licences(self.tr("已调取电子证照：%1").replace(
                        "%1", names))

        def failed(exc: BaseException) -> None:
            self.applicant_page.show_licences(self.tr("电子证照库暂不可用（%1），材料可改用其他方式")
                                              .replace("%1", self.services.clerk_message(exc)))

        self.runner.run(lambda: self.services.licences(holder_id), done, failed)

    def on_ticket_called(self, ticket: str) -> None:
        self.case.ticket_number = ticket
        self.customer.welcome(ticket)

    def on_rated(self, rating: dict) -> None:
        case_uuid = self.case.uuid if self.case.provisional_number else self.last_sealed_uuid
        if not case_uuid:
            return

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(self.services.clerk_message(exc), 10_000)

        self.runner.run(lambda: self.services.rate(case_uuid, rating),
                        lambda _sealed: self.services.wake_sync(), failed)

    def seal_case(self) -> None:
        self.collect_case()
        self.confirm_page.seal_button.setEnabled(False)

        def done(sealed) -> None:
            self.case.provisional_number = sealed.provisional_number
            self.confirm_page.show_sealed(sealed.provisional_number)
            self.back_button.setEnabled(False)
            self.pending_receipt = sealed
            self.last_sealed_uuid = self.case.uuid
            self.customer.ask_rating()
            for code in self.case.item_codes:
                self.services.record_use(code)
            self.services.wake_sync()
            # Online, the center answers within a moment: wait briefly so the receipt
            # carries the official number; offline, print the provisional one.
            QTimer.singleShot(RECEIPT_GRACE_MS, self.print_pending_receipt)

        def failed(exc: BaseException) -> None:
            self.confirm_page.show_error(self.services.clerk_message(exc))

        self.runner.run(lambda: self.services.seal(self.case), done, failed)

    def print_pending_receipt(self) -> None:
        sealed, self.pending_receipt = self.pending_receipt, None
        if sealed is not None:
            self.show_receipt(sealed)

    def show_receipt(self, sealed) -> None:
        from desk_app.ui.receipt_dialog import ReceiptDialog

        def printed(preview) -> None:
            self.receipt_dialog = ReceiptDialog(preview, self)
            self.receipt_dialog.show()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("回执打印失败"),
                                self.services.clerk_message(exc) + "\n"
                                + self.tr("案件已保存，可在办件记录中补打回执。"))

        self.runner.run(lambda: self.services.print_receipt(self.case, sealed), printed, failed)

    def show_outbox(self) -> None:
        from desk_app.ui.outbox_panel import OutboxPanel

        if self.outbox_panel is None:
            self.outbox_panel = OutboxPanel(self.services.outbox, self.services.sync,
                                            self.bridge, self,
                                            item_name=self.services.item_name)
            self.outbox_panel.setWindowFlag(Qt.WindowType.Window, True)
            self.outbox_panel.resize(1100, 640)
            self.outbox_panel.relogin_requested.connect(self.relogin)
        self.outbox_panel.show()
        self.outbox_panel.raise_()
        self.outbox_panel.activateWindow()

    def relogin(self) -> None:
        """The queue paused on an expired session: sign in again; the queue resumes."""
        from desk_app.ui.login_dialog import LoginDialog

        dialog = LoginDialog(self.services.window_name, self.services.config.center_url, self)
        dialog.username.setText(self.services.clerk_username)
        dialog.username.setReadOnly(True)
        dialog.password.setFocus()
        while dialog.exec():
            try:
                self.services.relogin(dialog.credentials()[1])
            except Exception as exc:
                dialog.message.setText(self.services.clerk_message(exc))
                continue
            self.services.wake_sync()
            return

    def show_notice(self) -> None:
        from desk_app.ui.print_preview import PrintPreviewDialog

        missing = self.materials_host.missing_names()
        signature = self.customer.signature_png

        def ready(result) -> None:
            kind, pdf = result
            title = self.tr(NOTICE_TITLES.get(kind, kind))
            self.notice_dialog = PrintPreviewDialog(pdf, title, self)
            self.notice_dialog.open()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("通知书"), self.services.clerk_message(exc))

        self.runner.run(lambda: self.services.notice_pdf(self.case, missing, signature),
                        ready, failed)

    def on_case_acknowledged(self, uuid: str, official_number: str, promised_date: str) -> None:
        if uuid == self.case.uuid:
            self.case.official_number = official_number
            self.confirm_page.show_official(official_number, promised_date)
            self.print_pending_receipt()

    def closeEvent(self, event) -> None:
        self.materials_host.shutdown()
        super().closeEvent(event)

    def next_applicant(self) -> None:
        if self.case.provisional_number == "" and self.stack.currentIndex() != STEP_CONFIRM:
            return
        self.case = CaseState()
        self.applicant_page.clear()
        self.agent_panel.clear()
        self.queue_panel.clear()
        self.customer.welcome()
        self.item_page.clear()
        self.decision_page.clear()
        self.form_host.clear()
        self.materials_host.clear()
        self.go_to(STEP_APPLICANT)
