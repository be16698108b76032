"""Roles and scoping: a session acts for its own window, reads within its hall (issue #12's
reproduced cases: W02 reading, rating and filing for W01, calling W01's tickets)."""

from __future__ import annotations

import uuid

from center.clerks import add_clerk
from tests.center.conftest import case_body


def _login(center, username: str, window: str, password: str = "demo1234"):
    return center.client.post(
        "/api/v1/sessions",
        json={"username": username, "password": password, "window_id": window},
    )


def test_login_only_at_an_allowed_window(center):
    ctx = center.app.state.center
    add_clerk(ctx.sessions, ctx.hasher, "clerk05", "周五", "password5", "610100", windows=["W05"])
    assert _login(center, "clerk05", "W05", "password5").status_code == 201
    refused = _login(center, "clerk05", "W01", "password5")
    assert refused.status_code == 403 and refused.json()["type"].endswith("window-not-allowed")
    assert "W01" in refused.json()["detail"]
    body = _login(center, "clerk01", "W01").json()
    assert body["window_id"] == "W01" and body["hall_id"] == "H01"
    assert body["clerk"]["role"] == "clerk"


def test_another_window_cannot_file_supplement_or_rate(center):
    body = case_body()
    case = center.post("/cases", body, key=body["uuid"]).json()
    w02 = {"headers": center.login("clerk02", "W02")}
    # Readable within the hall ...
    assert center.get(f"/cases/{case['number']}", **w02).status_code == 200
    # ... but W02 does not act for W01.
    other = case_body()
    r = center.post("/cases", other, key=other["uuid"], **w02)
    assert r.status_code == 403 and "W02" in r.json()["detail"]
    rating = {"case_number": case["number"], "overall": 5}
    assert center.post("/evaluations", rating, key=str(uuid.uuid4()), **w02).status_code == 403
    sup = {"material_code": "IDCARD", "blobs": []}
    r = center.post(f"/cases/{case['number']}/supplements", sup, key=str(uuid.uuid4()), **w02)
    assert r.status_code == 403


def test_one_rating_per_case(center):
    body = case_body()
    case = center.post("/cases", body, key=body["uuid"]).json()
    rating = {"case_number": case["number"], "overall": 5}
    assert center.post("/evaluations", rating, key=str(uuid.uuid4())).status_code == 201
    again = center.post("/evaluations", rating, key=str(uuid.uuid4()))
    assert again.status_code == 409 and "只能评价一次" in again.json()["detail"]


def test_queue_tickets_of_another_window_are_not_yours(center):
    center.post("/queue/tickets", {})
    assert center.post("/queue/call-next", {"window_id": "W01"}).json()["ticket"] == "A001"
    w02 = {"headers": center.login("clerk02", "W02")}
    assert center.post("/queue/tickets/A001/skip", **w02).status_code == 403
    assert center.post("/queue/tickets/A001/recall", **w02).status_code == 403
    assert center.post("/queue/call-next", {"window_id": "W01"}, **w02).status_code == 403
    manager = {"headers": center.login("manager01", "W10")}
    assert center.post("/queue/tickets/A001/skip", **manager).json()["status"] == "skipped"


def test_roles_limit_what_a_session_may_do(center):
    body = case_body()
    case = center.post("/cases", body, key=body["uuid"]).json()
    for username in ("approver01", "manager01", "tech01"):
        who = {"headers": center.login(username, "W01")}
        other = case_body()
        assert center.post("/cases", other, key=other["uuid"], **who).status_code == 403
        assert center.get("/licences", params={"holder_id": "X"}, **who).status_code == 403
        readable = center.get(f"/cases/{case['number']}", **who).status_code
        assert readable == (403 if username == "tech01" else 200)
        assert center.get("/catalog", **who).status_code == 200
