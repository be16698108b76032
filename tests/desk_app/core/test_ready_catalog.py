"""The ready (pickled) catalog is used only when sealed by this install's key for this body."""

from __future__ import annotations

import json
import os

import pytest

from desk_app.core.catalog_cache import CatalogCache
from desk_app.core.ready_catalog import ReadyCatalog, seal_key
from forms.catalog import Catalog
from forms.synthetic import synthetic_catalog

KEY = seal_key(os.urandom(32))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return synthetic_catalog(60)


def test_round_trip_and_every_kind_of_miss(tmp_path, catalog):
    ready = ReadyCatalog(tmp_path, KEY)
    assert ready.get("a" * 64) is None  # nothing yet
    ready.put("a" * 64, catalog)
    again = ready.get("a" * 64)
    assert again is not None and again.items.keys() == catalog.items.keys()
    assert ready.get("b" * 64) is None  # another catalog body
    assert ReadyCatalog(tmp_path, seal_key(os.urandom(32))).get("a" * 64) is None  # other key
    raw = bytearray(ready.path.read_bytes())
    raw[-10] ^= 0xFF  # one flipped bit in the pickle: the seal no longer matches
    ready.path.write_bytes(bytes(raw))
    assert ready.get("a" * 64) is None
    ready.path.write_bytes(b"short")
    assert ready.get("a" * 64) is None
    assert os.stat(tmp_path / "catalog.ready").st_mode & 0o077 == 0  # owner only


def test_the_cache_uses_it_on_a_warm_start_and_makes_it_on_a_fresh_one(tmp_path, catalog):
    body = json.dumps(catalog.to_dict(), ensure_ascii=False).encode()  # as the center serves
    fetches: list[str | None] = []

    def fetch(etag):
        fetches.append(etag)
        return (304, etag, b"") if etag else (200, '"v1"', body)

    ready = ReadyCatalog(tmp_path, KEY)
    first = CatalogCache(tmp_path, fetch, ready).load()
    assert ready.path.exists() and first.source == "center"
    parsed: list[bool] = []
    original = ready.get

    def spying_get(digest):
        found = original(digest)
        parsed.append(found is not None)
        return found

    ready.get = spying_get
    second = CatalogCache(tmp_path, fetch, ready).load()
    assert parsed == [True]  # the warm start took the ready form, not the JSON
    assert second.catalog.items.keys() == first.catalog.items.keys()
    assert fetches == [None, '"v1"']
