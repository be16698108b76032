"""Keyboard-first rules that hold for any page: the wheel never changes a choice the
clerk is not in, and the receipt preview closes with Esc or Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget

from desk_app.services.view_data import ReceiptPreview
from desk_app.ui.papers.receipt_dialog import ReceiptDialog
from desk_app.ui.widgets.wheel_guard import WheelGuard


def wheel(widget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot):
    root = QWidget()
    scroll = QScrollArea(root)
    body = QWidget()
    column = QVBoxLayout(body)
    combos = []
    for _ in range(40):  # tall enough to scroll
        combo = QComboBox()
        combo.addItems(["（未提供）", "纸质原件", "扫描", "电子证照"])
        column.addWidget(combo)
        combos.append(combo)
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    QVBoxLayout(root).addWidget(scroll)
    root.resize(300, 200)
    guard = WheelGuard(root)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    return root, scroll, combos, guard


def test_wheel_over_an_unfocused_combo_scrolls_the_page_not_the_choice(qtbot, page):
    _root, scroll, combos, _guard = page
    combo = combos[1]
    assert not combo.hasFocus()
    before = scroll.verticalScrollBar().value()
    wheel(combo)
    assert combo.currentIndex() == 0  # the choice is untouched
    assert scroll.verticalScrollBar().value() > before  # the page scrolled instead
    assert not combo.hasFocus()


def test_wheel_over_the_focused_combo_still_changes_it(qtbot, page):
    root, _scroll, combos, _guard = page
    root.activateWindow()
    combos[0].setFocus()
    qtbot.waitUntil(combos[0].hasFocus, timeout=2000)
    wheel(combos[0])
    assert combos[0].currentIndex() == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_receipt_preview_closes_with_esc_or_enter(qtbot, key):
    dialog = ReceiptDialog(ReceiptPreview(lines=["收件回执", "办件编号：X"], printed_to="文件"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), key)
    assert not dialog.isVisible()
