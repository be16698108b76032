"""本窗口办件, 出件 and 窗口概况 against the real reference center on loopback
(SyncTaskRunner; the back office acts through its own approver session).

``COUNTERDESK_SHOTS=DIR`` saves screenshots of the panels for a person to look at."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
import qrcode

from desk_app.core.app_paths import AppPaths
from desk_app.core.center_client import CenterClient
from desk_app.core.keystore import Keystore
from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER, MachineConfig
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.core.window_day.after_acceptance import AfterAcceptance
from desk_app.core.window_day.handover import NOT_THE_APPLICANT
from desk_app.core.window_day.window_cases import CenterCaseCache, case_cache_path
from desk_app.services.paper_printing import CasePapers
from desk_app.ui.after_acceptance.handover_dialog import HandoverDialog, MailDialog
from desk_app.ui.after_acceptance.supplement_dialog import SupplementDialog
from desk_app.ui.after_acceptance.window_cases_panel import WindowCasesPanel
from desk_app.ui.after_acceptance.window_dashboard import WindowDashboard
from desk_app.ui.shell.tasks import SyncTaskRunner
from forms.catalog import load_catalog
from forms.working_days import WorkingCalendar
from tests.support.live_center import drain

pytestmark = pytest.mark.realstack
STRANGER = "610113198807150024"


@dataclass
class Card:
    name: str
    id_number: str


class QrCamera:
    """Stands in for the document camera's optics only: the frame holds a real QR code
    (as the receipt prints it) and decoding is zxing-cpp's, as with the real camera."""

    def __init__(self, text: str) -> None:
        img = qrcode.make(text).convert("L")
        page = np.full((900, 1200), 235, np.uint8)
        qr = np.array(img)
        page[100 : 100 + qr.shape[0], 300 : 300 + qr.shape[1]] = qr
        self.frame = page

    def capture_still(self, timeout: float = 5.0):
        return self.frame

    def close(self) -> None:
        pass


def _shot(widget, name: str) -> None:
    folder = os.environ.get("COUNTERDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def desk(tmp_path, live_center, request):
    center = live_center
    paths = AppPaths.under(tmp_path / "root").ensure()
    outbox = Outbox.open(paths, Keystore())
    client = center.client()
    cache = CenterCaseCache(case_cache_path(paths.cache_dir))
    sync = SyncService(outbox, client, backoff=Backoff(0.01, 0.05), rng=random.Random(0),
                       case_cache=cache)
    rng = random.Random(request.node.name)  # other tests' applicants are other people
    drafts = []
    for _ in range(2):
        draft, blobs = center.case(rng)
        outbox.seal(draft, blobs)
        drafts.append(draft)
    drain(sync)
    approver = CenterClient(center.url)
    approver.login("approver01", "demo1234", "W01")
    ready = outbox.get(drafts[0].uuid).official_number
    for event, note in (("start_review", ""), ("approve", "准予"), ("result_ready", "")):
        approver.post_case_event(ready, {"event": event, "note": note}, f"{ready}-{event}")
    calendar = WorkingCalendar.from_api([client.calendar(2026), client.calendar(2027)])
    card = {"value": Card(drafts[0].applicant.name, drafts[0].applicant.id_number)}
    printer = tmp_path / "receipt-printer.bin"
    config = MachineConfig(center_url=center.url, window_id="W01", window_name="综合受理1号窗",
                           devices={ROLE_RECEIPT_PRINTER: f"escpos-file:{printer}"})
    catalog = load_catalog()
    papers = CasePapers(config, catalog, calendar, f"{center.url}/progress", "张敏")
    after = AfterAcceptance(
        papers=papers, printer_uri=config.devices[ROLE_RECEIPT_PRINTER],
        outbox=outbox, sync=sync, cache=cache, calendar=calendar, catalog=catalog,
        window_id="W01", read_identity=lambda: card["value"],
        open_camera=lambda: QrCamera(f"{center.url}/progress/{drafts[0].uuid}"),
        today=lambda: date(2027, 3, 1),  # long after: the case still in review is overdue
    )
    after.printer_file = printer  # where the escpos-file printer writes its bytes
    after.center = center
    yield after, drafts, card
    approver.close()
    client.close()
    outbox.close()


def test_the_window_list_filters_finds_and_marks_overdue(qtbot, desk):
    after, drafts, _card = desk
    panel = WindowCasesPanel(after, SyncTaskRunner())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    numbers = {c.uuid: c for c in panel.cases}
    ready, running = numbers[drafts[0].uuid], numbers[drafts[1].uuid]
    assert ready.status_label == "待领取" and not ready.overdue
    assert running.overdue and running.days_left < 0
    row = next(r for r, c in enumerate(panel.shown) if c.uuid == running.uuid)
    assert panel.table.item(row, 5).text().startswith("超期")
    assert panel.table.item(row, 0).foreground().color() == panel.overdue_colour
    assert drafts[1].applicant.name not in panel.table.item(row, 1).text()
    panel.filter.setCurrentIndex(panel.filter.findData("ready"))
    # (the shared center also holds other tests' cases of W01)
    assert drafts[0].uuid in {c.uuid for c in panel.shown}
    assert {c.status for c in panel.shown} == {"ready"}
    panel.filter.setCurrentIndex(panel.filter.findData("all"))
    panel.find_by_camera()  # the receipt's QR under the document camera
    assert [c.uuid for c in panel.shown] == [drafts[0].uuid]
    assert panel.handover_button.isEnabled() and panel.mail_button.isEnabled()
    card = desk[2]
    card["value"] = Card(drafts[1].applicant.name, drafts[1].applicant.id_number)
    panel.find_by_card()  # the applicant's card: their cases only
    assert [c.uuid for c in panel.shown] == [drafts[1].uuid]
    assert panel.message.text() == "该申请人在本大厅有 1 件在办办件"
    panel.announce(ready.uuid, ready.number, "待领取")
    assert panel.announcement.isVisible() and ready.number in panel.announcement.text()
    panel.find_edit.clear()
    panel.apply_filter()
    panel.table.clearSelection()
    _shot(panel, "window-cases")


def _sign(qtbot, link) -> None:
    """The collector draws on the applicant screen's pad and taps 完成 (real mouse events)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    pad = link.screen.pad
    assert link.screen.state() == "sign"
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    for x in range(50, 400, 25):
        QTest.mouseMove(pad, QPoint(x, 60 + (x % 50)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(400, 80))
    assert not pad.is_empty()
    qtbot.mouseClick(link.screen.done_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def customer(qtbot):
    from PySide6.QtWidgets import QWidget

    from desk_app.ui.applicant_screen.customer_link import CustomerLink

    clerk = QWidget()
    qtbot.addWidget(clerk)
    link = CustomerLink("综合受理1号窗", clerk, speak=False)
    link.screen.show()
    yield link
    link.close()


def test_handover_refuses_a_stranger_then_an_agent_signs_for_it(qtbot, desk, customer):
    after, drafts, card = desk
    case = next(c for c in after.cases() if c.uuid == drafts[0].uuid)
    dialog = HandoverDialog(after, SyncTaskRunner(), case, customer=customer)
    qtbot.addWidget(dialog)
    dialog.show()
    card["value"] = Card("王芳", STRANGER)
    dialog.read_card()
    assert "王*" in dialog.collector_label.text() and STRANGER not in dialog.collector_label.text()
    assert dialog.verdict.text() == NOT_THE_APPLICANT  # said at once, before anyone signs
    assert not dialog.sign_button.isEnabled() and not dialog.confirm_button.isEnabled()
    assert customer.screen.state() == "welcome"
    _shot(dialog, "handover-refused")
    dialog.by_agent.setChecked(True)
    assert "授权委托书" in dialog.verdict.text()
    dialog.capture_letter()  # the letter under the document camera
    assert dialog.proxy_letter and dialog.proxy_letter[:2] == b"\xff\xd8"  # a JPEG
    assert dialog.verdict.text() == "" and "签名" in dialog.sign_label.text()
    assert case.number in customer.screen.sign_title.text()
    _shot(customer.screen, "handover-applicant-screen")
    _sign(qtbot, customer)
    assert dialog.signature[:8] == b"\x89PNG\r\n\x1a\n" and dialog.confirm_button.isEnabled()
    dialog.confirm()
    assert dialog.verdict.text().startswith("已出件（已领取）。已记录在本机")
    assert "领取凭证已打印到" in dialog.verdict.text()  # printed by itself
    assert customer.screen.state() == "thanks"
    text = dialog.slip.toPlainText()
    assert "领 取 凭 证" in text and "代领" in text and "王*" in text and "王芳" not in text
    assert drafts[0].applicant.name not in text
    assert "领 取 凭 证".encode("gb18030") in after.printer_file.read_bytes()
    _shot(dialog, "handover-done")
    listed = {c.uuid: c for c in after.cases(pull=False)}
    assert listed[drafts[0].uuid].status == "collected" and listed[drafts[0].uuid].unsent_event
    drain(after.sync)  # the sync thread's work: the event with its two files
    view = after.sync.client._json("GET", f"/cases/{case.number}")
    assert view["handed_out"]["kind"] == "agent"
    assert after.center.center_blob(view["handed_out"]["signature_blob"]) == dialog.signature
    assert after.center.center_blob(view["handed_out"]["proxy_blobs"][0]) == dialog.proxy_letter
    after_list = {c.uuid: c for c in after.cases()}
    assert after_list[drafts[0].uuid].status == "collected"
    assert not after_list[drafts[0].uuid].unsent_event


def test_mail_dialog_and_dashboard(qtbot, desk):
    after, drafts, _card = desk
    case = next(c for c in after.cases() if c.uuid == drafts[0].uuid)
    dialog = MailDialog(after, SyncTaskRunner(), case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.waybill.setText("12")
    dialog.confirm()
    assert "运单号" in dialog.verdict.text()
    dialog.waybill.setText("SF1234567890")
    dialog.confirm()
    assert dialog.verdict.text().startswith("已登记寄出，运单号 SF1234567890。已记录在本机")
    assert "面单已打印到" in dialog.verdict.text()  # the label printed by itself
    assert "SF1234567890" in dialog.label.toPlainText()
    assert "运单号：SF1234567890".encode("gb18030") in after.printer_file.read_bytes()
    _shot(dialog, "mail")
    drain(after.sync)
    board = WindowDashboard(after, SyncTaskRunner())
    qtbot.addWidget(board)
    board.show()
    stats = after.sync.client.window_stats()  # the center's own today
    board.show_stats(stats)
    assert board.table.rowCount() == 1 and board.table.item(0, 0).text() == "W01"
    assert int(board.table.item(0, 5).text()) >= 1  # handed out today (mailed just now)
    _shot(board, "dashboard")


def test_supplement_sealed_and_its_receipt_printed_then_reprint(qtbot, desk):
    after, _drafts, _card = desk
    center = after.center
    draft, _blobs = center.case(random.Random(77))
    draft.materials[0].mode = "deferred"
    draft.materials[0].material_code = center.deferred_material_code
    draft.materials[0].blob_digests = []
    draft.materials[0].due_date = date(2026, 12, 31)
    draft.decision.kind = "accept_deferred"
    after.outbox.seal(draft, {})
    drain(after.sync)
    case = next(c for c in after.cases() if c.uuid == draft.uuid)
    assert [d.material_code for d in case.deferred_owed] == [center.deferred_material_code]
    panel = WindowCasesPanel(after, SyncTaskRunner())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh(pull=False)
    panel.find_edit.setText(case.number)
    panel.apply_filter()
    assert panel.supplement_button.isEnabled() and panel.reprint_button.isEnabled()
    dialog = SupplementDialog(after, SyncTaskRunner(), case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.capture()  # the document camera's still, kept as JPEG
    assert dialog.seal_button.isEnabled()
    dialog.seal()
    text = dialog.receipt.toPlainText()
    assert "补 交 回 执" in text and "逾期补交" in text and case.number in text
    dialog.print_receipt()
    assert "补交回执已打印到" in dialog.status.text()
    _shot(dialog, "supplement")
    drain(after.sync)  # sent like a case
    again = next(c for c in after.cases() if c.uuid == draft.uuid)
    assert again.deferred_owed == []
    view = after.sync.client.get_case(case.number)
    assert view.timeline[-1]["note"].startswith("补交容缺材料")
    panel.reprint()
    assert "已补打回执" in panel.message.text()
    assert "补打".encode("gb18030") in after.printer_file.read_bytes()


def test_a_purged_case_is_reprinted_from_the_center_and_a_card_finds_the_hall(qtbot, desk):
    after, drafts, card = desk
    center = after.center
    purged = drafts[1]
    with after.outbox._lock:  # its personal data purged here (as after purge_after_days)
        after.outbox._conn.execute(
            "UPDATE entries SET payload=NULL, purged_at=? WHERE uuid=?",
            ("2026-12-01T00:00:00+08:00", purged.uuid))
    other = CenterClient(center.url)  # the same person at another window of the hall
    other.login("clerk02", "demo1234", "W02")
    elsewhere, blobs = center.case(random.Random(f"{purged.uuid}-W02"), window_id="W02")
    elsewhere.applicant = purged.applicant
    for digest, data in blobs.items():
        other.upload_blob(digest, data)
    filed = other.submit_case(elsewhere.to_payload("W02-1", datetime.now().astimezone()),
                              idempotency_key=elsewhere.uuid)
    other.close()
    panel = WindowCasesPanel(after, SyncTaskRunner())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    case = next(c for c in panel.cases if c.uuid == purged.uuid)
    assert not case.local and case.official
    panel.find_edit.setText(case.number)
    panel.apply_filter()
    assert panel.reprint_button.isEnabled()
    before = after.printer_file.read_bytes() if after.printer_file.exists() else b""
    panel.reprint()
    assert "已补打回执" in panel.message.text(), panel.message.text()
    printed = after.printer_file.read_bytes()[len(before):]
    assert "补打".encode("gb18030") in printed and case.number.encode() in printed
    assert purged.applicant.name.encode("gb18030") not in printed
    assert purged.applicant.id_number.encode() not in printed
    card["value"] = Card(purged.applicant.name, purged.applicant.id_number)
    panel.find_by_card()
    assert {c.uuid for c in panel.shown} == {purged.uuid, elsewhere.uuid}
    assert panel.message.text() == "该申请人在本大厅有 2 件在办办件"
    row = next(r for r, c in enumerate(panel.shown) if c.uuid == elsewhere.uuid)
    assert panel.table.item(row, 0).text() == f"{filed.number}（W02 窗口）"
    cells = " ".join(panel.table.item(r, c).text() for r in range(panel.table.rowCount())
                     for c in range(panel.table.columnCount()) if panel.table.item(r, c))
    assert purged.applicant.id_number not in cells and purged.applicant.name not in cells
    _shot(panel, "window-cases-by-card")
