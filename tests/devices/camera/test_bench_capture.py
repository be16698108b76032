"""`make bench`: prints the capture figures (scripts/bench_capture.py, quick set).

Accuracy, size and legibility are checked here since they do not depend on the
machine's speed; the timings and memory are printed against their targets only.
"""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "bench_capture.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_capture", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.benchmark
def test_capture_benchmark_prints_its_figures():
    bench = load_bench()
    figures = bench.run(quick=True)
    print("\ncapture benchmark (quick set; full: python scripts/bench_capture.py)")
    for key, value in figures.items():
        print(f"  {key:<30} {value:10.3f}" if isinstance(value, float) else f"  {key:<30} {value}")
    print("\n".join(bench.verdicts(figures)))
    assert figures["jaccard_mean"] >= 0.97
    assert figures["document_kb_max"] <= 150
    assert figures["bw_kb_max"] <= 50
    assert figures["bw_ink_f1_min"] >= 0.9
