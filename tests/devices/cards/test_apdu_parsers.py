"""TLV, social security records, EMV answers and APDU status handling; fuzzed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cards import emv, ssc, tlv
from devices.cards.apdu import CardStatus, Channel
from devices.cards.identity import BankCard, Identity
from devices.errors import DeviceError


def test_tlv_nested_multi_byte_tags_and_long_lengths():
    inner = tlv.encode(0x9F38, b"\x9f\x66\x04") + tlv.encode(0x50, b"X" * 200)
    items = tlv.parse(tlv.encode(0x6F, tlv.encode(0xA5, inner)) + b"\x00\x00")
    assert tlv.find(items, 0x9F38) == b"\x9f\x66\x04"
    assert tlv.find(items, 0x50) == b"X" * 200
    assert [i.tag for i in tlv.walk(items)] == [0x6F, 0xA5, 0x9F38, 0x50]
    assert tlv.parse_dol(bytes.fromhex("9F66049F02065F2A02")) == [
        (0x9F66, 4), (0x9F02, 6), (0x5F2A, 2),
    ]  # fmt: skip


@pytest.mark.parametrize("bad", [b"\x5a", b"\x5a\x05\x01", b"\x9f", b"\x5a\x84\x00\x00\x00\x01"])
def test_tlv_errors(bad):
    with pytest.raises(tlv.TlvError):
        tlv.parse(bad)


def test_channel_get_response_and_wrong_length():
    sent = []
    answers = iter([b"\x61\x04", b"abcd\x90\x00", b"\x6c\x02", b"xy\x90\x00", b"\x6a\x82"])

    def raw(cmd):
        sent.append(cmd)
        return next(answers)

    ch = Channel(raw)
    assert ch.send(b"\x00\xa4\x04\x00\x01\x01\x00") == b"abcd"
    assert sent[1] == b"\x00\xc0\x00\x00\x04"
    assert ch.send(b"\x00\xb2\x01\x04\x00") == b"xy"
    assert sent[3] == b"\x00\xb2\x01\x04\x02"
    with pytest.raises(CardStatus) as err:
        ch.send(b"\x00\xa4\x04\x00\x01\x01\x00")
    assert err.value.sw == 0x6A82


def test_track2_and_pan_rules():
    items = tlv.parse(tlv.encode(0x57, bytes.fromhex("6230580000123456787D301220100000000F")))
    card = emv.card_from_tags(items, b"\xa0", "", "")
    assert card is not None and card.pan == "6230580000123456787" and card.expiry == "3012"
    assert emv.card_from_tags(tlv.parse(tlv.encode(0x9F08, b"\x00")), b"", "", "") is None


records = st.dictionaries(
    st.sampled_from([*ssc.CARD_RECORDS, *ssc.HOLDER_RECORDS]), st.binary(max_size=40)
)


@settings(max_examples=400, deadline=None)
@given(records)
def test_fuzz_ssc_records(raw):
    try:
        identity = ssc.parse_records(raw)
    except DeviceError:
        return
    assert isinstance(identity, Identity)
    identity.to_prefill()
    identity.warnings(date(2026, 1, 1))


record_files = st.dictionaries(st.integers(1, 8), st.binary(max_size=40), max_size=8)


@settings(max_examples=400, deadline=None)
@given(record_files, record_files)
def test_fuzz_ssc_record_files(ef05, ef06):
    """Whatever the records hold, mapping them by tag/position gives a result or DeviceError."""
    try:
        identity = ssc.parse_records(ssc.records_by_tag(ef05, ef06))
    except DeviceError:
        return
    assert isinstance(identity, Identity)


def test_ssc_layouts_by_tag_and_by_position():
    from tests.support.vpcd_card import social_security_card_v1, social_security_card_v3

    v3 = social_security_card_v3()
    tags = ssc.records_by_tag(v3.sfi_files[5], v3.sfi_files[6])
    assert tags[0x0A] == b"1" and tags[0x08] == b"610102200105160034"  # sex from record 4
    v1 = social_security_card_v1()
    tags = ssc.records_by_tag(v1.sfi_files[5], v1.sfi_files[6])
    assert tags[0x0A] == b"2" and tags[0x0D] == b"19560823"  # sex from record 3


def test_ssc_reads_by_sfi_with_6c_and_61():
    from tests.support.vpcd_card import social_security_card_v3

    card, sent = social_security_card_v3(), []

    def raw(cmd):
        sent.append(cmd.hex().upper())
        return card(cmd)

    identity = ssc.read_social_security_card(Channel(raw))
    assert identity.name == "王小明" and identity.sex_code == "1"
    assert sent[0] == "00A404000F7378312E73682EC9E7BBE1B1A3D5CF"  # as deployed readers send
    assert sent[1].startswith("00C00000")  # 61xx answered by GET RESPONSE
    assert sent[2:4] == ["00B2012C00", "00B2012C12"]  # 6C12 answered by resending Le=12


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_tlv(data):
    try:
        items = tlv.parse(data)
    except tlv.TlvError:
        return
    list(tlv.walk(items))
    try:
        emv.card_from_tags(items, b"", "", "")
    except DeviceError:
        pass


def _scripted(answers):
    it = iter(answers)

    def raw(cmd):
        return next(it, b"\x6a\x82")

    return Channel(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=30))
def test_fuzz_card_dialogues(answers):
    """Whatever a card answers, reading gives a result or a DeviceError."""
    try:
        result = ssc.read_social_security_card(_scripted(answers))
        assert isinstance(result, Identity)
    except DeviceError:
        pass
    try:
        result = emv.read_bank_card(_scripted(answers), today=date(2026, 1, 1))
        assert isinstance(result, BankCard)
    except DeviceError:
        pass
