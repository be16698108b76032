"""POST /cases and friends: numbers, promised dates, idempotent replay, validation."""

from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy import func, select

from center.models import Case
from forms.working_days import WorkingCalendar
from tests.center.conftest import ITEM_ID_CARD, ITEM_SOCIAL_CARD, case_body, upload

NUMBER = re.compile(r"^610100(\d{8})(\d{7})$")


def _cases(center) -> int:
    with center.app.state.center.sessions() as db:
        return db.scalar(select(func.count()).select_from(Case))


def test_submit_assigns_number_status_promised_date_and_timeline(center):
    body = case_body()
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text
    answer = r.json()
    assert set(answer) == {
        "uuid", "number", "status", "promised_date", "received_at", "timeline",
        # the case's life after the counter (center.case_life)
        "status_label", "window_id", "decision", "updated_at", "outcome", "handed_out", "deferred",
    }
    assert answer["uuid"] == body["uuid"]
    match = NUMBER.match(answer["number"])
    assert match and match.groups() == ("20260930", "0000001")
    assert answer["status"] == "accepted"
    # 社会保障卡补领 promises 1 working day; 10-01..10-07 are the National Day holidays.
    assert answer["promised_date"] == "2026-10-08"
    assert answer["received_at"] == "2026-09-30T10:00:00+08:00"
    assert [e["status"] for e in answer["timeline"]] == ["received", "accepted"]
    assert "W01-20260930-0001" in answer["timeline"][0]["note"]
    assert "张敏" in answer["timeline"][1]["note"]
    assert "Idempotent-Replayed" not in r.headers


def test_sequence_counts_up_and_restarts_each_day(center):
    numbers = []
    for _ in range(3):
        body = case_body()
        numbers.append(center.post("/cases", body, key=body["uuid"]).json()["number"])
    assert [n[-7:] for n in numbers] == ["0000001", "0000002", "0000003"]
    center.clock.advance(days=1)
    center.headers = center.login()
    body = case_body()
    number = center.post("/cases", body, key=body["uuid"]).json()["number"]
    assert number == "610100202610010000001"


def test_promised_date_follows_the_slowest_item(center):
    body = case_body(items=[ITEM_SOCIAL_CARD, ITEM_ID_CARD])
    answer = center.post("/cases", body, key=body["uuid"]).json()
    cal = WorkingCalendar.from_api([center.get("/calendar/2026").json()])
    assert answer["promised_date"] == cal.add_working_days(date(2026, 9, 30), 15).isoformat()
    assert answer["promised_date"] == "2026-10-27"  # 10-10 (Sat) is worked


def test_replay_with_same_key_and_body_returns_the_original_answer(center):
    body = case_body()
    first = center.post("/cases", body, key=body["uuid"])
    center.clock.advance(minutes=5)
    again = center.post("/cases", body, key=body["uuid"])
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert _cases(center) == 1


def test_same_key_with_another_body_is_refused(center):
    body = case_body()
    center.post("/cases", body, key=body["uuid"])
    changed = {**body, "ticket_number": "A999"}
    r = center.post("/cases", changed, key=body["uuid"])
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith("/idempotency-key-reused")
    assert _cases(center) == 1


def test_missing_idempotency_key_is_400(center):
    r = center.post("/cases", case_body())
    assert r.status_code == 400
    assert r.json()["type"].endswith("/idempotency-key-missing")
    assert "Idempotency-Key" in r.json()["detail"]


def test_every_validation_error_is_reported_at_once(center):
    body = case_body(
        items=[ITEM_SOCIAL_CARD, "NO-SUCH-ITEM"],
        applicant={**case_body()["applicant"], "id_number": "610104199001011235"},
        agent={"name": "王芳", "id_number": "123", "relation": "配偶"},
        materials=[
            {
                "item_code": ITEM_SOCIAL_CARD,
                "material_code": "IDCARD",
                "mode": "scan",
                "blobs": ["a" * 64],
            },
            {"item_code": ITEM_SOCIAL_CARD, "material_code": "AGENT_ID", "mode": "deferred"},
            {"item_code": ITEM_SOCIAL_CARD, "material_code": "NOPE", "mode": "paper"},
            {"item_code": ITEM_ID_CARD, "material_code": "HKB", "mode": "licence"},
        ],
        decision={"kind": "refuse", "reason": ""},
    )
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 422
    problem = r.json()
    assert problem["type"].endswith("/validation")
    fields = {e["field"]: e["message"] for e in problem["errors"]}
    assert "事项编码不存在" in fields["items[1]"]
    assert "校验位" in fields["applicant.id_number"]
    assert "代办人" in fields["agent.id_number"]
    assert "尚未上传完整" in fields["materials[0].blobs[0]"]
    assert "补交期限" in fields["materials[1].due_date"]
    assert "没有这项材料" in fields["materials[2].material_code"]
    assert "不在本案件的事项中" in fields["materials[3].item_code"]
    assert "不予受理必须填写理由" in fields["decision.reason"]
    assert _cases(center) == 0
    # The client fixes the body and resubmits under the same key: not a "reused key".
    fixed = case_body(uuid=body["uuid"])
    assert center.post("/cases", fixed, key=body["uuid"]).status_code == 201


def test_uuid_must_be_the_idempotency_key(center):
    body = case_body()
    r = center.post("/cases", body, key=str(uuid.uuid4()))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "uuid"


def test_refused_case_has_no_promised_date(center):
    body = case_body(decision={"kind": "refuse", "reason": "不属于本中心受理范围"})
    answer = center.post("/cases", body, key=body["uuid"]).json()
    assert answer["status"] == "refused"
    assert answer["promised_date"] is None
    assert "不属于本中心受理范围" in answer["timeline"][-1]["note"]
    too_long = case_body(decision={"kind": "refuse", "reason": "理" * 201})
    r = center.post("/cases", too_long, key=too_long["uuid"])
    assert r.status_code == 422
    assert "200" in r.json()["errors"][0]["message"]


def test_scanned_material_with_uploaded_blob_is_accepted(center):
    digest = upload(center, b"%PDF-1.7 scanned id card")
    body = case_body(
        materials=[
            {
                "item_code": ITEM_SOCIAL_CARD,
                "material_code": "IDCARD",
                "mode": "scan",
                "blobs": [digest],
                "pages": 2,
            }
        ]
    )
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text


def test_pledge_and_deferred_decisions_need_matching_materials(center):
    for kind in ("accept_deferred", "accept_pledge"):
        body = case_body(decision={"kind": kind, "reason": ""})
        r = center.post("/cases", body, key=body["uuid"])
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "decision.kind"


def test_get_case_by_number_and_by_uuid(center):
    body = case_body()
    answer = center.post("/cases", body, key=body["uuid"]).json()
    assert center.get(f"/cases/{answer['number']}").json() == answer
    assert center.get(f"/cases/by-uuid/{body['uuid']}").json() == answer
    assert center.get("/cases/610100202609309999999").status_code == 404
    r = center.get(f"/cases/by-uuid/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


# 食品经营许可（新办）: its floor plan (LAYOUT) may be deferred (容缺 5 days)
ITEM_FOOD = "11610100MB0005678Q20001100030000"


def _deferred_case(center) -> tuple[dict, dict]:
    body = case_body(
        items=[ITEM_FOOD],
        materials=[
            {"item_code": ITEM_FOOD, "material_code": "APPLY", "mode": "paper"},
            {
                "item_code": ITEM_FOOD,
                "material_code": "LAYOUT",
                "mode": "deferred",
                "due_date": "2026-10-15",
            },
        ],
        decision={"kind": "accept_deferred", "reason": ""},
    )
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text
    return body, r.json()


def test_supplement_for_a_deferred_material(center):
    _, case = _deferred_case(center)
    digest = upload(center, b"agent id card scan")
    key = str(uuid.uuid4())
    path = f"/cases/{case['number']}/supplements"
    supplement = {"material_code": "LAYOUT", "blobs": [digest]}
    r = center.post(path, supplement, key=key)
    assert r.status_code == 201, r.text
    answer = r.json()
    assert answer["case_number"] == case["number"]
    assert answer["material_code"] == "LAYOUT" and answer["blobs"] == [digest]
    again = center.post(path, supplement, key=key)
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == answer
    timeline = center.get(f"/cases/{case['number']}").json()["timeline"]
    assert [e["note"] for e in timeline].count("补交容缺材料 LAYOUT") == 1


def test_supplement_rules(center):
    _, case = _deferred_case(center)
    path = f"/cases/{case['number']}/supplements"
    assert center.post(path, {"material_code": "LAYOUT"}).status_code == 400  # no key
    r = center.post(path, {"material_code": "APPLY", "blobs": []}, key=str(uuid.uuid4()))
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"material_code", "blobs"}
    missing = center.post(
        "/cases/610100202609309999999/supplements",
        {"material_code": "LAYOUT", "blobs": ["b" * 64]},
        key=str(uuid.uuid4()),
    )
    assert missing.status_code == 404


def test_accepted_at_without_offset_is_beijing_time(center):
    # Friday 2026-10-09 23:30 at the counter: +1 working day is Saturday 10-10 (worked).
    # Read as UTC it would be the 10th already, and the promise would slip to Monday 10-12.
    body = case_body(accepted_at="2026-10-09T23:30:00")
    assert center.post("/cases", body, key=body["uuid"]).json()["promised_date"] == "2026-10-10"
    utc = case_body(accepted_at="2026-10-09T15:30:00Z")  # the same moment with an offset
    assert center.post("/cases", utc, key=utc["uuid"]).json()["promised_date"] == "2026-10-10"
