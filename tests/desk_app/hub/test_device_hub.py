"""The device hub over real stacks: pcscd+vpcd, SANE's test scanner, a TCP printer.

PC/SC tests here need the shared lock like tests/devices/cards
(``flock /tmp/counterdesk-suite.lock``): only one pcscd can run on a machine.
"""

from __future__ import annotations

import threading
import time

import pytest

from desk_app.core.hardware import device_ops
from desk_app.core.hardware.device_hub import OWNER_DESK, DeviceHub
from desk_app.core.hardware.device_kinds import DeviceKind, default_kinds
from desk_app.core.machine_config import (
    ROLE_A4_PRINTER,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
)
from desk_app.core.network_watch import NetworkWatch
from devices.errors import DeviceBusy, DeviceError
from devices.printer.slip import Slip, TextLine
from tests.desk_app.hub.raw_sink import RawJobSink
from tests.support.printer_emulator import PrinterEmulator
from tests.support.vpcd_card import VirtualCard, social_security_card_v3
from tests.support.waiting import wait_until

pytestmark = pytest.mark.realstack
BRIDGE = "bridge:http://127.0.0.1:8000"


def _probe(hub: DeviceHub, role: str):
    hub.probe_all()
    return hub.state(role)


def _counting(kinds: dict[str, DeviceKind], role: str, opened: list[str]) -> dict:
    """The real kind, with a note of each open and the thread it ran on."""
    real = kinds[role]

    def open_(uri: str):
        opened.append(threading.current_thread().name)
        return real.open(uri)

    return {**kinds, role: DeviceKind(real.label, open_, real.probe, real.keep_open, real.benign)}


def test_card_reads_share_one_reader_on_one_thread(pcsc_stack):
    pcsc_stack.wait_empty(0)
    opened: list[str] = []
    hub = DeviceHub({ROLE_ID_READER: f"pcsc:{pcsc_stack.reader(0)}"},
                    kinds=_counting(default_kinds(), ROLE_ID_READER, opened))
    try:
        with VirtualCard(social_security_card_v3()) as card:
            # two quick F2 presses before the card is there: one read, not two
            first = hub.slot(ROLE_ID_READER).submit(
                "read_card", lambda r: r.read_identity(timeout=8), owner=OWNER_DESK,
                exclusive=True)
            second = hub.slot(ROLE_ID_READER).submit(
                "read_card", lambda r: r.read_identity(timeout=8), owner=OWNER_DESK,
                exclusive=True)
            assert second is first
            # a page asking meanwhile is refused: it never gets the clerk's card
            with pytest.raises(DeviceBusy) as refused:
                device_ops.read_identity(hub, BRIDGE, 2)
            assert "柜台" in refused.value.clerk_message
            card.insert(pcsc_stack.port)
            identity = first.result(10)
            assert identity.name == "王小明"
            selects = [a for a in card.apdus if a[1:2] == b"\xa4"]
            # afterwards the page may read: same driver, same thread, no second open
            again = device_ops.read_identity(hub, BRIDGE, 5)
        assert again.id_number == "610102200105160034"
        assert len(selects) >= 1
        assert opened == ["device-id_reader"]
        state = hub.slot(ROLE_ID_READER).state
        assert state.ok is True and state.checked_at > 0
    finally:
        hub.close()


def test_reader_probe_says_what_pcsc_says(pcsc_stack):
    hub = DeviceHub({ROLE_ID_READER: f"pcsc:{pcsc_stack.reader(0)}"})
    missing = DeviceHub({ROLE_ID_READER: "pcsc:No Such Reader 99"})
    try:
        hub.probe_all()
        assert hub.state(ROLE_ID_READER).ok is True
        missing.probe_all()
        state = missing.state(ROLE_ID_READER)
        assert state.ok is False
        assert "读卡器" in state.message
    finally:
        hub.close()
        missing.close()


def test_printer_state_is_the_printers_answer(emulator):
    hub = DeviceHub({ROLE_RECEIPT_PRINTER: emulator.uri})
    try:
        assert _probe(hub, ROLE_RECEIPT_PRINTER).ok is True
        result = device_ops.print_slip(hub, OWNER_DESK, Slip("test", [TextLine("回执测试")]))
        assert result.bytes_sent > 0
        emulator.state = "paper_out"
        state = _probe(hub, ROLE_RECEIPT_PRINTER)
        assert state.ok is False and "纸" in state.message
        emulator.state = "ready"
        assert _probe(hub, ROLE_RECEIPT_PRINTER).ok is True
        emulator.close()
        state = _probe(hub, ROLE_RECEIPT_PRINTER)
        assert state.ok is False
    finally:
        hub.close()


def test_a_dead_printer_is_not_green_and_events_say_lost_and_back():
    emu = PrinterEmulator()
    hub = DeviceHub({ROLE_RECEIPT_PRINTER: emu.uri})
    events = []
    hub.add_listener(events.append)
    try:
        hub.probe_all()
        emu.close()
        hub.probe_all()
        assert [(e.kind, e.state.ok) for e in events if e.kind == "state"] == [
            ("state", True), ("state", False)]
    finally:
        hub.close()


def test_the_scanner_is_listed_and_scans_through_the_hub(sane_test_backend):
    uri = "sane:test:0?read-return-value=Default&test-picture=Color pattern"
    hub = DeviceHub({ROLE_SCANNER: uri})
    try:
        roles = {s.role: s for s in hub.states()}
        assert roles[ROLE_SCANNER].bound and roles[ROLE_SCANNER].ok is None  # not guessed
        hub.probe_all()
        assert hub.slot(ROLE_SCANNER).state.ok is True
        pages = device_ops.scan_pages(hub, BRIDGE, output="png")
        assert len(pages) == 1 and pages[0].data.startswith(b"\x89PNG")
        desk_scanner = device_ops.HubScanner(hub.slot(ROLE_SCANNER), OWNER_DESK)
        try:
            with pytest.raises(DeviceBusy):  # the clerk's capture screen holds it
                device_ops.scan_pages(hub, BRIDGE)
        finally:
            desk_scanner.close()
    finally:
        hub.close()


def test_pdf_goes_whole_to_the_a4_printer():
    sink = RawJobSink()
    hub = DeviceHub({ROLE_A4_PRINTER: sink.uri})
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    try:
        assert _probe(hub, ROLE_A4_PRINTER).ok is True
        device_ops.print_pdf(hub, BRIDGE, pdf)
        assert sink.next_job() == pdf
        with pytest.raises(DeviceError, match="PDF"):
            device_ops.print_pdf(hub, BRIDGE, b"<html>")
    finally:
        hub.close()
        sink.close()


def test_unbound_devices_are_said_to_be_unbound():
    hub = DeviceHub({})
    try:
        states = {s.role: s for s in hub.states()}
        assert not states[ROLE_SCANNER].bound
        assert "未配置" in states[ROLE_SCANNER].message
        with pytest.raises(DeviceError, match="未绑定读卡器"):
            device_ops.read_identity(hub, OWNER_DESK, 1)
    finally:
        hub.close()


def test_network_state_follows_a_dying_center_within_five_seconds(tmp_path):
    from center.inprocess import start_in_thread
    from desk_app.core.center_client import CenterClient

    center = start_in_thread(f"sqlite:///{tmp_path / 'c.db'}", tmp_path / "blobs")
    client = CenterClient(center.url)
    watch = NetworkWatch.for_client(client)
    changes: list[tuple[bool, float]] = []
    watch.add_listener(lambda online: changes.append((online, time.monotonic())))
    watch.start()
    try:
        deadline = time.monotonic() + 5
        while not watch.online and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watch.online
        died = time.monotonic()
        center.stop()
        while watch.online and time.monotonic() < died + 10:
            time.sleep(0.05)
        assert changes[-1][0] is False
        noticed = changes[-1][1] - died
        print(f"center stopped → offline shown after {noticed:.2f} s")
        assert noticed <= 5.0  # the promise to the clerk (every 2 s + 1.5 s timeout)
    finally:
        watch.stop()
        client.close()


def test_many_quick_jobs_never_deadlock_and_the_count_returns_to_idle():
    # a job done before its callback is added runs the callback in the caller: no lock held
    hub = DeviceHub({ROLE_ID_READER: "sim:resident"})
    slot = hub.slot(ROLE_ID_READER)
    try:
        results = [slot.call("peek", lambda reader: reader.uri, owner=OWNER_DESK, timeout=10)
                   for _ in range(300)]
        assert set(results) == {"sim:resident"}
        assert not slot.in_use
    finally:
        hub.close()


def test_card_placed_and_removed_are_hub_events(pcsc_stack):
    pcsc_stack.wait_empty(0)
    hub = DeviceHub({ROLE_ID_READER: f"pcsc:{pcsc_stack.reader(0)}"})
    events: list[str] = []
    hub.add_listener(lambda e: events.append(e.kind) if e.role == ROLE_ID_READER else None)
    try:
        assert hub.start_card_watch()
        wait_until(hub._card_watch.watching.is_set)  # it knows the empty reader
        with VirtualCard(social_security_card_v3()) as card:
            card.insert(pcsc_stack.port)
            wait_until(lambda: "card_inserted" in events)
            card.remove()
            wait_until(lambda: "card_removed" in events)
        assert events.index("card_inserted") < events.index("card_removed")
    finally:
        hub.close()
