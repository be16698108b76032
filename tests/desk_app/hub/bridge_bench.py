"""What the bridge adds to a card read and a capture, against the same hub called directly.

Both paths write one audit record per read (fsync'd, as the audit trail requires), so the
comparison is the desk's own audited read vs a page's read. All figures come from one run
(the machine is shared and noisy): the driver alone (floor), the hub alone, the desk's
read (hub + audit), and a page's request through the bridge (HTTP on loopback,
keep-alive, Gate, pairing check, audit record, JSON).

    .venv/bin/python -m tests.desk_app.hub.bridge_bench [--reads 200] [--captures 10]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import keyring

from desk_app.core.bridge.rate_limit import RateLimiter
from desk_app.core.hardware import device_ops
from desk_app.core.hardware.device_hub import OWNER_DESK
from desk_app.core.machine_config import ROLE_ID_READER
from desk_app.core.memory_keyring import MemoryKeyring
from devices.cards.uri import open_reader
from tests.desk_app.hub.bridge_fixture import start_bridge


def _times(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def measure(reads: int = 200, captures: int = 10) -> dict[str, list[float]]:
    keyring.set_keyring(MemoryKeyring())
    root = Path(tempfile.mkdtemp(prefix="bridge-bench-"))
    running = start_bridge(root, printer_uri="escpos-sim:", a4_uri=f"pdf-file:{root}",
                           limiter=RateLimiter(per_minute=10**7, burst=10**7))
    try:
        token = running.pair()
        reader = open_reader(running.hub.slot(ROLE_ID_READER).uri)
        with running.client(token=token) as page:
            def via_bridge():
                answer = page.post("/v1/card/read", json={"timeout": 3})
                assert answer.status_code == 200, answer.text
                return answer.json()

            def capture_via_bridge():
                answer = page.post("/v1/camera/capture",
                                   json={"format": "jpeg", "full_frame": True})
                assert answer.status_code == 200, answer.text

            for _ in range(5):  # warm: imports, connection, first opens
                via_bridge()
                device_ops.read_identity(running.hub, OWNER_DESK, 3)
            assert via_bridge()["id_number"] == device_ops.read_identity(
                running.hub, OWNER_DESK, 3).id_number
            def as_the_desk_reads():  # DeskServices.read_identity: the hub, then audited
                identity = device_ops.read_identity(running.hub, OWNER_DESK, 3)
                running.audit.card_read(clerk="clerk01", card_type=identity.id_type.label,
                                        id_number=identity.id_number)

            figures = {
                "card: driver alone": _times(lambda: reader.read_identity(3), reads),
                "card: hub alone": _times(
                    lambda: device_ops.read_identity(running.hub, OWNER_DESK, 3), reads),
                "card: desk (hub + audit)": _times(as_the_desk_reads, reads),
                "card: bridge (page)": _times(via_bridge, reads),
            }
            capture_via_bridge()
            figures["capture: hub (desk)"] = _times(
                lambda: device_ops.capture_page(running.hub, OWNER_DESK, full_frame=True), captures)
            figures["capture: bridge (page)"] = _times(capture_via_bridge, captures)
        reader.close()
    finally:
        running.server.stop()
        running.hub.close()
    return figures


def report(figures: dict[str, list[float]]) -> str:
    lines = [f"{'':26} {'median ms':>10} {'p90 ms':>8} {'n':>5}"]
    for name, values in figures.items():
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) >= 2 else values[0]
        lines.append(f"{name:26} {statistics.median(values):10.2f} {p90:8.2f} {len(values):5}")
    added = statistics.median(figures["card: bridge (page)"]) - statistics.median(
        figures["card: desk (hub + audit)"])
    audit = statistics.median(figures["card: desk (hub + audit)"]) - statistics.median(
        figures["card: hub alone"])
    lines.append(f"bridge adds to a card read as the desk does it: {added:.2f} ms "
                 "(median; goal ≤ 10 ms)")
    lines.append(f"of either path, the audit record's fsync: {audit:.2f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--reads", type=int, default=200)
    parser.add_argument("--captures", type=int, default=10)
    args = parser.parse_args()
    print(report(measure(args.reads, args.captures)))
