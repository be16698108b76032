"""The 256-byte text record: layouts, dates, errors, and fuzzing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cards.errors import CardDataError
from devices.cards.identity import IdType
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text, layout_of, parse_address_record, parse_text


def test_round_trip_every_layout():
    for key, (_, card) in SIM_IDENTITIES.items():
        text = build_text(card)
        assert len(text) == 256
        parsed = parse_text(text)
        for field in ("id_type", "name", "sex_code", "birth_date", "id_number", "address",
                      "ethnic_code", "issuer", "valid_from", "valid_to", "long_term",
                      "english_name", "nationality", "travel_permit_number", "issue_count",
                      "card_version"):  # fmt: skip
            assert getattr(parsed, field) == getattr(card, field), (key, field)


def test_layout_marker_bytes_248_249():
    text = bytearray(build_text(SIM_IDENTITIES["resident"][1]))
    assert layout_of(bytes(text)) is IdType.RESIDENT
    text[248:250] = b"\x00\x00"
    assert layout_of(bytes(text)) is IdType.RESIDENT
    text[248:250] = "J".encode("utf-16-le")
    assert layout_of(bytes(text)) is IdType.HMT_RESIDENCE


def test_long_term_and_known_offsets():
    text = build_text(SIM_IDENTITIES["elderly"][1])
    assert text[204:208].decode("utf-16-le") == "长期"
    assert text[0:6].decode("utf-16-le") == "赵桂兰"
    assert text[122:158].decode("utf-16-le") == "640104194801260020"
    parsed = parse_text(text)
    assert parsed.long_term and parsed.valid_to is None
    assert parsed.ethnic_name == "回族"


def test_impossible_date_is_a_clear_error():
    text = bytearray(build_text(SIM_IDENTITIES["resident"][1]))
    text[36:52] = "19850230".encode("utf-16-le")
    with pytest.raises(CardDataError) as err:
        parse_text(bytes(text))
    assert "出生日期" in err.value.clerk_message


def test_wrong_length_and_bad_ucs2():
    with pytest.raises(CardDataError):
        parse_text(b"\x00" * 255)
    text = bytearray(build_text(SIM_IDENTITIES["resident"][1]))
    text[0:2] = b"\x00\xd8"  # a lone surrogate
    with pytest.raises(CardDataError):
        parse_text(bytes(text))


def test_address_record():
    assert parse_address_record(b" \x00" * 35) == ""
    assert parse_address_record("新地址".encode("utf-16-le")) == "新地址"
    with pytest.raises(CardDataError):
        parse_address_record(b"\x00")


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=300))
def test_fuzz_any_bytes_give_identity_or_typed_error(data):
    try:
        identity = parse_text(data)
    except CardDataError:
        return
    assert isinstance(identity.valid_from, date | None)
    identity.to_prefill()
    identity.warnings(date(2026, 1, 1))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(SIM_IDENTITIES)), st.lists(st.tuples(st.integers(0, 255),
       st.integers(0, 255)), max_size=8))  # fmt: skip
def test_fuzz_mutated_real_records(key, flips):
    text = bytearray(build_text(SIM_IDENTITIES[key][1]))
    for pos, value in flips:
        text[pos] = value
    try:
        parse_text(bytes(text))
    except CardDataError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=120))
def test_fuzz_address_record(data):
    try:
        assert isinstance(parse_address_record(data), str)
    except CardDataError:
        pass
