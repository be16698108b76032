"""One editor widget per field type of a catalog form (see ``forms.spec.FIELD_TYPES``).

Every editor hands the form *what is in the box* (``content()``), never a parsed value:
the form session parses and validates, so a half-typed or wrong entry is kept on screen
with its message instead of being lost. ``show_value`` fills the box without emitting
``edited`` (prefill and computed values are not the clerk's edits).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk_app.ui.widgets import words
from desk_app.ui.widgets.field_editor_base import FieldEditor, display_text
from desk_app.ui.widgets.field_table import TableEditor  # its own module: it is bigger
from forms.regions import RegionIndex
from forms.spec import FieldSpec

PLACEHOLDERS = {
    "date": "2024-01-31",
    "money": "0.00",
    "phone": QT_TRANSLATE_NOOP("FieldEditor", "手机 11 位或 区号-座机号"),
    "id_number": QT_TRANSLATE_NOOP("FieldEditor", "18 位公民身份号码"),
    "uscc": QT_TRANSLATE_NOOP("FieldEditor", "18 位统一社会信用代码"),
    "region": QT_TRANSLATE_NOOP("FieldEditor", "输入区县名称，如 雁塔区"),
}


class LineEditor(FieldEditor):
    """text, number, money, date, phone, ID number, social credit code, address."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(words.translated("FieldEditor", PLACEHOLDERS[spec.type])
                                     if spec.type in PLACEHOLDERS else spec.help)
        if spec.type in ("id_number", "uscc"):
            self.line.setMaxLength(18)
        self._layout.addWidget(self.line)
        self.line.textEdited.connect(lambda _t: self.edited.emit())

    def content(self) -> Any:
        return self.line.text()

    def show_value(self, value: Any) -> None:
        self.line.setText(display_text(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.line]


class RegionEditor(LineEditor):
    """A division chosen by typing part of its name; the completer offers full names."""

    def __init__(self, spec: FieldSpec, regions: RegionIndex | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.regions = regions
        if regions is not None:
            names = [r.full_name for p in regions.provinces() for r in _below(regions, p.code)]
            completer = QCompleter(names, self.line)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.activated.connect(self._picked)
            self.line.setCompleter(completer)

    def _picked(self, full_name: str) -> None:
        # set the text ourselves: QLineEdit only does it while it holds the focus
        self.line.setText(full_name)
        self.edited.emit()

    def show_value(self, value: Any) -> None:
        region = self.regions.get(value) if self.regions is not None and value else None
        self.line.setText(region.full_name if region else display_text(value))


def _below(regions: RegionIndex, code: str) -> list:
    out = []
    for child in regions.children(code):
        out.append(child)
        out.extend(_below(regions, child.code))
    return out


class TextAreaEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QPlainTextEdit()
        self.box.setTabChangesFocus(True)  # keyboard-only: Tab leaves the box
        self.box.setFixedHeight(72)
        self._layout.addWidget(self.box)
        self.box.textChanged.connect(self._changed)
        self._quiet = False

    def _changed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    def content(self) -> Any:
        return self.box.toPlainText()

    def show_value(self, value: Any) -> None:
        self._quiet = True
        self.box.setPlainText(display_text(value))
        self._quiet = False

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]


class SelectEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("（请选择）"), None)
        for option in spec.options:
            self.combo.addItem(option, option)
        self._layout.addWidget(self.combo)
        self.combo.activated.connect(lambda _i: self.edited.emit())

    def content(self) -> Any:
        return self.combo.currentData()

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class MultiSelectEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.boxes = [QCheckBox(option) for option in spec.options]
        for box in self.boxes:
            self._layout.addWidget(box)
            box.clicked.connect(lambda _c: self.edited.emit())
        self._layout.addStretch(1)

    def content(self) -> Any:
        return [b.text() for b in self.boxes if b.isChecked()]

    def show_value(self, value: Any) -> None:
        chosen = set(value or [])
        for box in self.boxes:
            box.setChecked(box.text() in chosen)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes)


class CheckEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(self.tr("是"))
        self._layout.addWidget(self.box)
        self._layout.addStretch(1)
        self.box.clicked.connect(lambda _c: self.edited.emit())

    def content(self) -> Any:
        return self.box.isChecked()

    def show_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]


def make_editor(spec: FieldSpec, regions: RegionIndex | None = None) -> FieldEditor:
    if spec.type == "textarea":
        return TextAreaEditor(spec)
    if spec.type == "select":
        return SelectEditor(spec)
    if spec.type == "multiselect":
        return MultiSelectEditor(spec)
    if spec.type == "checkbox":
        return CheckEditor(spec)
    if spec.type == "region":
        return RegionEditor(spec, regions)
    if spec.type == "table":
        return TableEditor(spec, regions)
    return LineEditor(spec)
