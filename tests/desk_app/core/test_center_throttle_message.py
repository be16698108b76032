"""The desk tells the clerk how long to wait when the center throttles a login (429) or is
busy (503): the center's Chinese message, through the desk's real client."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher

from center.inprocess import start_in_thread
from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import BadCredentials, Transient, error_for


def test_a_throttled_answer_keeps_the_centers_wait():
    body = json.dumps(
        {
            "type": "https://counter-desk/problems/too-many-logins",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "登录失败次数过多，请 4 秒后再试",
            "retry_after": 4,
        }
    ).encode()
    exc = error_for(429, body)
    assert isinstance(exc, Transient) and exc.clerk_message == "登录失败次数过多，请 4 秒后再试"
    assert "稍后自动重试" in str(error_for(429, b""))  # no detail: the generic words


@pytest.mark.realstack
def test_the_desk_client_shows_the_wait_from_a_real_center(tmp_path):
    running = start_in_thread(
        f"sqlite:///{tmp_path / 'center.db'}",
        tmp_path / "blobs",
        password_hasher=PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1),
    )
    try:
        client = CenterClient(running.url)
        for _ in range(5):
            with pytest.raises(BadCredentials):
                client.login("clerk01", "wrong", "W01")
        with pytest.raises(Transient, match=r"登录失败次数过多，请 1 秒后再试"):
            client.login("clerk01", "demo1234", "W01")
    finally:
        running.stop()
