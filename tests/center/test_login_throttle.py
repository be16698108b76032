"""Login throttling (growing delays per account and per address, 429 + Retry-After before
any Argon2 work) and the bound on concurrent password verifications, on SQLite and a real
PostgreSQL, and against a real uvicorn server for the flood."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from argon2 import PasswordHasher

from center.inprocess import start_in_thread
from center.password_gate import PasswordGate
from center.problems import Problem

PROBLEM = "application/problem+json"


def _login(center, password: str, username: str = "clerk02", window: str = "W02"):
    return center.client.post(
        "/api/v1/sessions",
        json={"username": username, "password": password, "window_id": window},
    )


class CountingHasher(PasswordHasher):
    """The real Argon2id hasher, counting verifications (to prove a refused login spent none)."""

    verified = 0

    def verify(self, hash, password):
        type(self).verified += 1
        return super().verify(hash, password)


def test_forty_wrong_passwords_then_the_right_one_is_refused(center):
    answers = [_login(center, f"wrong{n}").status_code for n in range(40)]
    # Five free tries, then every try is refused until the delay has passed.
    assert answers[:5] == [401] * 5
    assert set(answers[5:]) == {429}
    r = _login(center, "demo1234")
    assert r.status_code == 429
    assert r.headers["content-type"] == PROBLEM
    assert r.headers["Retry-After"] == "1"
    assert r.json()["retry_after"] == 1
    assert "登录失败次数过多" in r.json()["detail"] and "1 秒后再试" in r.json()["detail"]


def test_delays_grow_and_a_success_clears_the_account(center):
    waits = []
    for _ in range(5):
        for _attempt in range(5 if not waits else 1):
            assert _login(center, "wrong").status_code == 401
        r = _login(center, "wrong")
        assert r.status_code == 429
        waits.append(int(r.headers["Retry-After"]))
        center.clock.advance(seconds=waits[-1])
    assert waits == [1, 2, 4, 8, 16]
    assert _login(center, "demo1234").status_code == 201
    # Cleared: five free failures again.
    assert [_login(center, "wrong").status_code for _ in range(5)] == [401] * 5


def test_delay_is_capped_and_failures_are_forgotten(center):
    policy = center.app.state.center.throttle
    assert policy.delay(40, 5) == policy.max_delay == 900
    for _ in range(5):
        _login(center, "wrong")
    r = _login(center, "demo1234")
    assert r.status_code == 429
    center.clock.advance(hours=2)  # past forget_after: the counter starts again
    assert _login(center, "wrong").status_code == 401
    assert _login(center, "demo1234").status_code == 201


def test_one_address_guessing_many_accounts_is_throttled(center):
    # Unknown and known names count alike (no hint which accounts exist).
    names = [f"nobody{n}" for n in range(19)] + ["clerk02"]
    assert {_login(center, "wrong", username=u).status_code for u in names} == {401}
    r = _login(center, "demo1234", username="clerk01", window="W01")
    assert r.status_code == 429, "the 21st failure from this address must wait"
    center.clock.advance(seconds=1)
    assert _login(center, "demo1234", username="clerk01", window="W01").status_code == 201


def test_username_case_shares_one_counter(center):
    for name in ("CLERK02", "Clerk02", "clerk02", "cLERK02", "clerk02 "):
        assert _login(center, "wrong", username=name).status_code == 401
    assert _login(center, "demo1234").status_code == 429


def test_a_throttled_login_spends_no_argon2(db_url, tmp_path, catalog):
    from fastapi.testclient import TestClient

    from center.app import create_app

    hasher = CountingHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    app = create_app(db_url, blob_dir=tmp_path / "b", catalog=catalog, password_hasher=hasher)
    try:
        with TestClient(app) as client:
            body = {"username": "clerk01", "password": "x", "window_id": "W01"}
            for _ in range(5):
                assert client.post("/api/v1/sessions", json=body).status_code == 401
            before = CountingHasher.verified
            for _ in range(10):
                assert client.post("/api/v1/sessions", json=body).status_code == 429
            assert CountingHasher.verified == before
    finally:
        app.state.center.engine.dispose()


def test_gate_bounds_concurrency_and_refuses_beyond_its_queue():
    async def scenario():
        gate = PasswordGate(slots=2, queue=3, wait_seconds=5)
        release = asyncio.Event()
        outcomes: list[str] = []

        async def one():
            try:
                async with gate:
                    await release.wait()
                outcomes.append("ran")
            except Problem as exc:
                outcomes.append(f"{exc.status}:{exc.headers['Retry-After']}")

        tasks = [asyncio.create_task(one()) for _ in range(8)]
        await asyncio.sleep(0.05)
        assert gate.running == 2
        release.set()
        await asyncio.gather(*tasks)
        return gate, outcomes

    gate, outcomes = asyncio.run(scenario())
    assert gate.peak == 2
    assert outcomes.count("ran") == 5  # 2 running + 3 queued
    assert outcomes.count("503:2") == 3


def test_gate_gives_up_after_waiting():
    async def scenario():
        gate = PasswordGate(slots=1, queue=5, wait_seconds=0.05)
        async with gate:
            with pytest.raises(Problem) as refused:
                async with gate:
                    pass
        return refused.value

    problem = asyncio.run(scenario())
    assert problem.status == 503 and "中心正忙" in problem.detail


@pytest.mark.realstack
def test_login_flood_on_a_real_server_runs_one_verification_at_a_time(db_url, tmp_path, catalog):
    # The real default Argon2id costs (64 MiB each): the gate is what keeps memory bounded.
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog)
    try:
        ctx = running.app.state.center
        ctx.password_gate = PasswordGate(slots=1, queue=4, wait_seconds=30)
        ctx.throttle = type(ctx.throttle)(account_free=1000, source_free=1000)

        def attempt(n: int) -> int:
            body = {"username": f"flood{n}", "password": "x", "window_id": "W01"}
            return httpx.post(f"{running.url}/api/v1/sessions", json=body, timeout=60).status_code

        with ThreadPoolExecutor(12) as pool:
            codes = list(pool.map(attempt, range(12)))
        assert ctx.password_gate.peak == 1
        assert set(codes) <= {401, 503} and 401 in codes and 503 in codes
        # The server still answers everything else at once.
        assert httpx.get(f"{running.url}/api/v1/health", timeout=5).status_code == 200
    finally:
        running.stop()


def test_no_more_than_a_hundred_failures_an_hour_on_one_account(center):
    # OWASP ASVS 4.0.3 V2.2.1: "no more than 100 failed attempts per hour is possible on a
    # single account". An attacker who always waits exactly as told:
    started = center.clock.now
    failures = 0
    while center.clock.now - started < timedelta(hours=1):
        r = _login(center, "guess")
        if r.status_code == 401:
            failures += 1
        else:
            assert r.status_code == 429
            center.clock.advance(seconds=int(r.headers["Retry-After"]))
    print(f"\nfailed logins possible in one hour on one account: {failures}")
    assert failures <= 100
    assert failures >= 10  # and a clerk who mistypes is not locked out for the hour
