"""帮办代办: who files on the applicant's behalf (an elderly or disabled applicant's helper).

Ticking 代办 (Alt+D) shows the agent's fields. With agent mode on, a card read goes here
(``show_identity``); F3 asks for one (``read_card_requested``). ``problems()`` lists
everything wrong at once, in Chinese, for the clerk; ``agent()`` gives the dict the case
payload carries (``None`` when nobody acts for the applicant).

Rules: a typed or resident-card number must pass GB 11643 (forms.validators); numbers
read from a residence-permit or foreigner card come from the card chip and are taken as
they are (their formats are not GB 11643 for every issuer). An agent must be an adult
(完全民事行为能力) and cannot be the applicant.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from forms.validators import IdNumberInfo, check_phone, parse_id_number

RESIDENT = "resident"
# card types whose number is a citizen ID number (the social security number is one)
GB11643_TYPES = {RESIDENT, "ssc"}
ADULT_AGE = 18


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class AgentPanel(QWidget):
    changed = Signal()
    read_card_requested = Signal()
    completed = Signal()  # Enter on the last field

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agentPanel")
        self._today = today
        self._card_type = ""  # id type of the card the number came from; "" when typed

        self.agent_check = QCheckBox(self.tr("代办（帮办代办，由他人代为申请）(&D)"))
        self.agent_check.toggled.connect(self._mode_changed)

        self.box = QGroupBox(self.tr("代办人"))
        form = QFormLayout(self.box)
        self.read_button = QPushButton(self.tr("读取代办人身份证 (F3)"))
        self.read_button.clicked.connect(self.read_card_requested)
        self.status = QLabel(self.tr("请代办人出示本人身份证。"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.read_button)
        top.addWidget(self.status, 1)
        form.addRow(top)
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(18)
        self.id_edit.textEdited.connect(self._typed_number)
        self.phone_edit = QLineEdit()
        self.relation_combo = QComboBox()
        self.relation_combo.addItems(self.relations())
        self.relation_combo.currentIndexChanged.connect(self._relation_changed)
        self.relation_other = QLineEdit()
        self.relation_other.setPlaceholderText(self.tr("请写明与申请人的关系"))
        self.relation_other.setMaxLength(30)
        self.id_display = QLabel()
        for label, widget in ((self.tr("姓名"), self.name_edit),
                              (self.tr("证件号码"), self.id_edit),
                              (self.tr("联系电话"), self.phone_edit),
                              (self.tr("与申请人关系"), self.relation_combo),
                              (self.tr("关系说明"), self.relation_other)):
            form.addRow(label, widget)
        form.addRow(self.tr("大厅屏显示为"), self.id_display)
        self._relation_row_label = form.labelForField(self.relation_other)
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.relation_other):
            edit.textChanged.connect(self.changed)
        self.relation_combo.currentIndexChanged.connect(self.changed)
        self.id_edit.textChanged.connect(
            lambda text: self.id_display.setText(mask_id_number(text) if text else ""))

        self.name_edit.returnPressed.connect(self.id_edit.setFocus)
        self.id_edit.returnPressed.connect(self.phone_edit.setFocus)
        self.phone_edit.returnPressed.connect(self.completed)
        self.relation_other.returnPressed.connect(self.completed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.agent_check)
        layout.addWidget(self.box)
        self._relation_changed()
        self._mode_changed(False)

    def relations(self) -> list[str]:
        return [self.tr("子女"), self.tr("配偶"), self.tr("亲属"), self.tr("社区工作人员"),
                self.tr("其他")]

    # ---- mode ---------------------------------------------------------------------------
    def first_empty(self):
        if not self.is_agent_mode():
            return None
        edits = [self.name_edit, self.id_edit, self.phone_edit]
        if self._relation_is_other():
            edits.append(self.relation_other)
        return next((e for e in edits if not e.text()), None)

    def is_agent_mode(self) -> bool:
        return self.agent_check.isChecked()

    def set_agent_mode(self, on: bool) -> None:
        self.agent_check.setChecked(on)

    def _mode_changed(self, on: bool) -> None:
        self.box.setVisible(on)
        if on:
            self.name_edit.setFocus()
        self.changed.emit()

    def read_if_agent(self) -> None:
        """F3 (bound by the window: it works on every step)."""
        if self.is_agent_mode():
            self.read_card_requested.emit()

    def _relation_is_other(self) -> bool:
        return self.relation_combo.currentIndex() == self.relation_combo.count() - 1

    def _relation_changed(self, *_args: object) -> None:
        other = self._relation_is_other()
        self.relation_other.setVisible(other)
        if self._relation_row_label is not None:
            self._relation_row_label.setVisible(other)

    def _typed_number(self, _text: str) -> None:
        self._card_type = ""  # the clerk changed it: check it as typed

    # ---- card ---------------------------------------------------------------------------
    def show_identity(self, identity) -> bool:
        """Fill the agent from a card read; False (nothing changed) when not in agent mode."""
        if not self.is_agent_mode():
            return False
        prefill = identity.to_prefill()
        id_type = getattr(identity, "id_type", None)
        # the type first: the text changes below write the agent into the flow
        self._card_type = str(getattr(id_type, "value", id_type or RESIDENT))
        self.name_edit.setText(str(prefill.get("card.name", "")))
        self.id_edit.setText(str(prefill.get("card.id_number", "")))
        notes = [self.tr("已读取代办人证件。")]
        warnings = getattr(identity, "warnings", None)  # expired / not yet valid card
        if callable(warnings):
            notes.extend(str(w) for w in warnings(self._today or date.today()))
        self.status.setText(" ".join(notes))
        self.phone_edit.setFocus()
        return True

    def show_case(self, case) -> None:
        """Show the flow's agent; a unit's 经办人 is shown on the applicant page instead."""
        legal = case.applicant.get("kind") == "legal_person"
        agent = None if legal else case.agent
        for widget in (self, self.agent_check, self.name_edit, self.id_edit, self.phone_edit,
                       self.relation_combo, self.relation_other):
            widget.blockSignals(True)
        self.agent_check.setChecked(agent is not None)
        self.box.setVisible(agent is not None)
        agent = agent or {}
        self.name_edit.setText(agent.get("name", ""))
        self.id_edit.setText(agent.get("id_number", ""))
        self.id_display.setText(mask_id_number(self.id_edit.text()) if agent else "")
        self.phone_edit.setText(agent.get("phone", ""))
        relation, _, other = agent.get("relation", "").partition("：")
        index = self.relation_combo.findText(relation)
        self.relation_combo.setCurrentIndex(max(0, index))
        self.relation_other.setText(other)
        self._relation_changed()
        self._card_type = str(agent.get("id_type", "")) if case.agent_identity else ""
        for widget in (self, self.agent_check, self.name_edit, self.id_edit, self.phone_edit,
                       self.relation_combo, self.relation_other):
            widget.blockSignals(False)
        if case.agent_identity is None:
            self.status.setText(self.tr("请代办人出示本人身份证。"))

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    # ---- outcome ------------------------------------------------------------------------
    def id_type(self) -> str:
        return self._card_type if self._card_type not in ("", "ssc") else RESIDENT

    def relation(self) -> str:
        text = self.relation_combo.currentText()
        if self._relation_is_other() and self.relation_other.text().strip():
            return f"{text}：{self.relation_other.text().strip()}"
        return text

    def agent(self) -> dict[str, str] | None:
        if not self.is_agent_mode():
            return None
        phone = check_phone(self.phone_edit.text())
        return {
            "name": self.name_edit.text().strip(),
            "id_type": self.id_type(),
            "id_number": self.id_edit.text().strip().upper(),
            "phone": str(phone.value) if phone.ok else self.phone_edit.text().strip(),
            "relation": self.relation(),
        }

    def problems(self, applicant_id_number: str = "") -> list[str]:
        """Everything the clerk must fix before the case can go on (empty when fine)."""
        data = self.agent()
        if data is None:
            return []
        problems = []
        if not data["name"]:
            problems.append(self.tr("请填写代办人姓名或读取代办人身份证"))
        number = data["id_number"]
        if not number:
            problems.append(self.tr("请填写代办人证件号码"))
        elif self._card_type in GB11643_TYPES or not self._card_type:
            check = parse_id_number(number, today=self._today)
            if not check.ok:
                problems.append(self.tr("代办人") + check.message)
            elif isinstance(check.value, IdNumberInfo):
                today = self._today or date.today()
                if _age_on(check.value.birth_date, today) < ADULT_AGE:
                    problems.append(self.tr("代办人须年满 18 周岁（完全民事行为能力人）"))
        if number and number == applicant_id_number.strip().upper():
            problems.append(self.tr("代办人与申请人是同一人：本人办理请取消“代办”"))
        phone = check_phone(self.phone_edit.text())
        if not self.phone_edit.text().strip():
            problems.append(self.tr("请填写代办人联系电话"))
        elif not phone.ok:
            problems.append(self.tr("代办人") + phone.message)
        if self._relation_is_other() and not self.relation_other.text().strip():
            problems.append(self.tr("关系选了“其他”，请写明与申请人的关系"))
        return problems

    def clear(self) -> None:
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.relation_other):
            edit.clear()
        self._card_type = ""
        self.relation_combo.setCurrentIndex(0)
        self.status.setText(self.tr("请代办人出示本人身份证。"))
        self.agent_check.setChecked(False)
