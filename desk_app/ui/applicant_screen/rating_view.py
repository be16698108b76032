"""好差评 on the customer screen: overall 1–5 plus efficiency, competence and attitude.

The overall level is five large word buttons (非常不满意 … 非常满意); the three counter
indicators are rows of five stars that start at the overall level, so an applicant who
only taps once still gives a complete rating. Any level ≤ 2 leads to a second page asking
why (common reasons to tap, or typed text); the center refuses a poor rating without one.
``rated`` carries ``{"overall", "efficiency", "competence", "attitude", "reason"}``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.widgets import words

INDICATORS = ("efficiency", "competence", "attitude")
POOR = 2  # a level at or below this needs a reason


def level_names() -> dict[int, str]:
    # literal translate() calls, so lupdate files them under the context Qt looks up
    return {
        1: QCoreApplication.translate("RatingView", "非常不满意"),
        2: QCoreApplication.translate("RatingView", "不满意"),
        3: QCoreApplication.translate("RatingView", "基本满意"),
        4: QCoreApplication.translate("RatingView", "满意"),
        5: QCoreApplication.translate("RatingView", "非常满意"),
    }


class LevelRow(QWidget):
    """Five buttons choosing a level 1–5: words (exclusive) or stars (filled up to it)."""

    changed = Signal(int)

    def __init__(self, stars: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stars = stars
        self._value = 0
        self.names = level_names()
        self.buttons: dict[int, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(not stars)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for level in range(1, 6):
            button = QPushButton("☆" if stars else self.names[level])
            button.setObjectName("star" if stars else "level")
            button.setCheckable(True)
            if not stars:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(self.names[level])
            button.setToolTip(self.names[level])
            self.group.addButton(button, level)
            self.buttons[level] = button
            layout.addWidget(button)
        self.caption = QLabel()
        self.caption.setObjectName("levelCaption")
        if stars:  # stars stay together, with the level's name beside them
            layout.addWidget(self.caption)
            layout.addStretch(1)
        self.group.idClicked.connect(self.set_value)

    def value(self) -> int:
        return self._value

    def set_value(self, level: int) -> None:
        self._value = level if 1 <= level <= 5 else 0
        for n, button in self.buttons.items():
            on = n <= self._value if self.stars else n == self._value
            button.setChecked(on)
            if self.stars:
                button.setText("★" if on else "☆")
        self.caption.setText(self.names.get(self._value, ""))
        self.changed.emit(self._value)


class RatingView(QWidget):
    rated = Signal(dict)
    reason_requested = Signal()  # the second page (why so poor?) is now shown

    def __init__(self, reasons: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_scores())
        self.pages.addWidget(self._build_reasons(reasons or self.common_reasons()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.reset()

    def common_reasons(self) -> list[str]:
        return [self.tr("等候时间太长"), self.tr("办理速度慢"), self.tr("工作人员态度不好"),
                self.tr("业务不熟、解释不清"), self.tr("材料要求太多"), self.tr("需要来回跑"),
                self.tr("设备或系统出故障")]

    # ---- page 1: levels ---------------------------------------------------------------
    def _build_scores(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("请您对本次服务作出评价"))
        title.setObjectName("screenTitle")
        self.overall = LevelRow(stars=False)
        self.overall.changed.connect(self._overall_chosen)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.indicators: dict[str, LevelRow] = {}
        names = {"efficiency": self.tr("办事效率"), "competence": self.tr("业务能力"),
                 "attitude": self.tr("服务态度")}
        for row, key in enumerate(INDICATORS):
            label = QLabel(names[key])
            self.indicators[key] = LevelRow(stars=True)
            self.indicators[key].changed.connect(
                lambda _v, r=self.indicators[key]: r.setProperty("touched", True))
            grid.addWidget(label, row, 0)
            grid.addWidget(self.indicators[key], row, 1)
        self.score_hint = QLabel(self.tr("点一下您的总体感受；下面三项可以再细调。"))
        self.score_hint.setObjectName("screenHint")
        self.score_hint.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("提交评价"))
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self._submit_scores)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(self.overall)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.score_hint)
        layout.addStretch(1)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _overall_chosen(self, level: int) -> None:
        # indicators follow the overall level until the applicant touches one of them
        for row in self.indicators.values():
            row.setEnabled(level > 0)
            if level and not row.property("touched"):
                row.blockSignals(True)
                row.set_value(level)
                row.blockSignals(False)
        self.submit_button.setEnabled(level > 0)

    # ---- page 2: why --------------------------------------------------------------------
    def _build_reasons(self, reasons: list[str]) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("很抱歉让您不满意，请告诉我们原因（可多选）"))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        grid = QGridLayout()
        self.reason_buttons: list[QPushButton] = []
        for i, text in enumerate(reasons):
            button = QPushButton(text)
            button.setObjectName("reason")
            button.setCheckable(True)
            button.toggled.connect(self._reason_changed)
            self.reason_buttons.append(button)
            grid.addWidget(button, i // 2, i % 2)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("其他原因，可以在这里写"))
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.reason_message = QLabel()
        self.reason_message.setObjectName("screenError")
        self.back_button = QPushButton(self.tr("返回修改"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.reason_submit = QPushButton(self.tr("提交评价"))
        self.reason_submit.setObjectName("primary")
        self.reason_submit.clicked.connect(self._submit_reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reason_submit)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def reason_text(self) -> str:
        parts = [b.text() for b in self.reason_buttons if b.isChecked()]
        typed = " ".join(self.reason_edit.text().split())
        if typed:
            parts.append(typed)
        return words.sentences(parts)

    def _reason_changed(self, *_args: object) -> None:
        if self.reason_text():
            self.reason_message.clear()

    # ---- outcome ------------------------------------------------------------------------
    def scores(self) -> dict[str, int]:
        values = {"overall": self.overall.value()}
        values.update({key: row.value() for key, row in self.indicators.items()})
        return values

    def needs_reason(self) -> bool:
        return any(0 < v <= POOR for v in self.scores().values())

    def _submit_scores(self) -> None:
        if not self.overall.value():
            return
        if self.needs_reason():
            self.pages.setCurrentIndex(1)
            self.reason_requested.emit()
            return
        self.rated.emit({**self.scores(), "reason": ""})

    def _submit_reason(self) -> None:
        reason = self.reason_text()
        if not reason:
            self.reason_message.setText(self.tr("请至少选择一项原因，或写下原因"))
            return
        self.rated.emit({**self.scores(), "reason": reason})

    def reset(self) -> None:
        self.pages.setCurrentIndex(0)
        self.overall.set_value(0)
        for row in self.indicators.values():
            row.set_value(0)
            row.setProperty("touched", False)
            row.setEnabled(False)
        for button in self.reason_buttons:
            button.setChecked(False)
        self.reason_edit.clear()
        self.reason_message.clear()
        self.submit_button.setEnabled(False)
