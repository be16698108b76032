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

from PySide6.QtCore import QEvent, Qt, Signal
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

from desk_app.ui.capture.capture_dialog import copies_wanted
from desk_app.ui.shell import keymap
from desk_app.ui.widgets import words
from forms.materials import MaterialChoiceError, MaterialLine, MaterialsChecklist

PAGES, NOTE = 4, 5  # columns


class MaterialsView(QWidget):
    changed = Signal()
    keyed = Signal(str)   # a mode picked by its number key, for this line
    completed = Signal()  # Enter on the last material
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist: MaterialsChecklist | None = None
        title = QLabel(self.tr("收取材料"))
        title.setObjectName("stepTitle")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("材料"), self.tr("用于事项"), self.tr("要求"), self.tr("提供方式"),
            self.tr("页数"), self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents,
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
            self.table.setItem(row, 1, QTableWidgetItem(words.listed(line.item_names)))
            need = copies_wanted(line.form, line.copies)
            self.table.setItem(row, 2, QTableWidgetItem(need))
            combo = QComboBox()
            combo.setObjectName(f"mode:{line.key}")
            combo.addItem(self.tr("（未提供）"), None)
            for n, mode in enumerate(line.modes, start=1):
                label = keymap.numbered(n, words.mode(mode.kind))
                if mode.kind == "licence" and mode.licence_type:
                    label += self.tr("：%1").replace("%1", mode.licence_type)
                if mode.kind == "deferred" and mode.days:
                    label += self.tr("（{n} 个工作日内）").replace("{n}", str(mode.days))
                combo.addItem(label, mode.kind)
            if line.mode:  # chosen already (e.g. an electronic licence pulled for it)
                combo.setCurrentIndex(max(0, combo.findData(line.mode)))
            combo.activated.connect(lambda _i, k=line.key, c=combo: self._chosen(k, c))
            combo.installEventFilter(self)
            self.table.setCellWidget(row, 3, combo)
            self.table.setItem(row, PAGES, QTableWidgetItem(""))
            self.table.setItem(row, NOTE, QTableWidgetItem(line.note))
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
            self._combos.append(combo)
        self._show_state()

    def eventFilter(self, watched, event) -> bool:
        """1–5 pick the n-th way offered and move on; Enter moves on."""
        if event.type() != QEvent.Type.KeyPress or watched not in self._combos \
                or watched.view().isVisible():
            return super().eventFilter(watched, event)
        number = keymap.choice_number(event)
        line = self.checklist.lines[self._combos.index(watched)]
        if number and number <= len(line.modes):
            watched.setCurrentIndex(number)
            self._chosen(line.key, watched)
            self.keyed.emit(line.key)
            return True
        if keymap.is_enter(event):
            self.focus_next(watched)
            return True
        return super().eventFilter(watched, event)

    def open_combos(self) -> list[QComboBox]:
        """The combos of required materials with no way chosen yet."""
        if self.checklist is None:
            return []
        return [combo for combo, line in zip(self._combos, self.checklist.lines, strict=True)
                if line.required and line.mode is None]

    def focus_first(self) -> bool:
        combos = self.open_combos()
        if combos:
            combos[0].setFocus()
        return bool(combos)

    def focus_next(self, after: QComboBox | None = None) -> None:
        """On to the next material still without a way; none left: ``completed``."""
        start = self._combos.index(after) + 1 if after in self._combos else 0
        following = [c for c in self._combos[start:] if c in self.open_combos()]
        if following:
            following[0].setFocus()
        else:
            self.completed.emit()

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
            self.table.item(row, NOTE).setText(note)
            for col in (0, 1, 2, PAGES, NOTE):
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

    def show_pages(self, pages: dict[str, int]) -> None:
        """How many pages were captured for each material (empty: none yet)."""
        if self.checklist is None:
            return
        for row, line in enumerate(self.checklist.lines):
            count = pages.get(line.key, 0)
            self.table.item(row, PAGES).setText(
                self.tr("%n 页", "", count) if count else "")

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
