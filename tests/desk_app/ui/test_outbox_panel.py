"""The outbox panel with real widgets, a real encrypted outbox and a real center on loopback."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.ui.outbox.outbox_panel import OutboxPanel
from desk_app.ui.outbox.resubmit_dialog import ResubmitDialog
from desk_app.ui.shell.sync_bridge import SyncBridge
from forms.catalog import load_catalog
from tests.support.live_center import drain, start_center

pytestmark = pytest.mark.realstack  # a real center (uvicorn) on loopback

FAST = Backoff(base=0.01, cap=0.05)
MASKED_ID = re.compile(r"^\d{4}\*{10}[\dX]{4}$")


@pytest.fixture
def outbox(tmp_path):
    box = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    yield box
    box.close()


def make_sync(outbox, client) -> SyncService:
    return SyncService(outbox, client, backoff=FAST, rng=random.Random(0))


@pytest.fixture
def sync(outbox, live_center):
    client = live_center.client()
    service = make_sync(outbox, client)
    yield service
    service.stop()
    client.close()


def make_panel(qtbot, outbox, sync) -> OutboxPanel:
    bridge = SyncBridge(sync.status)
    sync.add_listener(bridge.on_sync_event)  # same thread here: signals are delivered at once
    panel = OutboxPanel(outbox, sync, bridge, refresh_ms=60_000)
    panel.bridge = bridge  # keep it alive as long as the panel
    qtbot.addWidget(panel)
    panel.resize(1100, 520)
    with qtbot.waitActive(panel):  # shortcuts (F5, Delete) go to the active window
        panel.show()
        panel.activateWindow()
    return panel


def cells(panel: OutboxPanel, state: str) -> list[list[str]]:
    table = panel.tables[state]
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def column(panel: OutboxPanel, state: str, title: str) -> list[str]:
    table = panel.tables[state]
    index = next(c for c in range(table.columnCount())
                 if table.horizontalHeaderItem(c).text() == title)
    return [row[index] for row in cells(panel, state)]


def shot(panel, tmp_path: Path, name: str) -> Path:
    """Offscreen screenshot (COUNTERDESK_SHOTS=dir keeps them for a person to look at)."""
    folder = Path(os.environ.get("COUNTERDESK_SHOTS", tmp_path))
    path = folder / name
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 1000
    return path


def test_rows_reasons_masking_and_fix_to_done(qtbot, live_center, outbox, sync, tmp_path):
    rng = random.Random(11)
    good = [live_center.case(rng, name="李秀英"), live_center.case(rng)]
    for draft, blobs in good:
        outbox.seal(draft, blobs)
    bad, bad_blobs = live_center.case(rng, name="王建国")
    bad.items = ["NO-SUCH-ITEM"]
    bad.materials[0].item_code = "NO-SUCH-ITEM"
    outbox.seal(bad, bad_blobs)
    panel = make_panel(qtbot, outbox, sync)

    pending = cells(panel, "pending")
    assert len(pending) == 3 and panel.tabs.tabText(0) == "待上报 (3)"
    assert column(panel, "pending", "申请人") == ["李*英", good[1][0].applicant.name[0] + "*"
                                                   + good[1][0].applicant.name[-1], "王*国"]
    assert all(MASKED_ID.match(v) for v in column(panel, "pending", "证件号码"))
    shown = repr(pending)
    for draft, _ in [*good, (bad, None)]:  # the full values never reach the panel
        assert draft.applicant.name not in shown and draft.applicant.id_number not in shown
        assert draft.applicant.phone not in shown

    drain(sync)
    qtbot.waitUntil(lambda: panel.tables["needs_attention"].rowCount() == 1, timeout=3000)
    assert panel.tabs.tabText(2) == "需处理 (1)" and panel.tabs.tabText(3) == "已完成 (2)"
    reason = column(panel, "needs_attention", "中心退回原因")[0]
    assert "事项编码不存在：NO-SUCH-ITEM" in reason
    check = live_center.client()
    done_numbers = column(panel, "done", "正式编号")
    assert sorted(done_numbers) == sorted(check.get_case_by_uuid(d.uuid).number for d, _ in good)
    assert set(column(panel, "done", "中心状态")) == {"已受理"}
    assert all(re.match(r"\d{4}-\d{2}-\d{2}$", d) for d in column(panel, "done", "承诺办结日期"))
    assert "网络正常" in panel.network_label.text()
    assert "最近一次成功联系中心" in panel.contact_label.text()

    # keyboard: Delete deletes nothing, Enter opens the correction dialog
    panel.show_state("needs_attention")
    table = panel.tables["needs_attention"]
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "不会被删除" in panel.message.text()
    assert outbox.counts()["needs_attention"] == 1
    # wrapped at full width: a few lines of the theme's type, not a squeezed column's dozen
    lines = table.fontMetrics().height()
    qtbot.waitUntil(lambda: table.rowHeight(0) < 5 * lines, timeout=2000)
    shot(panel, tmp_path, "outbox_panel_attention.png")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = panel.active_dialog
    assert isinstance(dialog, ResubmitDialog) and dialog.uuid == bad.uuid
    assert "事项编码不存在" in dialog.reason_label.text()
    assert dialog.item_edits[0].property("state") == "error"  # the field the center named
    shot(dialog, tmp_path, "resubmit_dialog.png")
    dialog.item_edits[0].setText(good[0][0].items[0])
    with qtbot.waitSignal(panel.entry_resubmitted, timeout=3000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert outbox.get(bad.uuid).state == "pending"
    assert outbox.draft(bad.uuid).materials[0].item_code == good[0][0].items[0]

    drain(sync)
    qtbot.waitUntil(lambda: panel.tables["done"].rowCount() == 3, timeout=3000)
    fixed = outbox.get(bad.uuid)
    assert fixed.state == "done" and fixed.official_number
    assert fixed.official_number in column(panel, "done", "正式编号")
    assert check.get_case_by_uuid(bad.uuid).number == fixed.official_number
    assert panel.tables["needs_attention"].rowCount() == 0
    panel.show_state("done")
    shot(panel, tmp_path, "outbox_panel_done.png")
    check.close()


def test_upload_progress_reaches_the_bar(qtbot, live_center, outbox, sync):
    outbox.seal(*live_center.case(random.Random(12), n_blobs=2, blob_size=700_000))
    panel = make_panel(qtbot, outbox, sync)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    drain(sync)
    assert seen and max(seen) == 100
    assert any(0 < v < 100 for v in seen)  # chunked: the bar moved through the middle
    qtbot.waitUntil(lambda: panel.tables["done"].rowCount() == 1, timeout=3000)
    assert panel.progress_label.text() == "当前没有正在上传的材料"


def test_stopped_center_shows_offline_then_retry_sends(qtbot, outbox, tmp_path):
    running, own = start_center(tmp_path / "own")
    port = int(running.url.rsplit(":", 1)[1])
    client = own.client()
    sync = make_sync(outbox, client)
    try:
        outbox.seal(*own.case(random.Random(13)))
        drain(sync)
        contact = sync.status().last_contact
        running.stop()
        draft, blobs = own.case(random.Random(14))
        outbox.seal(draft, blobs)
        sync.run_until_idle()
        panel = make_panel(qtbot, outbox, sync)
        assert "离线" in panel.network_label.text()
        assert contact.astimezone().strftime("%H:%M:%S") in panel.contact_label.text()
        (waiting,) = column(panel, "pending", "情况")
        assert waiting == outbox.get(draft.uuid).last_error and waiting
        assert column(panel, "pending", "尝试次数") == ["1"]
        shot(panel, tmp_path, "outbox_panel_offline.png")

        from center.inprocess import start_in_thread

        running = start_in_thread(f"sqlite:///{own.db_path}", own.blob_dir, port=port)
        qtbot.mouseClick(panel.retry_all_button, Qt.MouseButton.LeftButton)
        assert "1 件" in panel.message.text()
        drain(sync)
        qtbot.waitUntil(lambda: panel.tables["done"].rowCount() == 2, timeout=3000)
        assert "网络正常" in panel.network_label.text()
        assert outbox.get(draft.uuid).official_number in column(panel, "done", "正式编号")
    finally:
        sync.stop()
        client.close()
        running.stop()


def test_expired_login_shows_the_paused_banner(qtbot, live_center, outbox, sync, tmp_path):
    outbox.seal(*live_center.case(random.Random(15)))
    sync.client.token = "expired-token"
    panel = make_panel(qtbot, outbox, sync)
    assert panel.banner.isHidden()
    drain(sync)
    qtbot.waitUntil(panel.banner.isVisible, timeout=3000)
    assert "登录已过期，请重新登录" in panel.banner_text.text()
    assert panel.tables["pending"].rowCount() == 1  # paused, not lost
    shot(panel, tmp_path, "outbox_panel_paused.png")

    def sign_in_again():
        sync.resume_with(live_center.client().login("clerk01", "demo1234", "W01").token)

    panel.relogin_requested.connect(sign_in_again)
    with qtbot.waitSignal(panel.relogin_requested, timeout=1000):
        qtbot.mouseClick(panel.relogin_button, Qt.MouseButton.LeftButton)
    drain(sync)
    qtbot.waitUntil(lambda: panel.tables["done"].rowCount() == 1, timeout=3000)
    assert panel.banner.isHidden()


def test_retry_one_needs_a_selection_and_an_open_entry(qtbot, live_center, outbox, sync):
    draft, blobs = live_center.case(random.Random(16))
    outbox.seal(draft, blobs)
    panel = make_panel(qtbot, outbox, sync)
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert "请先" in panel.message.text()
    drain(sync)
    panel.refresh()
    panel.show_state("done")
    panel.tables["done"].selectRow(0)
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert "不能执行此操作" in panel.message.text()  # done stays done
    assert outbox.get(draft.uuid).state == "done"
    panel.open_selected()  # a done case opens read-only details, masked
    details = panel.active_dialog.text()
    assert outbox.get(draft.uuid).official_number in details
    assert draft.applicant.name not in details and draft.applicant.id_number not in details
    panel.active_dialog.close()


def test_f5_refreshes_what_another_part_sealed(qtbot, live_center, outbox, sync):
    panel = make_panel(qtbot, outbox, sync)
    assert panel.tables["pending"].rowCount() == 0
    assert "尚未与中心联系成功" in panel.contact_label.text()
    assert panel.network_label.text() == "没有待上报的办件"  # not "离线" before any try
    outbox.seal(*live_center.case(random.Random(17)))
    panel.tables["pending"].setFocus()
    qtbot.keyClick(panel.tables["pending"], Qt.Key.Key_F5)
    assert panel.tables["pending"].rowCount() == 1
    panel.hide()  # closed: no timer; shown again: up to date at once
    assert not panel.timer.isActive()
    outbox.seal(*live_center.case(random.Random(19)))
    panel.show()
    assert panel.timer.isActive() and panel.tables["pending"].rowCount() == 2


def test_the_sync_thread_news_reaches_the_panel(qtbot, live_center, outbox, sync):
    """As in the app: the sync runs on its own thread, the bridge queues its news to the GUI."""
    panel = make_panel(qtbot, outbox, sync)  # its timer is 60 s: only events can refresh it
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    sync.start()
    draft, blobs = live_center.case(random.Random(18), blob_size=600_000)
    outbox.seal(draft, blobs)
    qtbot.waitUntil(lambda: panel.tables["done"].rowCount() == 1, timeout=15_000)
    assert column(panel, "done", "正式编号") == [outbox.get(draft.uuid).official_number]
    assert panel.tabs.tabText(0) == "待上报 (0)" and 100 in seen


@pytest.mark.benchmark
def test_bench_refresh_with_a_long_queue(qtbot, outbox):
    """Figures: first refresh (decrypts every entry once) and later ones (cached) at 300."""
    import time

    from desk_app.core.center_client import CenterClient
    from tests.support.case_factory import make_case

    rng = random.Random(30)
    for _ in range(300):
        outbox.seal(*make_case(rng, blob_size=256))
    client = CenterClient("http://127.0.0.1:9")  # never contacted: the sync is not stepped
    sync = make_sync(outbox, client)
    started = time.perf_counter()
    panel = make_panel(qtbot, outbox, sync)
    first = time.perf_counter() - started
    runs = []
    for _ in range(10):
        started = time.perf_counter()
        panel.refresh()
        runs.append(time.perf_counter() - started)
    print(f"\noutbox panel, 300 pending: first refresh {first * 1000:.0f} ms, "
          f"later refresh median {sorted(runs)[5] * 1000:.0f} ms")
    assert panel.tables["pending"].rowCount() == 300
    client.close()


def test_items_are_shown_by_their_catalog_names(qtbot, live_center, outbox, sync):
    catalog = load_catalog()

    def item_name(code: str) -> str:
        try:
            return catalog.item(code).name
        except KeyError:
            return code

    draft, blobs = live_center.case(random.Random(5))
    draft.items = [draft.items[0], "NO-SUCH-ITEM"]
    outbox.seal(draft, blobs)
    panel = OutboxPanel(outbox, sync, refresh_ms=60_000, item_name=item_name)
    qtbot.addWidget(panel)
    expected = f"{catalog.item(draft.items[0]).name}、NO-SUCH-ITEM"  # unknown: the code
    assert column(panel, "pending", "事项") == [expected]
