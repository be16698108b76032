"""The mouse wheel scrolls the page, never a choice the clerk is not in: a wheel turn over
a combo box (or spin box) without focus goes to the page under it instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox


class WheelGuard(QObject):
    """Installed once on the application; it lives (and is removed) with its parent."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(
                watched, (QComboBox, QAbstractSpinBox)) and not watched.hasFocus():
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus by wheel
            parent = watched.parentWidget()
            if parent is not None:
                QApplication.sendEvent(parent, event)  # propagates up to the scroll area
            return True
        return False
