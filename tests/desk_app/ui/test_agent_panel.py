"""帮办代办 panel: agent mode, card reads from the simulated reader, validation messages."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt

from desk_app.ui.steps.agent_panel import AgentPanel
from devices.cards.id_number import with_check_char
from devices.cards.simulator import SimReader

TODAY = date(2026, 11, 21)


@pytest.fixture
def panel(qtbot):
    widget = AgentPanel(today=TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def type_agent(qtbot, panel, name="王建国", number=None, phone="13912345678"):
    panel.name_edit.insert(name)  # Chinese comes from the input method as committed text
    qtbot.keyClicks(panel.id_edit, number or with_check_char("61012419721008151"))
    qtbot.keyClicks(panel.phone_edit, phone)


def test_off_by_default_and_card_reads_are_not_taken(panel):
    assert not panel.is_agent_mode() and not panel.box.isVisible()
    assert panel.agent() is None and panel.problems() == []
    assert panel.show_identity(SimReader("resident-male").read_identity(1)) is False
    assert panel.name_edit.text() == ""


def test_ticking_shows_the_fields_and_a_card_fills_them(panel, qtbot):
    qtbot.mouseClick(panel.agent_check, Qt.MouseButton.LeftButton,
                     pos=QPoint(10, panel.agent_check.height() // 2))
    assert panel.is_agent_mode() and panel.box.isVisible()
    identity = SimReader("resident-male").read_identity(1)
    assert panel.show_identity(identity) is True
    assert panel.name_edit.text() == "王建国"
    assert panel.id_display.text() == "6101**********" + identity.id_number[-4:]
    assert "已读取代办人证件" in panel.status.text()
    assert panel.phone_edit.hasFocus()
    assert panel.problems() == ["请填写代办人联系电话"]
    qtbot.keyClicks(panel.phone_edit, "139 1234 5678")
    assert panel.problems() == []
    assert panel.agent() == {"name": "王建国", "id_type": "resident",
                             "id_number": identity.id_number, "phone": "13912345678",
                             "relation": "子女"}


def test_every_problem_at_once(panel, qtbot):
    panel.set_agent_mode(True)
    assert panel.problems() == ["请填写代办人姓名或读取代办人身份证", "请填写代办人证件号码",
                                "请填写代办人联系电话"]
    good = with_check_char("61012419721008151")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    type_agent(qtbot, panel, number=bad, phone="12345")
    problems = panel.problems()
    assert problems[0].startswith("代办人身份证号") and "校验位" in problems[0]
    assert problems[1].startswith("代办人手机号") or problems[1].startswith("代办人电话号码")


def test_minor_and_self_and_other_relation(panel, qtbot):
    panel.set_agent_mode(True)
    minor = with_check_char("61010320120101123")  # 14 years old on TODAY
    type_agent(qtbot, panel, number=minor)
    assert panel.problems() == ["代办人须年满 18 周岁（完全民事行为能力人）"]
    panel.id_edit.clear()
    adult = with_check_char("61010319850312042")
    qtbot.keyClicks(panel.id_edit, adult)
    assert panel.problems(applicant_id_number=adult.lower()) == [
        "代办人与申请人是同一人：本人办理请取消“代办”"]
    assert panel.problems(applicant_id_number=with_check_char("61012419721008151")) == []

    panel.relation_combo.setCurrentIndex(panel.relation_combo.count() - 1)  # 其他
    assert panel.relation_other.isVisible()
    assert panel.problems() == ["关系选了“其他”，请写明与申请人的关系"]
    panel.relation_other.insert("邻居")
    assert panel.problems() == [] and panel.agent()["relation"] == "其他：邻居"
    panel.relation_combo.setCurrentIndex(3)
    assert not panel.relation_other.isVisible() and panel.agent()["relation"] == "社区工作人员"


def test_an_expired_card_is_flagged(panel):
    panel.set_agent_mode(True)
    panel.show_identity(SimReader("expired").read_identity(1))
    assert "已读取代办人证件。" in panel.status.text()
    assert "过期" in panel.status.text()


def test_permit_numbers_from_the_card_are_taken_as_read(panel, qtbot):
    panel.set_agent_mode(True)
    panel.show_identity(SimReader("foreigner-old").read_identity(1))
    qtbot.keyClicks(panel.phone_edit, "029-87654321")
    assert panel.problems() == []
    agent = panel.agent()
    assert agent["id_type"] == "I" and agent["id_number"] == "USA610078041602"
    assert agent["phone"] == "029-87654321"
    # the clerk edits the number by hand: now it must pass GB 11643
    qtbot.keyClick(panel.id_edit, Qt.Key.Key_Backspace)
    assert any("身份证号应为 18 位" in p for p in panel.problems())
    assert panel.agent()["id_type"] == "resident"


def test_f3_asks_for_a_card_only_in_agent_mode(panel, qtbot):
    # F3 itself is the main window's key (it works on every step): see
    # test_applicant_kinds.test_agent_with_a_hmt_residence_permit, which presses it
    with qtbot.assertNotEmitted(panel.read_card_requested):
        panel.read_if_agent()
    panel.set_agent_mode(True)
    with qtbot.waitSignal(panel.read_card_requested):
        panel.read_if_agent()


def test_clear_resets_everything(panel, qtbot):
    panel.set_agent_mode(True)
    type_agent(qtbot, panel)
    panel.clear()
    assert not panel.is_agent_mode() and panel.agent() is None
    panel.set_agent_mode(True)
    assert panel.name_edit.text() == "" and panel.id_edit.text() == ""


# one panel for all examples: each example overwrites every field it reads
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=20), number=st.text(max_size=18), phone=st.text(max_size=20))
def test_any_typed_input_gives_messages_not_exceptions(panel, name, number, phone):
    panel.set_agent_mode(True)
    panel.name_edit.setText(name)
    panel.id_edit.setText(number)
    panel.phone_edit.setText(phone)
    problems = panel.problems()
    assert all(isinstance(p, str) and p for p in problems)
    agent = panel.agent()
    assert agent is not None and set(agent) == {"name", "id_type", "id_number", "phone",
                                                "relation"}
