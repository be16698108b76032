"""The papers of a sealed case, printed in the flow's order (``core.case_flow.papers``):
the decision's slip — the 收件回执 only when something was received, the 不予受理 slip for
a refusal — and the decision's notice, each built off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from desk_app.core.case_flow.papers import RECEIPT, SLIPS
from desk_app.ui.widgets import words

RECEIPT_GRACE_MS = 3000


class CasePapers(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.pending_receipt = None

    def after_seal(self, sealed) -> None:
        """Online, the center answers within a moment: wait briefly so the receipt carries
        the official number; offline, print the provisional one."""
        papers = self.window.flow.papers()
        if any(paper in SLIPS for paper in papers):
            self.pending_receipt = sealed
            QTimer.singleShot(RECEIPT_GRACE_MS, self.print_pending_receipt)
        if RECEIPT not in papers:
            self.show_notice()

    def print_pending_receipt(self) -> None:
        sealed, self.pending_receipt = self.pending_receipt, None
        if sealed is not None:
            self.show_receipt(sealed)

    def show_receipt(self, sealed) -> None:
        from desk_app.ui.papers.receipt_dialog import ReceiptDialog

        window, case = self.window, self.window.flow.case
        papers = window.flow.papers()
        if not any(paper in SLIPS for paper in papers):
            return  # 一次性告知: nothing was received and nothing decided to hand over

        def printed(preview) -> None:
            if preview is None:
                return
            if RECEIPT not in papers:  # the 不予受理 slip: no 收件回执 preview to check
                self.say(preview, self.tr("不予受理告知单已打印"))
                return
            window.receipt_dialog = ReceiptDialog(preview, window)
            window.receipt_dialog.show()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(window, self.tr("回执打印失败"),
                                window.services.clerk_message(exc) + "\n"
                                + self.tr("案件已保存，可在办件记录中补打回执。"))

        # the decision's own slip: 不予受理 never gets a 收件回执 (the papers rule, in core)
        window.runner.run(lambda: window.services.print_slip(case, sealed), printed, failed)

    def print_ticket(self, view: dict) -> None:
        """F9: a walk-in's queue ticket, as a ticket (never the case's slip), on the ticket
        printer or, when none is bound, the receipt printer — one slip at a time."""
        window = self.window
        ticket = str(view.get("ticket", ""))

        def failed(exc: BaseException) -> None:
            window.statusBar().showMessage(
                self.tr("号票打印失败：%1").replace("%1", window.services.clerk_message(exc)),
                10_000)

        window.runner.run(lambda: window.services.print_ticket(view),
                          lambda preview: self.say(
                              preview, self.tr("号票 %1 已打印").replace("%1", ticket)),
                          failed)

    def say(self, preview, done: str) -> None:
        """A slip without a preview dialog: what happened, in the status bar."""
        notes = ([done] if preview.printed_to else []) + list(preview.warnings)
        self.window.statusBar().showMessage(words.sentences(notes), 10_000)

    def show_notice(self) -> None:
        from desk_app.ui.papers.print_preview import PrintPreviewDialog

        window, case = self.window, self.window.flow.case
        missing, signature = list(case.missing), case.signature_png

        def ready(result) -> None:
            kind, pdf = result
            title = words.notice_title(kind)
            window.notice_dialog = PrintPreviewDialog(pdf, title, window)
            window.notice_dialog.open()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(window, self.tr("通知书"), window.services.clerk_message(exc))

        window.runner.run(lambda: window.services.notice_pdf(case, missing, signature),
                          ready, failed)
