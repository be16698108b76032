"""GB 11643, GB 32100, phones, dates and money: examples plus hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from forms.validators import (
    ID_CHECK,
    USCC_ALPHABET,
    Check,
    IdNumberInfo,
    check_date_range,
    check_phone,
    check_uscc,
    id_check_char,
    parse_date,
    parse_id_number,
    parse_money,
    uscc_check_char,
)

TODAY = date(2026, 11, 21)
regions = st.sampled_from(["110105", "310104", "440305", "610113", "650102", "820000"])
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=1, max_value=999)


def make_id(region: str, birth: date, seq: int) -> str:
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


def test_known_id_numbers():
    # GB 11643 worked example and a female number ending in X
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info.ok and info.value == IdNumberInfo(
        "110105", date(1949, 12, 31), "女", number="11010519491231002X"
    )
    assert parse_id_number("11010519491231002x", today=TODAY).ok  # lower-case x accepted
    assert id_check_char("44052418800101001") == "4"


def test_id_number_messages():
    assert "18 位" in parse_id_number("1101051949123100", today=TODAY).message
    assert "校验位" in parse_id_number("110105194912310021", today=TODAY).message
    assert "出生日期不存在" in parse_id_number(make_id("110105", date(2000, 1, 1), 1)[:10]
                                         + "0230" + "0011", today=TODAY).message
    unknown_province = make_id("991051", date(1949, 12, 31), 2)
    assert "省级" in parse_id_number(unknown_province, today=TODAY).warning  # warns, passes
    future = make_id("110105", TODAY + timedelta(days=1), 5)
    assert "不合理" in parse_id_number(future, today=TODAY).message
    old_county = parse_id_number(make_id("110105", date(1990, 1, 1), 1), today=TODAY,
                                 region_known=lambda code: False)
    assert old_county.ok and "行政区划" in old_county.warning


@given(regions, births, sequences)
def test_generated_ids_validate_with_birth_and_sex(region, birth, seq):
    result = parse_id_number(make_id(region, birth, seq), today=TODAY)
    assert result.ok
    assert result.value.birth_date == birth and result.value.region == region
    assert result.value.sex == ("男" if seq % 2 else "女")


@given(regions, births, sequences, st.integers(min_value=0, max_value=17), st.data())
def test_any_single_digit_change_is_caught(region, birth, seq, pos, data):
    good = make_id(region, birth, seq)
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    other = data.draw(st.sampled_from([c for c in alphabet if c != good[pos]]))
    bad = good[:pos] + other + good[pos + 1:]
    assert not parse_id_number(bad, today=TODAY).ok  # MOD 11-2 detects every single error


@given(st.text(max_size=30))
def test_id_parser_never_raises(text):
    result = parse_id_number(text, today=TODAY)
    assert isinstance(result, Check) and (result.ok or result.message)


def test_check_char_table():
    assert len(ID_CHECK) == 11 and ID_CHECK[2] == "X"


uscc_bodies = st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17)


def test_known_uscc():
    assert check_uscc("91350100M000100Y43").ok and not check_uscc("91350100M000100Y43").warning
    legacy = check_uscc("91350100M000100Y44")
    assert legacy.ok and "校验位" in legacy.warning  # warn, don't block
    assert not check_uscc("91350100M000100Y4").ok
    assert "不允许" in check_uscc("91350100M000100I43").message


@given(uscc_bodies)
def test_uscc_with_computed_check_passes_without_warning(body):
    result = check_uscc(body + uscc_check_char(body))
    assert result.ok and result.warning == ""


@given(uscc_bodies, st.sampled_from(USCC_ALPHABET))
def test_uscc_wrong_check_warns_but_passes(body, char):
    if char == uscc_check_char(body):
        return
    result = check_uscc(body + char)
    assert result.ok and result.warning


@given(st.text(max_size=25))
def test_uscc_never_raises(text):
    assert isinstance(check_uscc(text), Check)


def test_phones():
    assert check_phone("138 0013 8000").value == "13800138000"
    assert check_phone("+86 13800138000").value == "13800138000"
    assert check_phone("029-87654321").value == "029-87654321"
    assert check_phone("01087654321").value == "010-87654321"
    assert check_phone("0755-2345678-123").value == "0755-2345678-123"
    assert not check_phone("12800138000").ok
    assert not check_phone("029-87654321", allow_landline=False).ok
    assert "座机" in check_phone("12345").message


@given(st.sampled_from("3456789"), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_mobile_shape_passes(second, rest):
    assert check_phone(f"1{second}{rest}").value == f"1{second}{rest}"


@given(st.text(max_size=30))
def test_phone_never_raises(text):
    result = check_phone(text)
    assert result.ok or result.message


def test_dates():
    assert parse_date("2024-01-31").value == date(2024, 1, 31)
    assert parse_date("2024年1月2日").value == date(2024, 1, 2)
    assert parse_date("2024/1/2").value == date(2024, 1, 2)
    assert parse_date("20240102").value == date(2024, 1, 2)
    assert "不存在" in parse_date("2023-02-29").message
    assert "格式" in parse_date("明天").message
    assert "不能晚于" in parse_date("2030-01-01", latest=TODAY).message
    assert "不能早于" in parse_date("1800-01-01", earliest=date(1900, 1, 1)).message
    assert not check_date_range(date(2024, 2, 1), date(2024, 1, 1)).ok


@given(st.dates(min_value=date(1000, 1, 1)))
def test_iso_and_chinese_dates_round_trip(d):
    assert parse_date(d.isoformat()).value == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日").value == d


@given(st.text(max_size=30))
def test_date_parser_never_raises(text):
    result = parse_date(text)
    assert result.ok or result.message


def test_money():
    assert parse_money("1,200.5").value == Decimal("1200.50")
    assert parse_money("￥30元").value == Decimal("30.00")
    assert "两位小数" in parse_money("1.234").message
    assert "不能小于" in parse_money("-5").message
    assert parse_money("-5", minimum=None).value == Decimal("-5.00")
    assert "过大" in parse_money("10000000000000").message


@given(st.decimals(min_value=0, max_value=10**11, places=2, allow_nan=False))
def test_money_round_trips(amount):
    assert parse_money(f"{amount:.2f}").value == amount
    assert parse_money(f"{amount:,.2f}").value == amount


@given(st.text(max_size=30))
def test_money_never_raises(text):
    result = parse_money(text)
    assert result.ok or result.message
