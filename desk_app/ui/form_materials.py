"""The materials checklist of the chosen items: one row per material, a mode to choose.

    view = MaterialsView()
    view.set_checklist(form_view.materials_checklist())
    view.checklist.missing()             # 一次性告知: required and not yet provided
    view.checklist.to_case_materials()   # the case's materials list
    view.choose(key, "licence", licence_number="…")   # e.g. after a licence look-up

Each row shows the material, the items it serves (a material shared by a bundle's
items is collected once), original/copy and copies, and a list of only the modes the
catalog allows for it (纸质/扫描/电子证照/共享核验/告知承诺/容缺…). A conditional material
that the answers do not require is shown greyed as 本次无需提供.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.materials import MODE_LABELS, MaterialChoiceError, MaterialLine, MaterialsChecklist

FORM_LABELS = {"original": "原件", "copy": "复印件", "either": "原件或复印件"}


class MaterialsView(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist: MaterialsChecklist | None = None
        title = QLabel(self.tr("收取材料"))
        title.setObjectName("stepTitle")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("材料"), self.tr("用于事项"), self.tr("要求"), self.tr("提供方式"),
            self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.error = QLabel()
        self.error.setObjectName("fieldMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self._combos: list[QComboBox] = []

    def set_checklist(self, checklist: MaterialsChecklist) -> None:
        self.checklist = checklist
        self.table.setRowCount(0)
        self._combos.clear()
        previous: QWidget | None = None
        for row, line in enumerate(checklist.lines):
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(line.name))
            self.table.setItem(row, 1, QTableWidgetItem("、".join(line.item_names)))
            need = f"{FORM_LABELS.get(line.form, line.form)} {line.copies} " + self.tr("份")
            self.table.setItem(row, 2, QTableWidgetItem(need))
            combo = QComboBox()
            combo.setObjectName(f"mode:{line.key}")
            combo.addItem(self.tr("（未提供）"), None)
            for mode in line.modes:
                label = MODE_LABELS[mode.kind]
                if mode.kind == "licence" and mode.licence_type:
                    label += f"：{mode.licence_type}"
                if mode.kind == "deferred" and mode.days:
                    label += self.tr("（{n} 个工作日内）").replace("{n}", str(mode.days))
                combo.addItem(label, mode.kind)
            if line.mode:  # chosen already (e.g. an electronic licence pulled for it)
                combo.setCurrentIndex(max(0, combo.findData(line.mode)))
            combo.activated.connect(lambda _i, k=line.key, c=combo: self._chosen(k, c))
            self.table.setCellWidget(row, 3, combo)
            self.table.setItem(row, 4, QTableWidgetItem(line.note))
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
            self._combos.append(combo)
        self._show_state()

    def mode_combo(self, key: str) -> QComboBox:
        assert self.checklist is not None
        index = [line.key for line in self.checklist.lines].index(key)
        return self._combos[index]

    def choose(self, key: str, kind: str | None, *, due_date=None,
               licence_number: str | None = None) -> None:
        """Set a line's mode from code (e.g. a licence found in the licence store, or a
        deferred due date the clerk agreed); raises ``MaterialChoiceError`` if not allowed."""
        assert self.checklist is not None
        self.checklist.choose(key, kind, due_date=due_date, licence_number=licence_number)
        combo = self.mode_combo(key)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        self.error.clear()
        self._show_state()
        self.changed.emit()

    def _chosen(self, key: str, combo: QComboBox) -> None:
        assert self.checklist is not None
        try:
            self.checklist.choose(key, combo.currentData())
            self.error.clear()
        except MaterialChoiceError as exc:
            self.error.setText(str(exc))
            combo.setCurrentIndex(0)
            self.checklist.choose(key, None)
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        assert self.checklist is not None
        for row, line in enumerate(self.checklist.lines):
            note = self._note(line)
            self.table.item(row, 4).setText(note)
            for col in (0, 1, 2, 4):
                item = self.table.item(row, col)
                flags = item.flags()
                enabled = Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags | enabled if line.required else flags & ~enabled)
            self._combos[row].setEnabled(line.required)
        missing = len(self.checklist.missing())
        exempt = self.checklist.exempt_count()
        self.summary.setText(
            self.tr("需提供 {r} 项，尚缺 {m} 项，免提交 {e} 项").replace(
                "{r}", str(len(self.checklist.required_lines()))).replace(
                "{m}", str(missing)).replace("{e}", str(exempt)))

    def _note(self, line: MaterialLine) -> str:
        if not line.required:
            return self.tr("本次无需提供")
        if line.mode == "deferred" and line.due_date:
            return self.tr("容缺，须于 {d} 前补交").replace("{d}", line.due_date.isoformat())
        if line.mode == "licence" and line.licence_number:
            return self.tr("证照号：") + line.licence_number
        return line.note

    def refresh(self, values: dict) -> None:
        """Re-decide conditional materials after the form changed."""
        assert self.checklist is not None
        self.checklist.refresh(values)
        self._show_state()
