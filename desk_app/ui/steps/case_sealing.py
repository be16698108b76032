"""Sealing the flow's case off the GUI thread, then what follows: the papers in the flow's
order, the applicant's rating, and the center's answer (the official number)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desk_app.ui.widgets import words


class CaseSealing(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_sealed_uuid = ""

    def seal(self) -> None:
        window, flow = self.window, self.window.flow
        page = window.confirm_page
        problems = flow.seal_problems()
        if problems:
            page.show_error(words.sentences(problems))
            return
        page.seal_button.setEnabled(False)
        case = flow.case

        def done(sealed) -> None:
            flow.mark_sealed(sealed.provisional_number)
            page.show_sealed(sealed.provisional_number, receipt="receipt" in flow.papers())
            window.back_button.setEnabled(False)
            self.last_sealed_uuid = case.uuid
            window.customer.ask_rating()
            for code in case.item_codes:
                window.services.record_use(code)
            window.services.wake_sync()
            window.papers.after_seal(sealed)

        def failed(exc: BaseException) -> None:
            page.show_error(window.services.clerk_message(exc))

        window.runner.run(lambda: window.services.seal(case), done, failed)

    def acknowledged(self, uuid: str, official_number: str, promised_date: str) -> None:
        case = self.window.flow.case
        if uuid == case.uuid:
            case.official_number = official_number
            self.window.confirm_page.show_official(official_number, promised_date)
            self.window.papers.print_pending_receipt()

    def rated(self, rating: dict) -> None:
        window = self.window
        case = window.flow.case
        case_uuid = case.uuid if case.sealed else self.last_sealed_uuid
        if not case_uuid:
            return

        def failed(exc: BaseException) -> None:
            window.statusBar().showMessage(window.services.clerk_message(exc), 10_000)

        window.runner.run(lambda: window.services.rate(case_uuid, rating),
                          lambda _sealed: window.services.wake_sync(), failed)
