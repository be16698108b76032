"""The papers of a sealed case, printed in the flow's order: the 收件回执 (only when
something was received) and the decision's notice, each built off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

RECEIPT_GRACE_MS = 3000
NOTICE_TITLES = {"accept": QT_TRANSLATE_NOOP("MainWindow", "受理通知书"),
                 "accept_deferred": QT_TRANSLATE_NOOP("MainWindow", "容缺受理通知书"),
                 "accept_pledge": QT_TRANSLATE_NOOP("MainWindow", "告知承诺书"),
                 "refuse": QT_TRANSLATE_NOOP("MainWindow", "不予受理通知书"),
                 "incomplete": QT_TRANSLATE_NOOP("MainWindow", "一次性告知书")}


class CasePapers(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.pending_receipt = None

    def after_seal(self, sealed) -> None:
        """Online, the center answers within a moment: wait briefly so the receipt carries
        the official number; offline, print the provisional one."""
        flow = self.window.flow
        if "receipt" in flow.papers():
            self.pending_receipt = sealed
            QTimer.singleShot(RECEIPT_GRACE_MS, self.print_pending_receipt)
        else:
            self.show_notice()

    def print_pending_receipt(self) -> None:
        sealed, self.pending_receipt = self.pending_receipt, None
        if sealed is not None:
            self.show_receipt(sealed)

    def show_receipt(self, sealed) -> None:
        from desk_app.ui.receipt_dialog import ReceiptDialog

        window, case = self.window, self.window.flow.case
        if "receipt" not in window.flow.papers():
            return  # 不予受理 / 一次性告知: nothing was received, so no 收件回执

        def printed(preview) -> None:
            window.receipt_dialog = ReceiptDialog(preview, window)
            window.receipt_dialog.show()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(window, self.tr("回执打印失败"),
                                window.services.clerk_message(exc) + "\n"
                                + self.tr("案件已保存，可在办件记录中补打回执。"))

        window.runner.run(lambda: window.services.print_receipt(case, sealed), printed, failed)

    def show_notice(self) -> None:
        from desk_app.ui.print_preview import PrintPreviewDialog

        window, case = self.window, self.window.flow.case
        missing, signature = list(case.missing), case.signature_png

        def ready(result) -> None:
            kind, pdf = result
            title = self.tr(NOTICE_TITLES.get(kind, kind))
            window.notice_dialog = PrintPreviewDialog(pdf, title, window)
            window.notice_dialog.open()

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(window, self.tr("通知书"), window.services.clerk_message(exc))

        window.runner.run(lambda: window.services.notice_pdf(case, missing, signature),
                          ready, failed)
