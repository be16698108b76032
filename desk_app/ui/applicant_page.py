"""Step 1: who is applying — read the ID card (F2) or type the details."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.masking import mask_id_number


class ApplicantPage(QWidget):
    read_card_requested = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicantPage")
        title = QLabel(self.tr("申请人身份"))
        title.setObjectName("stepTitle")
        self.read_button = QPushButton(self.tr("读取身份证 (F2)"))
        self.read_button.setObjectName("primary")
        self.read_button.clicked.connect(self.read_card_requested)
        QShortcut(QKeySequence("F2"), self, activated=self.read_card_requested.emit)
        self.status = QLabel(self.tr("请将身份证放在读卡器上，然后按 F2。"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("申请人"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(18)
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.id_display = QLabel()
        for label, widget in ((self.tr("姓名"), self.name_edit),
                              (self.tr("公民身份号码"), self.id_edit),
                              (self.tr("联系电话"), self.phone_edit),
                              (self.tr("住址"), self.address_edit)):
            form.addRow(label, widget)
            widget.textChanged.connect(self.changed)
        form.addRow(self.tr("大厅屏显示为"), self.id_display)
        self.id_edit.textChanged.connect(self._update_masked)

        top = QHBoxLayout()
        top.addWidget(self.read_button)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(box)
        layout.addStretch(1)

    def _update_masked(self, text: str) -> None:
        self.id_display.setText(mask_id_number(text) if text else "")

    def show_identity(self, identity) -> None:
        prefill = identity.to_prefill()
        self.name_edit.setText(str(prefill.get("card.name", "")))
        self.id_edit.setText(str(prefill.get("card.id_number", "")))
        self.address_edit.setText(str(prefill.get("card.address", "")))
        notes = [self.tr("已读取身份证。")]
        for flag in getattr(identity, "warnings", lambda: [])():
            notes.append(flag)
        self.status.setText(" ".join(notes))
        self.phone_edit.setFocus()

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    def applicant(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text().strip(),
            "id_number": self.id_edit.text().strip().upper(),
            "phone": self.phone_edit.text().strip(),
            "address": self.address_edit.text().strip(),
        }

    def problems(self) -> list[str]:
        data = self.applicant()
        problems = []
        if not data["name"]:
            problems.append(self.tr("请填写申请人姓名或读取身份证"))
        if len(data["id_number"]) != 18:
            problems.append(self.tr("公民身份号码应为18位"))
        return problems

    def clear(self) -> None:
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.address_edit):
            edit.clear()
        self.status.setText(self.tr("请将身份证放在读卡器上，然后按 F2。"))
