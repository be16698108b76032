"""The catalog loads the sample, round-trips through JSON, and reports bad files by line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from forms.catalog import Catalog, load_catalog, sample_catalog_folder

GOOD = """\
department: 测试局
fields:
  - {key: applicant.name, label: 姓名, type: text, required: true, prefill: [card.name]}
items:
  - code: T0000000000000000000000000000001
    name: 测试事项
    type: 公共服务
    applicant_types: [natural_person]
    legal_days: 5
    promised_days: 2
    fee: 10
    fields:
      - ref: applicant.name
    materials:
      - {code: M1, name: 材料一, modes: [paper, {licence: 结婚证}, {deferred: 5}]}
"""


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return load_catalog()


def test_sample_catalog_loads_without_errors(sample):
    assert sample.errors == []
    assert len(sample.items) >= 5
    item = next(i for i in sample.items.values() if i.name == "居民身份证补领")
    assert item.department == "市公安局"
    assert item.legal_days == 60 and item.promised_days <= item.legal_days
    assert item.fee == "20.00"
    assert {m.kind for m in item.materials[0].modes} >= {"licence", "shared"}
    assert sample.item(item.code) is item
    with pytest.raises(KeyError):
        sample.item("NO-SUCH-CODE")


def test_to_dict_is_json_and_round_trips(sample):
    text = json.dumps(sample.to_dict(), ensure_ascii=False, sort_keys=False)
    again = Catalog.from_dict(json.loads(text))
    assert again.to_dict() == sample.to_dict()
    assert again.items.keys() == sample.items.keys()
    assert json.dumps(again.to_dict(), ensure_ascii=False) == text  # stable order


def test_from_dict_rejects_other_formats():
    with pytest.raises(ValueError):
        Catalog.from_dict({"format": 99, "items": []})


def test_default_folder_is_the_shipped_sample():
    assert (sample_catalog_folder() / "fields.yaml").is_file()


def test_good_file_modes_and_fee(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    cat = load_catalog(tmp_path)
    assert cat.errors == []
    item = cat.item("T0000000000000000000000000000001")
    assert item.fee == "10.00"
    modes = item.materials[0].modes
    assert [m.kind for m in modes] == ["paper", "licence", "deferred"]
    assert modes[1].licence_type == "结婚证" and modes[2].days == 5
    assert item.fields[0].prefill == ("card.name",)


def test_schema_error_names_file_and_line_and_other_files_load(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    bad = GOOD.replace("T0000000000000000000000000000001", "T0000000000000000000000000000002")
    bad = bad.replace("    legal_days: 5\n", "    legal_days: 五天\n")
    bad = bad.replace("key: applicant.name", "key: other.name")
    write(tmp_path, "b.yaml", bad)
    cat = load_catalog(tmp_path)
    assert "T0000000000000000000000000000001" in cat.items
    assert "T0000000000000000000000000000002" not in cat.items
    assert len(cat.errors) == 1
    err = cat.errors[0]
    assert err.file == "b.yaml" and err.line == 9
    assert "legal_days" in err.message
    assert str(err).startswith("b.yaml:9: ")


def test_yaml_syntax_error_has_line(tmp_path):
    write(tmp_path, "broken.yaml", "items:\n  - code: [unclosed\n    name: x\n")
    cat = load_catalog(tmp_path)
    assert len(cat.errors) == 1 and cat.errors[0].file == "broken.yaml"
    assert cat.errors[0].line >= 2 and "YAML" in cat.errors[0].message


def test_not_utf8_is_reported(tmp_path):
    (tmp_path / "gbk.yaml").write_bytes("department: 测试局\n".encode("gbk"))
    cat = load_catalog(tmp_path)
    assert "UTF-8" in cat.errors[0].message


def test_semantic_errors_skip_only_that_item(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    text = GOOD.replace("fields:\n  - {key: applicant.name, label: 姓名, type: text, "
                        "required: true, prefill: [card.name]}\n", "")
    text = text.replace("ref: applicant.name", "ref: applicant.nope")
    write(tmp_path, "b.yaml", text)  # same code as a.yaml, and an unknown ref
    text2 = GOOD.replace("T0000000000000000000000000000001", "T0000000000000000000000000000003")
    text2 = text2.replace("fields:\n  - {key: applicant.name, label: 姓名, type: text, "
                          "required: true, prefill: [card.name]}\n", "")
    text2 = text2.replace("{code: M1, name: 材料一,",
                          "{code: M1, name: 材料一, required_when: 'a +* b',")
    write(tmp_path, "c.yaml", text2)
    cat = load_catalog(tmp_path)
    assert set(cat.items) == {"T0000000000000000000000000000001"}
    messages = " | ".join(str(e) for e in cat.errors)
    assert "b.yaml:" in messages and "applicant.nope" in messages and "重复" in messages
    assert "c.yaml:3:" in messages and "规则写法有误" in messages


def test_bundle_with_unknown_item_is_reported(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "bundles.yaml", """\
        bundles:
          - code: B1
            name: 测试一件事
            items: [T0000000000000000000000000000001, NOPE00000000]
    """)
    cat = load_catalog(tmp_path)
    assert cat.bundles == {}
    assert cat.errors[0].file == "bundles.yaml" and cat.errors[0].line == 2


def test_sample_catalog_content_is_training_grade(sample):
    from forms.form_session import FormSession
    from forms.materials import MaterialsChecklist

    assert len(sample.items) >= 40
    assert len(sample.departments()) >= 8
    names = {b.name for b in sample.bundles.values()}
    assert {"出生一件事", "退休一件事", "身后一件事", "开办企业一件事"} <= names
    for item in sample.items.values():
        assert item.materials and item.fields, item.name
        assert 0 <= item.promised_days <= item.legal_days, item.name
        assert len(item.code) >= 18
        # every item's form builds and every rule runs on an empty and a prefilled form
        form = FormSession(sample, [item.code], prefill={"card.name": "张三"})
        checklist = MaterialsChecklist([item])
        checklist.refresh(form.rule_values())
        assert checklist.required_lines(), item.name
    for bundle in sample.bundles.values():
        form = FormSession(sample, bundle.item_codes)
        assert form.shared_keys(), bundle.name  # 一表申请: something is asked once
        assert set(form.split_by_item()) == set(bundle.item_codes)


def test_walking_skeleton_item_is_short_and_prefilled(sample):
    from forms.form_session import FormSession

    item = next(i for i in sample.items.values() if i.name == "社会保障卡补领")
    form = FormSession(sample, [item.code], prefill={
        "card.name": "张三", "card.id_number": "11010519491231002X"})
    visible = form.visible_keys()
    assert 3 <= len(visible) <= 5
    assert sum(1 for k in visible if form.state(k).source.startswith("card.")) == 2
    assert 1 <= len(item.materials) <= 2


def test_schema_file_is_valid_json_schema():
    import jsonschema

    from forms.catalog_files import catalog_schema

    jsonschema.Draft202012Validator.check_schema(catalog_schema())
