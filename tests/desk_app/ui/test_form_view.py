"""The generated form and materials checklist, driven through real widgets (pytest-qt)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from desk_app.ui.steps.form_materials import NOTE, MaterialsView
from desk_app.ui.steps.form_view import FormView
from desk_app.ui.widgets.field_editors import (
    CheckEditor,
    LineEditor,
    MultiSelectEditor,
    RegionEditor,
    SelectEditor,
    TextAreaEditor,
)
from desk_app.ui.widgets.field_table import TableEditor
from forms.catalog import Catalog, load_catalog
from forms.regions import RegionIndex
from forms.spec import FieldSpec, Item

CARD = {"card.name": "张三", "card.id_number": "11010519491231002X", "card.sex": "女",
        "card.address": "陕西省西安市雁塔区小寨东路1号"}
TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex()


def code(catalog: Catalog, name: str) -> str:
    return next(i.code for i in catalog.items.values() if i.name == name)


@pytest.fixture
def view(qtbot, catalog, regions) -> FormView:
    v = FormView(catalog, regions, today=TODAY)
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives from the input method as a commit, as it does at a real counter."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def line(view: FormView, key: str) -> QLineEdit:
    return view.editor(key).focus_widgets()[0]


def test_prefilled_fields_show_their_source(view, catalog, qtbot):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    assert line(view, "applicant.name").text() == "张三"
    assert view.badge("applicant.name") == "读卡"
    assert view.editor("applicant.sex").focus_widgets()[0].currentText() == "女"
    assert view.badge("applicant.phone") == ""
    assert view.sources()["applicant.id_number"] == "card.id_number"
    # the clerk corrects the name: the badge says so, the source becomes "typed"
    name = line(view, "applicant.name")
    name.selectAll()
    type_chinese(name, "张叁")
    assert view.sources()["applicant.name"] == "typed"
    assert view.badge("applicant.name") == "已手工修改"


def test_live_validation_in_chinese(view, catalog, qtbot):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    phone = line(view, "applicant.phone")
    assert view.message("applicant.phone") == ""  # untouched: no wall of red
    qtbot.keyClicks(phone, "1380013")
    assert "手机" in view.message("applicant.phone") or "座机" in view.message("applicant.phone")
    qtbot.keyClicks(phone, "8000")
    assert view.message("applicant.phone") == ""
    assert view.values()["applicant.phone"] == "13800138000"


def test_problems_reveal_everything_missing(view, catalog):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    problems = view.problems()
    assert "请填写「联系电话」" in problems
    assert "请选择「补领原因」" in problems
    view.editor("applicant.phone").line.setText("123")
    view.editor("applicant.phone").edited.emit()
    assert view.problems()[0].startswith("「联系电话」电话号码格式不对")
    assert view.message("id_card.reissue_reason") == "请选择「补领原因」"
    assert not view.is_valid()


def test_enter_advances_and_completes(view, catalog, qtbot):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    view.focus_first()
    QApplication.processEvents()
    # the first field still to answer, never one the card filled
    assert view.values()["applicant.name"] and view.values()["applicant.id_number"]
    assert QApplication.focusWidget() is line(view, "applicant.phone")
    qtbot.keyClicks(line(view, "applicant.phone"), "13912345678")
    qtbot.keyClick(line(view, "applicant.phone"), Qt.Key.Key_Return)
    reason_combo = view.editor("id_card.reissue_reason").focus_widgets()[0]
    assert QApplication.focusWidget() is reason_combo  # the next one still empty
    qtbot.keyClick(reason_combo, Qt.Key.Key_2)  # a number key picks the 2nd answer, moves on
    assert view.values()["id_card.reissue_reason"] == reason_combo.itemData(2)
    assert QApplication.focusWidget() is view.editor("delivery.mode").focus_widgets()[0]
    line(view, "applicant.name").setFocus()
    qtbot.keyClick(line(view, "applicant.name"), Qt.Key.Key_Return)  # skips what is filled
    assert QApplication.focusWidget() is view.editor("delivery.mode").focus_widgets()[0]
    # delivery.address is hidden until mail is chosen: Enter skips it and completes
    reason = view.editor("id_card.reissue_reason").focus_widgets()[0]
    delivery = view.editor("delivery.mode").focus_widgets()[0]
    delivery.setFocus()
    with qtbot.waitSignal(view.completed, timeout=1000):
        qtbot.keyClick(delivery, Qt.Key.Key_Return)
    assert reason is not delivery


def test_tab_order_follows_the_form(view, catalog, qtbot):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    line(view, "applicant.name").setFocus()  # Tab visits every field, filled or not
    seen = []
    for _ in range(4):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    expected = [view.editor(k).focus_widgets()[0] for k in
                ("applicant.name", "applicant.id_number", "applicant.sex", "applicant.address")]
    assert seen == expected


def test_select_reveals_dependent_field(view, catalog, qtbot):
    view.show_items([code(catalog, "居民身份证补领")], CARD)
    assert not view.is_row_visible("delivery.address")
    combo: QComboBox = view.editor("delivery.mode").focus_widgets()[0]
    combo.setFocus()
    for _ in range(2):  # keyboard: Down twice → 邮寄送达
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "邮寄送达"
    assert view.is_row_visible("delivery.address")
    assert view.message("delivery.address") == ""  # not visited yet
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # Enter moves on into the new field
    assert QApplication.focusWidget() is line(view, "delivery.address")
    qtbot.keyClick(line(view, "delivery.address"), Qt.Key.Key_Tab)  # leave it empty
    assert view.message("delivery.address") == "请填写「邮寄地址」"


def test_shared_fields_once_for_two_items(view, catalog, qtbot):
    codes = [code(catalog, "居民身份证补领"), code(catalog, "社会保障卡补领")]
    view.show_items(codes, CARD)
    assert "一表申请" in view.shared_note.text()
    assert view.section_titles() == [
        "共用信息（各事项只填一次）", "居民身份证补领", "社会保障卡补领"]
    # Tab order: the shared block first, then each item's own questions
    chain = view._focus_chain()
    assert chain.index(line(view, "applicant.phone")) < chain.index(
        view.editor("id_card.reissue_reason").focus_widgets()[0])
    qtbot.keyClicks(line(view, "applicant.phone"), "13800138000")
    split = view.split_by_item()
    assert split[codes[0]]["applicant.phone"] == split[codes[1]]["applicant.phone"]


def test_every_field_type_gets_its_widget(qtbot, regions):
    types = {"text": LineEditor, "textarea": TextAreaEditor, "number": LineEditor,
             "money": LineEditor, "date": LineEditor, "select": SelectEditor,
             "multiselect": MultiSelectEditor, "checkbox": CheckEditor, "phone": LineEditor,
             "id_number": LineEditor, "uscc": LineEditor, "region": RegionEditor,
             "address": LineEditor, "table": TableEditor}
    fields = tuple(
        FieldSpec(f"f_{t}", f"字段{t}", t, options=("甲", "乙"),
                  columns=(FieldSpec("name", "姓名", "text", required=True),
                           FieldSpec("id", "身份证号", "id_number")))
        for t in types)
    item = Item(code="T1", name="全部类型", item_type="公共服务", department="测试局",
                applicant_types=("natural_person",), legal_days=1, promised_days=1,
                fields=fields)
    v = FormView(Catalog(items={"T1": item}), regions)
    qtbot.addWidget(v)
    v.show()
    v.show_items(["T1"])
    for t, cls in types.items():
        assert type(v.editor(f"f_{t}")) is cls, t
    qtbot.keyClicks(line(v, "f_money"), "1,200.5")
    type_chinese(line(v, "f_date"), "2024年2月30日")
    assert v.message("f_date") == "日期不存在，请核对年月日"
    qtbot.keyClicks(line(v, "f_uscc"), "91350100M000100Y44")
    assert v.message("f_uscc").startswith("注意：")  # warn, don't block
    region = line(v, "f_region")
    region.setFocus()
    type_chinese(region, "雁塔")
    popup = region.completer().popup()
    assert popup.isVisible()  # the completer offers full names containing 雁塔
    first = popup.model().index(0, 0)
    assert first.data() == "陕西省西安市雁塔区"
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(first).center())
    assert region.text() == "陕西省西安市雁塔区" and not popup.isVisible()
    boxes = v.editor("f_multiselect").focus_widgets()
    assert all(isinstance(b, QCheckBox) for b in boxes)
    qtbot.mouseClick(boxes[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(v.editor("f_checkbox").focus_widgets()[0], Qt.MouseButton.LeftButton)
    table: TableEditor = v.editor("f_table")
    table.add_button.setFocus()
    qtbot.keyClick(table.add_button, Qt.Key.Key_Space)  # keyboard only
    table.set_cell(0, "id", "123")
    assert v.message("f_table").startswith("第 1 行「身份证号」")
    table.set_cell(0, "id", "11010519491231002X")
    table.set_cell(0, "name", "李四")
    values = v.values()
    assert values["f_money"] == "1200.50"
    assert values["f_region"] == {"code": "610113", "name": "陕西省西安市雁塔区"}
    assert values["f_multiselect"] == ["乙"] and values["f_checkbox"] is True
    assert values["f_table"] == [{"name": "李四", "id": "11010519491231002X"}]
    assert "f_uscc" in values and "f_date" not in values


def test_materials_checklist_through_widgets(view, catalog, qtbot):
    view.show_items([code(catalog, "个体工商户设立登记")], CARD)
    mv = MaterialsView()
    qtbot.addWidget(mv)
    mv.show()
    mv.set_checklist(view.materials_checklist())
    names = [mv.table.item(r, 0).text() for r in range(mv.table.rowCount())]
    assert "委托书及代理人身份证明" in names
    checklist = mv.checklist
    family = next(line for line in checklist.lines if line.name.startswith("家庭成员"))
    assert not family.required and not mv.mode_combo(family.key).isEnabled()
    form_combo: QComboBox = view.editor("enterprise.form").focus_widgets()[0]
    form_combo.setFocus()
    qtbot.keyClick(form_combo, Qt.Key.Key_Down)
    qtbot.keyClick(form_combo, Qt.Key.Key_Down)
    assert form_combo.currentText() == "家庭经营"
    mv.refresh(view.session.rule_values())
    combo = mv.mode_combo(family.key)
    assert combo.isEnabled()
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [None, "licence", "licence", "scan", "deferred"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert family.mode == "deferred" and family.due_date > TODAY
    assert "容缺" in mv.table.item(names.index(family.name), NOTE).text()
    assert "尚缺" in mv.summary.text()
    assert family not in checklist.missing()


def test_multiline_box_enter_advances_shift_enter_breaks_line(view, catalog, qtbot):
    view.show_items([code(catalog, "个体工商户设立登记")], CARD)
    box = view.editor("enterprise.scope").focus_widgets()[0]
    box.setFocus()
    qtbot.keyClicks(box, "retail")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "repair")
    assert box.toPlainText() == "retail\nrepair"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.editor("enterprise.form").focus_widgets()[0]
    assert view.values()["enterprise.scope"] == "retail\nrepair"


def test_materials_choose_from_code_shows_licence_number(view, catalog, qtbot):
    from forms.materials import MaterialChoiceError

    view.show_items([code(catalog, "居民身份证补领")], CARD)
    mv = MaterialsView()
    qtbot.addWidget(mv)
    mv.set_checklist(view.materials_checklist())
    hkb = mv.checklist.lines[0]
    with qtbot.waitSignal(mv.changed):
        mv.choose(hkb.key, "licence", licence_number="HKB-610113-0001")
    assert mv.mode_combo(hkb.key).currentData() == "licence"
    assert mv.table.item(0, NOTE).text() == "证照号：HKB-610113-0001"
    with pytest.raises(MaterialChoiceError):
        mv.choose(mv.checklist.lines[1].key, "pledge")  # a photo cannot be pledged
    assert "免提交 1 项" in mv.summary.text()
