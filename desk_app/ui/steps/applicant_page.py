"""Step 1: who is applying — read the ID card (F2) or type the details."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.masking import mask_id_number
from desk_app.ui.widgets import words
from desk_app.ui.widgets.themed import set_state
from forms.validators import check_uscc

PERSON, LEGAL_PERSON = "person", "legal_person"


class ApplicantPage(QWidget):
    read_card_requested = Signal()
    pre_application_requested = Signal(str)
    changed = Signal()
    completed = Signal()  # Enter on the last field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicantPage")
        title = QLabel(self.tr("申请人身份"))
        title.setObjectName("stepTitle")
        self.read_button = QPushButton(self.tr("读取身份证 (F2)"))  # F2: the window's key map
        self.read_button.setObjectName("primary")
        self.read_button.clicked.connect(self.read_card_requested)
        self.status = QLabel(self.tr("请将身份证放在读卡器上，然后按 F2。"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("申请人"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(18)
        self.id_display = QLabel()
        self.id_display.setObjectName("maskedId")
        self.card_note = QLabel()
        self.card_note.setObjectName("hint")
        self.card_note.setWordWrap(True)
        for label, widget in ((self.tr("姓名"), self.name_edit),
                              (self.tr("证件号码"), self.id_edit)):
            form.addRow(label, widget)
            widget.textChanged.connect(self.changed)
        form.addRow(self.tr("对外显示为"), self.id_display)
        form.addRow(self.tr("证件信息"), self.card_note)
        self.licence_note = QLabel()
        self.licence_note.setObjectName("hint")
        self.licence_note.setWordWrap(True)
        form.addRow(self.tr("电子证照"), self.licence_note)
        self.id_edit.textChanged.connect(self._update_masked)
        self._card_type = ""  # id type of the card the number came from; "" when typed
        self.id_edit.textEdited.connect(self._typed_number)
        self.name_edit.textEdited.connect(self._typed_number)

        # 单位申请: the unit applies (统一社会信用代码); the card read is the 经办人's
        self.legal_check = QCheckBox(self.tr("单位申请（法人或其他组织）(&L)"))
        self.legal_check.toggled.connect(self._legal_changed)
        self.legal_box = QGroupBox(self.tr("申请单位"))
        legal_form = QFormLayout(self.legal_box)
        self.unit_name_edit = QLineEdit()
        self.uscc_edit = QLineEdit()
        self.uscc_edit.setMaxLength(18)
        self.legal_rep_edit = QLineEdit()
        for label, widget in ((self.tr("单位名称"), self.unit_name_edit),
                              (self.tr("统一社会信用代码"), self.uscc_edit),
                              (self.tr("法定代表人"), self.legal_rep_edit)):
            legal_form.addRow(label, widget)
            widget.textChanged.connect(self.changed)
        self.legal_box.setVisible(False)

        self.pre_code = QLineEdit()
        self.pre_code.setObjectName("preApplicationCode")
        self.pre_code.setMinimumWidth(380)
        self.pre_code.setPlaceholderText(self.tr("网上预审件：输入或扫描预审码，回车调取"))
        self.pre_code.returnPressed.connect(
            lambda: self.pre_application_requested.emit(self.pre_code.text().strip()))
        top = QHBoxLayout()
        top.addWidget(self.read_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.pre_code)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.legal_check)
        layout.addWidget(self.legal_box)
        layout.addWidget(box)
        self.person_box = box
        layout.addStretch(1)
        # Enter moves field to field; on the person's number it moves on to the items
        chain = (self.unit_name_edit, self.uscc_edit, self.legal_rep_edit, self.name_edit,
                 self.id_edit)
        for edit, following in pairwise(chain):
            edit.returnPressed.connect(following.setFocus)
        self.id_edit.returnPressed.connect(self.completed)

    def _typed_number(self, _text: str) -> None:
        self._card_type = ""  # the clerk changed it: it is no longer the card's

    def _legal_changed(self, on: bool) -> None:
        self.legal_box.setVisible(on)
        self.person_box.setTitle(self.tr("经办人") if on else self.tr("申请人"))
        if on:
            self.unit_name_edit.setFocus()
        self.changed.emit()

    def first_empty(self):
        """Where the clerk types next (None: all filled, the step can move on)."""
        edits = (self.unit_name_edit, self.uscc_edit, self.legal_rep_edit) \
            if self.is_legal_person() else ()
        return next((e for e in (*edits, self.name_edit, self.id_edit) if not e.text()), None)

    def is_legal_person(self) -> bool:
        return self.legal_check.isChecked()

    def _update_masked(self, text: str) -> None:
        self.id_display.setText(mask_id_number(text) if text else "")

    def show_case(self, case) -> None:
        """Show the flow's applicant (a clean case clears every field and note)."""
        applicant, legal = case.applicant, case.applicant.get("kind") == LEGAL_PERSON
        person = (case.agent or {}) if legal else applicant
        card = case.agent_identity if legal else case.identity
        edits = ((self.name_edit, person.get("name", "")),
                 (self.id_edit, person.get("id_number", "")),
                 (self.unit_name_edit, applicant.get("name", "") if legal else ""),
                 (self.uscc_edit, applicant.get("id_number", "") if legal else ""),
                 (self.legal_rep_edit, applicant.get("legal_representative", "")))
        for widget in (self, self.legal_check, *(edit for edit, _ in edits)):
            widget.blockSignals(True)
        self.legal_check.setChecked(legal)
        self._legal_changed(legal)
        for edit, text in edits:
            if edit.text() != text:
                edit.setText(text)
            self._update_masked(self.id_edit.text())
        self._card_type = str(person.get("id_type", "")) if card is not None else ""
        for widget in (self, self.legal_check, *(edit for edit, _ in edits)):
            widget.blockSignals(False)
        if card is not None:
            self._show_card(card)
        else:
            self.card_note.clear()
            self.status.setText(self.tr("已调取网上预审件，请读取身份证核验本人。")
                                if case.pre_application else
                                self.tr("请将身份证放在读卡器上，然后按 F2。"))
        if not case.licences:
            self.licence_note.clear()

    def show_identity(self, identity) -> None:
        prefill = identity.to_prefill()
        # the type first: the text changes below write the applicant into the flow
        self._card_type = str(getattr(getattr(identity, "id_type", None), "value", "resident"))
        self.name_edit.setText(str(prefill.get("card.name", "")))
        self.id_edit.setText(str(prefill.get("card.id_number", "")))
        self._show_card(identity)

    def _show_card(self, identity) -> None:
        prefill = identity.to_prefill()
        # the card's kind and sex in the UI language (devices.cards.identity marks them); the
        # ethnic group is the card's own printed data (GB/T 3304), shown as the card has it
        details = [words.translated("Identity", str(prefill.get(k, ""))) for k in (
            "card.id_type", "card.sex")]
        details += [str(prefill.get(k, "")) for k in ("card.ethnic", "card.birth_date")]
        valid_to = prefill.get("card.valid_to") or self.tr("长期")
        details.append(self.tr("有效期至 %1").replace("%1", str(valid_to)))
        self.card_note.setText(" · ".join(d for d in details if d))
        warnings = [words.translated("Identity", text).replace("%1", when)
                    for text, when in identity.warning_notes(date.today())]
        self.status.setText(" ".join([self.tr("已读取证件。"), *warnings]))
        set_state(self.status, "error" if warnings else "")

    def show_licences(self, text: str) -> None:
        self.licence_note.setText(text)

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    def applicant(self) -> dict[str, str]:
        """The applicant as the case carries it: a person with their id type, or the unit."""
        if self.is_legal_person():
            return {"kind": LEGAL_PERSON, "id_type": "uscc",
                    "name": self.unit_name_edit.text().strip(),
                    "id_number": self.uscc_edit.text().strip().upper(),
                    "legal_representative": self.legal_rep_edit.text().strip()}
        return {
            "kind": PERSON, "id_type": self._card_type or "resident",
            "name": self.name_edit.text().strip(),
            "id_number": self.id_edit.text().strip().upper(),
        }

    def handler(self) -> dict[str, str]:
        """The 经办人 at the counter, for a unit's case (read by card or typed)."""
        return {"name": self.name_edit.text().strip(),
                "id_number": self.id_edit.text().strip().upper(),
                "id_type": self._card_type or "resident"}

    def problems(self) -> list[str]:
        if self.is_legal_person():
            data = self.applicant()
            problems = []
            if not data["name"]:
                problems.append(self.tr("请填写申请单位名称"))
            check = check_uscc(data["id_number"])
            if not check.ok:
                problems.append(self.tr("统一社会信用代码：") + check.message)
            if not data["legal_representative"]:
                problems.append(self.tr("请填写法定代表人"))
            handler = self.handler()
            if not (handler["name"] and handler["id_number"]):
                problems.append(self.tr("请读取经办人身份证 (F2)"))
            return problems
        data = self.applicant()
        problems = []
        if not data["name"]:
            problems.append(self.tr("请填写申请人姓名或读取身份证"))
        if not data["id_number"]:
            problems.append(self.tr("请填写证件号码或读取身份证"))
        return problems
