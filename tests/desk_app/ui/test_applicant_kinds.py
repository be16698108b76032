"""Every kind of applicant through the real window, cards read by the real GA 467 serial
driver from an emulated reader module on a pseudo-terminal, cases judged by the real
reference center on loopback (issue #10's required GUI tests)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.ui.shell.main_window import (
    STEP_APPLICANT,
    STEP_CONFIRM,
    STEP_DECISION,
    STEP_FORM,
    STEP_ITEMS,
    STEP_MATERIALS,
)
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from tests.desk_app.ui.test_case_flow_window import sign
from tests.desk_app.ui.test_demo_case import demo_window, next_step, press  # noqa: F401
from tests.support.sam_emulator import Behaviour, SamEmulator

pytestmark = pytest.mark.realstack
PROOF = "11610100MB0002345M20001100080000"       # 个人社会保险参保缴费证明打印
UNIT_REGISTRATION = "11610100MB0002345M20001100060000"  # 单位社会保险参保登记
UNIT_USCC = "91610000MA6TG12349"


@pytest.fixture
def reader(demo_window):  # noqa: F811
    """The desk's ID reader is a GA 467 module on a pty; ``put(key)`` lays a card on it."""
    _window, desk = demo_window
    with SamEmulator(Behaviour(text=None)) as emu:
        desk.services.config.devices["id_reader"] = f"sam:{emu.port}"
        desk.services.hub.bind("id_reader", f"sam:{emu.port}")  # the desk reads through it

        def put(key: str) -> None:
            emu.behaviour.text = build_text(SIM_IDENTITIES[key][1])

        emu.put = put
        yield emu


def read_card(qtbot, window, key, reader, *, agent: bool = False):
    reader.put(key)
    name = SIM_IDENTITIES[key][1].name
    press(qtbot, window, Qt.Key.Key_F3 if agent else Qt.Key.Key_F2)
    edit = window.agent_panel.name_edit if agent else window.applicant_page.name_edit
    qtbot.waitUntil(lambda: edit.text() == name, timeout=15_000)


def choose_item(qtbot, window, code):
    qtbot.waitUntil(lambda: window.stack.currentIndex() == STEP_ITEMS, timeout=5000)
    window.item_page.query.setFocus()
    qtbot.keyClicks(window.item_page.query, code)
    qtbot.keyClick(window.item_page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == STEP_FORM, timeout=5000)


def fill(form, key, value):
    editor = form.editor(key)
    editor.show_value(value)
    editor.edited.emit()


def accept_and_seal(qtbot, window, desk, modes: dict[str, str]):
    """Materials by name → mode, accept, the applicant signs, seal, the center answers."""
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_MATERIALS, window.problems.text()
    host = window.materials_host
    for line in host.checklist.lines:
        if line.required and line.mode is None:
            host.view.choose(line.key, modes[line.name])
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_DECISION
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM, window.problems.text()
    sign(qtbot, window)
    window.seal_case()
    qtbot.waitUntil(lambda: window.case.sealed, timeout=10_000)
    qtbot.waitUntil(lambda: window.case.official_number != "", timeout=30_000)
    return desk.services.sync.client.get_case_by_uuid(window.case.uuid)


def test_legal_person_case_is_accepted_by_the_center(qtbot, demo_window, reader):  # noqa: F811
    window, desk = demo_window
    page = window.applicant_page
    page.legal_check.setChecked(True)
    for edit, text in ((page.unit_name_edit, "西安示例科技有限公司"),
                       (page.uscc_edit, UNIT_USCC), (page.legal_rep_edit, "王建国")):
        edit.setText(text)
    read_card(qtbot, window, "zhang-wei", reader)  # the 经办人 at the counter
    assert window.stack.currentIndex() == STEP_APPLICANT  # a unit's case stays to check
    case = window.case
    assert case.applicant["kind"] == "legal_person" and case.applicant["id_number"] == UNIT_USCC
    assert case.agent["name"] == "张伟" and case.agent["relation"] == "经办人"
    next_step(qtbot, window)
    choose_item(qtbot, window, UNIT_REGISTRATION)
    form = window.form_host.view
    for key, value in (("enterprise.licence_name", "西安示例科技有限公司"),
                       ("enterprise.licence_uscc", UNIT_USCC),
                       ("enterprise.legal_rep_name", "王建国"),
                       ("enterprise.contact_phone", "13800138000"),
                       ("enterprise.employee_count", "12")):
        fill(form, key, value)
    # 张伟 is not the 法定代表人: the 授权委托书 is required without the clerk asking
    stored = accept_and_seal(qtbot, window, desk, {"授权委托书": "paper", "营业执照": "shared"})
    assert "授权委托书" in [m["name"] for m in window.case.materials]
    assert stored.number == window.case.official_number


def test_applicant_with_an_old_foreigner_card(qtbot, demo_window, reader):  # noqa: F811
    window, desk = demo_window
    read_card(qtbot, window, "foreigner-old", reader)
    assert window.case.applicant["id_type"] == "I"
    choose_item(qtbot, window, PROOF)
    form = window.form_host.view
    assert form.values()["applicant.id_number"] == "USA610078041602"  # not a GB 11643 error
    fill(form, "proof.purpose", "购房")
    stored = accept_and_seal(qtbot, window, desk, {"居民身份证": "shared"})
    assert stored.number == window.case.official_number
    draft = desk.services.outbox.draft(window.case.uuid)
    assert (draft.applicant.id_type, draft.applicant.id_number) == ("I", "USA610078041602")


def test_agent_with_a_hmt_residence_permit(qtbot, demo_window, reader):  # noqa: F811
    window, desk = demo_window
    window.agent_panel.set_agent_mode(True)  # the clerk ticks 代办 first (Alt+D)
    read_card(qtbot, window, "zhang-wei", reader)
    assert window.stack.currentIndex() == STEP_APPLICANT  # agent mode: the page stays
    read_card(qtbot, window, "hmt", reader, agent=True)
    window.agent_panel.phone_edit.setText("13800138000")
    assert window.case.agent["id_type"] == "J" and window.case.agent["name"] == "陈嘉欣"
    next_step(qtbot, window)
    choose_item(qtbot, window, PROOF)
    fill(window.form_host.view, "proof.purpose", "购房")
    stored = accept_and_seal(qtbot, window, desk, {"居民身份证": "shared"})
    assert stored.number == window.case.official_number
    agent = desk.services.outbox.draft(window.case.uuid).agent
    assert (agent.name, agent.id_type) == ("陈嘉欣", "J")


def answer_card_question(qtbot, shortcut: str, seen: list):
    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            next(b for b in box.buttons() if f"({shortcut})" in b.text()).click()
        else:
            QTimer.singleShot(50, click)
    QTimer.singleShot(50, click)


def test_pre_application_then_another_persons_card_asks(qtbot, demo_window, reader):  # noqa: F811
    window, _desk = demo_window
    page = window.applicant_page
    page.pre_code.setFocus()
    qtbot.keyClicks(page.pre_code, "YS2026DEMO01R")  # 王芳's 出生登记, filed online
    qtbot.keyClick(page.pre_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.name_edit.text() == "王芳", timeout=10_000)
    items = list(window.case.item_codes)
    assert items
    seen: list[str] = []
    answer_card_question(qtbot, "K", seen)  # keep the pre-application for 王芳
    read_card_and_wait_status(qtbot, window, reader, "zhang-wei")
    assert seen and "王芳" in seen[0]
    assert window.case.applicant["name"] == "王芳" and window.case.identity is None
    assert window.case.item_codes == items and page.name_edit.text() == "王芳"
    assert "已保留预审件" in page.status.text()

    window.activateWindow()  # back from the question box
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    answer_card_question(qtbot, "R", seen)  # start over with 张伟's card
    read_card(qtbot, window, "zhang-wei", reader)
    assert len(seen) == 2
    case = window.case
    assert case.applicant["name"] == "张伟" and case.pre_application is None
    assert case.item_codes == [] and case.form == {}  # none of 王芳's items or answers


def read_card_and_wait_status(qtbot, window, reader, key):
    reader.put(key)
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: "预审件" in window.applicant_page.status.text()
                    and "正在读卡" not in window.applicant_page.status.text(), timeout=15_000)


def test_birth_bundle_with_the_fathers_card(qtbot, demo_window, reader):  # noqa: F811
    window, _desk = demo_window
    width = window.width()
    read_card(qtbot, window, "resident-male", reader)  # 王建国, 男
    choose_item(qtbot, window, "YJS-CS")  # 出生一件事: four items, one form
    assert len(window.case.item_codes) == 4
    form = window.form_host.view
    values = form.values()
    assert values["father.name"] == "王建国" and "mother.name" not in values
    swap = window.form_host.swap_button
    assert swap.isVisible() and "父亲" in swap.text()
    QApplication.processEvents()
    assert window.width() <= width  # the bundle's long title does not widen the window
    press(qtbot, window, Qt.Key.Key_S,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    values = form.values()
    assert values["mother.name"] == "王建国" and "father.name" not in values
    assert window.case.form["mother.name"] == "王建国"  # the flow has the swap at once
    window.form_host.swap_parents()
    assert form.values()["father.name"] == "王建国"


def test_deferred_acceptance_without_a_deferred_material_is_refused(qtbot, demo_window, reader):  # noqa: F811
    window, desk = demo_window
    read_card(qtbot, window, "zhang-wei", reader)
    choose_item(qtbot, window, PROOF)
    fill(window.form_host.view, "proof.purpose", "购房")
    next_step(qtbot, window)
    for line in window.materials_host.checklist.lines:
        if line.required and line.mode is None:
            window.materials_host.view.choose(line.key, "shared")
    next_step(qtbot, window)
    window.decision_page.buttons["accept_deferred"].setChecked(True)
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_DECISION  # stopped at the client
    message = window.problems.text()
    assert "容缺受理须至少把一项材料标为“容缺后补”" in message
    assert message.isascii() is False and "deferred" not in message
    # and the flow refuses to seal it even if it got that far
    window.flow.confirm(window.case.uuid, b"\x89PNG")
    assert any("容缺后补" in p for p in window.flow.seal_problems())
    assert sum(desk.services.outbox.counts().values()) == 0
