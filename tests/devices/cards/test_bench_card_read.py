"""Benchmark: from "read" to a parsed identity over a pty with the emulated SAM module.

Run with ``make bench`` (or ``pytest -m benchmark -s tests/devices/cards``). Prints the
time of whole reads (find → select → read 30/01 → 30/03) with the emulator pacing its
output like a 115200-baud UART, beside the physical floor of the link, and the same
read unpaced, which is the host-side cost (pty, framing, parsing).
"""

from __future__ import annotations

import statistics
import time

import pytest

from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from devices.cards.uri import open_reader
from tests.support.sam_emulator import Behaviour, SamEmulator

BAUD = 115200
READ_REPLY = 5 + 2 + 3 + 4 + 256 + 1024 + 1  # the 30/01 frame: 1295 bytes
DIALOGUE = (5 + 2 + 3 + 4 + 1) + (5 + 2 + 3 + 8 + 1) + READ_REPLY + (5 + 2 + 3 + 1)


def _reads(baud: int, n: int) -> list[float]:
    behaviour = Behaviour(text=build_text(SIM_IDENTITIES["resident"][1]), baud=baud)
    times = []
    with SamEmulator(behaviour) as emu:
        reader = open_reader(f"sam:{emu.port}?baud={BAUD}")
        try:
            reader.read_identity(2)  # warm-up
            for _ in range(n):
                started = time.perf_counter()
                identity = reader.read_identity(2)
                times.append((time.perf_counter() - started) * 1000)
                assert identity.name == "李秀英"
        finally:
            reader.close()
    return times


@pytest.mark.benchmark
@pytest.mark.realstack
def test_bench_read_identity_over_pty():
    floor_reply = READ_REPLY * 10 / BAUD * 1000
    floor_dialogue = DIALOGUE * 10 / BAUD * 1000
    paced = _reads(BAUD, 15)
    raw = _reads(0, 30)
    print()
    print(f"card read over pty, emulator paced at {BAUD} baud (10 bits/byte), 15 reads:")
    median = statistics.median(paced)
    print(f"  median {median:7.1f} ms   min {min(paced):7.1f}   max {max(paced):7.1f}")
    print(
        f"  physical floor: 30/01 reply {READ_REPLY} B = {floor_reply:.1f} ms; "
        f"whole dialogue {DIALOGUE} B = {floor_dialogue:.1f} ms"
    )
    print(
        f"  overhead over the dialogue floor: {statistics.median(paced) - floor_dialogue:+.1f} ms"
    )
    print("unpaced (host cost: pty, framing, parsing), 30 reads:")
    print(f"  median {statistics.median(raw):7.2f} ms   min {min(raw):7.2f}   max {max(raw):7.2f}")
    assert len(paced) == 15 and len(raw) == 30
