"""Retry policy: full-jitter capped backoff, and what an unreachable center does to the queue."""

from __future__ import annotations

import random
import socket

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.center_client import CenterClient
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.case_factory import make_case


def test_full_jitter_is_uniform_below_a_capped_exponential():
    backoff = Backoff(base=1.0, cap=60.0)
    rng = random.Random(0)
    for attempt, ceiling in ((0, 1), (1, 2), (3, 8), (5, 32), (6, 60), (50, 60), (10**6, 60)):
        samples = [backoff.delay(attempt, rng) for _ in range(400)]
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > 0.8 * ceiling  # spread over the whole range: full jitter
        assert min(samples) < 0.2 * ceiling


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here now: connection refused, like a dead link
    return port


def test_unreachable_center_keeps_cases_pending_with_backoff(tmp_path, closed_port):
    outbox = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    rng = random.Random(1)
    sealed = [outbox.seal(*make_case(rng)) for _ in range(3)]
    clock = Clock()
    client = CenterClient(f"http://127.0.0.1:{closed_port}", token="t", timeout=2)
    sync = SyncService(outbox, client, clock=clock, rng=random.Random(2),
                       backoff=Backoff(base=2.0, cap=300.0))
    wait = sync.step()  # one try: refused
    first = outbox.get(sealed[0].uuid)
    assert first.state == "pending" and first.attempts == 1
    assert "无法连接受理中心" in first.last_error
    assert clock.now <= first.next_attempt_at <= clock.now + 4.0  # base·2^1
    assert 0 <= wait <= 4.0  # the whole queue waits too: no hammering a dead link
    assert sync.step() == pytest.approx(wait)  # still waiting: nothing was sent
    assert outbox.get(sealed[1].uuid).attempts == 0
    status = sync.status()
    assert not status.online and status.counts["pending"] == 3
    for _ in range(12):  # repeated failures: delays grow, capped at 300 s
        clock.now += 400
        sync.step()
    delays = [outbox.get(s.uuid).next_attempt_at - clock.now for s in sealed]
    assert all(d <= 300 for d in delays)
    tried = sum(outbox.get(s.uuid).attempts for s in sealed)
    sync.step()  # still inside the pause: nothing is tried
    assert sum(outbox.get(s.uuid).attempts for s in sealed) == tried
    assert sync.retry() == 3  # the clerk pressed "retry": all due now, pause lifted
    assert all(outbox.get(s.uuid).next_attempt_at == 0 for s in sealed)
    sync.step()  # tried at once (refused again), not after the old delay
    assert sum(outbox.get(s.uuid).attempts for s in sealed) == tried + 1
    assert outbox.counts()["pending"] == 3 and outbox.counts()["done"] == 0
    client.close()
    outbox.close()
