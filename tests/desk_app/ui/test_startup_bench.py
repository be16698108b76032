"""Time to a usable window against a bare QMainWindow, measured in the same run
(``scripts/bench_startup.py``). Figures are printed, never asserted: a small sample in
the normal suite keeps the benchmark working, the full one runs under ``make bench``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def run_bench(items: int, rounds: int) -> str:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_startup.py"), "--items", str(items),
         "--rounds", str(rounds)],
        capture_output=True, text=True, cwd=REPO, timeout=280,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.realstack
def test_small_sample_measures_both_against_the_floor():
    out = run_bench(items=60, rounds=1)
    for label in ("bare QMainWindow (floor):", "client, warm:", "client, fresh:"):
        assert label in out, out
    assert "x floor" in out


@pytest.mark.benchmark
def test_benchmark_8000_items():
    print(run_bench(items=8000, rounds=3))
