"""A case's life after the counter (issue #11): back-office events, the timeline, 容缺
materials owed, the window's list in keyset pages and the dashboard figures — on SQLite
and on a real PostgreSQL (the ``center`` fixture runs each test on both)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tests.center.conftest import APPLICANT_ID, case_body, upload
from tests.center.test_cases_api import _deferred_case


def _file(center, **overrides) -> dict:
    body = case_body(**overrides)
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text
    return r.json()


def _event(center, number: str, event: str, headers=None, **extra):
    body = {"event": event, **extra}
    return center.post(f"/cases/{number}/events", body, headers=headers or {})


def test_the_whole_life_of_a_case_with_its_timeline(center):
    case = _file(center)
    number = case["number"]
    approver = center.login("approver01", "W01")
    steps = [
        ("start_review", {}, "in_review"),
        ("request_correction", {"note": "照片不清晰，请补正"}, "correction_requested"),
        ("receive_correction", {}, "in_review"),
        ("approve", {"note": "准予补领社会保障卡"}, "approved"),
        ("result_ready", {}, "ready"),
    ]
    for event, extra, status in steps:
        center.clock.advance(hours=1)
        r = _event(center, number, event, approver, **extra)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == status
    center.clock.advance(hours=1)
    collector = {"kind": "applicant", "name": "张伟", "id_number": APPLICANT_ID}
    r = _event(center, number, "handed_over", collector=collector)
    assert r.status_code == 200, r.text
    view = center.get(f"/cases/{number}").json()
    assert view["status"] == "collected" and view["status_label"] == "已领取"
    events = [e["event"] for e in view["timeline"]]
    assert events == ["", "", *[s[0] for s in steps], "handed_over"]
    assert "王审批" in view["timeline"][3]["note"] and "照片不清晰" in view["timeline"][3]["note"]
    assert view["outcome"]["granted"] and "准予补领" in view["outcome"]["text"]
    handed = view["handed_out"]
    assert handed["how"] == "handed_over" and handed["by"] == "clerk01"
    # Who collected is recorded, masked: the number is not kept in clear on the record.
    assert handed["id_number_masked"] == "6101**********1234" and handed["name_masked"] == "张*"
    assert APPLICANT_ID not in str(view["handed_out"])


def test_denied_then_mailed_with_a_waybill(center):
    number = _file(center)["number"]
    approver = center.login("approver01", "W01")
    assert _event(center, number, "start_review", approver).status_code == 200
    r = _event(center, number, "deny", approver, note="不符合补领条件（原卡未挂失）")
    assert r.json()["status"] == "denied" and r.json()["status_label"] == "办结（不予许可）"
    assert not r.json()["outcome"]["granted"]
    assert _event(center, number, "result_ready", approver).status_code == 200
    bad = _event(center, number, "mailed", waybill="12")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "waybill"
    r = _event(center, number, "mailed", waybill="SF1234567890", carrier="顺丰")
    assert r.status_code == 200 and r.json()["status"] == "mailed"
    assert r.json()["handed_out"]["waybill"] == "SF1234567890"
    assert "SF1234567890" in r.json()["timeline"][-1]["note"]


def test_illegal_transitions_are_409_with_the_status_named(center):
    number = _file(center)["number"]
    approver = center.login("approver01", "W01")
    r = _event(center, number, "approve", approver, note="准予")
    assert r.status_code == 409
    assert r.json()["type"].endswith("illegal-transition")
    assert "当前状态为「已受理」" in r.json()["detail"] and "「审批中」" in r.json()["detail"]
    assert _event(center, number, "start_review", approver).status_code == 200
    assert _event(center, number, "start_review", approver).status_code == 409
    collector = {"kind": "applicant", "name": "张伟", "id_number": APPLICANT_ID}
    r = _event(center, number, "handed_over", collector=collector)
    assert r.status_code == 409 and "待领取" in r.json()["detail"]
    # A note is required where the decision needs words.
    r = _event(center, number, "approve", approver)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "note"


def test_who_may_post_which_event(center):
    number = _file(center)["number"]
    r = _event(center, number, "start_review")  # clerk01
    assert r.status_code == 403 and "审批人员" in r.json()["detail"]
    manager = center.login("manager01", "W01")
    assert _event(center, number, "start_review", manager).status_code == 403
    approver = center.login("approver01", "W01")
    for event, extra in (("start_review", {}), ("approve", {"note": "准予"})):
        assert _event(center, number, event, approver, **extra).status_code == 200
    assert _event(center, number, "result_ready", approver).status_code == 200
    r = _event(center, number, "mailed", approver, waybill="SF1234567890")
    assert r.status_code == 403 and "窗口人员" in r.json()["detail"]
    r = center.post(f"/cases/{number}/events", {"event": "delete"})
    assert r.status_code == 422  # not an event name


def test_handover_checks_the_collector(center):
    number = _file(center)["number"]
    approver = center.login("approver01", "W01")
    for event, extra in (("start_review", {}), ("approve", {"note": "准予"}), ("result_ready", {})):
        assert _event(center, number, event, approver, **extra).status_code == 200
    stranger = {"kind": "applicant", "name": "王芳", "id_number": "610113198807150024"}
    r = _event(center, number, "handed_over", collector=stranger)
    assert r.status_code == 422 and "不是申请人本人" in r.json()["errors"][0]["message"]
    agent = {**stranger, "kind": "agent"}
    r = _event(center, number, "handed_over", collector=agent)
    assert r.status_code == 422 and "授权委托书" in r.json()["errors"][0]["message"]
    digest = upload(center, b"%PDF- proxy letter")
    r = _event(center, number, "handed_over", collector={**agent, "proxy_blobs": [digest]})
    assert r.status_code == 200 and r.json()["handed_out"]["kind"] == "agent"


def test_a_repeated_event_with_its_key_replays_the_first_answer(center):
    number = _file(center)["number"]
    approver = {**center.login("approver01", "W01"), "Idempotency-Key": str(uuid.uuid4())}
    first = _event(center, number, "start_review", approver)
    again = _event(center, number, "start_review", approver)
    assert first.status_code == 200 and again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true" and again.json() == first.json()
    timeline = center.get(f"/cases/{number}").json()["timeline"]
    assert [e["event"] for e in timeline].count("start_review") == 1


def test_a_deferred_case_is_not_decided_before_its_material_arrives(center):
    _, case = _deferred_case(center)
    number = case["number"]
    assert case["deferred"] == [
        {"material_code": "LAYOUT", "name": "LAYOUT", "due_date": "2026-10-15", "received_at": None}
    ]
    approver = center.login("approver01", "W01")
    assert _event(center, number, "start_review", approver).status_code == 200
    r = _event(center, number, "approve", approver, note="准予")
    assert r.status_code == 409 and "2026-10-15" in r.json()["detail"]
    # Supplied after its due date: accepted, marked late.
    center.clock.advance(days=20)
    center.headers = center.login()  # sessions last a working day
    approver = center.login("approver01", "W01")
    digest = upload(center, b"floor plan")
    sup = {"material_code": "LAYOUT", "blobs": [digest]}
    r = center.post(f"/cases/{number}/supplements", sup, key=str(uuid.uuid4()))
    assert r.status_code == 201 and r.json()["late"] is True
    view = center.get(f"/cases/{number}").json()
    assert view["deferred"][0]["received_at"] is not None
    assert "逾期补交" in view["timeline"][-1]["note"]
    assert _event(center, number, "approve", approver, note="准予").status_code == 200


def test_the_window_list_pages_newest_first_and_is_scoped(center):
    numbers = []
    for _ in range(7):
        center.clock.advance(minutes=5)
        numbers.append(_file(center)["number"])
    w02 = center.login("clerk02", "W02")
    center.clock.advance(minutes=5)
    body = case_body(window_id="W02")
    assert center.post("/cases", body, key=body["uuid"], headers=w02).status_code == 201
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = center.get("/cases", params=params).json()
        assert page["window_id"] == "W01"
        seen += [c["number"] for c in page["cases"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(numbers))
    row = center.get("/cases", params={"limit": 1}).json()["cases"][0]
    assert row["applicant_masked"] == "张*" and row["item_names"] == ["社会保障卡补领"]
    assert "张伟" not in str(row) and APPLICANT_ID not in str(row)
    # A clerk lists only the session's window; the hall manager any, or the whole hall.
    assert center.get("/cases", params={"window": "W02"}).status_code == 403
    manager = {"headers": center.login("manager01", "W01")}
    assert len(center.get("/cases", params={"limit": 100}, **manager).json()["cases"]) == 8
    only = center.get("/cases", params={"window": "W02"}, **manager).json()["cases"]
    assert [c["window_id"] for c in only] == ["W02"]
    tech = {"headers": center.login("tech01", "W01")}
    assert center.get("/cases", **tech).status_code == 403
    assert center.get("/cases", params={"cursor": "garbage!"}).status_code == 400
    assert center.get("/cases", params={"status": "nonsense"}).status_code == 400


def test_status_and_since_filters_find_what_changed(center):
    a = _file(center)["number"]
    center.clock.advance(minutes=1)
    b = _file(center)["number"]
    mark = center.clock.now + timedelta(seconds=30)
    center.clock.advance(minutes=1)
    approver = center.login("approver01", "W01")
    assert _event(center, a, "start_review", approver).status_code == 200
    changed = center.get("/cases", params={"since": mark.isoformat()}).json()["cases"]
    assert [c["number"] for c in changed] == [a]
    reviewing = center.get("/cases", params={"status": "in_review"}).json()["cases"]
    assert [c["number"] for c in reviewing] == [a]
    both = center.get("/cases", params={"status": "in_review,accepted"}).json()["cases"]
    assert {c["number"] for c in both} == {a, b}
    naive = center.get("/cases", params={"since": "2026-09-30T10:00:00"})
    assert naive.status_code == 400


def test_dashboard_figures_of_the_day(center):
    approver = center.login("approver01", "W01")
    first = _file(center)["number"]
    _file(center)
    _, deferred = _deferred_case(center)
    w02 = center.login("clerk02", "W02")
    body = case_body(window_id="W02")
    assert center.post("/cases", body, key=body["uuid"], headers=w02).status_code == 201
    for event, extra in (("start_review", {}), ("approve", {"note": "准予"}), ("result_ready", {})):
        assert _event(center, first, event, approver, **extra).status_code == 200
    collector = {"kind": "applicant", "name": "张伟", "id_number": APPLICANT_ID}
    assert _event(center, first, "handed_over", collector=collector).status_code == 200
    rating = {"case_number": first, "overall": 4}
    assert center.post("/evaluations", rating, key=str(uuid.uuid4())).status_code == 201
    today = center.get("/stats/windows", params={"date": "2026-09-30"}).json()
    assert today["windows"] == [
        {
            "window_id": "W01",
            "accepted": 3,
            "pending": 2,
            "overdue": 0,
            "supplements_due": 0,
            "handed_out": 1,
            "ratings": 1,
            "rating_average": 4.0,
        }
    ]
    # Later: the social-card case (1 working day) is overdue, the floor plan is owed.
    later = center.get("/stats/windows", params={"date": "2026-10-20"}).json()["windows"][0]
    assert later["overdue"] == 2 and later["supplements_due"] == 1 and later["accepted"] == 0
    manager = {"headers": center.login("manager01", "W01")}
    hall = center.get("/stats/windows", params={"date": "2026-09-30"}, **manager).json()
    assert [w["window_id"] for w in hall["windows"]] == ["W01", "W02"]
    assert deferred["number"]
