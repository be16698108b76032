"""Figures for slips and notices (``make bench``): render time, bytes, memory peak.

The clerk waits for these after sealing a case, so they should stay well under a
second; the figures are printed, not asserted.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from desk_app.core.documents import NOTICE_KINDS, build_receipt, load_cjk_fonts, render_notice
from devices.printer import open_printer, parse_printer_uri, render_slip
from tests.desk_app.core.documents.sample_data import notice, receipt

pytestmark = pytest.mark.benchmark


def _timed(fn, rounds: int) -> tuple[float, object]:
    result = fn()  # warm-up (font loading, imports)
    start = time.perf_counter()
    for _ in range(rounds):
        result = fn()
    return (time.perf_counter() - start) / rounds * 1000, result


def test_bench_receipt_render_and_send(emulator):
    for uri in ("escpos-sim:", "escpos-sim:?qr=raster&width=58"):
        profile = parse_printer_uri(uri).profile
        ms, rendered = _timed(lambda p=profile: render_slip(build_receipt(receipt()), p), 50)
        print(f"\nreceipt {uri}: build+render {ms:.2f} ms, {len(rendered.data)} bytes")
    start = time.perf_counter()
    with open_printer(emulator.uri) as printer:
        printer.print_slip(build_receipt(receipt()))
    emulator.wait_closed()
    print(
        f"receipt over TCP 9100 incl. status queries: {(time.perf_counter() - start) * 1000:.1f} ms"
    )


def test_bench_notice_pdfs():
    fonts = load_cjk_fonts()
    for kind in NOTICE_KINDS:
        tracemalloc.start()
        ms, pdf = _timed(lambda k=kind: render_notice(k, notice(), fonts=fonts), 5)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"\nnotice {kind}: {ms:.0f} ms, {len(pdf) / 1024:.0f} KiB, peak {peak / 2**20:.1f} MiB"
        )
