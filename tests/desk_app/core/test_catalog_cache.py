"""Catalog sync against the real reference center on loopback: ETag, offline, corruption."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.catalog_cache import CatalogCache, CatalogUnavailable
from desk_app.core.center_client import CenterClient
from forms.catalog import load_catalog


@pytest.fixture(scope="module")
def center(tmp_path_factory):
    from center.inprocess import start_in_thread

    tmp = tmp_path_factory.mktemp("center")
    running = start_in_thread(f"sqlite:///{tmp / 'center.db'}", tmp / "blobs")
    client = CenterClient(running.url)
    client.login("clerk01", "demo1234", "W01")
    yield running, client
    client.close()
    running.stop()


class Recorder:
    """Wraps the real fetch, remembering the status of each answer; can go 'offline'."""

    def __init__(self, client: CenterClient) -> None:
        self.client = client
        self.statuses: list[int] = []
        self.sent_etags: list[str | None] = []
        self.offline = False

    def __call__(self, etag):
        self.sent_etags.append(etag)
        if self.offline:
            return CenterClient("http://127.0.0.1:9", timeout=0.5).fetch_catalog(etag)
        status, new_etag, body = self.client.fetch_catalog(etag)
        self.statuses.append(status)
        return status, new_etag, body


def test_first_load_caches_then_etag_gives_304(center, tmp_path):
    _, client = center
    fetch = Recorder(client)
    cache = CatalogCache(tmp_path, fetch)
    first = cache.load()
    assert first.source == "center" and fetch.statuses == [200]
    assert first.catalog.to_dict() == load_catalog().to_dict()
    second = CatalogCache(tmp_path, fetch).load()
    assert fetch.statuses == [200, 304] and fetch.sent_etags[1] == first.etag
    assert second.catalog.to_dict() == first.catalog.to_dict() and second.source == "center"


def test_center_down_uses_cache_with_a_note(center, tmp_path):
    _, client = center
    fetch = Recorder(client)
    CatalogCache(tmp_path, fetch).load()
    fetch.offline = True
    snap = CatalogCache(tmp_path, fetch).load()
    assert snap.source == "cache" and "本机缓存" in snap.problem
    assert len(snap.catalog.items) == len(load_catalog().items)


def test_no_cache_and_center_down_is_a_clear_error(tmp_path):
    def down(etag):
        raise ConnectionError("no route")

    with pytest.raises(CatalogUnavailable, match="受理中心连接不上"):
        CatalogCache(tmp_path, down).load()


@pytest.mark.parametrize("damage", ["flip_byte", "bad_meta", "truncate", "valid_json_wrong_shape"])
def test_corrupt_cache_is_detected_and_replaced(center, tmp_path, damage):
    _, client = center
    fetch = Recorder(client)
    cache = CatalogCache(tmp_path, fetch)
    cache.load()
    body = cache.body_path.read_bytes()
    if damage == "flip_byte":
        cache.body_path.write_bytes(body[:100] + bytes([body[100] ^ 1]) + body[101:])
    elif damage == "bad_meta":
        cache.meta_path.write_text("{not json", "utf-8")
    elif damage == "truncate":
        cache.body_path.write_bytes(body[: len(body) // 2])
    else:  # digest matches, content is not a catalog: still never used
        import hashlib
        fake = json.dumps({"format": 1, "items": [{"code": "X"}]}).encode()
        cache.body_path.write_bytes(fake)
        meta = json.loads(cache.meta_path.read_text("utf-8"))
        meta["sha256"] = hashlib.sha256(fake).hexdigest()
        cache.meta_path.write_text(json.dumps(meta), "utf-8")
    fetch.offline = True
    with pytest.raises(CatalogUnavailable, match="缓存文件已损坏"):
        CatalogCache(tmp_path, fetch).load()
    assert not cache.body_path.exists()
    fetch.offline = False
    snap = CatalogCache(tmp_path, fetch).load()
    assert fetch.sent_etags[-1] is None  # asked afresh, not with the bad copy's ETag
    assert fetch.statuses[-1] == 200 and snap.source == "center"
    assert cache.body_path.read_bytes() == body


def test_bad_body_from_center_keeps_the_good_cache(center, tmp_path):
    _, client = center
    fetch = Recorder(client)
    good = CatalogCache(tmp_path, fetch).load()
    snap = CatalogCache(tmp_path, lambda etag: (200, '"x"', b'{"format": 1}')).load()
    assert snap.source == "cache" and snap.etag == good.etag


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.binary(max_size=300),
                      st.text(max_size=200).map(str.encode),
                      st.integers(min_value=1, max_value=5000).map(lambda n: b"[" * n)),
       meta_ok=st.booleans())
def test_any_cached_bytes_give_a_catalog_or_catalog_unavailable(tmp_path_factory, body, meta_ok):
    import hashlib

    folder = tmp_path_factory.mktemp("fuzzcache")
    (folder / "catalog.json").write_bytes(body)
    digest = hashlib.sha256(body).hexdigest() if meta_ok else "0" * 64
    (folder / "catalog.meta.json").write_text(json.dumps({"etag": '"e"', "sha256": digest}))

    def down(etag):
        raise ConnectionError("center down")

    try:
        snap = CatalogCache(folder, down).load()
    except CatalogUnavailable:
        assert not (folder / "catalog.json").exists()  # a bad cache is gone, not kept
        return
    assert snap.source == "cache"
