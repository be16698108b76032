"""Step 2: choose the service items — type a name, code, pinyin or initials (e.g. sbk)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.shell import keymap

SearchFn = Callable[[str], Sequence]
ExpandFn = Callable[[str], list[tuple[str, str]]]


class ItemPickerPage(QWidget):
    changed = Signal()
    completed = Signal()  # Enter took the item (or Enter on the empty box): move on

    def __init__(self, search: SearchFn, expand: ExpandFn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.expand = expand
        title = QLabel(self.tr("选择办理事项"))
        title.setObjectName("stepTitle")
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("输入事项名称、编码、拼音或首字母，回车选中"))
        self.query.setObjectName("itemQuery")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("itemResults")
        self.chosen = QListWidget()
        self.chosen.setObjectName("chosenItems")
        self.chosen.setMaximumHeight(120)
        hint = QLabel(self.tr("↑↓ 选择，回车选中并进入表单；%1 选中后继续选择其他事项；"
                              "Delete 移除已选事项。").replace("%1", keymap.key_name("add_item")))
        hint.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel(self.tr("本次办理：")))
        layout.addWidget(self.chosen)
        layout.addWidget(hint)

        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.take_and_go_on)
        self.results.itemActivated.connect(lambda _item: self.take_and_go_on())
        keymap.bind("add_item", self, self.take_current)
        self.query.installEventFilter(self)
        self.chosen.installEventFilter(self)
        self.refresh("")

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.KeyPress:
            if watched is self.query and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                self._browsed = True
                return True
            if watched is self.chosen and event.key() == Qt.Key.Key_Delete:
                self.chosen.takeItem(self.chosen.currentRow())
                self.changed.emit()
                return True
        return super().eventFilter(watched, event)

    def refresh(self, text: str) -> None:
        self._browsed = False  # Enter on an empty box moves on unless the clerk picked
        self.results.clear()
        for item in self.search(text)[:50]:
            row = QListWidgetItem(f"{item.name}    {item.department} · {item.code}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.name)
            self.results.addItem(row)
        if self.results.count():
            self.results.setCurrentRow(0)

    def take_and_go_on(self) -> None:
        """Enter: take the highlighted item and move on; on an empty box, just move on."""
        if self.query.text().strip() or self._browsed:
            self.take_current()
        if self.item_codes():
            self.completed.emit()

    def take_current(self) -> None:
        row = self.results.currentItem()
        if row is None or (not self.query.text().strip() and not self.results.hasFocus()):
            return
        added = False
        for code, name in self.expand(row.data(Qt.ItemDataRole.UserRole)):
            if code in self.item_codes():
                continue
            chosen = QListWidgetItem(name)
            chosen.setData(Qt.ItemDataRole.UserRole, code)
            self.chosen.addItem(chosen)
            added = True
        if added:
            self.changed.emit()
        self.query.clear()  # ready for another item (Insert) or Enter to move on

    def add_codes(self, codes: list[str]) -> None:
        """Items chosen elsewhere (a pre-application), added as if picked here."""
        for code in codes:
            for item_code, name in self.expand(code):
                if item_code not in self.item_codes():
                    chosen = QListWidgetItem(name)
                    chosen.setData(Qt.ItemDataRole.UserRole, item_code)
                    self.chosen.addItem(chosen)
        self.changed.emit()

    def show_case(self, case) -> None:
        """Show the flow's items (a clean case: none, and an empty search box)."""
        if self.item_codes() != list(case.item_codes):
            self.blockSignals(True)
            self.chosen.clear()
            self.add_codes(list(case.item_codes))
            self.blockSignals(False)
        if not case.item_codes:
            self.query.clear()

    def item_codes(self) -> list[str]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.chosen.count())]
