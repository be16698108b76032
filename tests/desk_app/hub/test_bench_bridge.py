"""The bridge benchmark (``make bench``), and a small real sample of it in the normal suite."""

from __future__ import annotations

import pytest

from tests.desk_app.hub.bridge_bench import measure, report

pytestmark = pytest.mark.realstack  # a real server on loopback


@pytest.mark.benchmark
def test_bench_card_read_through_the_bridge_vs_directly():
    print("\n" + report(measure(reads=200, captures=10)))


def test_a_small_sample_of_the_benchmark_runs_and_reports():
    figures = measure(reads=5, captures=1)
    assert all(len(v) == 5 for k, v in figures.items() if k.startswith("card"))
    assert "bridge adds to a card read" in report(figures)
    assert len(figures) == 6
