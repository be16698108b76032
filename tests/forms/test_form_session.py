"""One form for several items: prefill with sources, rules, validation, split-back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.catalog import Catalog, load_catalog
from forms.field_values import coerce
from forms.form_session import COMPUTED, TYPED, FormSession
from forms.regions import RegionIndex
from forms.spec import FIELD_TYPES, FieldSpec, Item

TODAY = date(2026, 11, 21)
CARD = {
    "card.name": "张三", "card.id_number": "11010519491231002X", "card.sex": "女",
    "card.address": "陕西省西安市雁塔区小寨东路1号", "card.birth_date": "1949-12-31",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex()


def code_of(catalog: Catalog, name: str) -> str:
    return next(i.code for i in catalog.items.values() if i.name == name)


def test_prefill_records_sources(catalog, regions):
    s = FormSession(catalog, [code_of(catalog, "居民身份证补领")], prefill=CARD, regions=regions,
                    today=TODAY)
    assert s.value("applicant.name") == "张三"
    assert s.state("applicant.name").source == "card.name"
    assert s.state("applicant.id_number").source == "card.id_number"
    assert s.sources()["applicant.address"] == "card.address"
    assert "applicant.phone" not in s.sources()
    s.set_value("applicant.name", "张三")  # the same text again keeps the card as source
    assert s.state("applicant.name").source == "card.name"
    s.set_value("applicant.name", "张叁")
    st_ = s.state("applicant.name")
    assert st_.source == TYPED and st_.prefilled_from == "card.name"


def test_second_binding_used_when_first_is_missing(catalog):
    s = FormSession(catalog, [code_of(catalog, "居民身份证补领")],
                    prefill={"licence.居民户口簿.address": "西安市碑林区东大街2号"})
    assert s.state("applicant.address").source == "licence.居民户口簿.address"


def test_required_messages_and_validity(catalog):
    s = FormSession(catalog, [code_of(catalog, "居民身份证补领")], prefill=CARD, today=TODAY)
    assert s.errors()["applicant.phone"] == "请填写「联系电话」"
    assert not s.is_valid
    s.set_value("applicant.phone", "12345")
    assert "手机" in s.errors()["applicant.phone"] or "座机" in s.errors()["applicant.phone"]
    assert s.state("applicant.phone").raw == "12345"  # a bad entry is kept, not lost
    s.set_value("applicant.phone", "13800138000")
    s.set_value("id_card.reissue_reason", "遗失")
    s.set_value("delivery.mode", "窗口领取")
    assert s.is_valid, s.errors()


def test_visibility_and_required_when(catalog):
    s = FormSession(catalog, [code_of(catalog, "居民身份证补领")], prefill=CARD)
    assert not s.state("delivery.address").visible
    s.set_value("delivery.mode", "邮寄送达")
    assert s.state("delivery.address").visible and s.state("delivery.address").required
    assert s.errors()["delivery.address"] == "请填写「邮寄地址」"
    s.set_value("delivery.address", "西安市未央区凤城八路1号")
    assert "delivery.address" in s.values()
    s.set_value("delivery.mode", "窗口领取")
    assert "delivery.address" not in s.values()  # hidden answers are not submitted


def test_shared_fields_asked_once_and_split_back(catalog):
    codes = [code_of(catalog, "居民身份证补领"), code_of(catalog, "社会保障卡补领")]
    s = FormSession(catalog, codes, prefill=CARD, today=TODAY)
    assert s.keys.count("applicant.phone") == 1
    assert {"applicant.name", "applicant.id_number", "applicant.phone"} <= set(s.shared_keys())
    s.set_value("applicant.phone", "13800138000")
    s.set_value("social_card.reason", "损坏")
    split = s.split_by_item()
    assert split[codes[0]]["applicant.phone"] == split[codes[1]]["applicant.phone"]
    assert "social_card.reason" in split[codes[1]] and "social_card.reason" not in split[codes[0]]
    assert "id_card.reissue_reason" not in split[codes[1]]


def test_cross_field_check_agent_not_applicant(catalog):
    s = FormSession(catalog, [code_of(catalog, "社会保障卡补领")], prefill=CARD)
    s.set_value("applicant.is_agent", True)
    s.set_value("agent.id_number", CARD["card.id_number"])
    assert s.errors()["agent.id_number"] == "代办人不能是申请人本人"
    s.set_value("agent.id_number", "440524188001010014")
    assert "agent.id_number" not in s.errors()


def test_table_rows_are_validated(catalog):
    s = FormSession(catalog, [code_of(catalog, "个体工商户设立登记")], prefill=CARD)
    assert not s.state("enterprise.family_members").visible
    s.set_value("enterprise.form", "家庭经营")
    assert s.errors()["enterprise.family_members"] == "请填写「参加经营的家庭成员」"
    s.set_value("enterprise.family_members", [{"name": "李四", "id_number": "123"}])
    assert s.errors()["enterprise.family_members"].startswith("第 1 行「身份证号」")
    s.set_value("enterprise.family_members",
                [{"name": "李四", "id_number": "440524188001010014"}, {}])
    assert "enterprise.family_members" not in s.errors()
    assert s.values()["enterprise.family_members"] == [
        {"name": "李四", "id_number": "440524188001010014"}]


def item_with(*fields: FieldSpec) -> Catalog:
    item = Item(code="T1", name="测试", item_type="公共服务", department="测试局",
                applicant_types=("natural_person",), legal_days=1, promised_days=1,
                fields=fields)
    return Catalog(items={"T1": item})


def test_computed_values_and_money(regions):
    cat = item_with(
        FieldSpec("price", "单价", "money", required=True),
        FieldSpec("count", "数量", "number", minimum=1),
        FieldSpec("total", "合计", "number", compute="price * double(count)"),
        FieldSpec("place", "地区", "region"),
    )
    s = FormSession(cat, ["T1"], regions=regions)
    s.set_value("price", "12.50")
    s.set_value("count", "4")
    assert s.value("price") == Decimal("12.50")
    assert s.value("total") == 50.0 and s.state("total").source == COMPUTED
    s.set_value("count", "0")
    assert s.errors()["count"] == "不能小于 1"
    s.set_value("place", "雁塔区")
    assert s.value("place") == "610113"
    assert s.values()["place"] == {"code": "610113", "name": "陕西省西安市雁塔区"}
    assert s.values()["price"] == "12.50"


def test_unknown_item_raises_keyerror(catalog):
    with pytest.raises(KeyError):
        FormSession(catalog, ["NOPE"])


_SPECS = [
    FieldSpec("f", "字段", t, options=("甲", "乙"),
              columns=(FieldSpec("c", "列", "id_number", required=True),))
    for t in FIELD_TYPES
]
_raw = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.dates() | st.decimals(allow_nan=True),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                  max_size=3),
    max_leaves=6,
)


@settings(max_examples=300)
@given(st.sampled_from(_SPECS), _raw)
def test_coerce_never_raises(spec, raw):
    got = coerce(spec, raw, None)
    assert got.error == "" or got.value is None


def test_sex_and_birth_date_must_match_the_id_number(catalog):
    s = FormSession(catalog, [code_of(catalog, "企业职工基本养老保险待遇申领（退休）")],
                    prefill={**CARD, "card.birth_date": "1949-12-31"}, today=TODAY)
    assert "applicant.birth_date" not in s.errors()
    s.set_value("applicant.birth_date", "1950-01-01")
    assert s.errors()["applicant.birth_date"] == (
        "与身份证号不符：身份证号中的出生日期为 1949-12-31")
    s2 = FormSession(catalog, [code_of(catalog, "居民身份证补领")], prefill=CARD)
    s2.set_value("applicant.sex", "男")
    assert s2.errors()["applicant.sex"] == "与身份证号不符：身份证号显示为女性"


def test_merged_requirement_is_the_strictest():
    optional = FieldSpec("x", "甲", "text", required_when="y == 'a'", prefill=("card.name",))
    strict = FieldSpec("x", "甲", "text", required=True, prefill=("agent.name",))
    base = {"item_type": "公共服务", "department": "测试局",
            "applicant_types": ("natural_person",), "legal_days": 1, "promised_days": 1}
    cat = Catalog(items={"A": Item(code="A", name="甲", fields=(optional,), **base),
                         "B": Item(code="B", name="乙", fields=(strict,), **base)})
    s = FormSession(cat, ["A", "B"], prefill={"agent.name": "李四"})
    assert s.spec("x").required and s.spec("x").prefill == ("card.name", "agent.name")
    assert s.state("x").source == "agent.name"


def test_agent_card_fills_agent_fields(catalog):
    from forms.form_session import agent_bindings

    agent_card = {"card.name": "李四", "card.id_number": "440524188001010014", "x": 1}
    assert agent_bindings(agent_card) == {"agent.name": "李四",
                                          "agent.id_number": "440524188001010014"}
    s = FormSession(catalog, [code_of(catalog, "社会保障卡补领")],
                    prefill={**CARD, **agent_bindings(agent_card)})
    s.set_value("applicant.is_agent", True)
    assert s.value("agent.name") == "李四" and s.state("agent.name").source == "agent.name"
    assert "agent.id_number" not in s.errors()


@pytest.mark.parametrize(("label", "number"), [
    ("外国人永久居留身份证（旧版）", "USA610078041602"),
    ("港澳台居民居住证", "810000199305210028"),
])
def test_a_number_read_from_another_card_type_is_checked_as_that_type(label, number):
    """An 'I' card's number is no GB 11643 number: checked by its own rule, not blocked."""
    from forms.catalog import load_catalog

    catalog = load_catalog()
    proof = "11610100MB0002345M20001100080000"  # 个人社会保险参保缴费证明打印
    session = FormSession(catalog, [proof], prefill={
        "card.name": "史密斯", "card.id_number": number, "card.id_type": label})
    assert "applicant.id_number" not in session.errors()
    assert session.values()["applicant.id_number"] == number
    bad = FormSession(catalog, [proof], prefill={
        "card.name": "史密斯", "card.id_number": number[:-3], "card.id_type": label})
    assert "applicant.id_number" in bad.errors()  # still checked, by that card's rule
    session.set_value("applicant.id_number", "USA61007804160")  # typed: a 居民身份证 number
    assert "applicant.id_number" in session.errors()
