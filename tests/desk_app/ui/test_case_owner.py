"""The flow owns the case: pages write into it as the clerk edits and show it when shown,
so a new case resets every page — nothing of the previous applicant (their signature
above all) survives on screen or in the flow. Real window, real center on loopback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desk_app.ui.shell.main_window import STEP_APPLICANT, STEP_CONFIRM, STEP_FORM
from tests.desk_app.ui.test_case_flow_window import answer_next_box, card_and_item, sign
from tests.desk_app.ui.test_demo_case import demo_window, next_step, press  # noqa: F401

pytestmark = pytest.mark.realstack


def refuse_to_confirm(qtbot, window):
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.decision_page.buttons["refuse"].setChecked(True)
    window.decision_page.reason.setPlainText("不属于本窗口受理范围")
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM, window.problems.text()


def test_edits_land_in_the_flow_as_typed(qtbot, demo_window):  # noqa: F811
    window, _desk = demo_window
    card_and_item(qtbot, window)
    assert window.flow.case.item_codes == window.item_page.item_codes()
    assert window.stack.currentIndex() == STEP_FORM
    phone = window.form_host.view.editor("applicant.phone").focus_widgets()[0]
    phone.setFocus()
    qtbot.keyClicks(phone, "13912345678")
    # no step change, no copy: the flow has it already
    assert window.flow.case.form["applicant.phone"] == "13912345678"
    assert window.flow.case.form_session is window.form_host.view.session
    window.decision_page.buttons["incomplete"].setChecked(True)
    assert window.flow.case.decision_kind == "incomplete"


def test_new_case_resets_every_page_and_the_old_signature_is_gone(qtbot, demo_window):  # noqa: F811
    window, desk = demo_window
    card_and_item(qtbot, window)
    window.agent_panel.set_agent_mode(True)
    window.agent_panel.name_edit.setText("李四")
    window.agent_panel.id_edit.setText("11010519491231002X")
    window.agent_panel.phone_edit.setText("13800138000")
    assert window.flow.case.agent["name"] == "李四"
    refuse_to_confirm(qtbot, window)
    first = window.case.uuid
    sign(qtbot, window)
    assert window.flow.confirmed()
    assert "申请人已确认并签名" in window.confirm_page.applicant_note.text()

    answer_next_box(QMessageBox.StandardButton.Yes)
    assert window.new_case() is True
    assert window.case.uuid != first and not window.flow.confirmed()
    assert window.stack.currentIndex() == STEP_APPLICANT
    page = window.applicant_page
    assert (page.name_edit.text(), page.id_edit.text(), page.card_note.text()) == ("", "", "")
    assert not window.agent_panel.is_agent_mode() and window.agent_panel.name_edit.text() == ""
    assert window.item_page.item_codes() == [] and window.item_page.query.text() == ""
    assert window.form_host.view.session is None
    assert window.decision_page.kind() == "accept" and window.decision_page.reason_text() == ""
    assert "签名" not in window.confirm_page.applicant_note.text()
    assert window.confirm_page.summary.toPlainText() == "" or \
        "不属于本窗口受理范围" not in window.confirm_page.summary.toPlainText()

    # the first applicant's screen answers late: it is not this case's signature
    window.customer.signed_for.emit(first, b"\x89PNG late")
    assert not window.flow.confirmed()
    assert "签名" not in window.confirm_page.applicant_note.text()

    # the second applicant reaches the confirm step: waiting for *them*, sealing refused
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    card_and_item(qtbot, window)
    assert window.agent_panel.name_edit.text() == "" and window.flow.case.agent is None
    refuse_to_confirm(qtbot, window)
    assert "签名" not in window.confirm_page.applicant_note.text()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "申请人尚未在确认屏上确认并签名" in window.confirm_page.outcome.text()
    assert not window.case.sealed and sum(desk.services.outbox.counts().values()) == 0
