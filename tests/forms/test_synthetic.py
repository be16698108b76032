"""The synthetic catalog generator: size, determinism, and a YAML round trip via the loader."""

import pytest

from forms.catalog import load_catalog
from forms.synthetic import synthetic_catalog, write_yaml


def test_ten_thousand_distinct_items_deterministic():
    cat = synthetic_catalog(10_000)
    assert len(cat.items) == 10_000
    assert len({i.name for i in cat.items.values()}) == 10_000
    assert len(cat.departments()) >= 20
    assert synthetic_catalog(300).to_dict() == synthetic_catalog(300).to_dict()


def test_written_yaml_loads_back_identically(tmp_path):
    cat = synthetic_catalog(150, seed=7)
    write_yaml(cat, tmp_path)
    loaded = load_catalog(tmp_path)
    assert loaded.errors == []
    assert loaded.to_dict() == cat.to_dict()


@pytest.mark.benchmark
def test_benchmark_load_10k_yaml(tmp_path):
    import time

    write_yaml(synthetic_catalog(10_000), tmp_path)
    started = time.perf_counter()
    cat = load_catalog(tmp_path)
    took = time.perf_counter() - started
    print(f"\nloaded {len(cat.items)} items from YAML (schema-checked) in {took:.1f} s")
    assert len(cat.items) == 10_000 and cat.errors == []
