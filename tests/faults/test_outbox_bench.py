"""``make bench``: outbox drain figures through the bandwidth-limited fault proxy."""

from __future__ import annotations

import pytest

from tests.faults.outbox_bench import run_bench


@pytest.mark.benchmark
@pytest.mark.realstack
def test_outbox_drain_throughput_and_resent_bytes(isolated_machine):
    clean = run_bench(limit=2**20, cases=4, blob_size=2**20, faults=False)
    print("\n" + clean.report())
    cut = run_bench(limit=2**20, cases=4, blob_size=2**20, faults=True)
    print(cut.report())
    assert cut.cuts > 0
    assert cut.resent_per_cut <= cut.largest_chunk  # bytes, not time: holds on any machine
