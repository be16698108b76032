"""PC/SC backend against a real pcscd + vpcd with emulated cards."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest

from devices.cards.errors import CardDataError, CardReadError, NoCardError, WrongCardError
from devices.cards.identity import IdType
from devices.cards.pcsc_monitor import CardEventKind, PcscMonitor
from devices.cards.pcsc_reader import PcscReader
from devices.cards.uri import enumerate_readers, open_reader
from devices.errors import DeviceBusy, DeviceError, DeviceNotConnected, DeviceTimeout
from tests.support.vpcd_card import (
    BANK_PAN,
    VirtualCard,
    bank_card,
    garbage_card,
    social_security_card_v1,
    social_security_card_v3,
)

pytestmark = pytest.mark.realstack


@pytest.fixture
def reader(pcsc_stack):
    pcsc_stack.wait_empty(0)
    r = open_reader(f"pcsc:{pcsc_stack.reader(0)}")
    yield r
    r.close()


def test_reads_third_generation_social_security_card(pcsc_stack, reader):
    with VirtualCard(social_security_card_v3()) as card:
        card.insert(pcsc_stack.port)
        identity = reader.read_identity(5)
    assert identity.id_type is IdType.SOCIAL_SECURITY
    assert identity.name == "王小明"
    assert identity.id_number == "610102200105160034"
    assert identity.id_number_checks
    assert identity.sex_name == "男"
    assert identity.ethnic_name == "汉族"
    assert identity.birth_date == date(2001, 5, 16)
    assert identity.card_number == "A61234567"
    assert identity.card_version == "3.00"
    assert identity.valid_to == date(2031, 3, 15)
    assert identity.extra["birthplace_code"] == "610102"
    assert identity.to_prefill()["card.id_type"] == "社会保障卡"


def test_reads_first_generation_social_security_card(pcsc_stack, reader):
    with VirtualCard(social_security_card_v1()) as card:
        card.insert(pcsc_stack.port)
        identity = reader.read_identity(5)
    assert identity.name == "马秀兰"
    assert identity.id_number == "61010419560823038X"
    assert identity.sex_name == "女"
    assert identity.ethnic_name == "回族"
    assert identity.birth_date == date(1956, 8, 23)
    assert identity.valid_from == date(2009, 7, 1)
    assert identity.valid_to is None  # v1 cards carry no 有效期
    assert identity.card_version == "1.00"


def test_reads_bank_card_number(pcsc_stack, reader):
    with VirtualCard(bank_card()) as card:
        card.insert(pcsc_stack.port)
        bank = reader.read_bank_card(5)
    assert bank.pan == BANK_PAN
    assert bank.luhn_ok()
    assert bank.masked_pan() == "623058*********6787"
    assert bank.expiry == "3012"
    assert bank.aid == "A000000333010101"
    gpo = next(a for a in card.apdus if a[:2] == b"\x80\xa8")
    assert gpo[5:7] == bytes((0x83, 16))  # PDOL 9F66(4)+9F02(6)+9F37(4)+5F2A(2) filled


def test_bank_card_track2_in_gpo_answer(pcsc_stack, reader):
    with VirtualCard(bank_card(track2_in_gpo=True)) as card:
        card.insert(pcsc_stack.port)
        bank = reader.read_bank_card(5)
    assert bank.pan == BANK_PAN
    assert not any(a[1] == 0xB2 for a in card.apdus[-3:])  # no records needed


def test_bank_card_is_not_a_social_security_card(pcsc_stack, reader):
    with VirtualCard(bank_card()) as card:
        card.insert(pcsc_stack.port)
        with pytest.raises(WrongCardError) as err:
            reader.read_identity(5)
    assert "不是社会保障卡" in err.value.clerk_message


def test_garbage_card_gives_typed_errors(pcsc_stack, reader):
    with VirtualCard(garbage_card()) as card:
        card.insert(pcsc_stack.port)
        with pytest.raises(CardDataError):
            reader.read_identity(5)
        with pytest.raises(CardDataError):
            reader.read_bank_card(5)


def test_mute_card(pcsc_stack, reader):
    # answers the reset with nothing but the TS byte: present, but no usable ATR
    with VirtualCard(social_security_card_v3(), atr=b"\x3b") as card:
        card.insert(pcsc_stack.port)
        with pytest.raises(CardReadError) as err:
            reader.read_identity(3)
    assert "卡片无响应" in err.value.clerk_message


def test_card_that_stops_answering_and_is_pulled(pcsc_stack, reader):
    def silent_then_gone(apdu: bytes) -> bytes:
        time.sleep(0.3)
        card.remove_soon()
        return b""

    card = VirtualCard(silent_then_gone)
    card.insert(pcsc_stack.port)
    try:
        with pytest.raises(DeviceError) as err:  # the driver reports it as a short answer
            reader.read_identity(3)
    finally:
        card.remove()
    assert "重新插入" in err.value.clerk_message


def test_no_card_times_out(pcsc_stack, reader):
    started = time.monotonic()
    with pytest.raises(NoCardError) as err:
        reader.read_identity(0.3)
    assert time.monotonic() - started < 2
    assert "插入读卡器" in err.value.clerk_message


def test_unknown_reader_name_lists_what_exists(pcsc_stack):
    r = PcscReader("No Such Reader")
    try:
        with pytest.raises(DeviceNotConnected) as err:
            r.read_identity(0.1)
    finally:
        r.close()
    assert pcsc_stack.reader(0) in err.value.clerk_message


def test_name_part_matches_and_enumeration(pcsc_stack):
    r = open_reader("pcsc:" + pcsc_stack.reader(1)[-8:].lower())
    try:
        assert r.reader_name() == pcsc_stack.reader(1)
        assert "无卡" in r.check(1)
    finally:
        r.close()
    uris = [row.uri for row in enumerate_readers()]
    assert f"pcsc:{pcsc_stack.reader(0)}" in uris and "sim:resident" in uris


def test_monitor_sees_insert_and_remove(pcsc_stack):
    monitor = PcscMonitor()
    try:
        first = monitor.poll(0.1)
        added = {e.reader for e in first if e.kind is CardEventKind.READER_ADDED}
        assert {pcsc_stack.reader(0), pcsc_stack.reader(1)} <= added
        card = VirtualCard(social_security_card_v3())
        card.insert(pcsc_stack.port + 1)
        events = _poll_until(monitor, CardEventKind.CARD_INSERTED)
        assert (CardEventKind.CARD_INSERTED, pcsc_stack.reader(1)) in events
        card.remove()
        events = _poll_until(monitor, CardEventKind.CARD_REMOVED)
        assert (CardEventKind.CARD_REMOVED, pcsc_stack.reader(1)) in events
    finally:
        monitor.close()


def test_card_that_hangs_costs_at_most_the_session_budget(pcsc_stack):
    pcsc_stack.wait_empty(0)
    release = threading.Event()

    def hang(apdu: bytes) -> bytes:
        release.wait(10)
        return b""

    reader = PcscReader(pcsc_stack.reader(0), session_timeout=0.5)
    card = VirtualCard(hang)
    card.insert(pcsc_stack.port)
    try:
        started = time.monotonic()
        with pytest.raises(DeviceTimeout) as err:
            reader.read_identity(3)
        assert time.monotonic() - started < 2.5
        assert "没有应答" in err.value.clerk_message
        with pytest.raises(DeviceBusy):  # the stuck exchange still holds the card
            reader.read_identity(0.1)
    finally:
        release.set()
        card.remove()
    pcsc_stack.wait_empty(0)
    deadline = time.monotonic() + 5
    while reader.busy:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    with VirtualCard(social_security_card_v3()) as good:
        good.insert(pcsc_stack.port)
        assert reader.read_identity(5).name == "王小明"  # usable again
    reader.close()


def _poll_until(monitor, kind, timeout=5.0):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        seen += [(e.kind, e.reader) for e in monitor.poll(0.5)]
        if any(k is kind for k, _ in seen):
            return seen
    return seen
