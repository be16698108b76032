"""The GA 467 serial backend against an emulated reader module over a real pty."""

from __future__ import annotations

import pytest

from devices.cards import sam_frame
from devices.cards.errors import CardReadError, NoCardError, SecurityModuleError
from devices.cards.identity import IdType, PhotoStatus
from devices.cards.sam_status import error_for
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from devices.cards.uri import open_reader
from devices.errors import DeviceError, DeviceNotConnected, DeviceProtocolError, DeviceTimeout
from tests.support.sam_emulator import Behaviour, SamEmulator

pytestmark = pytest.mark.realstack


def card(key: str) -> bytes:
    return build_text(SIM_IDENTITIES[key][1])


def read(behaviour: Behaviour, timeout: float = 2.0, query: str = ""):
    with SamEmulator(behaviour) as emu:
        reader = open_reader(f"sam:{emu.port}?baud=115200{query}")
        try:
            return reader.read_identity(timeout)
        finally:
            reader.close()


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("resident", IdType.RESIDENT),
        ("hmt", IdType.HMT_RESIDENCE),
        ("foreigner-old", IdType.FOREIGNER_OLD),
        ("foreigner-2023", IdType.FOREIGNER_2023),
    ],
)
def test_reads_each_layout(key, kind):
    identity = read(Behaviour(text=card(key)))
    expected = SIM_IDENTITIES[key][1]
    assert identity.id_type is kind
    assert identity.name == expected.name
    assert identity.id_number == expected.id_number
    assert identity.birth_date == expected.birth_date
    assert identity.valid_to == expected.valid_to
    assert identity.english_name == expected.english_name
    assert identity.id_number_checks
    assert identity.raw_text == card(key)
    assert len(identity.photo_wlt) == 1024
    assert identity.photo_status is PhotoStatus.WLT_ONLY  # no decoder configured
    assert identity.source.startswith("sam:/dev/")


def test_latest_address_from_30_03_replaces_the_card_address():
    raw = "陕西省西安市未央区凤城八路166号".encode("utf-16-le")
    moved = raw + b" \x00" * ((70 - len(raw)) // 2)
    identity = read(Behaviour(text=card("resident"), latest_address=moved))
    assert identity.latest_address == "陕西省西安市未央区凤城八路166号"
    assert identity.to_prefill()["card.address"] == identity.latest_address
    assert identity.address.startswith("陕西省西安市碑林区")


def test_card_without_endorsement_and_reader_without_30_03():
    assert read(Behaviour(text=card("resident"))).latest_address == ""
    behaviour = Behaviour(text=card("resident"), address_supported=False)
    identity = read(behaviour)
    assert identity.name == "李秀英" and identity.latest_address == ""


def test_no_card_times_out_with_a_clear_message():
    behaviour = Behaviour(text=None)
    with pytest.raises(NoCardError) as err:
        read(behaviour, timeout=0.4)
    assert "请将身份证平放在读卡区" in err.value.clerk_message
    assert behaviour.log.count((0x20, 0x01)) >= 3  # it kept polling for a card


def test_moving_card_is_retried_from_find():
    behaviour = Behaviour(text=card("resident"), select_failures=2, read_failures=1)
    identity = read(behaviour)
    assert identity.name == "李秀英"
    assert behaviour.log.count((0x20, 0x01)) == 4  # three failures, then the good pass


def test_card_that_keeps_moving_reports_what_to_do():
    with pytest.raises(CardReadError) as err:
        read(Behaviour(text=card("resident"), read_failures=10_000), timeout=0.5)
    assert "保持不动" in err.value.clerk_message


def test_checksum_errors_and_truncated_frames_are_asked_again():
    behaviour = Behaviour(text=card("resident"), corrupt_replies=1, truncated_replies=1)
    assert read(behaviour).name == "李秀英"
    assert behaviour.log.count((0x20, 0x01)) == 3


def test_commands_the_module_received_garbled_are_sent_again():
    behaviour = Behaviour(text=card("resident"), garbled_commands=2)
    assert read(behaviour).name == "李秀英"
    assert behaviour.log[:3] == [(0x20, 0x01)] * 3


def test_a_line_that_is_always_corrupt_gives_a_protocol_error():
    with pytest.raises(DeviceProtocolError) as err:
        read(Behaviour(text=card("resident"), corrupt_replies=10_000), timeout=1.0)
    assert "校验" in err.value.clerk_message


def test_silent_reader_times_out():
    with pytest.raises(DeviceTimeout) as err:
        read(Behaviour(text=card("resident"), silent=True), timeout=0.4)
    assert "读卡器无响应" in err.value.clerk_message


def test_unauthorised_security_module():
    with pytest.raises(SecurityModuleError) as err:
        read(Behaviour(text=card("resident"), forced_status=0x66), timeout=0.5)
    assert "未授权" in err.value.clerk_message


def test_check_reports_the_sam_id_without_a_card():
    with SamEmulator(Behaviour(text=None)) as emu:
        reader = open_reader(f"sam:{emu.port}")
        try:
            assert reader.check(1.0).startswith("安全模块编号 05.01-")
        finally:
            reader.close()


def test_missing_port_is_not_connected():
    with pytest.raises(DeviceNotConnected) as err:
        open_reader("sam:/dev/ttyUSB-does-not-exist")
    assert "/dev/ttyUSB-does-not-exist" in err.value.clerk_message


@pytest.mark.parametrize(
    ("sw3", "cls"),
    [
        (0x80, NoCardError),
        (0x81, CardReadError),
        (0x41, CardReadError),
        (0x31, CardReadError),
        (0x32, CardReadError),
        (0x40, DeviceError),
        (0x60, SecurityModuleError),
        (0x66, SecurityModuleError),
        (0x10, DeviceProtocolError),
        (0x11, DeviceProtocolError),
        (0x21, DeviceProtocolError),
        (0x77, DeviceProtocolError),
    ],
)
def test_every_status_has_a_chinese_message(sw3, cls):
    error = error_for(sw3, sam_frame.READ_TEXT_PHOTO)
    assert isinstance(error, cls)
    assert "：" in error.clerk_message and not error.clerk_message.isascii()
    assert f"SW3={sw3:02X}" in error.detail
