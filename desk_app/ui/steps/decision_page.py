"""Step 5: the acceptance decision; refusing needs a reason (≤ 200 characters)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.shell import keymap
from desk_app.ui.widgets import words
from forms.vocabulary import DecisionKind

MAX_REASON = 200


class DecisionPage(QWidget):
    changed = Signal()
    completed = Signal()  # Enter on the choice: move on to the review

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("受理决定"))
        title.setObjectName("stepTitle")
        self.group = QButtonGroup(self)
        choices = [(kind.value, words.decision_choice(kind)) for kind in DecisionKind]
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.buttons: dict[str, QRadioButton] = {}
        for n, (key, label) in enumerate(choices, start=1):
            button = QRadioButton(keymap.numbered(n, label))
            button.installEventFilter(self)
            button.setObjectName(f"decision_{key}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            button.toggled.connect(self.changed)
        self.buttons["accept"].setChecked(True)
        layout.addWidget(QLabel(self.tr("理由 / 说明：")))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self.changed)
        layout.addWidget(self.reason)
        self.counter = QLabel()
        self.counter.setObjectName("hint")
        layout.addWidget(self.counter)
        layout.addStretch(1)
        self.changed.connect(self._update_counter)
        self._update_counter()

    def eventFilter(self, watched, event) -> bool:
        """1–5 pick the decision; Enter on a choice moves on."""
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons.values():
            number = keymap.choice_number(event)
            if number:
                button = list(self.buttons.values())[number - 1]
                button.setChecked(True)
                button.setFocus()
                return True
            if keymap.is_enter(event):
                self.completed.emit()
                return True
        return super().eventFilter(watched, event)

    def focus_first(self) -> bool:
        self.buttons[self.kind()].setFocus()
        return True

    def _update_counter(self) -> None:
        self.counter.setText(self.tr("%n 字（最多 200 字）", "", len(self.reason.toPlainText())))

    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def problems(self) -> list[str]:
        if self.kind() == "refuse" and not self.reason_text():
            return [self.tr("不予受理必须填写理由")]
        if len(self.reason_text()) > MAX_REASON:
            return [self.tr("理由不能超过200字")]
        return []

    def show_case(self, case) -> None:
        self.blockSignals(True)
        self.buttons.get(case.decision_kind, self.buttons["accept"]).setChecked(True)
        if self.reason_text() != case.decision_reason:
            self.reason.setPlainText(case.decision_reason)
        self.blockSignals(False)
        self._update_counter()
