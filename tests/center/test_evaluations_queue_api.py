"""POST /evaluations (好差评) and the queue (issue, call next, recall, skip, transfer)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from center.models import Evaluation
from tests.center.conftest import case_body


def _case(center) -> dict:
    body = case_body()
    return center.post("/cases", body, key=body["uuid"]).json()


def test_evaluation_by_number_and_by_uuid(center):
    case = _case(center)
    key = str(uuid.uuid4())
    rating = {
        "case_number": case["number"],
        "overall": 5,
        "efficiency": 5,
        "competence": 4,
        "attitude": 5,
        "reason": "",
        "channel": "counter",
    }
    r = center.post("/evaluations", rating, key=key)
    assert r.status_code == 201
    assert r.json()["case_number"] == case["number"]
    again = center.post("/evaluations", rating, key=key)
    assert again.status_code == 200 and again.json() == r.json()
    other = _case(center)
    by_uuid = {"case_uuid": other["uuid"], "overall": 4}
    r2 = center.post("/evaluations", by_uuid, key=str(uuid.uuid4()))
    assert r2.status_code == 201 and r2.json()["case_number"] == other["number"]
    with center.app.state.center.sessions() as db:
        assert sorted(db.scalars(select(Evaluation.overall))) == [4, 5]


def test_bad_rating_needs_a_reason(center):
    case = _case(center)
    for rating in ({"overall": 2}, {"overall": 4, "attitude": 1}):
        r = center.post(
            "/evaluations", {"case_number": case["number"], **rating}, key=str(uuid.uuid4())
        )
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "reason"
        assert "原因" in r.json()["errors"][0]["message"]
    ok = {"case_number": case["number"], "overall": 1, "reason": "等候时间太长"}
    assert center.post("/evaluations", ok, key=str(uuid.uuid4())).status_code == 201


def test_evaluation_errors(center):
    assert center.post("/evaluations", {"overall": 5}, key=str(uuid.uuid4())).status_code == 422
    r = center.post("/evaluations", {"case_number": "X", "overall": 6}, key=str(uuid.uuid4()))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "overall"
    r = center.post(
        "/evaluations",
        {"case_number": "610100202609309999999", "overall": 5},
        key=str(uuid.uuid4()),
    )
    assert r.status_code == 404 and r.json()["type"].endswith("/case-unknown")
    assert center.post("/evaluations", {"case_number": "X", "overall": 5}).status_code == 400


def test_queue_issue_call_recall_skip_transfer(center):
    assert center.post("/queue/call-next", {"window_id": "W01"}).status_code == 204
    first = center.post("/queue/tickets", {"service": "综合受理"})
    assert first.status_code == 201
    assert first.json()["ticket"] == "A001" and first.json()["waiting"] == 0
    second = center.post("/queue/tickets", {"service": "综合受理"}).json()
    assert second["ticket"] == "A002" and second["waiting"] == 1
    assert center.post("/queue/tickets", {"service": "取件"}).json()["ticket"] == "B001"

    called = center.post("/queue/call-next", {"window_id": "W01"})
    assert called.status_code == 200
    assert called.json()["ticket"] == "A001"
    assert called.json()["status"] == "called" and called.json()["window_id"] == "W01"

    r = center.post("/queue/tickets/A001/recall")
    assert r.json()["status"] == "called" and r.json()["recalls"] == 1
    assert center.post("/queue/tickets/A001/skip").json()["status"] == "skipped"
    assert center.post("/queue/tickets/A001/skip").status_code == 409  # already skipped
    assert center.post("/queue/tickets/a001/recall").json()["recalls"] == 2

    # A002 transferred to W05: W05 gets it before B001, W01 does not see it.
    moved = center.post("/queue/tickets/A002/transfer", {"to_window": "W05"}).json()
    assert moved["status"] == "transferred" and moved["window_id"] == "W05"
    assert center.post("/queue/call-next", {"window_id": "W01"}).json()["ticket"] == "B001"
    w05 = {"headers": center.login("clerk02", "W05")}
    assert center.post("/queue/call-next", {"window_id": "W05"}, **w05).json()["ticket"] == "A002"
    assert center.post("/queue/call-next", {"window_id": "W05"}, **w05).status_code == 204


def test_queue_errors(center):
    r = center.post("/queue/tickets", {"service": "买菜"})
    assert r.status_code == 422 and "不认识的业务类型" in r.json()["detail"]
    assert center.post("/queue/tickets/A404/recall").status_code == 404
    center.post("/queue/tickets", {})
    assert center.post("/queue/tickets/A001/recall").status_code == 409  # never called
    assert center.post("/queue/tickets/A001/transfer", {}).status_code == 422
    assert center.client.post("/api/v1/queue/tickets", json={}).status_code == 401


def test_tickets_restart_each_day(center):
    assert center.post("/queue/tickets", {}).json()["ticket"] == "A001"
    center.clock.advance(days=1)
    center.headers = center.login()
    assert center.post("/queue/tickets", {}).json()["ticket"] == "A001"
