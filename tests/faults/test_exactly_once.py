"""200 cases with materials through a faulty link: each case once at the center, blobs intact."""

from __future__ import annotations

import random
import time

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.live_center import drain

N_CASES = 200


@pytest.mark.realstack
def test_every_case_exactly_once_through_faults(live_center, tmp_path):
    under_test = live_center
    proxy = FaultProxy(
        under_test.url,
        FaultPlan(
            seed=7,
            drop_request=0.06,
            cut_response=0.06,
            bad_gateway=0.03,
            unavailable=0.03,
            delay=0.05,
        ),
    )
    proxy.start()
    outbox = Outbox.open(AppPaths.under(tmp_path / "client").ensure(), Keystore())
    # Small chunks so a 100-200 kB blob spans several PATCHes and cuts land mid-upload.
    client = under_test.client(proxy.url, timeout=(2, 10), chunk_size=64 * 1024)
    sync = SyncService(outbox, client, backoff=Backoff(base=0.005, cap=0.05), rng=random.Random(1))
    try:
        rng = random.Random(2026)
        sealed = {}
        for i in range(N_CASES):
            size = 200_000 if i % 10 == 0 else rng.randint(500, 12_000)
            draft, blobs = under_test.case(rng, n_blobs=2 if i % 5 == 0 else 1, blob_size=size)
            sealed[draft.uuid] = (outbox.seal(draft, blobs), blobs)
        started = time.monotonic()
        drain(sync, timeout=120)
        elapsed = time.monotonic() - started
    finally:
        proxy.stop()
        client.close()

    print(f"\n{N_CASES} cases in {elapsed:.1f}s; proxy: {dict(proxy.stats.requests)}")
    assert proxy.stats.faults >= 30, "the plan must actually inject faults"
    stuck = [
        (e.provisional_number, e.last_error) for e in outbox.list_entries(("needs_attention",))
    ]
    assert not stuck, stuck
    assert outbox.counts() == {"pending": 0, "sending": 0, "done": N_CASES, "needs_attention": 0}
    counts = under_test.case_counts(set(sealed))
    assert set(counts) == set(sealed) and set(counts.values()) == {1}
    direct = under_test.client()
    numbers = set()
    for uuid, (_seal, blobs) in sealed.items():
        entry = outbox.get(uuid)
        assert direct.get_case_by_uuid(uuid).number == entry.official_number
        numbers.add(entry.official_number)
        for digest, data in blobs.items():
            assert under_test.center_blob(digest) == data
    assert len(numbers) == N_CASES
    outbox.close()
