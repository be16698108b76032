"""The mouse wheel scrolls the page, never a choice the clerk is not in: a wheel turn over
a combo box (or spin box) without focus goes to the page under it instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox


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
            area = watched.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:  # Qt does not pass a handled-by-us wheel on: we do
                viewport = area.viewport()
                at = QPointF(watched.mapTo(viewport, event.position().toPoint()))
                QApplication.sendEvent(viewport, QWheelEvent(
                    at, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                    event.buttons(), event.modifiers(), event.phase(), event.inverted()))
            return True
        return False
