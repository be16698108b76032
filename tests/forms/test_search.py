"""Search by name, code, pinyin and initials; typos; ranking; popularity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.catalog import Catalog, load_catalog
from forms.search import EXACT, FUZZY, PREFIX, SUBSTRING, SearchIndex, search_keys
from forms.search_bench import report, run
from forms.spec import Bundle, Item
from forms.synthetic import synthetic_catalog

BASE = {"item_type": "公共服务", "department": "测试局", "applicant_types": ("natural_person",),
        "legal_days": 1, "promised_days": 1}


def make(code: str, name: str, frequency: int = 0, keywords: tuple[str, ...] = ()) -> Item:
    return Item(code=code, name=name, frequency=frequency, keywords=keywords, **BASE)


@pytest.fixture(scope="module")
def small() -> SearchIndex:
    items = [
        make("A1", "社会保障卡补领", 10, ("社保卡",)),
        make("A2", "社会保障卡挂失", 50),
        make("A3", "居民身份证补领", 90, ("身份证",)),
        make("A4", "失业保险金申领", 5),
        make("A5", "社保", 1),
    ]
    bundle = Bundle("B1", "出生一件事", ("A1", "A3"), keywords=("新生儿",))
    return SearchIndex(Catalog(items={i.code: i for i in items}, bundles={"B1": bundle}))


def names(hits) -> list[str]:
    return [h.name for h in hits]


def test_keys_include_pinyin_and_initials():
    assert search_keys("社保卡").primary == {"社保卡", "shebaoka", "sbk"}
    assert search_keys("ＡＢ 12").all() == {"ab12"}  # full-width and spaces normalised


def test_initials_of_a_keyword_find_the_item(small):
    hits = small.search("sbk")
    assert hits[0].name == "社会保障卡补领" and hits[0].tier == EXACT


def test_exact_beats_prefix_beats_substring(small):
    hits = small.search("社保")
    assert hits[0].name == "社保" and hits[0].tier == EXACT
    assert {h.tier for h in hits[1:]} <= {PREFIX, SUBSTRING, FUZZY}
    tiers = [h.tier for h in hits]
    assert tiers == sorted(tiers, reverse=True)


def test_popularity_orders_a_tier_and_use_boosts(small):
    hits = small.search("shehuibaozhangka")
    assert names(hits)[:2] == ["社会保障卡挂失", "社会保障卡补领"]  # 50 > 10
    for _ in range(9):
        small.record_use("A1")
    assert names(small.search("shehuibaozhangka"))[:2] == ["社会保障卡补领", "社会保障卡挂失"]
    assert small.usage() == {"A1": 9}


def test_usage_passed_back_in_restores_ranking():
    items = {c: make(c, n, f) for c, n, f in [("X1", "医保报销", 1), ("X2", "医保参保", 2)]}
    index = SearchIndex(Catalog(items=items), usage={"X1": 3})
    assert names(index.search("yibao")) == ["医保报销", "医保参保"]


def test_substring_code_and_bundle(small):
    assert names(small.search("补领")) == ["居民身份证补领", "社会保障卡补领"]
    assert small.search("a3")[0].code == "A3"
    bundle = small.search("xinshenger")[0]
    assert bundle.kind == "bundle" and bundle.code == "B1"


def test_typos_are_tolerated(small):
    hits = small.search("shenfenzehng")  # two letters swapped
    assert hits and hits[0].name == "居民身份证补领" and hits[0].tier == FUZZY
    assert small.search("社会保账卡")[0].name.startswith("社会保障卡")
    assert small.search("qqqqqqqq") == []


def test_sample_catalog_common_queries():
    index = SearchIndex(load_catalog())
    assert index.search("sfz")[0].name == "居民身份证补领"
    assert index.search("gtgsh")[0].name == "个体工商户设立登记"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_any_query_gives_ranked_hits(small, query):
    hits = small.search(query)
    assert len(hits) <= 20
    assert len({(h.kind, h.code) for h in hits}) == len(hits)
    assert [h.tier for h in hits] == sorted((h.tier for h in hits), reverse=True)


@pytest.mark.benchmark
def test_benchmark_search_10k_per_keystroke():
    result = run(synthetic_catalog(10_000), rounds=5)
    print("\n" + report(result))
    assert result.keystrokes > 500
