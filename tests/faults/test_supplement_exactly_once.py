"""容缺 supplements through a faulty link, like cases: each supplement once at the center,
its file intact, the deferred material marked received (issue #11)."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import SupplementDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.live_center import drain

N_CASES = 40


@pytest.mark.realstack
def test_every_supplement_exactly_once_through_faults(live_center, tmp_path):
    outbox = Outbox.open(AppPaths.under(tmp_path / "client").ensure(), Keystore())
    direct = live_center.client()
    rng = random.Random(11)
    cases = []
    for _ in range(N_CASES):
        draft, _blobs = live_center.case(rng)
        draft.materials[0].mode = "deferred"
        draft.materials[0].material_code = live_center.deferred_material_code
        draft.materials[0].blob_digests = []
        draft.materials[0].due_date = date(2026, 12, 31)
        draft.decision.kind = "accept_deferred"
        outbox.seal(draft, {})
        cases.append(draft)
    SyncService(outbox, direct, backoff=Backoff(0.005, 0.05), rng=random.Random(1)).run_until_idle()
    assert outbox.counts()["done"] == N_CASES

    proxy = FaultProxy(
        live_center.url,
        FaultPlan(seed=5, drop_request=0.08, cut_response=0.08, bad_gateway=0.04, delay=0.05),
    )
    proxy.start()
    client = live_center.client(proxy.url, timeout=(2, 10), chunk_size=32 * 1024)
    sync = SyncService(outbox, client, backoff=Backoff(0.005, 0.05), rng=random.Random(2))
    files = {}
    try:
        for draft in cases:
            data = b"%PDF-1.7 supplied later " + rng.randbytes(rng.randint(500, 90_000))
            files[draft.uuid] = data
            outbox.seal_supplement(
                SupplementDraft("sup-" + draft.uuid, draft.uuid, draft.items[0],
                                live_center.deferred_material_code, [sha256_hex(data)]),
                {sha256_hex(data): data},
            )
        drain(sync, timeout=120)
    finally:
        proxy.stop()
        client.close()
    assert proxy.stats.faults >= 8, "the plan must actually inject faults"
    assert outbox.counts() == {
        "pending": 0, "sending": 0, "done": 2 * N_CASES, "needs_attention": 0
    }
    with sqlite3.connect(live_center.db_path) as db:
        rows = db.execute(
            "SELECT c.uuid, count(s.id), min(d.received_at IS NOT NULL) FROM cases c"
            " JOIN supplements s ON s.case_id = c.id"
            " JOIN deferred_materials d ON d.case_id = c.id GROUP BY c.uuid"
        ).fetchall()
    seen = {uuid: (n, received) for uuid, n, received in rows if uuid in files}
    assert seen == {d.uuid: (1, 1) for d in cases}
    for data in files.values():
        assert live_center.center_blob(sha256_hex(data)) == data
    for draft in cases[:3]:  # the center's view says the material arrived
        number = outbox.get(draft.uuid).official_number
        assert direct.get_case(number).timeline[-1]["note"].startswith("补交容缺材料")
    direct.close()
    outbox.close()
