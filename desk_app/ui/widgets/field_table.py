"""The repeating-table field (e.g. family members): rows of the spec's columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.widgets.field_editor_base import FieldEditor, display_text
from forms.regions import RegionIndex
from forms.spec import FieldSpec


class TableEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, regions: RegionIndex | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.regions = regions
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setHorizontalHeaderLabels(
            [c.label + (" *" if c.required else "") for c in spec.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("添加一行"))
        self.remove_button = QPushButton(self.tr("删除所选行"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        self._layout.addLayout(row)
        self._quiet = False
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.table.itemChanged.connect(self._changed)

    def _changed(self, _item: QTableWidgetItem) -> None:
        if not self._quiet:
            self.edited.emit()

    def add_row(self) -> None:
        self._quiet = True
        self.table.insertRow(self.table.rowCount())
        for col in range(self.table.columnCount()):
            self.table.setItem(self.table.rowCount() - 1, col, QTableWidgetItem(""))
        self._quiet = False
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.setFocus()

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def set_cell(self, row: int, key: str, text: str) -> None:
        col = [c.key for c in self.spec.columns].index(key)
        item = self.table.item(row, col)
        if item is None:
            self.table.setItem(row, col, QTableWidgetItem(text))  # emits itemChanged
        else:
            item.setText(text)  # emits itemChanged → edited

    def content(self) -> Any:
        rows = []
        for r in range(self.table.rowCount()):
            rows.append({c.key: (self.table.item(r, i).text() if self.table.item(r, i) else "")
                         for i, c in enumerate(self.spec.columns)})
        return rows

    def show_value(self, value: Any) -> None:
        self._quiet = True
        self.table.setRowCount(0)
        for row in value or []:
            r = self.table.rowCount()
            self.table.insertRow(r)
            for i, c in enumerate(self.spec.columns):
                self.table.setItem(r, i, QTableWidgetItem(display_text(row.get(c.key))))
        self._quiet = False

    def focus_widgets(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]
