"""Sign-in for a clerk session; the window id comes from the machine config."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class LoginDialog(QDialog):
    def __init__(self, window_name: str, center_url: str, parent=None) -> None:
        super().__init__(parent)
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
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()
