"""CaseFlow without Qt: one case at a time, a confirmation only counts for its own case,
abandoning is recorded, and a refusal needs only what it needs."""

from __future__ import annotations

import pytest

from desk_app.core.case_flow import (
    CARD_NEW_PERSON,
    CARD_PRE_APPLICATION_OTHER,
    CARD_SAME_PERSON,
    CaseFlow,
)
from desk_app.core.case_flow.flow import STEP_DECISION, STEP_FORM, STEP_MATERIALS
from devices.cards.simulator import SIM_IDENTITIES, SimReader


def card(key: str):
    return SimReader(key).read_identity(timeout=1)


@pytest.fixture
def flow():
    records: list[tuple[str, str]] = []
    f = CaseFlow(record=lambda action, target: records.append((action, target)))
    f.records = records
    return f


def test_simulated_people_used_here_exist():
    assert {"zhang-wei", "resident-male", "foreigner-old", "hmt"} <= set(SIM_IDENTITIES)


def test_card_fills_the_applicant_with_its_id_type(flow):
    flow.take_identity(card("foreigner-old"))
    applicant = flow.case.applicant
    assert applicant["id_type"] == "I" and applicant["kind"] == "person"
    assert applicant["id_number"] == flow.case.holder_id() != ""


def test_confirmation_counts_only_for_its_own_case(flow):
    flow.take_identity(card("zhang-wei"))
    flow.case.item_codes = ["X"]
    first = flow.case.uuid
    assert flow.confirm(first, b"\x89PNGsig")
    assert flow.confirmed()
    flow.abandon()
    assert flow.case.uuid != first
    assert not flow.confirmed()
    assert flow.confirm(first, b"\x89PNGsig") is False  # late answer for the old case
    flow.take_identity(card("resident-male"))
    flow.case.item_codes = ["X"]
    assert "申请人尚未在确认屏上确认并签名（本案件）" in flow.seal_problems()
    assert flow.confirm(flow.case.uuid, b"\x89PNGsig2")
    assert flow.seal_problems() == []


def test_confirm_without_signature_is_not_enough(flow):
    flow.take_identity(card("zhang-wei"))
    flow.case.item_codes = ["X"]
    flow.confirm(flow.case.uuid, None)
    assert not flow.confirmed()


def test_start_refuses_to_drop_a_case_in_progress(flow):
    flow.take_identity(card("zhang-wei"))
    with pytest.raises(RuntimeError):
        flow.start()
    flow.abandon()
    assert flow.records == [("abandon", flow.records[0][1])]
    assert flow.case.applicant == {} and flow.case.identity is None


def test_abandoning_an_empty_case_records_nothing(flow):
    flow.abandon()
    assert flow.records == []


def test_sealed_case_cannot_be_abandoned_and_start_is_clean(flow):
    flow.take_identity(card("zhang-wei"))
    uuid = flow.case.uuid
    flow.mark_sealed("L-1")
    assert not flow.in_progress() and not flow.can_go_back()
    with pytest.raises(RuntimeError):
        flow.abandon()
    assert flow.confirm(uuid, b"sig") is False  # nothing changes on a sealed case
    flow.start("A012")
    assert flow.case.uuid != uuid and flow.case.ticket_number == "A012"
    assert not flow.case.sealed


def test_another_card_mid_case_is_a_new_person(flow):
    flow.take_identity(card("zhang-wei"))
    assert flow.classify_card(card("zhang-wei")) == CARD_SAME_PERSON
    assert flow.classify_card(card("resident-male")) == CARD_NEW_PERSON


def test_pre_application_of_someone_else(flow):
    holder = card("zhang-wei")
    flow.take_pre_application({"applicant": {"name": "王芳", "id_number": "110101199001010000"},
                               "item_codes": ["A", "B"], "form": {"x": 1}})
    assert flow.case.item_codes == ["A", "B"]
    assert flow.classify_card(holder) == CARD_PRE_APPLICATION_OTHER
    flow.case.pre_application["applicant"]["id_number"] = holder.id_number
    assert flow.classify_card(holder) == CARD_SAME_PERSON


def test_refusal_needs_only_applicant_items_and_reason(flow):
    flow.take_identity(card("zhang-wei"))
    flow.case.item_codes = ["X"]
    assert STEP_FORM in flow.blocking_steps() and STEP_MATERIALS in flow.blocking_steps()
    flow.case.decision_kind = "refuse"
    assert flow.blocking_steps() == (0, 1, STEP_DECISION)
    assert "不予受理必须填写理由" in flow.seal_problems()
    flow.case.decision_reason = "不属于本窗口受理范围"
    flow.confirm(flow.case.uuid, b"sig")
    assert flow.seal_problems() == []
    assert flow.papers() == ("refusal_slip", "notice")  # never a 收件回执


def test_incomplete_needs_the_missing_list(flow):
    flow.take_identity(card("zhang-wei"))
    flow.case.item_codes = ["X"]
    flow.case.decision_kind = "incomplete"
    assert "一次性告知须列明缺少的材料或写明说明" in flow.seal_problems()
    flow.case.missing = ["户口簿"]
    assert "一次性告知须列明缺少的材料或写明说明" not in flow.seal_problems()
    assert flow.papers() == ("notice",)


def test_what_an_incomplete_case_owes_is_each_material_once():
    from desk_app.core.case_flow import Case

    case = Case(missing=["户口簿", "照片"], materials=[
        {"name": "照片", "mode": "scan", "blob_digests": []},        # chosen, never captured
        {"name": "身份证", "mode": "scan", "blob_digests": ["ab" * 32]},
        {"name": "营业执照", "mode": "licence"},
        {"name": "租赁合同", "mode": "upload"}])
    assert case.owed() == ["户口簿", "照片", "租赁合同"]


def test_accepting_prints_receipt_then_notice(flow):
    assert flow.papers() == ("receipt", "notice")


def test_injected_rules_are_part_of_the_verdict():
    flow = CaseFlow(rules=lambda case: ["容缺受理须至少有一项材料选为“容缺后补”"])
    flow.take_identity(card("zhang-wei"))
    flow.case.item_codes = ["X"]
    flow.confirm(flow.case.uuid, b"sig")
    assert flow.seal_problems() == ["容缺受理须至少有一项材料选为“容缺后补”"]


UNIT_REGISTRATION = "11610100MB0002345M20001100060000"  # 单位社会保险参保登记


def test_the_flow_owns_form_and_materials_and_asks_for_authorisation():
    from forms.catalog import load_catalog
    from forms.form_session import FormSession
    from forms.materials import MaterialsChecklist

    catalog = load_catalog()
    flow = CaseFlow()
    flow.set_applicant({"kind": "legal_person", "id_type": "uscc", "name": "西安示例科技有限公司",
                        "id_number": "91610000MA6TG1234X", "legal_representative": "王建国"})
    flow.set_agent({"name": "王建国", "id_number": "", "relation": "经办人"})
    flow.set_items([UNIT_REGISTRATION])
    session = flow.open_form(lambda codes, prefill: FormSession(catalog, codes, prefill=prefill))
    assert flow.open_form(lambda *_: pytest.fail("built twice")) is session
    checklist = flow.open_materials(lambda s: MaterialsChecklist(s.items))
    authorisation = next(line for line in checklist.lines if line.name == "授权委托书")
    assert not authorisation.required  # the 法定代表人 files in person
    flow.set_agent({"name": "李秀英", "id_number": "", "relation": "经办人"})
    assert authorisation.required and "授权委托书" in flow.case.missing
    flow.choose_material(authorisation.key, "paper")
    assert "授权委托书" not in flow.case.missing
    assert any(m["name"] == "授权委托书" for m in flow.case.materials)
    # other items: the answers and the checklist of the old ones are gone
    flow.set_items(["11610100MB0002345M20001200010000"])
    assert flow.case.form_session is None and flow.case.checklist is None
    assert flow.case.materials == [] and flow.case.form == {}
