"""Pinyin keys kept between runs: same index, only new texts converted, a bad file ignored."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.services.desk_context import load_search_keys, save_search_keys
from forms.catalog import load_catalog
from forms.search import SearchIndex, search_keys
from forms.search_key_cache import SearchKeyCache

CATALOG = load_catalog()
QUERIES = ["sbk", "社保", "shebao", "营业执照", "yyzz", "hunyin", "户口", "jiash"]


def _results(index: SearchIndex) -> list[list[tuple[str, int]]]:
    return [[(h.code, h.tier) for h in index.search(q)] for q in QUERIES]


def test_an_index_built_from_the_cache_finds_exactly_the_same(tmp_path):
    first = SearchKeyCache()
    plain = SearchIndex(CATALOG)
    assert _results(SearchIndex(CATALOG, keys=first)) == _results(plain)
    assert first.converted > 100
    again = SearchKeyCache.loads(first.dumps())
    assert _results(SearchIndex(CATALOG, keys=again)) == _results(plain)
    assert again.converted == 0
    assert again("社保卡") == search_keys("社保卡")


def test_only_this_runs_texts_are_saved_and_new_ones_converted():
    old = SearchKeyCache()
    old("已经取消的事项")
    old("社保卡")
    cache = SearchKeyCache.loads(old.dumps())
    cache("社保卡")
    cache("新增事项")
    assert cache.converted == 1
    assert set(json.loads(cache.dumps())["keys"]) == {"社保卡", "新增事项"}


def test_a_cache_of_another_pypinyin_rules_or_format_is_not_trusted():
    body = json.loads(SearchKeyCache(None).dumps())
    body["keys"] = {"社保卡": [["wrong"], ["alt"]]}
    cached = SearchKeyCache.loads(json.dumps(body).encode())("社保卡")
    assert (cached.primary, cached.alternative) == ({"wrong"}, {"alt"})
    # another pypinyin, another version of our reading rules (a bump invalidates), format
    for change in ({"pypinyin": "0.1"}, {"rules": body["rules"] + 1}, {"format": 1},
                   {"keys": {"社保卡": "wrong"}}, {"keys": {"社保卡": [["a"]]}}):
        cache = SearchKeyCache.loads(json.dumps(body | change).encode())
        assert cache("社保卡") == search_keys("社保卡")


@settings(max_examples=300)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_cache_never_an_error(data):
    cache = SearchKeyCache.loads(data)
    assert cache("社保卡") == search_keys("社保卡")


def test_the_client_saves_once_and_then_converts_nothing(tmp_path):
    keys = load_search_keys(tmp_path)
    SearchIndex(CATALOG, keys=keys)
    save_search_keys(keys, tmp_path)
    saved = (tmp_path / "search-keys.json").stat().st_mtime_ns
    keys = load_search_keys(tmp_path)
    SearchIndex(CATALOG, keys=keys)
    assert keys.converted == 0
    save_search_keys(keys, tmp_path)
    assert (tmp_path / "search-keys.json").stat().st_mtime_ns == saved  # nothing new: no write
    (tmp_path / "search-keys.json").write_bytes(b"\x00garbage")  # a damaged file
    keys = load_search_keys(tmp_path)
    assert _results(SearchIndex(CATALOG, keys=keys)) == _results(SearchIndex(CATALOG))
