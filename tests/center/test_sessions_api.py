from __future__ import annotations

PROBLEM = "application/problem+json"


def test_health_needs_no_login(center):
    r = center.client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["version"]


def test_openapi_lists_every_resource(center):
    r = center.client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for path in (
        "/api/v1/sessions",
        "/api/v1/sessions/current",
        "/api/v1/catalog",
        "/api/v1/calendar/{year}",
        "/api/v1/licences",
        "/api/v1/pre-applications/{code}",
        "/api/v1/blobs/{sha256}",
        "/api/v1/cases",
        "/api/v1/cases/{number}",
        "/api/v1/cases/by-uuid/{uuid}",
        "/api/v1/cases/{number}/supplements",
        "/api/v1/evaluations",
        "/api/v1/queue/tickets",
        "/api/v1/queue/call-next",
        "/api/v1/queue/tickets/{ticket}/recall",
        "/api/v1/queue/tickets/{ticket}/skip",
        "/api/v1/queue/tickets/{ticket}/transfer",
    ):
        assert path in paths, path


def test_login_returns_token_and_clerk(center):
    r = center.client.post(
        "/api/v1/sessions",
        json={"username": "clerk02", "password": "demo1234", "window_id": "W02"},
    )
    assert r.status_code == 201
    body = r.json()
    assert body["clerk"]["name"] == "李强"
    assert body["clerk"]["username"] == "clerk02"
    assert len(body["token"]) >= 32
    assert body["expires_at"].startswith("2026-09-30T22:00")  # 12 h after 10:00


def test_passwords_are_stored_as_argon2(center):
    from sqlalchemy import select

    from center.models import Clerk

    with center.app.state.center.sessions() as db:
        hashes = db.scalars(select(Clerk.password_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any("demo1234" in h for h in hashes)


def test_bad_password_and_unknown_user_are_the_same_problem(center):
    for username, password in (("clerk01", "wrong"), ("nobody", "demo1234")):
        r = center.client.post(
            "/api/v1/sessions",
            json={"username": username, "password": password, "window_id": "W01"},
        )
        assert r.status_code == 401
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["type"].endswith("/bad-credentials")
        assert "用户名或密码不正确" in r.json()["detail"]


def test_missing_or_unknown_token_is_session_expired(center):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        r = center.client.get("/api/v1/calendar/2026", headers=headers)
        assert r.status_code == 401
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["type"].endswith("/session-expired")


def test_session_expires_after_twelve_hours(center):
    assert center.get("/calendar/2026").status_code == 200
    center.clock.advance(hours=12, seconds=1)
    r = center.get("/calendar/2026")
    assert r.status_code == 401
    assert r.json()["type"].endswith("/session-expired")


def test_logout_ends_the_session(center):
    headers = center.login("clerk02")
    r = center.client.delete("/api/v1/sessions/current", headers=headers)
    assert r.status_code == 204
    r = center.client.get("/api/v1/calendar/2026", headers=headers)
    assert r.status_code == 401
    assert center.get("/calendar/2026").status_code == 200  # other sessions unaffected


def test_login_upgrades_a_hash_made_with_older_costs(db_url, tmp_path, catalog):
    from argon2 import PasswordHasher
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from center.app import create_app
    from center.models import Clerk

    stronger = PasswordHasher(time_cost=2, memory_cost=8 * 1024, parallelism=1)
    app = create_app(db_url, catalog=catalog, password_hasher=stronger, blob_dir=tmp_path / "b")
    try:
        with TestClient(app) as client:
            body = {"username": "clerk01", "password": "demo1234", "window_id": "W01"}
            assert client.post("/api/v1/sessions", json=body).status_code == 201
        with app.state.center.sessions() as db:
            hashes = {
                u: h for u, h in db.execute(select(Clerk.username, Clerk.password_hash)).all()
            }
        assert ",t=2," in hashes["clerk01"]  # upgraded on a successful login
        assert ",t=1," in hashes["clerk02"]  # untouched until clerk02 signs in
    finally:
        app.state.center.engine.dispose()
