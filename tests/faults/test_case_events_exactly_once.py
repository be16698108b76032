"""出件 and 邮寄 recorded while the center is offline wait in the outbox and reach it once
each through a faulty link, the collector's signature with the handover (issue #11)."""

from __future__ import annotations

import random
import sqlite3

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.center_client import CenterClient
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.core.window_day.handover import Handover
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.live_center import drain

N_CASES = 12


@pytest.fixture
def center(live_center):
    return live_center


def _ready(approver: CenterClient, number: str) -> None:
    for event, note in (("start_review", ""), ("approve", "准予"), ("result_ready", "")):
        approver.post_case_event(number, {"event": event, "note": note}, f"{number}-{event}")


@pytest.mark.realstack
def test_handovers_and_mailings_made_offline_reach_the_center_once(center, tmp_path):
    outbox = Outbox.open(AppPaths.under(tmp_path / "client").ensure(), Keystore())
    direct = center.client()
    approver = CenterClient(center.url)
    approver.login("approver01", "demo1234", "W01")
    rng = random.Random(12)
    drafts = []
    for _ in range(N_CASES):
        draft, blobs = center.case(rng)
        outbox.seal(draft, blobs)
        drafts.append(draft)
    SyncService(outbox, direct, backoff=Backoff(0.005, 0.05), rng=random.Random(1)).run_until_idle()
    numbers = {d.uuid: outbox.get(d.uuid).official_number for d in drafts}
    for number in numbers.values():
        _ready(approver, number)

    # The link is down: every 出件 / 邮寄 is still taken, and kept.
    dead = CenterClient("http://127.0.0.1:9", token="t", timeout=(0.3, 0.5))
    offline = SyncService(outbox, dead, backoff=Backoff(0.005, 0.05), rng=random.Random(2))
    handover = Handover(outbox, dead, "W01", wake=offline.wake)
    signatures = {}
    for i, draft in enumerate(drafts):
        key = f"evt-{draft.uuid}"
        if i % 2:
            handover.mail(draft.uuid, numbers[draft.uuid], f"SF{i:010d}", "顺丰速运", key)
            continue
        signatures[draft.uuid] = b"\x89PNG signature " + rng.randbytes(rng.randint(500, 20_000))
        collector = handover.collector(draft.uuid, draft.applicant.name,
                                       draft.applicant.id_number, as_agent=False)
        assert handover.hand_over(draft.uuid, numbers[draft.uuid], collector,
                                  signatures[draft.uuid], key).queued
    offline.run_until_idle(max_steps=3)
    assert outbox.counts(("case_event",))["done"] == 0
    assert outbox.counts(("case_event",))["pending"] == N_CASES
    dead.close()

    proxy = FaultProxy(
        center.url,
        FaultPlan(seed=7, drop_request=0.1, cut_response=0.15, bad_gateway=0.05, delay=0.05),
    )
    proxy.start()
    client = center.client(proxy.url, timeout=(2, 10), chunk_size=16 * 1024)
    sync = SyncService(outbox, client, backoff=Backoff(0.005, 0.05), rng=random.Random(3))
    try:
        drain(sync, timeout=120)
    finally:
        proxy.stop()
        client.close()
    assert proxy.stats.faults >= 3, "the plan must actually inject faults"
    assert outbox.counts(("case_event",)) == {
        "pending": 0, "sending": 0, "done": N_CASES, "needs_attention": 0
    }
    with sqlite3.connect(center.db_path) as db:
        rows = db.execute(
            "SELECT c.uuid, e.event, e.data FROM case_events e JOIN cases c ON c.id = e.case_id"
            " WHERE e.event IN ('handed_over', 'mailed')"
        ).fetchall()
    seen: dict[str, list[str]] = {}
    for uuid, event, _data in rows:
        seen.setdefault(uuid, []).append(event)
    assert {u: seen.get(u) for u in numbers} == {
        d.uuid: ["mailed" if i % 2 else "handed_over"] for i, d in enumerate(drafts)
    }
    for uuid, png in signatures.items():
        assert center.center_blob(sha256_hex(png)) == png
        view = direct._json("GET", f"/cases/{numbers[uuid]}")
        assert view["handed_out"]["signature_blob"] == sha256_hex(png)
        assert outbox.get(uuid).center_status == "collected"  # the case's own row followed
    direct.close()
    approver.close()
    outbox.close()
