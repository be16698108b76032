"""Identity values: GB 11643 checks, GB/T 3304 names, validity, masking, no PII in repr."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date

import pytest

from devices.cards import ethnic, id_number
from devices.cards.identity import BankCard, Identity, IdType, Validity, mask_name
from devices.cards.simulator import SIM_IDENTITIES, SimReader


def resident(**changes) -> Identity:
    base = SIM_IDENTITIES["resident"][1]
    return dataclasses.replace(base, **changes)


def test_gb11643_check_characters():
    # worked example from GB 11643-1999 annex: 11010519491231002X
    assert id_number.is_valid("11010519491231002X")
    assert id_number.is_valid("11010519491231002x")
    assert not id_number.is_valid("110105194912310021")  # wrong check char
    assert not id_number.is_valid("110105194902310027")  # 31 February
    assert not id_number.is_valid("11010519491231002")  # short
    assert id_number.check_char("44052418800101001") == "4"
    assert id_number.birth_date_of("11010519491231002X") == date(1949, 12, 31)
    assert id_number.sex_code_of("11010519491231002X") == "2"
    with pytest.raises(ValueError):
        id_number.check_char("12345")


def test_ethnic_codes_cover_gbt3304():
    assert len(ethnic.ETHNIC_GROUPS) == 58
    assert ethnic.ethnic_name("01") == "汉族"
    assert ethnic.ethnic_name("1") == "汉族"
    assert ethnic.ethnic_name("05") == "维吾尔族"
    assert ethnic.ethnic_name("56") == "基诺族"
    assert ethnic.ethnic_name("98") == "外国血统中国籍人士"
    assert ethnic.ethnic_name("57") == ""
    assert ethnic.card_form("02") == "蒙古"


def test_validity_flags_for_the_clerk():
    card = resident(valid_from=date(2019, 6, 1), valid_to=date(2039, 6, 1))
    assert card.validity(date(2026, 1, 1)) is Validity.VALID
    assert card.validity(date(2039, 6, 1)) is Validity.VALID  # last day still valid
    assert card.validity(date(2039, 6, 2)) is Validity.EXPIRED
    assert card.validity(date(2019, 5, 31)) is Validity.NOT_YET_VALID
    assert "已过期" in card.warnings(date(2040, 1, 1))[0]
    assert "尚未生效" in card.warnings(date(2019, 1, 1))[0]
    assert card.warnings(date(2026, 1, 1)) == []
    forever = resident(valid_to=None, long_term=True)
    assert forever.validity(date(2090, 1, 1)) is Validity.VALID
    assert forever.to_prefill()["card.valid_to"] == "长期"


def test_bad_number_and_unknown_ethnic_are_warned_not_hidden():
    card = resident(id_number="610103198503120420", ethnic_code="77")
    notes = card.warnings(date(2026, 1, 1))
    assert any("校验不通过" in n for n in notes)
    assert any("民族代码" in n for n in notes)


def test_prefill_keys_and_values():
    prefill = SimReader("resident").read_identity(1).to_prefill()
    assert prefill == {
        "card.name": "李秀英",
        "card.id_number": "610103198503120421",
        "card.sex": "女",
        "card.birth_date": "1985-03-12",
        "card.address": "陕西省西安市碑林区南大街122号3单元501室",
        "card.ethnic": "汉族",
        "card.valid_from": "2019-06-01",
        "card.valid_to": "2039-06-01",
        "card.issuer": "西安市公安局碑林分局",
        "card.id_type": "居民身份证",
    }


def test_masks():
    card = resident()
    assert card.masked_id_number() == "6101**********0421"
    assert card.masked_name() == "李**"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("SMITH JOHN") == "S**** J***"
    assert BankCard("6222021234567890123").masked_pan() == "622202*********0123"


def test_repr_and_logs_carry_no_personal_data(caplog):
    card = SimReader("resident").read_identity(1)
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("read %s / %r / %s", card, card, [card])
    for secret in (card.name, card.id_number, card.address, "1985", card.issuer):
        assert secret not in caplog.text
    assert "resident" in caplog.text
    bank = BankCard("6222021234567890123")
    assert "6222021234567890123" not in repr(bank) + str([bank])


def test_luhn():
    assert BankCard("4111111111111111").luhn_ok()
    assert not BankCard("4111111111111112").luhn_ok()
    assert not BankCard("41111").luhn_ok()


def test_every_simulated_identity_is_consistent():
    for key, (label, card) in SIM_IDENTITIES.items():
        read = SimReader(key).read_identity(1)
        assert read.id_number_checks, key
        assert read.name and read.name in label, key
        if card.id_type in (IdType.RESIDENT, IdType.HMT_RESIDENCE, IdType.FOREIGNER_2023):
            assert id_number.birth_date_of(read.id_number) == read.birth_date, key
            assert id_number.sex_code_of(read.id_number) == read.sex_code, key
