"""Receipts and tickets from the templates, rendered for real printer profiles and decoded."""

from __future__ import annotations

from datetime import datetime

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.documents import Person, TemplateError, build_receipt, build_ticket
from desk_app.core.documents.models import RefusalData
from desk_app.core.documents.slips import build_refusal
from desk_app.core.masking import mask_id_number, mask_name
from devices.printer import parse_printer_uri, render_slip
from tests.desk_app.core.documents.sample_data import ID_NUMBER, NAME, QR_URL, receipt, ticket
from tests.support.escpos_decoder import decode


def _printed(slip, uri="escpos-sim:"):
    profile = parse_printer_uri(uri).profile
    rendered = render_slip(slip, profile)
    return rendered, decode(rendered.data, profile.encoding)


def _column(line: str, part: str) -> int:
    """Where ``part`` starts on the printed line, in columns."""
    return len(line[: line.index(part)].encode("gbk"))


def test_receipt_has_every_field_and_masks_the_applicant():
    rendered, out = _printed(build_receipt(receipt()))
    text = "\n".join(out.texts)
    for expected in (
        "收件回执",
        "办件编号：W03-20261121-0007",
        "申请人：欧**明",
        "证件号码：1101**********002X",
        "1. 个体工商户设立登记",
        "2. 食品经营许可（仅销售预包装食品）备案",
        "收取共3份",
        "承诺办结：2026年12月3日前",
        "受理窗口：综合受理3号窗",
        "经办人：李芳",
        "扫码查询办理进度",
    ):
        assert expected in text, expected
    assert "临时编号" not in text
    deferred = next(t for t in out.texts if "卫生许可证复印件" in t)
    assert deferred.split() == ["1.", "卫生许可证复印件", "2026年12月1日前"]
    assert out.qr_payloads == [QR_URL.encode()]
    assert out.cuts == 1 and all(line.hanzi for line in out.lines)
    for raw in (NAME, ID_NUMBER):  # neither the text nor its bytes in any encoding
        assert raw not in text and raw.encode("gb18030") not in rendered.data
    material = next(t for t in out.texts if t.startswith("1. 居民身份证"))
    assert material.split() == ["1.", "居民身份证", "原件", "1份"]
    head = next(t for t in out.texts if t.startswith("材料名称"))
    # the columns line up on paper (a Han character is two columns): 形式 starts under its
    # heading, 份数 ends under its heading
    assert _column(material, "原件") == _column(head, "形式")
    assert _column(material, "1份") + 3 == _column(head, "份数") + 4


def test_provisional_number_is_labelled_and_explained():
    _, out = _printed(build_receipt(receipt(provisional=True, case_number="临W03-20261121-0007")))
    text = "\n".join(out.texts)
    assert "临时编号：临W03-20261121-0007" in text and "离线受理" in text
    assert "办件编号：" not in text


def test_a_reprint_with_the_official_number_says_so():
    _, out = _printed(build_receipt(receipt(reprint=True)))
    assert "（补打）" in out.texts and "办件编号：W03-20261121-0007" in out.texts
    _, first = _printed(build_receipt(receipt()))
    assert "（补打）" not in first.texts


def test_receipt_without_deferred_materials_or_promise_leaves_those_lines_out():
    _, out = _printed(build_receipt(receipt(deferred=[], promised_date=None)))
    text = "\n".join(out.texts)
    assert "容缺" not in text and "承诺办结" not in text


def test_receipt_on_58mm_with_raster_qr_wraps_long_material_names():
    _, out = _printed(build_receipt(receipt()), "escpos-sim:?width=58&qr=raster")
    assert all(len(t.encode("gbk")) <= 32 for t in out.texts)
    assert len(out.images) == 1 and out.qr_payloads == []
    joined = "".join(t.strip() for t in out.texts)
    assert "经营场所使用证明（房屋租赁合同或产权证明复印件）" in joined
    # The whole slip drawn as the printer would: its QR still scans among the text.
    page = np.array(out.to_image(384))
    page = cv2.copyMakeBorder(page, 0, 0, 30, 30, cv2.BORDER_CONSTANT, value=255)
    assert cv2.QRCodeDetectorAruco().detectAndDecode(page)[0] == QR_URL


def test_ticket_number_is_big_and_centred():
    _, out = _printed(build_ticket(ticket()))
    number = next(line for line in out.lines if line.text == "A0012")
    assert (number.size, number.align, number.bold) == ("large", "center", True)
    text = "\n".join(out.texts)
    assert "综合受理（企业开办）" in text and "您前面还有 5 人在等候" in text
    assert "取号时间：2026-11-21 09:05" in text


def test_a_template_naming_unknown_data_says_which(tmp_path):
    (tmp_path / "slips").mkdir()
    (tmp_path / "slips" / "receipt.toml").write_text(
        '[[line]]\ntext = "{case_numbr}"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateError) as info:
        build_receipt(receipt(), directory=tmp_path)
    assert "{case_numbr}" in str(info.value)


def test_a_broken_template_file_is_reported(tmp_path):
    (tmp_path / "slips").mkdir()
    (tmp_path / "slips" / "ticket.toml").write_text("[[line]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="格式错误"):
        build_ticket(ticket(), directory=tmp_path)


_NAME_CHARS = "欧阳司马诸葛慕容龚燕翟鞠"  # none of them in the slips' own words
_names = st.text(st.sampled_from(_NAME_CHARS), min_size=2, max_size=6)
_ids = st.text(st.sampled_from("0123456789X"), min_size=15, max_size=18)


@given(_names, _ids, _names)
@settings(max_examples=40, deadline=None)
def test_no_hall_facing_slip_carries_a_name_or_number_unmasked(name, number, agent):
    """The 收件回执 and the 不予受理 slip are handed over in the hall: applicant's and
    agent's names and the ID number are masked in the printed bytes, in every encoding."""
    people = {"applicant": Person(name, number), "agent": Person(agent, "")}
    refusal = RefusalData("W03-1", ["个体工商户设立登记"], reason="不属于本机关职权范围",
                          window="3号窗", clerk="李芳", guide_url=QR_URL,
                          refused_at=datetime(2026, 11, 21, 9, 30), **people)
    for slip in (build_receipt(receipt(**people)), build_refusal(refusal)):
        rendered, out = _printed(slip)
        text = "\n".join(out.texts)
        assert mask_name(name) in text and mask_id_number(number) in text
        assert mask_name(agent) in text
        for raw in (name, number, agent):
            assert raw not in text
            assert raw.encode("gb18030") not in rendered.data
