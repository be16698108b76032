"""Every parser of outside bytes gives a result or a typed error, never another exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.catalog import Catalog, CatalogFormatError, load_catalog
from forms.catalog_files import parse_catalog_text
from forms.rules import RuleError, compile_rule

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20,
)
SAMPLE = load_catalog().to_dict()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_yaml_text_gives_data_or_located_errors(text):
    parsed = parse_catalog_text(text, "x.yaml")
    assert (parsed.data is None) == bool(parsed.errors)
    for err in parsed.errors:
        assert err.file == "x.yaml" and err.line >= 0 and err.message


yaml_like = st.lists(st.sampled_from([
    "items:", "  - code: ABCDEFGH12", "    name: 测试", "    type: 公共服务", "fields:",
    "    legal_days: 3", "    promised_days: x", "  - {key: a.b, label: 甲}", "department: 局",
    "bundles:", "  - [1, 2", "    materials: [{code: M, name: n, modes: [paper]}]", "\t", "- ",
    "    applicant_types: [natural_person]", "key: &a [*a]", "? complex", "!!python/object x",
]), max_size=12).map("\n".join)


@settings(max_examples=300)
@given(yaml_like)
def test_yaml_shaped_noise_never_raises(text):
    parsed = parse_catalog_text(text, "y.yaml")
    assert parsed.data is not None or parsed.errors


@settings(max_examples=200)
@given(json_values)
def test_from_dict_random_json_gives_catalog_or_format_error(value):
    try:
        Catalog.from_dict(value)
    except CatalogFormatError:
        pass


@st.composite
def damaged_sample(draw):
    """The real catalog JSON with one value somewhere replaced by noise."""
    data = json.loads(json.dumps(SAMPLE))
    node = data
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if not isinstance(node[key], dict | list) or draw(st.booleans()):
                node[key] = draw(json_values)
                break
            node = node[key]
        elif isinstance(node, list) and node:
            i = draw(st.integers(min_value=0, max_value=len(node) - 1))
            if not isinstance(node[i], dict | list) or draw(st.booleans()):
                node[i] = draw(json_values)
                break
            node = node[i]
        else:
            break
    return data


@settings(max_examples=80, deadline=None)
@given(damaged_sample())
def test_from_dict_damaged_sample_gives_catalog_or_format_error(data):
    try:
        catalog = Catalog.from_dict(data)
    except CatalogFormatError:
        return
    assert isinstance(catalog.to_dict(), dict)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.dictionaries(st.sampled_from(["a", "a.b", "c", "today"]),
                                             json_values, max_size=4))
def test_any_rule_text_compiles_or_rule_error(text, values):
    try:
        rule = compile_rule(text)
    except RuleError:
        return
    try:
        rule.evaluate(values)
    except RuleError:
        pass
    assert rule.test(values) in (True, False)


item_noise = st.fixed_dictionaries(
    {"code": st.sampled_from(["ABCDEFGH12", "bad", 12]),
     "name": st.sampled_from(["测试", "", None]),
     "type": st.sampled_from(["公共服务", "行政许可", "其他"]),
     "applicant_types": st.sampled_from([["natural_person"], [], ["x"], "natural_person"]),
     "legal_days": st.sampled_from([0, 5, -1, "5", 400]),
     "promised_days": st.sampled_from([0, 1, 2.5]),
     "fields": st.lists(st.sampled_from([
         {"key": "a.b", "label": "甲"}, {"ref": "a.b"}, {"key": "A", "label": "x"},
         {"key": "s", "label": "选", "type": "select"},
         {"key": "s", "label": "选", "type": "select", "options": ["一"]},
         {"key": "t", "label": "表", "type": "table", "columns": [{"key": "c", "label": "列"}]},
     ]), max_size=3),
     "materials": st.lists(st.sampled_from([
         {"code": "M1", "name": "材料", "modes": ["paper", {"licence": "证"}, {"deferred": 5}]},
         {"code": "M1", "name": "材料", "modes": []},
         {"code": "M1", "name": "材料", "modes": [{"deferred": 0}]},
         {"code": "M 1", "name": "材料", "modes": ["fax"]},
     ]), max_size=2)},
    optional={"fee": st.sampled_from([0, "10.5", "10.555", -1]),
              "pinyin": st.sampled_from([{"单县": "shan xian"}, {"单县": 1}, ["shan"], {},
                                         {"单县": "Shan"}, "shan xian"]),
              "extra": st.just(1)},
)


@settings(max_examples=300)
@given(item_noise)
def test_fast_and_full_validators_agree(item):
    from forms.catalog_files import _fast_check, _validator

    data = {"department": "局", "items": [item]}
    full_ok = not list(_validator().iter_errors(data))
    try:
        _fast_check()(data)
        fast_ok = True
    except Exception:
        fast_ok = False
    assert fast_ok == full_ok
