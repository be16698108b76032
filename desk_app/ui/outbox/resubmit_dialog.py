"""更正后重新提交: a case the center refused (validation) is corrected and queued again.

Shows the center's reason and each field error, and lets the clerk correct what a
counter clerk can correct without re-accepting the case: the item codes (a code the
catalog retired or renamed while the desk was offline), the applicant's phone and
address, and the form's values. Name and ID number come from the ID card and are
shown masked only; a problem there means accepting the case anew. The corrected draft
keeps its UUID and provisional number (``Outbox.fix_and_resubmit``).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.case_model import CaseDraft
from desk_app.core.field_labels import path_label, readable_line
from desk_app.core.masking import mask_id_number, mask_name
from desk_app.core.sending.outbox import Outbox, OutboxError
from desk_app.ui.widgets.themed import set_state

PHONE_MAX = 32     # the center's limits (center/schemas.py PersonIn), checked here first
ADDRESS_MAX = 256
_ITEM_FIELD = re.compile(r"^items\[(\d+)\]")


class FormValueError(ValueError):
    """A value typed into the form table does not have the field's type; message for clerk."""


def split_reason(reason: str) -> list[str]:
    """The outbox keeps the center's answer as one line: reason；field：message；…"""
    return [part.strip() for part in reason.split("；") if part.strip()]


def problem_fields(lines: list[str]) -> set[str]:
    """The field paths the center named (``items[0]``, ``applicant.phone`` …)."""
    return {line.split("：", 1)[0] for line in lines if "：" in line}


def parse_value(original: Any, text: str) -> Any:
    """Text from the editor back to the field's type: strings stay text, others are JSON."""
    if isinstance(original, str):
        return text
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise FormValueError("格式不正确") from exc
    if not _same_kind(original, value):
        raise FormValueError("类型与原值不一致")
    return value


def _same_kind(original: Any, value: Any) -> bool:
    if original is None:
        return True
    if isinstance(original, bool) or isinstance(value, bool):  # bool is an int in Python
        return isinstance(original, bool) and isinstance(value, bool)
    if isinstance(original, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(original))


def _show_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ResubmitDialog(QDialog):
    def __init__(self, outbox: Outbox, uuid: str, parent: QWidget | None = None, *,
                 field_labels: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.field_labels = dict(field_labels or {})  # form key → 中文 label (catalog)
        self.outbox = outbox
        self.uuid = uuid
        self.entry = outbox.get(uuid)
        self.draft: CaseDraft = outbox.draft(uuid)
        self.setWindowTitle(self.tr("更正后重新提交 — %1").replace(
            "%1", self.entry.provisional_number))
        self.reason_lines = split_reason(self.entry.last_error)
        self._build(problem_fields(self.reason_lines))

    def _build(self, problems: set[str]) -> None:
        layout = QVBoxLayout(self)
        reason_box = QGroupBox(self.tr("中心退回原因"))
        reason_layout = QVBoxLayout(reason_box)
        self.reason_label = QLabel(
            "\n".join(f"• {readable_line(line, self.field_labels)}"
                      for line in self.reason_lines) or self.tr("中心未说明原因"))
        self.reason_label.setObjectName("resubmitReason")
        self.reason_label.setWordWrap(True)
        set_state(self.reason_label, "error")
        reason_layout.addWidget(self.reason_label)
        layout.addWidget(reason_box)

        case_box = QGroupBox(self.tr("办件"))
        form = QFormLayout(case_box)
        applicant = self.draft.applicant
        form.addRow(self.tr("申请人"), QLabel(
            f"{mask_name(applicant.name)}  {mask_id_number(applicant.id_number)}"))
        self.item_edits: list[QLineEdit] = []
        for index, code in enumerate(self.draft.items):
            edit = QLineEdit(code)
            edit.setObjectName(f"item_{index}")
            if f"items[{index}]" in problems:
                set_state(edit, "error")
            self.item_edits.append(edit)
            form.addRow(self.tr("事项编码 %1").replace("%1", str(index + 1)), edit)
        self.phone_edit = QLineEdit(applicant.phone)
        self.phone_edit.setMaxLength(PHONE_MAX)
        self.address_edit = QLineEdit(applicant.address)
        self.address_edit.setMaxLength(ADDRESS_MAX)
        for field, edit in (("applicant.phone", self.phone_edit),
                            ("applicant.address", self.address_edit)):
            if field in problems:
                set_state(edit, "error")
        form.addRow(self.tr("联系电话"), self.phone_edit)
        form.addRow(self.tr("联系地址"), self.address_edit)
        layout.addWidget(case_box)

        form_box = QGroupBox(self.tr("表单内容（双击值进行修改）"))
        form_layout = QVBoxLayout(form_box)
        self.form_keys = list(self.draft.form)
        self.form_table = QTableWidget(len(self.form_keys), 2)
        self.form_table.setObjectName("resubmitForm")
        self.form_table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("值")])
        self.form_table.verticalHeader().hide()
        self.form_table.horizontalHeader().setStretchLastSection(True)
        self.form_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for row, key in enumerate(self.form_keys):
            key_item = QTableWidgetItem(path_label(key, self.field_labels))
            key_item.setToolTip(key)
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.form_table.setItem(row, 0, key_item)
            self.form_table.setItem(row, 1, QTableWidgetItem(_show_value(self.draft.form[key])))
        self.form_table.resizeColumnToContents(0)
        form_layout.addWidget(self.form_table)
        if not self.form_keys:
            form_layout.addWidget(QLabel(self.tr("本办件没有表单字段。")))
        layout.addWidget(form_box, 1)

        self.error_label = QLabel(objectName="resubmitError")
        self.error_label.setWordWrap(True)
        set_state(self.error_label, "error")
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit_button = QPushButton(self.tr("更正后重新提交"))
        self.submit_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.submit_button.clicked.connect(self.resubmit)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(640, 560)

    # ---- the correction ------------------------------------------------------------
    def set_form_text(self, key: str, text: str) -> None:
        """Type a value into the form table (what the clerk does by double-clicking)."""
        self.form_table.item(self.form_keys.index(key), 1).setText(text)

    def corrected_draft(self) -> CaseDraft:
        """The draft with the clerk's corrections; raises FormValueError with a clerk message."""
        draft = copy.deepcopy(self.draft)
        renamed: dict[str, str] = {}
        codes = []
        for index, edit in enumerate(self.item_edits):
            code = edit.text().strip()
            if not code:
                raise FormValueError(
                    self.tr("事项编码 %1 不能为空。").replace("%1", str(index + 1)))
            if code in codes:
                raise FormValueError(self.tr("事项编码重复：%1").replace("%1", code))
            codes.append(code)
            renamed[draft.items[index]] = code
        draft.items = codes
        for material in draft.materials:  # materials follow their item's new code
            material.item_code = renamed.get(material.item_code, material.item_code)
        draft.applicant.phone = self.phone_edit.text().strip()
        draft.applicant.address = self.address_edit.text().strip()
        for row, key in enumerate(self.form_keys):
            text = self.form_table.item(row, 1).text()
            try:
                draft.form[key] = parse_value(self.draft.form[key], text)
            except FormValueError as exc:
                raise FormValueError(
                    self.tr("表单字段“%1”的值%2：请按原来的格式填写（例如 %3）。")
                    .replace("%1", path_label(key, self.field_labels)).replace("%2", str(exc))
                    .replace("%3", _show_value(self.draft.form[key]))) from exc
        return draft

    def resubmit(self) -> None:
        try:
            draft = self.corrected_draft()
            self.outbox.fix_and_resubmit(self.uuid, draft)
        except FormValueError as exc:
            self.error_label.setText(str(exc))
            return
        except OutboxError as exc:  # e.g. the case is no longer in 需处理: told, kept
            self.error_label.setText(exc.clerk_message)
            return
        self.accept()
