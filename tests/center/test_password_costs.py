"""The tests hash at low Argon2id costs (tests/support/passwords.py); this proves that the
center and the desk's offline clerk cache use the production costs when none are passed:
argon2-cffi's default, RFC 9106's second recommended option (t=3, 64 MiB, p=4)."""

from __future__ import annotations

import json

from argon2 import extract_parameters
from argon2.profiles import RFC_9106_LOW_MEMORY

from center.app import create_app
from desk_app.core.clerk_cache import ClerkCache

PRODUCTION = (RFC_9106_LOW_MEMORY.time_cost, RFC_9106_LOW_MEMORY.memory_cost,
              RFC_9106_LOW_MEMORY.parallelism)


def costs(encoded: str) -> tuple[int, int, int]:
    p = extract_parameters(encoded)
    assert p.type.name == "ID"
    return p.time_cost, p.memory_cost, p.parallelism


def test_the_center_hashes_at_production_costs_by_default(tmp_path):
    assert PRODUCTION == (3, 64 * 1024, 4)
    app = create_app(f"sqlite:///{tmp_path / 'c.db'}", seed_demo=False, blob_dir=tmp_path / "b")
    try:
        assert costs(app.state.center.hasher.hash("demo1234")) == PRODUCTION
    finally:
        app.state.center.engine.dispose()


def test_the_desks_clerk_cache_hashes_at_production_costs_by_default(tmp_path):
    cache = ClerkCache.in_data_dir(tmp_path)
    cache.remember(username="u", password="p", name="n", clerk_id="1", window_id="W01")
    stored = json.loads((tmp_path / "clerk-cache.json").read_text(encoding="utf-8"))
    assert costs(stored["clerks"]["u"]["verifier"]) == PRODUCTION
