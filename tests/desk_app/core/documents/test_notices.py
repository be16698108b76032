"""A4 notices: real PDFs checked with poppler (pdftotext, pdffonts, pdftoppm) and OpenCV."""

from __future__ import annotations

import shutil
import subprocess

import cv2
import numpy as np
import pytest

from desk_app.core.documents import (
    NOTICE_KINDS,
    NoticeError,
    Person,
    SignatureImageError,
    TemplateError,
    render_notice,
)
from desk_app.core.documents.pdf_fonts import load_cjk_fonts
from tests.desk_app.core.documents.sample_data import ID_NUMBER, QR_URL, notice

pytestmark = pytest.mark.realstack

EXPECTED = {
    "accept": ["受理通知书", "决定予以受理", "2026年12月3日前办结", "营业执照副本"],
    "refuse": ["不予受理通知书", "决定不予受理", "不属于本机关职权范围", "行政复议"],
    "incomplete": ["一次性告知书", "共2项", "经营场所使用证明", "复印件不清晰，请提交原件核验"],
    "accept_deferred": ["容缺受理通知书", "卫生许可证复印件", "2026年12月1日", "按期补交"],
    "accept_pledge": ["告知承诺书", "本人承诺经营场所符合食品安全要求", "1101**********002X"],
    "materials": ["材料接收清单", "共3份", "居民身份证", "扫描", "经办人：李芳"],
}


def _poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} missing: install poppler-utils (installer/debian/apt-test.txt)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def fonts():
    return load_cjk_fonts()


@pytest.mark.parametrize("kind", list(NOTICE_KINDS))
def test_each_notice_has_its_text_embedded_fonts_and_case_number(kind, fonts, tmp_path):
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(render_notice(kind, notice(), fonts=fonts))
    text = _poppler("pdftotext", "-layout", str(pdf), "-")
    compact = "".join(text.split())
    for expected in [
        NOTICE_KINDS[kind],
        *EXPECTED[kind],
        "W03-20261121-0007",
        "综合受理3号窗",
        "李芳",
        "2026年11月21日",
    ]:
        assert "".join(expected.split()) in compact, expected
    assert ID_NUMBER not in compact  # masked everywhere
    rows = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows  # emb column


def test_the_page_carries_a_qr_code_that_scans(fonts, tmp_path):
    pdf = tmp_path / "accept.pdf"
    pdf.write_bytes(render_notice("accept", notice(), fonts=fonts))
    _poppler("pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "p"))
    page = cv2.imread(str(tmp_path / "p.png"), cv2.IMREAD_GRAYSCALE)
    # The ArUco-based detector: the classic one misplaces a corner next to the barcode.
    payload, points, _ = cv2.QRCodeDetectorAruco().detectAndDecode(page)
    assert points is not None and payload == QR_URL


def test_without_a_progress_url_the_qr_carries_the_case_number(fonts, tmp_path):
    pdf = tmp_path / "refuse.pdf"
    pdf.write_bytes(render_notice("refuse", notice(qr_url=""), fonts=fonts))
    _poppler("pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "p"))
    page = cv2.imread(str(tmp_path / "p.png"), cv2.IMREAD_GRAYSCALE)
    assert cv2.QRCodeDetectorAruco().detectAndDecode(page)[0] == "W03-20261121-0007"


def test_signature_image_is_placed_only_when_signed(fonts, tmp_path):
    signed = tmp_path / "signed.pdf"
    unsigned = tmp_path / "unsigned.pdf"
    signed.write_bytes(render_notice("accept_pledge", notice(), fonts=fonts))
    unsigned.write_bytes(render_notice("accept_pledge", notice(signature_png=None), fonts=fonts))
    assert len(_poppler("pdfimages", "-list", str(signed)).splitlines()[2:]) >= 1
    assert _poppler("pdfimages", "-list", str(unsigned)).splitlines()[2:] == []


def test_rare_name_characters_fall_back_to_a_second_embedded_font(fonts, tmp_path):
    if not fonts.fallbacks:
        pytest.skip("no fallback font: install fonts-droid-fallback (apt-runtime.txt)")
    pdf = tmp_path / "accept.pdf"
    pdf.write_bytes(
        render_notice("accept", notice(applicant=Person("王㐀", ID_NUMBER)), fonts=fonts)
    )
    assert "王㐀：" in _poppler("pdftotext", str(pdf), "-")
    rows = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert len(rows) == 2 and all(row.split()[-5] == "yes" for row in rows)


@pytest.mark.parametrize(
    ("kind", "change", "words"),
    [
        ("refuse", {"reason": "  "}, "须填写理由"),
        ("refuse", {"reason": "理" * 201}, "不能超过 200 字"),
        ("incomplete", {"defects": []}, "至少一项"),
        ("accept_deferred", {"deferred": []}, "补交期限"),
        ("accept", {"case_number": ""}, "办件编号"),
        ("rejected", {}, "未知的通知书类型"),
    ],
)
def test_notices_refuse_incomplete_data_with_the_clerks_words(kind, change, words, fonts):
    with pytest.raises(NoticeError, match=words):
        render_notice(kind, notice(**change), fonts=fonts)


def test_an_unreadable_signature_stops_the_notice(fonts):
    with pytest.raises(SignatureImageError, match="重新签名"):
        render_notice("accept_pledge", notice(signature_png=b"not a png"), fonts=fonts)


def test_a_custom_template_directory_is_used_and_checked(fonts, tmp_path):
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "accept.toml").write_text(
        'title = "受理通知书"\n[[block]]\ntext = "{applicant_nam}："\n', encoding="utf-8"
    )
    with pytest.raises(TemplateError, match="applicant_nam"):
        render_notice("accept", notice(), fonts=fonts, template_dir=tmp_path)


def test_page_renders_to_an_image_with_ink(fonts, tmp_path):
    pdf = tmp_path / "incomplete.pdf"
    pdf.write_bytes(render_notice("incomplete", notice(), fonts=fonts))
    _poppler("pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "p"))
    page = cv2.imread(str(tmp_path / "p.png"), cv2.IMREAD_GRAYSCALE)
    assert page.shape[0] > page.shape[1]  # portrait A4
    assert 0.01 < float(np.mean(page < 128)) < 0.2  # text on paper, not blank, not black
