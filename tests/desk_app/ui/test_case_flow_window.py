"""The case flow through the real window and the real reference center on loopback:
abandoning mid-case seals nothing; a refusal needs no form, is sealed only after *this*
applicant confirmed and signed, and prints no 收件回执."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.ui.shell.main_window import STEP_CONFIRM, STEP_DECISION, STEP_FORM, STEP_ITEMS
from tests.desk_app.ui.test_demo_case import demo_window, next_step, press  # noqa: F401
from tests.desk_app.ui.test_signature_pad import draw

pytestmark = pytest.mark.realstack


def card_and_item(qtbot, window, query="sfzbl"):
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.applicant_page.name_edit.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == STEP_ITEMS, timeout=5000)
    qtbot.keyClicks(window.item_page.query, query)
    qtbot.keyClick(window.item_page.query, Qt.Key.Key_Return)  # takes it, on to the form
    assert window.item_page.item_codes() and window.stack.currentIndex() == STEP_FORM


def answer_next_box(button, seen: list | None = None):
    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(50, click)
    QTimer.singleShot(50, click)


def sign(qtbot, window):
    customer = window.customer.screen
    qtbot.mouseClick(customer.confirm_button, Qt.MouseButton.LeftButton)
    draw(customer.pad, [(20, 40), (80, 90), (140, 30), (200, 100)])
    qtbot.mouseClick(customer.done_button, Qt.MouseButton.LeftButton)


def test_abandoning_mid_case_leaves_nothing_sealed(qtbot, demo_window):  # noqa: F811
    window, desk = demo_window
    card_and_item(qtbot, window)
    first = window.case.uuid
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.No, seen)  # the clerk changes their mind
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen and "放弃" in seen[0]
    assert window.case.uuid == first and window.item_page.item_codes()
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    assert window.new_case() is True
    assert len(seen) == 2
    assert window.case.uuid != first
    assert window.applicant_page.name_edit.text() == "" and window.item_page.item_codes() == []
    assert window.stack.currentIndex() == 0
    assert sum(desk.services.outbox.counts().values()) == 0
    records = [r for r in desk.services.audit.records() if r.action == "abandon"]
    assert len(records) == 1 and records[0].target == first
    assert "seal" not in [r.action for r in desk.services.audit.records()]


def test_refusal_needs_no_form_and_prints_no_receipt(qtbot, demo_window):  # noqa: F811
    window, desk = demo_window
    card_and_item(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == STEP_DECISION
    window.decision_page.buttons["refuse"].setChecked(True)
    next_step(qtbot, window)  # no reason yet
    assert "不予受理必须填写理由" in window.problems.text()
    window.decision_page.reason.setFocus()
    window.decision_page.reason.setPlainText("不属于本窗口受理范围")  # QTest cannot type CJK
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM, window.problems.text()
    # not confirmed by the applicant yet: the client refuses to seal
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "申请人尚未在确认屏上确认并签名" in window.confirm_page.outcome.text()
    assert sum(desk.services.outbox.counts().values()) == 0
    sign(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case.sealed, timeout=10_000)
    qtbot.waitUntil(lambda: hasattr(window, "notice_dialog"), timeout=20_000)
    assert window.notice_dialog.pdf.startswith(b"%PDF")
    qtbot.wait(3500)  # past the receipt grace period: still no 收件回执
    assert not hasattr(window, "receipt_dialog")
    assert not window.confirm_page.reprint_button.isEnabled()
    assert "print_receipt" not in [r.action for r in desk.services.audit.records()]


def test_second_applicant_cannot_be_sealed_before_they_confirm(qtbot, demo_window):  # noqa: F811
    window, _desk = demo_window
    card_and_item(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.decision_page.buttons["refuse"].setChecked(True)
    window.decision_page.reason.setPlainText("不属于本窗口受理范围")
    next_step(qtbot, window)
    sign(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case.sealed, timeout=10_000)
    qtbot.waitUntil(lambda: hasattr(window, "notice_dialog"), timeout=20_000)
    window.notice_dialog.close()
    qtbot.mouseClick(window.confirm_page.next_button, Qt.MouseButton.LeftButton)
    assert not window.case.sealed and window.stack.currentIndex() == 0
    # the second applicant: the first one's signature does not count
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    card_and_item(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.decision_page.buttons["refuse"].setChecked(True)
    window.decision_page.reason.setPlainText("不属于本窗口受理范围")
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM
    assert "签名" not in window.confirm_page.applicant_note.text()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "申请人尚未在确认屏上确认并签名" in window.confirm_page.outcome.text()
    assert not window.case.sealed
