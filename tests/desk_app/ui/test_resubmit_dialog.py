"""The correction dialog against a case the real center rejected, kept in a real outbox."""

from __future__ import annotations

import json
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.ui.outbox.resubmit_dialog import (
    FormValueError,
    ResubmitDialog,
    parse_value,
    problem_fields,
    split_reason,
)
from tests.support.live_center import drain

FAST = Backoff(base=0.01, cap=0.05)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(original=json_values, text=st.text())
@settings(max_examples=300, deadline=None)
def test_any_typed_text_gives_a_value_or_a_clerk_message(original, text):
    try:
        value = parse_value(original, text)
    except FormValueError as exc:
        assert str(exc) in ("格式不正确", "类型与原值不一致")
        return
    if isinstance(original, str):
        assert value == text
    elif original is not None:
        assert isinstance(value, bool) == isinstance(original, bool)


@given(value=json_values)
@settings(max_examples=200, deadline=None)
def test_an_unchanged_value_round_trips(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    assert parse_value(value, text) == value


def test_deep_nesting_is_a_clerk_message_not_a_crash():
    with pytest.raises(FormValueError):
        parse_value([1], "[" * 100_000)
    assert math.isinf(parse_value(1.5, "Infinity"))  # Python's json reads it; so does the center


@given(st.text())
def test_reason_splitting_takes_anything(reason):
    lines = split_reason(reason)
    assert all(line and line == line.strip() for line in lines)
    assert problem_fields(lines) <= {line.split("：", 1)[0] for line in lines}


def test_reason_lines_and_named_fields():
    expected = ["提交的内容未通过校验", "items[0]：事项编码不存在：X", "applicant.phone：内容过长"]
    lines = split_reason("；".join(expected) + "； ")
    assert lines == expected
    assert problem_fields(lines) == {"items[0]", "applicant.phone"}


# ---- against a rejected case -------------------------------------------------------------
@pytest.fixture
def rejected(live_center, tmp_path):
    """A case the center refused (unknown item code), sitting in 需处理."""
    outbox = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    client = live_center.client()
    sync = SyncService(outbox, client, backoff=FAST, rng=random.Random(0))
    draft, blobs = live_center.case(random.Random(21), name="李秀英")
    draft.items = ["RETIRED-ITEM"]
    draft.materials[0].item_code = "RETIRED-ITEM"
    draft.form = {"note": "演示", "count": 3, "agree": True}
    outbox.seal(draft, blobs)
    drain(sync)
    assert outbox.get(draft.uuid).state == "needs_attention"
    yield outbox, sync, draft
    sync.stop()
    client.close()
    outbox.close()


def open_dialog(qtbot, outbox, uuid) -> ResubmitDialog:
    dialog = ResubmitDialog(outbox, uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.realstack
def test_shows_reason_masked_applicant_and_the_values(qtbot, rejected):
    outbox, _sync, draft = rejected
    dialog = open_dialog(qtbot, outbox, draft.uuid)
    assert "事项编码不存在：RETIRED-ITEM" in dialog.reason_label.text()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "李*英" in labels
    assert draft.applicant.name not in labels and draft.applicant.id_number not in labels
    assert [e.text() for e in dialog.item_edits] == ["RETIRED-ITEM"]
    assert dialog.item_edits[0].property("state") == "error"
    assert dialog.phone_edit.text() == draft.applicant.phone  # the clerk edits the real value
    table = dialog.form_table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown == {"note": "演示", "count": "3", "agree": "true"}
    assert not table.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable  # keys stay as they are


@pytest.mark.realstack
def test_corrections_are_kept_and_the_case_reaches_the_center(qtbot, rejected, live_center):
    outbox, sync, draft = rejected
    dialog = open_dialog(qtbot, outbox, draft.uuid)
    dialog.item_edits[0].setText(live_center.item_code)
    dialog.phone_edit.setText("13900001111")
    dialog.address_edit.setText("陕西省西安市雁塔区小寨东路2号")
    dialog.set_form_text("count", "5")
    dialog.set_form_text("note", "已更正")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    stored = outbox.draft(draft.uuid)
    assert stored.items == [live_center.item_code]
    assert stored.materials[0].item_code == live_center.item_code
    assert (stored.applicant.phone, stored.applicant.address) == (
        "13900001111", "陕西省西安市雁塔区小寨东路2号")
    assert stored.form == {"note": "已更正", "count": 5, "agree": True}
    assert stored.applicant.name == draft.applicant.name  # untouched what is not editable here
    request = outbox.record(draft.uuid)["request"]
    assert request["applicant"]["phone"] == "13900001111" and request["form"]["count"] == 5
    drain(sync)
    entry = outbox.get(draft.uuid)
    assert entry.state == "done" and entry.official_number
    assert entry.provisional_number.endswith("-0001")  # same case, same provisional number


@pytest.mark.realstack
@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.set_form_text("count", "五"), "表单字段“count”的值格式不正确"),
        (lambda d: d.set_form_text("agree", "1"), "表单字段“agree”的值类型与原值不一致"),
        (lambda d: d.item_edits[0].setText("  "), "事项编码 1 不能为空"),
    ],
    ids=["not-json", "wrong-type", "empty-item"],
)
def test_bad_input_is_told_and_nothing_changes(qtbot, rejected, edit, message):
    outbox, _sync, draft = rejected
    before = outbox.record(draft.uuid)
    dialog = open_dialog(qtbot, outbox, draft.uuid)
    edit(dialog)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert message in dialog.error_label.text()
    assert dialog.isVisible() and dialog.result() == 0
    assert outbox.get(draft.uuid).state == "needs_attention"
    assert outbox.record(draft.uuid) == before


@pytest.mark.realstack
def test_a_case_no_longer_in_attention_is_not_overwritten(qtbot, rejected):
    outbox, _sync, draft = rejected
    dialog = open_dialog(qtbot, outbox, draft.uuid)
    outbox.retry(draft.uuid)  # someone pressed 立即重试 meanwhile: back to pending
    dialog.phone_edit.setText("13900002222")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "只有“需处理”的办件可以更正后重新提交" in dialog.error_label.text()
    assert outbox.draft(draft.uuid).applicant.phone == draft.applicant.phone


@pytest.mark.realstack
def test_fields_and_reasons_are_named_in_chinese(qtbot, rejected):
    from desk_app.core.field_labels import labels_from_catalog, path_label, readable_line
    from forms.catalog import load_catalog

    labels = labels_from_catalog(load_catalog())
    assert path_label("id_card.reissue_reason", labels) == "补领原因"
    assert path_label("form.applicant.phone", labels) == labels["applicant.phone"]
    assert path_label("applicant.phone") == "申请人联系电话"
    assert path_label("materials[1].mode") == "材料 2提供方式"
    assert readable_line("agent.id_number：与申请人是同一人") == "代办人证件号码：与申请人是同一人"
    assert readable_line("不认识的原因") == "不认识的原因"  # nothing to name: kept as it came
    outbox, _sync, draft = rejected
    dialog = ResubmitDialog(outbox, draft.uuid, field_labels={"note": "备注", "count": "份数"})
    qtbot.addWidget(dialog)
    table = dialog.form_table
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert shown == ["备注", "份数", "agree"]  # a key the catalog does not know stays
    assert table.item(0, 0).toolTip() == "note"
    assert "事项 1：事项编码不存在：RETIRED-ITEM" in dialog.reason_label.text()
    assert "items[0]" not in dialog.reason_label.text()
    dialog.set_form_text("count", "五")
    dialog.resubmit()
    assert "表单字段“份数”的值格式不正确" in dialog.error_label.text()
