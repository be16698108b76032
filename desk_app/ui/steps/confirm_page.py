"""Step 6: review, seal and hand over: the case is sealed in the outbox before any receipt."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.case_flow import Case
from desk_app.core.masking import mask_id_number
from desk_app.ui.shell import keymap
from desk_app.ui.widgets import words


class ConfirmPage(QWidget):
    seal_requested = Signal()
    next_requested = Signal()
    notice_requested = Signal()
    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("确认并受理"))
        title.setObjectName("stepTitle")
        self.summary = QTextBrowser()
        self.summary.setObjectName("caseSummary")
        self.seal_button = QPushButton(keymap.with_key(self.tr("确认并出具文书"), "seal"))
        self.seal_button.setObjectName("primary")
        self.seal_button.setAutoDefault(True)  # focused on arrival: Enter seals too
        self.seal_button.clicked.connect(self.seal_requested)
        keymap.bind("seal", self, self._seal_if_enabled)
        self.applicant_note = QLabel(self.tr("申请人确认屏：等待申请人确认"))
        self.applicant_note.setObjectName("hint")
        self.outcome = QLabel()
        self.outcome.setObjectName("hint")
        self.outcome.setWordWrap(True)
        self.number = QLabel()
        self.number.setObjectName("caseNumber")
        self.notice_button = QPushButton(keymap.with_key(self.tr("预览并打印通知书"), "notice"))
        self.notice_button.clicked.connect(self.notice_requested)
        self.notice_button.setEnabled(False)
        keymap.bind("notice", self, self._notice_if_enabled)
        self.reprint_button = QPushButton(self.tr("补打回执"))
        self.reprint_button.clicked.connect(self.reprint_requested)
        self.reprint_button.setEnabled(False)
        self.next_button = QPushButton(keymap.with_key(self.tr("办理下一位"), "next_applicant"))
        self.next_button.clicked.connect(self.next_requested)
        self.next_button.setEnabled(False)
        keymap.bind("next_applicant", self, self._next_if_enabled)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.applicant_note)
        layout.addWidget(self.seal_button)
        layout.addWidget(self.number)
        layout.addWidget(self.outcome)
        papers = QHBoxLayout()
        papers.addWidget(self.notice_button)
        papers.addWidget(self.reprint_button)
        papers.addStretch(1)
        papers.addWidget(self.next_button)
        layout.addLayout(papers)

    def _notice_if_enabled(self) -> None:
        if self.notice_button.isEnabled():
            self.notice_requested.emit()

    def _next_if_enabled(self) -> None:
        if self.next_button.isEnabled():
            self.next_requested.emit()

    def _seal_if_enabled(self) -> None:
        if self.seal_button.isEnabled():
            self.seal_requested.emit()

    def show_case(self, case: Case, item_names: list[str], material_lines: list[str],
                  form_rows: list[tuple[str, str]] | None = None) -> None:
        applicant = case.applicant
        rows = [
            (self.tr("申请人"), applicant.get("name", "")),
            (self.tr("证件号码"), mask_id_number(applicant.get("id_number", ""))),
            (self.tr("办理事项"), words.listed(item_names)),
            (self.tr("受理决定"), words.decision(case.decision_kind)),
        ]
        if case.decision_reason:
            rows.append((self.tr("理由"), case.decision_reason))
        html = "<table cellpadding=4>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in rows
        ) + "</table>"
        if form_rows:
            html += "<h4>" + escape(self.tr("表单")) + "</h4><table cellpadding=3>" + "".join(
                f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>"
                for label, value in form_rows
            ) + "</table>"
        if material_lines:
            html += "<h4>" + escape(self.tr("材料")) + "</h4><ul>" + "".join(
                f"<li>{escape(line)}</li>" for line in material_lines) + "</ul>"
        self.summary.setHtml(html)
        self.seal_button.setEnabled(True)
        self.next_button.setEnabled(False)
        self.notice_button.setEnabled(False)
        self.reprint_button.setEnabled(False)
        self.number.clear()
        self.outcome.clear()
        # what the previous applicant did on the screen never shows for this one
        self.applicant_note.setText(self.tr("申请人确认屏：等待申请人确认"))

    def show_applicant_note(self, text: str) -> None:
        self.applicant_note.setText(self.tr("申请人确认屏：%1").replace("%1", text))

    def show_sealed(self, provisional_number: str, receipt: bool = True) -> None:
        self.seal_button.setEnabled(False)
        self.next_button.setEnabled(True)
        self.notice_button.setEnabled(True)
        self.reprint_button.setEnabled(receipt)
        self.number.setText(self.tr("临时编号：%1").replace("%1", provisional_number))
        self.outcome.setText(self.tr("案件已安全保存在本机，正在后台上报受理中心…"))

    def show_official(self, official_number: str, promised_date: str) -> None:
        self.number.setText(self.tr("办件编号：%1").replace("%1", official_number))
        text = self.tr("受理中心已接收。")
        if promised_date:
            text += self.tr("承诺办结日期：%1").replace("%1", promised_date)
        self.outcome.setText(text)

    def show_error(self, message: str) -> None:
        self.outcome.setText(message)
        self.seal_button.setEnabled(True)
