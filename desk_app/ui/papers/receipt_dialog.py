"""Shows the receipt slip as printed, so the clerk can check it before handing it over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from desk_app.services.view_data import ReceiptPreview


class ReceiptDialog(QDialog):
    def __init__(self, preview: ReceiptPreview, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("收件回执预览"))
        self.text = text = QPlainTextEdit()
        text.setObjectName("receiptText")
        text.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setFamilies(["Noto Sans Mono CJK SC", font.family()])
        text.setFont(font)
        text.setPlainText("\n".join(preview.lines))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("已发送到：%1").replace("%1", preview.printed_to or self.tr("无")))
        where.setObjectName("hint")
        layout.addWidget(where)
        for warning in preview.warnings:
            note = QLabel(warning)
            note.setObjectName("errorText")
            layout.addWidget(note)
        layout.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        # Esc or Enter closes it: the slip is checked by eye, then back to the desk
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(460, 640)
