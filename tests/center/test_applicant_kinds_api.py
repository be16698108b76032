"""The center accepts every kind of applicant and ID type the desk can record, and rejects a
wrong one with the field that is wrong (rules: ``forms.case_rules`` / ``forms.applicants``)."""

from __future__ import annotations

import uuid

import pytest

from forms.validators import id_check_char, uscc_check_char
from tests.center.conftest import case_body

COMPANY_ITEM = "11610100MB0002345M20001100060000"  # 单位社保登记: legal_person, organisation
J_NUMBER = "81000019930521002" + id_check_char("81000019930521002")
USCC = "91610100MA6TG1234" + uscc_check_char("91610100MA6TG1234")


def _post(center, **changes):
    body = case_body(uuid=str(uuid.uuid4()), **changes)
    return center.post("/cases", body, key=body["uuid"])


@pytest.mark.parametrize("id_type,number", [
    ("I", "USA610078041602"), ("J", J_NUMBER), ("passport", "E12345678"),
    ("hk_macau_permit", "H12345678"), ("taiwan_permit", "12345678")])
def test_person_with_each_id_type_and_agent_accepted(center, id_type, number):
    applicant = {**case_body()["applicant"], "id_type": id_type, "id_number": number}
    agent = {"name": "史密斯", "id_type": "I", "id_number": "USA610078041602", "relation": "朋友"}
    r = _post(center, applicant=applicant, agent=agent if id_type != "I" else None)
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("id_type,number,field", [
    ("I", "USA61007804160", "applicant.id_number"), ("J", "110105194912310021",
                                                      "applicant.id_number"),
    ("uscc", USCC, "applicant.id_type"), ("驾驶证", "123", "applicant.id_type")])
def test_person_with_a_wrong_number_rejected_on_that_field(center, id_type, number, field):
    applicant = {**case_body()["applicant"], "id_type": id_type, "id_number": number}
    r = _post(center, applicant=applicant)
    assert r.status_code == 422
    assert field in {e["field"] for e in r.json()["errors"]}, r.text


def _company_case(center, handler: str, materials: list[dict]):
    applicant = {"kind": "legal_person", "name": "西安示例有限公司", "id_type": "uscc",
                 "id_number": USCC, "legal_representative": "李娜"}
    agent = {"name": handler, "id_type": "J", "id_number": J_NUMBER, "relation": "经办人"}
    return _post(center, items=[COMPANY_ITEM], applicant=applicant, agent=agent,
                 materials=materials, form={})


def test_legal_person_accepted_and_authorisation_required_for_another_handler(center):
    assert _company_case(center, "李娜", []).status_code == 201  # the 法定代表人 herself
    r = _company_case(center, "赵敏", [])
    assert r.status_code == 422
    assert any("授权委托书" in e["message"] for e in r.json()["errors"]), r.text
    letter = {"item_code": COMPANY_ITEM, "material_code": "AUTHORISATION", "name": "授权委托书",
              "mode": "paper"}
    assert _company_case(center, "赵敏", [letter]).status_code == 201


def test_legal_person_without_code_or_handler_rejected(center):
    applicant = {"kind": "legal_person", "name": "西安示例有限公司", "id_type": "resident",
                 "id_number": "110105194912310021"}
    r = _post(center, items=[COMPANY_ITEM], applicant=applicant, materials=[])
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"applicant.id_type", "applicant.legal_representative", "agent"} <= fields
