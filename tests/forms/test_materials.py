"""Materials checklist: conditional materials, allowed modes, deferred due dates, merging."""

from __future__ import annotations

from datetime import date

import pytest

from forms.catalog import Catalog, load_catalog
from forms.form_session import FormSession
from forms.materials import (
    EXEMPT_MODES,
    MaterialChoiceError,
    MaterialsChecklist,
    mode_words,
)
from forms.spec import MODE_KINDS, Item, Material, ModeSpec
from forms.vocabulary import MaterialMode
from forms.working_days import CalendarException, WorkingCalendar

FRIDAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def item(catalog: Catalog, name: str) -> Item:
    return next(i for i in catalog.items.values() if i.name == name)


def test_conditional_materials_follow_the_form(catalog):
    it = item(catalog, "个体工商户设立登记")
    form = FormSession(catalog, [it.code])
    checklist = MaterialsChecklist([it], today=FRIDAY)
    checklist.refresh(form.rule_values())
    names = [line.name for line in checklist.missing()]
    assert "委托书及代理人身份证明" not in names
    form.set_value("applicant.is_agent", True)
    checklist.refresh(form.rule_values())
    assert "委托书及代理人身份证明" in [line.name for line in checklist.missing()]


def test_modes_are_enforced_and_deferred_uses_working_days(catalog):
    it = item(catalog, "个体工商户设立登记")
    calendar = WorkingCalendar.from_exceptions(
        [CalendarException(date(2026, 11, 23), "holiday", "测试假日")], known_years=[2026])
    checklist = MaterialsChecklist([it], calendar=calendar, today=FRIDAY)
    family = next(line for line in checklist.lines if line.name.startswith("家庭成员"))
    checklist.choose(family.key, "deferred")
    # 5 working days after Friday, Monday 23rd off: Tue..Mon → 2026-11-30
    assert family.due_date == date(2026, 11, 30)
    apply_form = checklist.lines[0]
    with pytest.raises(MaterialChoiceError, match="不能以电子证照方式提供"):
        checklist.choose(apply_form.key, "licence")
    with pytest.raises(MaterialChoiceError, match="晚于今天"):
        checklist.choose(family.key, "deferred", due_date=FRIDAY)
    premises = next(line for line in checklist.lines if line.name == "经营场所使用证明")
    checklist.choose(premises.key, "licence", licence_number="陕(2024)西安市不动产权第1号")
    checklist.choose(apply_form.key, "paper")
    out = {m["material_code"]: m for m in checklist.to_case_materials()}
    assert out["PREMISES"]["mode"] == "licence"
    assert out["PREMISES"]["licence_number"].startswith("陕")
    assert out["APPLY"]["due_date"] is None
    assert checklist.exempt_count() == 1
    checklist.choose(premises.key, None)
    assert premises in checklist.missing()


def test_same_material_in_a_bundle_is_collected_once():
    mat_a = Material("ID", "居民身份证", modes=(ModeSpec("shared"), ModeSpec("scan")))
    mat_b = Material("IDC", "居民身份证", copies=2,
                     modes=(ModeSpec("scan"), ModeSpec("paper")))
    mat_c = Material("X", "居民身份证", modes=(ModeSpec("pledge"),))
    base = {"item_type": "公共服务", "department": "测试局",
            "applicant_types": ("natural_person",), "legal_days": 1, "promised_days": 1}
    a = Item(code="A", name="甲", materials=(mat_a,), **base)
    b = Item(code="B", name="乙", materials=(mat_b,), **base)
    c = Item(code="C", name="丙", materials=(mat_c,), **base)
    checklist = MaterialsChecklist([a, b, c])
    assert len(checklist.lines) == 2  # 丙 accepts no common mode: its own line
    merged = checklist.lines[0]
    assert merged.item_names == ["甲", "乙"]
    assert [m.kind for m in merged.modes] == ["scan"] and merged.copies == 2
    checklist.choose(merged.key, "scan")
    assert [m["item_code"] for m in checklist.to_case_materials()] == ["A", "B"]


def test_one_vocabulary_for_modes_every_mode_has_its_words():
    assert tuple(MaterialMode) == MODE_KINDS
    assert [mode_words(m) for m in EXEMPT_MODES] == ["免于提交（电子证照）", "免于提交（共享核验）"]
    assert all(mode_words(m) == MaterialMode(m).label for m in MODE_KINDS if m not in EXEMPT_MODES)
