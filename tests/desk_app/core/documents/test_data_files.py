"""Slip data files (JSON from technicians): good ones load, bad ones name the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.documents import DataFileError, receipt_from_json, ticket_from_json

GOOD = {
    "case_number": "W03-20261121-0007",
    "items": ["个体工商户设立登记"],
    "applicant": {"name": "王小明", "id_number": "110101199003071234"},
    "materials": [{"name": "居民身份证", "count": 1},
                  {"name": "房屋租赁合同", "count": 1, "form": "原件", "pages": 11}],
    "deferred": [{"name": "卫生许可证复印件", "due": "2026-12-01"}],
    "promised_date": "2026-12-03",
    "window": "综合受理3号窗",
    "clerk": "李芳",
    "qr_url": "https://zwfw.example.gov.cn/p?c=1",
}


def test_a_complete_receipt_file_loads():
    data = receipt_from_json(GOOD, now=datetime(2026, 11, 21, 9, 30))
    assert data.deferred[0].due == date(2026, 12, 1)
    assert data.promised_date == date(2026, 12, 3)
    assert data.accepted_at == datetime(2026, 11, 21, 9, 30)
    assert (data.materials[1].form, data.materials[1].count, data.materials[1].pages) == (
        "原件", 1, 11)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"case_number": None}, "case_number"),
        ({"items": "个体工商户"}, "items 应为列表"),
        ({"applicant": {"name": "王小明"}}, "applicant.id_number"),
        ({"materials": [{"name": "身份证", "count": 0}]}, "materials[0].count"),
        ({"materials": [{"name": "身份证", "pages": -1}]}, "materials[0].pages"),
        ({"materials": [{"name": "身份证", "form": 3}]}, "materials[0].form"),
        ({"deferred": [{"name": "证明", "due": "12月1日"}]}, "deferred[0].due"),
        ({"promised_date": "下周"}, "promised_date"),
    ],
)
def test_bad_receipt_files_name_the_field(change, words):
    raw = {**GOOD, **change}
    raw = {k: v for k, v in raw.items() if v is not None}
    with pytest.raises(DataFileError) as info:
        receipt_from_json(raw)
    assert words in str(info.value)


def test_ticket_file_loads_and_checks_waiting():
    data = ticket_from_json(
        {"ticket": "A0012", "service": "综合受理", "waiting": 3, "issued_at": "2026-11-21T09:05"}
    )
    assert data.waiting == 3 and data.issued_at.hour == 9
    with pytest.raises(DataFileError, match="waiting"):
        ticket_from_json({"ticket": "A0012", "service": "综合受理", "waiting": -1})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
field_names = st.sampled_from([*GOOD, "ticket", "service", "waiting", "issued_at", "accepted_at",
                               "form", "pages", "count", "name"])


@given(st.dictionaries(field_names, json_values, max_size=12) | json_values)
def test_any_json_gives_data_or_a_data_file_error(raw):
    for parse in (receipt_from_json, ticket_from_json):
        try:
            parse(raw)
        except DataFileError as exc:
            assert str(exc)


material_entries = st.lists(
    st.dictionaries(st.sampled_from(["name", "count", "form", "pages"]), json_values, max_size=4),
    max_size=3)


@given(material_entries)
def test_any_material_entry_gives_a_line_or_names_its_field(materials):
    try:
        data = receipt_from_json({**GOOD, "materials": materials})
    except DataFileError as exc:
        assert "materials" in str(exc)
        return
    assert all(line.pages >= 0 and line.count >= 1 for line in data.materials)
