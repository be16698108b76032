"""Offline sign-in cache on a real file with real Argon2 (cheap parameters for speed)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.clerk_cache import MAX_FAILURES, ClerkCache, ClerkCacheError

CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def cache(tmp_path, clock):
    return ClerkCache.in_data_dir(tmp_path, hasher=CHEAP, clock=clock)


def remember(cache: ClerkCache, username="clerk01", password="demo1234"):
    return cache.remember(username=username, password=password, name="张敏",
                          clerk_id="c-17", window_id="W03")


def test_remembered_clerk_signs_in_offline(cache, tmp_path):
    remember(cache)
    clerk = cache.verify_offline("clerk01", "demo1234")
    assert clerk is not None
    assert (clerk.username, clerk.name, clerk.clerk_id, clerk.window_id) == (
        "clerk01", "张敏", "c-17", "W03")
    raw = (tmp_path / "clerk-cache.json").read_text(encoding="utf-8")
    assert "demo1234" not in raw and "$argon2id$" in raw
    if os.name != "nt":
        assert (tmp_path / "clerk-cache.json").stat().st_mode & 0o077 == 0


def test_wrong_password_unknown_user_and_other_users(cache):
    remember(cache)
    remember(cache, username="clerk02", password="other-pass")
    assert cache.verify_offline("clerk01", "demo12345") is None
    assert cache.verify_offline("nobody", "demo1234") is None
    assert cache.verify_offline("clerk01", "other-pass") is None
    assert cache.verify_offline("clerk02", "other-pass").username == "clerk02"
    assert "没有该工号" in cache.refusal("nobody")


def test_entries_expire_after_max_age(cache, clock):
    remember(cache)
    clock.now = T0 + timedelta(days=7) - timedelta(minutes=1)
    assert cache.verify_offline("clerk01", "demo1234") is not None
    clock.now = T0 + timedelta(days=7, minutes=1)
    assert cache.verify_offline("clerk01", "demo1234") is None
    assert "超过 7 天" in cache.refusal("clerk01")


def test_configurable_age(tmp_path, clock):
    short = ClerkCache.in_data_dir(tmp_path, hasher=CHEAP, clock=clock,
                                   max_age=timedelta(days=1))
    remember(short)
    clock.now = T0 + timedelta(days=2)
    assert short.verify_offline("clerk01", "demo1234") is None


def test_clock_set_back_does_not_extend_the_entry(cache, clock):
    remember(cache)
    clock.now = T0 - timedelta(days=3)
    assert cache.verify_offline("clerk01", "demo1234") is None


def test_five_failures_lock_until_an_online_login(cache, tmp_path, clock):
    remember(cache)
    for attempt in range(MAX_FAILURES):
        assert "还可再试" in cache.refusal("clerk01")
        assert cache.verify_offline("clerk01", f"wrong{attempt}") is None
    assert cache.verify_offline("clerk01", "demo1234") is None
    assert "已锁定" in cache.refusal("clerk01")
    # A restarted client reads the same lock from the file.
    again = ClerkCache.in_data_dir(tmp_path, hasher=CHEAP, clock=clock)
    assert again.verify_offline("clerk01", "demo1234") is None
    remember(again)  # the center accepted the clerk online
    assert again.verify_offline("clerk01", "demo1234") is not None


def test_a_success_resets_the_failure_count(cache):
    remember(cache)
    for _ in range(MAX_FAILURES - 1):
        cache.verify_offline("clerk01", "wrong")
    assert cache.verify_offline("clerk01", "demo1234") is not None
    for _ in range(MAX_FAILURES - 1):
        cache.verify_offline("clerk01", "wrong")
    assert cache.verify_offline("clerk01", "demo1234") is not None


def test_forget_and_expired_entries_are_dropped(cache, clock, tmp_path):
    remember(cache)
    remember(cache, username="clerk02")
    cache.forget("clerk02")
    assert cache.verify_offline("clerk02", "demo1234") is None
    clock.now = T0 + timedelta(days=8)
    remember(cache, username="clerk03")
    stored = json.loads((tmp_path / "clerk-cache.json").read_text(encoding="utf-8"))
    assert set(stored["clerks"]) == {"clerk03"}


def test_default_hasher_is_argon2id(tmp_path):
    real = ClerkCache.in_data_dir(tmp_path)
    real.remember(username="u", password="p", name="n", clerk_id="1", window_id="W01")
    assert real.verify_offline("u", "p") is not None


def test_unwritable_cache_is_a_typed_error(tmp_path, clock):
    blocker = tmp_path / "file"
    blocker.write_text("")
    broken = ClerkCache(blocker / "clerk-cache.json", hasher=CHEAP, clock=clock)
    with pytest.raises(ClerkCacheError, match="离线登录记录"):
        remember(broken)
    assert broken.verify_offline("clerk01", "demo1234") is None


def test_damaged_verifier_is_just_a_refusal(cache, tmp_path):
    remember(cache)
    path = tmp_path / "clerk-cache.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["clerks"]["clerk01"]["verifier"] = "$argon2id$v=19$garbage"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cache.verify_offline("clerk01", "demo1234") is None


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _shaped(value) -> dict:
    """Garbage in the places a real file has structure, to reach the entry parser."""
    return {"version": 1, "clerks": {"clerk01": value, "x": {"verifier": value}}}


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400),
                 JSONISH.map(lambda v: json.dumps(v).encode()),
                 JSONISH.map(lambda v: json.dumps(_shaped(v)).encode())))
def test_garbage_file_is_no_cache_never_a_crash(tmp_path, clock, content):
    path = tmp_path / "fuzz-cache.json"
    path.write_bytes(content)
    fuzzed = ClerkCache(path, hasher=CHEAP, clock=clock)
    assert fuzzed.verify_offline("clerk01", "demo1234") is None
    assert isinstance(fuzzed.refusal("clerk01"), str)
    remember(fuzzed)  # the next online login repairs the file
    assert fuzzed.verify_offline("clerk01", "demo1234") is not None
