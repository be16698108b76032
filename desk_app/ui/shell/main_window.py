"""The clerk's main window: a shell hosting the six step pages over one ``CaseFlow``.

Steps: 申请人 → 事项 → 表单 → 材料 → 决定 → 确认. The flow owns the case (what was
gathered, who confirmed it, whether it may be sealed, which papers print); the pages show
it and write what the clerk entered back into it. The window never waits on the network
or a device: card reads and sealing run through the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
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

from desk_app.core.case_flow import CaseFlow
from desk_app.core.case_flow.flow import (
    STEP_APPLICANT,
    STEP_CONFIRM,
    STEP_DECISION,
    STEP_FORM,
    STEP_ITEMS,
    STEP_MATERIALS,
)
from desk_app.ui.after_acceptance.window_cases_panel import AfterAcceptanceHook
from desk_app.ui.applicant_screen.customer_link import CustomerLink
from desk_app.ui.outbox.outbox_access import OutboxAccess
from desk_app.ui.papers.case_papers import CasePapers
from desk_app.ui.queue.queue_panel import QueuePanel
from desk_app.ui.shell import keymap
from desk_app.ui.shell.device_strip import DeviceStrip
from desk_app.ui.shell.status_panel import StatusPanel
from desk_app.ui.shell.update_notice import UpdateNotice
from desk_app.ui.steps.applicant_actions import ApplicantActions
from desk_app.ui.steps.case_pages import CasePages
from desk_app.ui.steps.case_sealing import CaseSealing
from desk_app.ui.steps.step_hosts import screen_summary
from desk_app.ui.widgets import words
from desk_app.ui.widgets.wheel_guard import WheelGuard

__all__ = ["STEP_APPLICANT", "STEP_CONFIRM", "STEP_DECISION", "STEP_FORM", "STEP_ITEMS",
           "STEP_MATERIALS", "MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, services, runner, bridge, parent: QWidget | None = None, *,
                 speak: bool = True) -> None:
        super().__init__(parent)
        self.services, self.runner, self.bridge = services, runner, bridge
        self.flow = CaseFlow(record=services.record, rules=services.case_rules)
        self.outbox_panel = None
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
        self.pages = CasePages(services, self.flow, self)
        (self.applicant_page, self.item_page, self.form_host, self.materials_host,
         self.decision_page, self.confirm_page) = self.pages.steps()
        self.agent_panel = self.pages.agent
        self.queue_panel = QueuePanel(services.center_client, runner, services.config.window_id)
        self.stack = QStackedWidget()
        for page in self.pages.steps():
            self.stack.addWidget(page)
        self.problems = QLabel()
        self.problems.setObjectName("errorText")
        self.problems.setWordWrap(True)
        self.back_button = QPushButton(keymap.with_key(self.tr("上一步"), "previous_step"))
        self.next_button = QPushButton(keymap.with_key(self.tr("下一步"), "next_step"))
        self.next_button.setObjectName("primary")
        self.next_button.setAutoDefault(True)  # focused when nothing is left to type
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        keymap.bind("next_step", self, self.go_next)
        keymap.bind("previous_step", self, self.go_back)
        keymap.bind("new_case", self, self.new_case)
        keymap.bind("decide_now", self, self.decide_now)
        self._lay_out()
        self.status_panel = StatusPanel(self.statusBar())
        self.outbox = OutboxAccess(self, bridge)
        self.outbox_button = QPushButton(keymap.with_key(self.tr("上报队列"), "outbox"))
        self.outbox_button.setObjectName("outboxButton")
        self.outbox_button.clicked.connect(self.show_outbox)
        self.statusBar().addWidget(self.outbox_button)
        keymap.bind("outbox", self, self.show_outbox)
        self.pages.next_requested.connect(self.go_next)
        self.wheel_guard = WheelGuard(self)
        self.papers = CasePapers(self)
        self.sealing = CaseSealing(self)
        self.applicant = ApplicantActions(self)
        self.applicant_page.read_card_requested.connect(self.applicant.read_card)
        # on every step: another person's card mid-case must be noticed, and asked about
        keymap.bind("read_card", self, self.applicant.read_card)
        keymap.bind("read_agent_card", self, self.agent_panel.read_if_agent)
        self.applicant_page.pre_application_requested.connect(
            self.applicant.pick_up_pre_application)
        self.agent_panel.read_card_requested.connect(
            lambda: self.applicant.read_card(for_agent=True))
        self.queue_panel.ticket_called.connect(self.on_ticket_called)
        self.queue_panel.ticket_issued.connect(self.papers.print_ticket)  # F9: the ticket slip
        self.customer = CustomerLink(services.window_name, self, speak=speak)
        self.customer.note.connect(self.confirm_page.show_applicant_note)
        self.customer.signed_for.connect(self.on_signed)
        self.customer.rated.connect(self.sealing.rated)
        self.confirm_page.seal_requested.connect(self.sealing.seal)
        self.confirm_page.next_requested.connect(self.next_applicant)
        self.confirm_page.notice_requested.connect(self.papers.show_notice)
        self.confirm_page.reprint_requested.connect(
            lambda: self.papers.show_receipt(self.services.outbox.get(self.case.uuid)))
        bridge.status_changed.connect(self.status_panel.show_outbox)
        bridge.case_acknowledged.connect(self.sealing.acknowledged)
        self.device_strip = DeviceStrip(self, services)  # devices, network, bridge badge
        self.status_panel.show_outbox(services.outbox_summary())
        self.after_acceptance = AfterAcceptanceHook(self)  # F10 本窗口办件, Ctrl+Shift+D 概况
        self.update_notice = UpdateNotice.attach(self)  # background update check
        self.go_to(STEP_APPLICANT)

    def _lay_out(self) -> None:
        nav = QHBoxLayout()
        nav.addWidget(self.problems, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.stack, 1)
        column.addLayout(nav)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(320)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.steps, 1)
        self.queue_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side.addWidget(self.queue_panel)
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(sidebar)
        body.addWidget(right, 1)
        self.setCentralWidget(central)

    @property
    def case(self):
        return self.flow.case

    # navigation -------------------------------------------------------------------------
    def go_to(self, step: int) -> None:
        """Show ``step``: its page reads the flow's case (nothing is copied out of pages)."""
        self.flow.step = step
        self.stack.setCurrentIndex(step)
        self.steps.setCurrentRow(step)
        self.problems.clear()
        self.back_button.setEnabled(self.flow.can_go_back())
        self.next_button.setEnabled(step < STEP_CONFIRM)
        self.pages.show(step)
        if step == STEP_CONFIRM:
            self.flow.withdraw_confirmation()  # they confirm what they see, now
            self.pages.show_review(self.item_names())
            self.customer.ask_confirm(self.case.uuid, screen_summary(
                self.case, self.item_names(), self.materials_host))
        QTimer.singleShot(0, lambda: self.pages.focus(self.stack.currentIndex(),
                                                      self.next_button))

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        checked = [step] if step != STEP_DECISION else list(self.flow.blocking_steps())
        problems = [p for s in checked for p in self.pages.problems(s)]
        if problems:
            self.problems.setText(words.sentences(problems))
            return
        if step < STEP_CONFIRM:
            self.go_to(step + 1)

    def go_back(self) -> None:
        if self.flow.can_go_back():
            self.go_to(self.stack.currentIndex() - 1)

    def decide_now(self) -> None:
        """Ctrl+D: 不予受理 / 一次性告知 need only the applicant and the items."""
        if not self.case.sealed and self.stack.currentIndex() >= STEP_ITEMS \
                and self.case.item_codes:
            self.go_to(STEP_DECISION)

    # the case ---------------------------------------------------------------------------
    def item_names(self) -> list[str]:
        return [self.services.item_name(code) for code in self.case.item_codes]

    def on_signed(self, case_id: str, png: bytes) -> None:
        """Only a signature for the case on the desk counts (and says so on the page)."""
        if self.flow.confirm(case_id, png):
            self.confirm_page.show_applicant_note(self.tr("申请人已确认并签名"))

    def seal_case(self) -> None:
        self.sealing.seal()

    def on_ticket_called(self, ticket: str) -> None:
        """A new ticket is a new applicant: never attached to the case on the desk."""
        if (self.case.ticket_number and self.case.ticket_number != ticket) or \
                self.flow.in_progress() or self.case.sealed:
            if not self.new_case():
                return
        self.case.ticket_number = ticket
        self.customer.welcome(ticket)

    def new_case(self, ask: bool = True, question: str = "") -> bool:
        """Ctrl+N, a new ticket, another person's card: a clean flow. An unsealed case is
        abandoned only when the clerk says so."""
        if self.flow.in_progress():
            question = question or self.tr(
                "当前案件尚未受理。放弃它并开始新的案件吗？（不会保存或上报）")
            if ask and QMessageBox.question(
                    self, self.tr("放弃当前案件"), question,
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return False
            self.flow.abandon()
        else:
            self.flow.start()
        self.pages.show_all()
        self.customer.welcome()
        self.go_to(STEP_APPLICANT)
        return True

    def next_applicant(self) -> None:
        if self.case.sealed:
            self.queue_panel.clear()
            self.new_case(ask=False)

    def show_outbox(self) -> None:
        self.outbox.show()

    def closeEvent(self, event) -> None:
        self.materials_host.shutdown()
        super().closeEvent(event)
