"""Who is applying: card reads (F2 / F3), pre-applications and the licence pull, each
answer applied to the case it was asked for — never to the next one.

A card of another person than the case on the desk is never merged into it: the clerk
chooses between keeping the pre-application for its applicant and starting over with
this card (or, mid-case, abandoning the case)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desk_app.core.case_flow import CARD_NEW_PERSON, CARD_PRE_APPLICATION_OTHER
from desk_app.ui.widgets import words


class ApplicantActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def read_card(self, for_agent: bool = False) -> None:
        """F2 reads the applicant's card; F3 (agent mode) the agent's (帮办代办)."""
        window = self.window
        page = window.agent_panel if for_agent else window.applicant_page
        window.applicant_page.read_button.setEnabled(False)
        window.applicant_page.show_error(self.tr("正在读卡…"))
        case = window.flow.case

        def done(identity) -> None:
            window.applicant_page.read_button.setEnabled(True)
            window.services.remember_personal(identity)
            if not window.flow.is_current(case):
                return
            if for_agent:
                window.flow.take_agent(identity)
                window.agent_panel.show_identity(identity)
                window.applicant_page.show_error(self.tr("已读取代办人证件。"))
                return
            self.take_card(identity)

        def failed(exc: BaseException) -> None:
            window.applicant_page.read_button.setEnabled(True)
            page.show_error(window.services.clerk_message(exc))

        window.runner.run(window.services.read_identity, done, failed)

    def take_card(self, identity) -> None:
        window = self.window
        if window.applicant_page.is_legal_person():  # a unit's case: this is its 经办人
            window.flow.take_agent(identity)
            window.applicant_page.show_identity(identity)
            return
        verdict = window.flow.classify_card(identity)
        if verdict == CARD_PRE_APPLICATION_OTHER:
            if not self.ask_pre_application_other(identity):
                window.applicant_page.show_error(self.tr(
                    "证件持有人与预审件申请人不符：已保留预审件，未使用此证件。"))
                return
            window.new_case(ask=False)
        elif verdict == CARD_NEW_PERSON:
            name = window.flow.case.applicant.get("name", "")
            if not window.new_case(question=self.tr(
                    "读取的证件不是本案件申请人（%1）的。当前案件尚未受理：放弃它，"
                    "以此证件开始新的案件吗？（不会保存或上报）").replace("%1", name)):
                window.applicant_page.show_error(self.tr("已保留当前案件，未使用此证件。"))
                window.statusBar().showMessage(self.tr("已保留当前案件，未使用此证件。"), 8000)
                window.pages.focus(window.stack.currentIndex(), window.next_button)
                return
        window.flow.take_identity(identity)
        window.applicant_page.show_case(window.flow.case)
        self.pull_licences(window.flow.case.holder_id())
        self.card_done(identity)

    def card_done(self, identity) -> None:
        """The card was the step's last field: a valid card of a person applying for
        themselves moves on to the items (an agent, a unit or a warning keeps the page)."""
        window = self.window
        if window.stack.currentIndex() == 0 and not identity.warnings(date.today()) and \
                not window.agent_panel.is_agent_mode() and not window.pages.problems(0):
            window.go_next()
        else:
            window.pages.focus(window.stack.currentIndex(), window.next_button)

    def ask_pre_application_other(self, identity) -> bool:
        """True: start over with this card; False: keep the pre-application for its applicant."""
        pre_name = str((self.window.flow.case.pre_application.get("applicant") or {})
                       .get("name", ""))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("证件与预审件不符"),
                          self.tr("读取的证件不是预审件申请人（%1）本人。").replace("%1", pre_name),
                          parent=self.window)
        keep = box.addButton(self.tr("保留预审件 (K)"), QMessageBox.ButtonRole.RejectRole)
        restart = box.addButton(self.tr("以此证件重新开始 (R)"),
                                QMessageBox.ButtonRole.AcceptRole)
        keep.setShortcut("K")
        restart.setShortcut("R")
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is restart

    def pick_up_pre_application(self, code: str) -> None:
        """线上线下融合: applicant, items and answers filed online come to the counter."""
        if not code:
            return
        window = self.window
        case = window.flow.case

        def done(pre: dict) -> None:
            if not window.flow.is_current(case):
                return
            window.flow.take_pre_application(pre)
            window.applicant_page.show_case(case)
            window.item_page.show_case(case)
            # the number came with the pre-application, not from a card read here
            self.pull_licences(case.holder_id(), basis="typed", purpose=f"网上预审件 {code}")

        def failed(exc: BaseException) -> None:
            window.applicant_page.show_error(window.services.clerk_message(exc))

        window.runner.run(lambda: window.services.pre_application(code), done, failed)

    def pull_licences(self, holder_id: str, *, basis: str = "card", purpose: str = "") -> None:
        """Ask the licence store in the background; the case goes on without it if it fails."""
        if not holder_id:
            return
        window = self.window
        case = window.flow.case

        def done(licences) -> None:
            if window.flow.is_current(case):
                case.licences = list(licences)
                if licences:
                    names = words.listed(str(lic.get("name")) for lic in licences)
                    window.applicant_page.show_licences(
                        self.tr("已调取电子证照：%1").replace("%1", names))

        def failed(exc: BaseException) -> None:
            window.applicant_page.show_licences(
                self.tr("电子证照库暂不可用（%1），材料可改用其他方式")
                .replace("%1", window.services.clerk_message(exc)))

        window.runner.run(
            lambda: window.services.licences(holder_id, basis=basis, purpose=purpose),
            done, failed)
