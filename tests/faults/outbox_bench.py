"""Drain throughput and bytes re-sent per cut, through the fault proxy with a bandwidth cap.

Used by ``scripts/bench_outbox.py`` and the ``benchmark``-marked test. Targets (issue 7):
re-sent bytes per cut ≤ one chunk (chunks are sized to the link: the largest one the
run used is the bound); throughput ≥ 80 % of the imposed limit.
"""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import keyring

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.memory_keyring import MemoryKeyring
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.live_center import drain, start_center


@dataclass
class BenchResult:
    label: str
    payload_bytes: int
    seconds: float
    limit: float
    patch_bytes: int
    cuts: int
    largest_chunk: int

    @property
    def throughput(self) -> float:
        return self.payload_bytes / self.seconds

    @property
    def resent_per_cut(self) -> float:
        return max(0, self.patch_bytes - self.payload_bytes) / self.cuts if self.cuts else 0.0

    def report(self) -> str:
        ratio = self.throughput / self.limit
        lines = [
            f"[{self.label}] {self.payload_bytes / 2**20:.1f} MiB in {self.seconds:.1f} s: "
            f"{self.throughput / 2**20:.2f} MiB/s = {ratio:.0%} of the "
            f"{self.limit / 2**20:.2f} MiB/s limit (target ≥ 80%: "
            f"{'met' if ratio >= 0.8 else 'MISSED'})",
        ]
        if self.cuts:
            per_cut = self.resent_per_cut
            lines.append(
                f"[{self.label}] {self.cuts} cuts, {max(0, self.patch_bytes - self.payload_bytes)}"
                f" bytes re-sent = {per_cut / 1024:.1f} KiB per cut (target ≤ one chunk, "
                f"{self.largest_chunk // 1024} KiB: "
                f"{'met' if per_cut <= self.largest_chunk else 'MISSED'})"
            )
        else:
            lines.append(f"[{self.label}] chunks grew to {self.largest_chunk // 1024} KiB")
        return "\n".join(lines)


def run_bench(
    *,
    limit: float = 2**20,
    cases: int = 6,
    blob_size: int = 2**20,
    faults: bool,
    background: bool = True,
) -> BenchResult:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="bench-outbox-") as tmp:
        root = Path(tmp)
        running, center = start_center(root / "center")
        plan = FaultPlan(seed=3, bandwidth=limit)
        if faults:
            plan = FaultPlan(
                seed=3, bandwidth=limit, drop_request=0.12, cut_response=0.06, unavailable=0.04
            )
        proxy = FaultProxy(center.url, plan)
        proxy.start()
        outbox = Outbox.open(AppPaths.under(root / "client").ensure(), Keystore())
        client = center.client(proxy.url, timeout=(5, 30))
        sync = SyncService(
            outbox, client, backoff=Backoff(base=0.01, cap=0.1), rng=random.Random(1)
        )
        rng = random.Random(42)
        payload = 0
        for _ in range(cases):
            draft, blobs = center.case(rng, blob_size=blob_size)
            outbox.seal(draft, blobs)
            payload += sum(len(b) for b in blobs.values())
        started = time.monotonic()
        if background:  # as the client runs it: sync thread plus the upload-ahead connection
            sync.start()
            while outbox.counts()["done"] < cases and time.monotonic() - started < 600:
                time.sleep(0.02)
            sync.stop()
        else:
            drain(sync, timeout=600)
        seconds = time.monotonic() - started
        largest = sync.largest_chunk()
        proxy.stop()
        client.close()
        outbox.close()
        running.stop()
        cuts = proxy.stats.faults
        return BenchResult(
            ("faults" if faults else "clean") + ("" if background else ", one connection"),
            payload,
            seconds,
            limit,
            proxy.stats.patch_body_bytes_in,
            cuts,
            largest,
        )
