"""Identifier rules checked against python-stdnum, a library nobody here wrote.

Vectors come from python-stdnum's own test files (tests/test_cn_ric.doctest,
tests/test_cn_uscc.doctest in arthurdejong/python-stdnum) and the numbers issue #14
lists as real people's numbers our old rules refused.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from devices.cards import id_number as card_rules
from forms.validators import USCC_ALPHABET, check_uscc, normalize_code, parse_id_number

TODAY = date(2026, 11, 21)

# python-stdnum tests/test_cn_ric.doctest: valid numbers, and what it calls wrong
STDNUM_RIC_VALID = ["360426199101010071", "44011320141005001x", "412723199010050012",
                    "110102199101010078", "120110198012010073", "120110199212010072"]
STDNUM_RIC_BAD_DATE = "360426199113010079"
STDNUM_RIC_BAD_CHECK = "36042619910102009X"
STDNUM_RIC_BAD_FORMAT = "T60426199101010078"
STDNUM_RIC_UNKNOWN_PLACE = "990426199112010074"  # stdnum: InvalidComponent; for us a warning
# python-stdnum tests/test_cn_uscc.doctest: a sample of the codes "found online"
STDNUM_USCC_VALID = ["121200004013590816", "91110000600037341L", "91110000710926094P",
                     "9115220107837757XE", "91310115MA1K3BTP2B", "91340600MA2PBM9HXD",
                     "91620105L015101280", "92340603MA2UK2ECXU", "92340621MA2UK3PJXE"]


@pytest.mark.parametrize("number", STDNUM_RIC_VALID)
def test_stdnum_valid_ric_vectors_pass(number):
    got = parse_id_number(number, today=TODAY)
    assert got.ok, got.message
    assert got.value.number == number.upper()
    assert got.value.birth_date == ric.get_birth_date(number)
    assert card_rules.is_valid(number)


def test_stdnum_invalid_ric_vectors():
    assert "出生日期不存在" in parse_id_number(STDNUM_RIC_BAD_DATE, today=TODAY).message
    assert "校验位" in parse_id_number(STDNUM_RIC_BAD_CHECK, today=TODAY).message
    assert "18 位" in parse_id_number(STDNUM_RIC_BAD_FORMAT, today=TODAY).message
    unknown = parse_id_number(STDNUM_RIC_UNKNOWN_PLACE, today=TODAY)
    assert unknown.ok and "省级" in unknown.warning  # not certainly wrong: warn only
    for bad in (STDNUM_RIC_BAD_DATE, STDNUM_RIC_BAD_CHECK, STDNUM_RIC_BAD_FORMAT):
        assert not card_rules.is_valid(bad)


def test_real_numbers_the_old_rules_refused():
    legacy = parse_id_number("140120197901010008", today=TODAY)  # sequence 000
    assert legacy.ok and "000" in legacy.warning
    taiwan = card_rules.with_check_char("83000019900101002")  # 台湾居民居住证
    got = parse_id_number(taiwan, today=TODAY)
    assert got.ok and not got.warning and got.value.region == "830000"
    assert card_rules.is_valid("140120197901010008") and card_rules.is_valid(taiwan)


def test_first_generation_15_digits_convert_and_show_both():
    got = parse_id_number("110105491231002", today=TODAY)
    assert got.ok
    assert got.value.number == "11010519491231002X" == card_rules.upgrade_15("110105491231002")
    assert got.value.number15 == "110105491231002"
    assert "11010519491231002X" in got.warning and "110105491231002" in got.warning
    assert got.value.birth_date == date(1949, 12, 31) and got.value.sex == "女"
    assert ric.is_valid(got.value.number)


@pytest.mark.parametrize("typed", ["１１０１０５１９４９１２３１００２ｘ", " 110105 19491231 002x ",
                                   "110105\u300019491231002X", "11010519491231002x\n"])
def test_typing_variants_normalise(typed):
    got = parse_id_number(typed, today=TODAY)
    assert got.ok and got.value.number == "11010519491231002X"
    assert card_rules.normalize(typed) == normalize_code(typed) == "11010519491231002X"


@pytest.mark.parametrize("code", STDNUM_USCC_VALID)
def test_stdnum_uscc_vectors(code):
    got = check_uscc(code)
    assert got.ok and not got.warning and got.value == code


def test_uscc_typed_with_spaces_and_full_width():
    assert check_uscc("91 110000 600037341L").value == "91110000600037341L"  # stdnum's vector
    assert check_uscc("９１１１００００６０００３７３４１ｌ").value == "91110000600037341L"
    assert check_uscc("91110000600037341N").warning  # stdnum: InvalidChecksum
    assert not check_uscc("9111000060003IOZSV").ok  # stdnum: InvalidFormat
    assert not check_uscc("12345").ok  # stdnum: InvalidLength


digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


@settings(max_examples=500, deadline=None)
@given(digits, st.sampled_from("0123456789X"))
def test_id_check_verdict_equals_stdnum(first17, last):
    """Our check-digit verdict (form and card reader) equals stdnum's on any 18 characters."""
    number = first17 + last
    stdnum_ok = ric.calc_check_digit(number) == last
    got = parse_id_number(number, today=TODAY)
    if got.ok:
        assert stdnum_ok
    elif "校验位" in got.message:
        assert not stdnum_ok
    if card_rules.birth_date_of(number) is not None:
        assert card_rules.is_valid(number) == stdnum_ok
        if date(1880, 1, 1) <= card_rules.birth_date_of(number) <= TODAY:
            assert got.ok == stdnum_ok  # a real date: only the check decides


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=USCC_ALPHABET, min_size=18, max_size=18))
def test_uscc_check_verdict_equals_stdnum(code):
    got = check_uscc(code)
    if got.ok and code[:8].isdigit():
        assert (not got.warning) == uscc.is_valid(code)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=24))
def test_form_and_card_normalise_alike(text):
    assert card_rules.normalize(text) == normalize_code(text)
    if parse_id_number(text, today=TODAY).ok and len(normalize_code(text)) == 18:
        assert card_rules.is_valid(text)
