"""A whole demo case through the real widgets against the real reference center on loopback.

Card read (simulated reader) → item by pinyin initials → form (prefilled from the card,
the rest typed) → materials → accept → sealed in the outbox → receipt → the background
sync submits it → the official number shows. Then: nothing personal in any log, and
the center holds the case exactly once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.services.demo import start_demo
from desk_app.ui.shell.main_window import (
    STEP_CONFIRM,
    STEP_FORM,
    STEP_ITEMS,
    STEP_MATERIALS,
    MainWindow,
)
from desk_app.ui.shell.sync_bridge import SyncBridge
from desk_app.ui.shell.tasks import TaskRunner
from tests.desk_app.ui.test_signature_pad import draw

pytestmark = pytest.mark.realstack


@pytest.fixture
def demo_window(qtbot):
    desk = start_demo()
    bridge = SyncBridge(desk.services.outbox_summary)
    desk.services.add_sync_listener(bridge.on_sync_event)
    window = MainWindow(desk.services, TaskRunner(), bridge, speak=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, desk
    window.runner.wait()
    window.close()
    desk.close()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def next_step(qtbot, window):
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def test_demo_case_end_to_end(qtbot, demo_window):
    window, desk = demo_window
    services = desk.services

    # 1. card read with F2 fills the applicant
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.applicant_page.name_edit.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "居民户口簿" in window.applicant_page.licence_note.text(),
                    timeout=10_000)
    applicant = window.applicant_page.applicant()
    name, id_number = applicant["name"], applicant["id_number"]
    assert len(id_number) == 18
    assert window.applicant_page.id_display.text() == id_number[:4] + "*" * 10 + id_number[-4:]

    # 2. a valid card was the applicant step's last field: on to the items by itself;
    #    item by pinyin initials, Enter takes it and moves on
    qtbot.waitUntil(lambda: window.stack.currentIndex() == STEP_ITEMS, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.item_page.query, timeout=5000)
    qtbot.keyClicks(window.item_page.query, "sfzbl")
    qtbot.keyClick(window.item_page.query, Qt.Key.Key_Return)
    assert [window.services.item_name(c) for c in window.item_page.item_codes()] == [
        "居民身份证补领"]

    # 3. the form: card values prefilled and marked, the rest typed
    assert window.stack.currentIndex() == STEP_FORM
    form = window.form_host.view
    assert form.values()["applicant.name"] == name
    assert form.sources()["applicant.id_number"] == "card.id_number"
    next_step(qtbot, window)  # refused: required fields still empty
    assert window.stack.currentIndex() == STEP_FORM
    assert "联系电话" in window.problems.text()
    phone = form.editor("applicant.phone").focus_widgets()[0]
    phone.setFocus()
    qtbot.keyClicks(phone, "13912345678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    fill(qtbot, form, "id_card.reissue_reason", "遗失")
    fill(qtbot, form, "delivery.mode", "窗口领取")
    assert form.problems() == [], form.problems()

    # 4. materials: the household register was pulled from the electronic licence store
    #    (exempt), the photo is captured with the (simulated) document camera
    next_step(qtbot, window)
    host = window.materials_host
    register = next(line for line in host.checklist.lines if line.name == "居民户口簿")
    assert register.mode == "licence" and register.licence_number
    assert host.view.mode_combo(register.key).currentData() == "licence"
    assert "居民户口簿" in host.capture_state.text()
    for line in host.checklist.lines:
        if line.required and line.mode is None:
            combo = host.view.mode_combo(line.key)
            combo.setFocus()
            for _ in range(combo.findData("scan") - combo.currentIndex()):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentData() == "scan"
    assert host.uncaptured_names() == ["本人近期免冠彩色照片（现场采集）"]
    next_step(qtbot, window)
    next_step(qtbot, window)  # the decision step refuses: the photo is not captured yet
    assert "还没有拍摄" in window.problems.text()
    window.go_to(STEP_MATERIALS)
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: host.dialog is not None and host.dialog.isVisible(), timeout=5000)
    screen = host.dialog.screen
    qtbot.wait(800)  # let the simulated camera deliver a few preview frames
    qtbot.keyClick(screen, Qt.Key.Key_F8)
    key = screen.current_key
    qtbot.waitUntil(lambda: screen.page_count(key) == 1, timeout=20_000)
    host.dialog.accept()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    assert host.uncaptured_names() == []
    photo = host.captured[key]
    assert photo["pages"] == 1 and photo["blobs"][photo["digests"][0]].startswith(b"%PDF")

    # 5. decision: accept; 6. confirm and seal with Ctrl+Enter
    next_step(qtbot, window)
    next_step(qtbot, window)
    assert window.stack.currentIndex() == STEP_CONFIRM, window.problems.text()

    # the applicant confirms on the facing screen (masked there) and signs
    customer = window.customer.screen
    assert customer.state() == "confirm"
    shown = customer.summary_label.text()
    assert id_number not in shown and id_number[:4] + "*" * 10 + id_number[-4:] in shown
    qtbot.mouseClick(customer.confirm_button, Qt.MouseButton.LeftButton)
    assert customer.state() == "sign"
    draw(customer.pad, [(20, 40), (80, 90), (140, 30), (200, 100)])
    qtbot.mouseClick(customer.done_button, Qt.MouseButton.LeftButton)
    assert window.customer.signature_png.startswith(b"\x89PNG")
    assert "签名" in window.confirm_page.applicant_note.text()

    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case.provisional_number != "", timeout=10_000)
    sealed_uuid = window.case.uuid
    assert services.outbox.get(sealed_uuid).provisional_number == window.case.provisional_number

    # background sync: the official number replaces the provisional one on screen
    try:
        qtbot.waitUntil(lambda: window.case.official_number != "", timeout=20_000)
    except Exception:
        pytest.fail(f"not acknowledged: {services.outbox.get(sealed_uuid)}")
    assert window.case.official_number in window.confirm_page.number.text()
    qtbot.waitUntil(lambda: hasattr(window, "receipt_dialog"), timeout=10_000)
    receipt = window.receipt_dialog.text.toPlainText()
    assert window.case.official_number in receipt
    assert id_number not in receipt and name not in receipt

    # the A4 受理通知书, with the signature, in the preview
    qtbot.keyClick(window.receipt_dialog, Qt.Key.Key_Escape)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: hasattr(window, "notice_dialog"), timeout=20_000)
    assert window.notice_dialog.pdf.startswith(b"%PDF")
    window.notice_dialog.close()

    # the applicant rates (好差评); the rating is queued after the case and reaches the center
    assert customer.state() == "rate"
    qtbot.mouseClick(customer.rating.overall.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.rating.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.outbox.counts().get("done", 0) == 2, timeout=20_000)

    # the center has it exactly once, with the photo byte-identical
    result = services.sync.client.get_case_by_uuid(sealed_uuid)
    assert result.number == window.case.official_number
    assert services.sync.client.blob_state(photo["digests"][0]).complete

    # F11: the outbox panel lists the case as done, with its official number, masked
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    press(qtbot, window, Qt.Key.Key_F11)
    done_table = window.outbox_panel.tables["done"]
    qtbot.waitUntil(lambda: done_table.rowCount() >= 1, timeout=10_000)
    cells = [done_table.item(r, c).text() for r in range(done_table.rowCount())
             for c in range(done_table.columnCount()) if done_table.item(r, c)]
    assert any(window.case.official_number in cell for cell in cells)
    assert not any(id_number in cell or name in cell for cell in cells)
    window.outbox_panel.close()

    # the audit trail: who read which card type, sealed and printed what — chained, and
    # without the applicant's number or name in the file
    actions = [r.action for r in services.audit.records()]
    for action in ("login", "card_read", "seal", "print_receipt", "print_notice"):
        assert action in actions
    assert services.audit.verify() == []
    audit_text = services.audit.path.read_text(encoding="utf-8")
    assert id_number not in audit_text and name not in audit_text

    # nothing personal in the logs
    for log_file in services.config.source.parent.parent.joinpath("log").glob("*.log*"):
        text = log_file.read_text(encoding="utf-8", errors="replace")
        assert id_number not in text and name not in text


def fill(qtbot, form, key, value):
    editor = form.editor(key)
    editor.show_value(value)
    editor.edited.emit()


def test_pre_application_picked_up_by_code(qtbot, demo_window):
    """线上线下融合: a case filed online comes to the counter by its code (typed or scanned)."""
    window, desk = demo_window
    page = window.applicant_page
    page.pre_code.setFocus()
    qtbot.keyClicks(page.pre_code, "YS0000000000")  # mistyped: its check character is wrong
    qtbot.keyClick(page.pre_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "预审编号" in page.status.text(), timeout=10_000)
    assert "核对" in page.status.text()
    page.pre_code.clear()
    qtbot.keyClicks(page.pre_code, "YS2026DEMO03N")  # well-formed, but nobody filed it
    qtbot.keyClick(page.pre_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "没有找到这个预审编号" in page.status.text(), timeout=10_000)
    assert page.name_edit.text() == ""  # an unknown code fills nothing

    page.pre_code.clear()
    qtbot.keyClicks(page.pre_code, "YS2026DEMO02P")
    qtbot.keyClick(page.pre_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.name_edit.text() != "", timeout=10_000)
    assert page.name_edit.text() == "赵秀英"
    names = [desk.services.item_name(c) for c in window.item_page.item_codes()]
    assert len(names) == 2 and "社会保障卡补领" in names

    window.go_to(STEP_FORM)
    values = window.form_host.values()
    assert values["applicant.phone"] and values["applicant.name"] == "赵秀英"
    assert window.form_host.sources()["applicant.phone"] == "typed"
