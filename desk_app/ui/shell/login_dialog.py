"""Sign-in for a clerk session; the window id comes from the machine config.

OK emits ``submitted``; the caller signs in on the task runner (never on the GUI
thread: the center may be slow or gone) with the dialog ``busy`` meanwhile, then
``accept()``s it or shows the reason in ``message``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class LoginDialog(QDialog):
    submitted = Signal()

    def __init__(self, window_name: str, center_url: str, parent=None) -> None:
        super().__init__(parent)
        self._busy = False
        self.setWindowTitle(self.tr("综窗受理台 — 登录"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        form = QFormLayout()
        form.addRow(self.tr("窗口"), QLabel(window_name))
        form.addRow(self.tr("受理中心"), QLabel(center_url or self.tr("未配置")))
        form.addRow(self.tr("工号"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()

    def _submit(self) -> None:
        if not self._busy:
            self.submitted.emit()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """While signing in: inputs and buttons off, a word that something happens."""
        self._busy = busy
        for widget in (self.username, self.password, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("正在登录…"))

    def reject(self) -> None:
        if not self._busy:  # Esc mid-sign-in would orphan the session being made
            super().reject()
