"""A4 notices as PDF: 受理通知书, 不予受理通知书, 一次性告知书, 容缺受理通知书, 告知承诺书,
材料接收清单 — text and layout from ``resources/templates/notices/<kind>.toml``.

A notice template has ``title`` and a list of ``[[block]]``; a block is one of
``text`` (a paragraph; ``style`` = body/plain/note/heading), ``table`` (a list field
shown with ``columns`` = [[heading, field, width in mm], …]), ``signature`` (a label;
the applicant's signature image is placed there when signed) or ``closing``
(right-aligned lines: issuing body, date). ``when`` names a field that must be
non-empty. Every page carries the case number (QR code + barcode on the first),
window, clerk and page number; the applicant's ID number is masked.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desk_app.core.documents.models import NoticeData
from desk_app.core.documents.pdf_fonts import CjkFonts, load_cjk_fonts
from desk_app.core.documents.pdf_parts import QrFlowable, barcode, signature_image
from desk_app.core.documents.template_files import TemplateError, cn_date, fill, load_template
from desk_app.core.masking import mask_id_number
from forms.vocabulary import DecisionKind

log = logging.getLogger(__name__)

# The notices print in Chinese whatever the window's language: they are legal documents.
NOTICE_KINDS = {
    **{kind.value: kind.notice_title for kind in DecisionKind},
    "materials": "材料接收清单",
}
MAX_REASON = 200
# Chinese punctuation that must not start a line but is missing from reportlab's
# (Japanese-oriented) kinsoku table: without it "”" or "》" open the next line.
_CN_CANNOT_START = "，；：？！》〉”’…·％"


def _teach_reportlab_chinese_kinsoku() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # each wraps with its own copy of the table
        table = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = table + "".join(c for c in _CN_CANNOT_START if c not in table)


class NoticeError(ValueError):
    """The notice cannot be made from this data; the message tells the clerk what is missing."""


def notice_values(data: NoticeData) -> dict[str, Any]:
    return {
        "case_number": data.case_number,
        "case_label": "临时编号" if data.provisional else "办件编号",
        "items_text": "、".join(f"“{name}”" for name in data.items),
        "applicant_name": data.applicant.name,
        "applicant_id": mask_id_number(data.applicant.id_number),
        "window": data.window,
        "clerk": data.clerk,
        "hall": data.hall,
        "authority": data.authority or data.hall,
        "issued_on": cn_date(data.issued_on),
        "submitted_on": cn_date(data.submitted_on or data.issued_on),
        "promised_date": cn_date(data.promised_date),
        "reason": data.reason.strip(),
        "pledge_text": data.pledge_text.strip(),
        "signed": data.signature_png is not None,
        "defect_count": len(data.defects),
        "deferred_count": len(data.deferred),
        "material_total": sum(m.count for m in data.materials),
        "defects": [{"name": d.name, "problem": d.problem} for d in data.defects],
        "deferred": [{"name": d.name, "due": cn_date(d.due)} for d in data.deferred],
        "materials": [
            {"name": m.name, "count": m.count, "form": m.form, "mode": m.mode,
             "copies": f"{m.count}份" if m.count else "—",
             "pages": f"{m.pages}页" if m.pages else "—"}
            for m in data.materials
        ],
    }


def check_notice_data(kind: str, data: NoticeData) -> None:
    """What each notice needs, in the clerk's words."""
    if kind not in NOTICE_KINDS:
        raise NoticeError(f"未知的通知书类型 {kind!r}")
    if not data.case_number.strip():
        raise NoticeError("缺少办件编号：请先保存办件")
    if not data.items:
        raise NoticeError("缺少申办事项")
    if kind == "refuse":
        if not data.reason.strip():
            raise NoticeError("不予受理须填写理由")
        if len(data.reason.strip()) > MAX_REASON:
            raise NoticeError(f"不予受理理由不能超过 {MAX_REASON} 字")
    if kind == "incomplete" and not data.defects:
        raise NoticeError("一次性告知书须列出至少一项需补正的材料")
    if kind == "accept_deferred" and not data.deferred:
        raise NoticeError("容缺受理通知书须列出容缺材料及补交期限")
    if kind == "materials" and not data.materials:
        raise NoticeError("材料接收清单中没有材料")


def render_notice(
    kind: str,
    data: NoticeData,
    *,
    fonts: CjkFonts | None = None,
    template_dir: Path | None = None,
) -> bytes:
    """The notice as PDF bytes (fonts embedded), ready to preview, print and keep."""
    check_notice_data(kind, data)
    _teach_reportlab_chinese_kinsoku()
    spec = load_template("notices", kind, template_dir)
    fonts = fonts or load_cjk_fonts()
    fonts.missing_count = 0
    values = notice_values(data)
    styles = _styles(fonts.primary)
    title = str(spec.get("title", NOTICE_KINDS[kind]))
    story: list[Any] = _header(title, data, values, fonts, styles)
    blocks = spec.get("block")
    if not isinstance(blocks, list):
        raise TemplateError(f"通知书模板 {kind} 没有任何 [[block]]")
    for number, block in enumerate(blocks, 1):
        if not isinstance(block, dict):
            raise TemplateError(f"通知书模板 {kind} 第 {number} 个 [[block]] 格式错误")
        when = block.get("when")
        if when is not None and not values.get(str(when)):
            continue
        story.extend(_block(kind, number, block, values, data, fonts, styles))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=f"{title} {data.case_number}",
        author=values["authority"],
        subject=title,
        creator="综窗受理台 Counter Desk",
        invariant=True,
        initialFontName=fonts.primary,  # else an unembedded Helvetica is named on every page
    )
    footer = fonts.plain(
        f"{values['case_label']}：{data.case_number}    "
        f"受理窗口：{data.window}    经办人：{data.clerk}"
    )

    def on_page(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont(fonts.primary, 9)
        canvas.drawString(25 * mm, 12 * mm, footer)
        canvas.drawRightString(A4[0] - 22 * mm, 12 * mm, f"第 {doc_.page} 页")
        canvas.restoreState()

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    if fonts.missing_count:
        log.warning("通知书中有 %d 个字符没有可用字形，已印为 □", fonts.missing_count)
    return buffer.getvalue()


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=12,
        leading=21,
        wordWrap="CJK",
        firstLineIndent=24,
        spaceAfter=4,
    )
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0),
        "heading": ParagraphStyle(
            "heading", parent=base, firstLineIndent=0, fontSize=13, spaceBefore=6
        ),
        "note": ParagraphStyle("note", parent=base, fontSize=10, leading=16),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontSize=20,
            leading=28,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=8,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=10.5, leading=15, firstLineIndent=0, spaceAfter=0
        ),
        "closing": ParagraphStyle("closing", parent=base, alignment=TA_RIGHT, firstLineIndent=0),
        "meta": ParagraphStyle(
            "meta", parent=base, fontSize=10.5, leading=16, firstLineIndent=0, spaceAfter=0
        ),
    }


def _header(title, data, values, fonts, styles) -> list[Any]:
    meta = [
        Paragraph(fonts.markup(f"{values['case_label']}：{data.case_number}"), styles["meta"]),
        Paragraph(fonts.markup(f"受理窗口：{data.window}"), styles["meta"]),
        Paragraph(fonts.markup(f"经办人：{data.clerk}"), styles["meta"]),
        Spacer(1, 2 * mm),
        barcode(data.case_number),
    ]
    qr = QrFlowable(data.qr_url or data.case_number, 30 * mm)
    head = Table([[meta, qr]], colWidths=[A4[0] - 47 * mm - 32 * mm, 32 * mm])
    head.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.primary),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Paragraph(fonts.markup(title), styles["title"]), head, Spacer(1, 6 * mm)]


def _block(kind, number, block, values, data, fonts, styles) -> list[Any]:
    where = f"通知书模板 {kind} 第 {number} 个 [[block]]"
    if "text" in block:
        style = styles.get(str(block.get("style", "body")))
        if style is None:
            raise TemplateError(f"{where}：style 只能是 body/plain/heading/note")
        return [Paragraph(fonts.markup(fill(str(block["text"]), values)), style)]
    if "table" in block:
        return [Spacer(1, 2 * mm), _table(where, block, values, fonts, styles), Spacer(1, 4 * mm)]
    if "signature" in block:
        label = Paragraph(fonts.markup(fill(str(block["signature"]), values)), styles["plain"])
        mark: Any = (
            signature_image(data.signature_png)
            if data.signature_png is not None
            else Spacer(50 * mm, 14 * mm)
        )
        date_line = Paragraph(fonts.markup(f"日期：{values['issued_on']}"), styles["plain"])
        row = Table([[label, mark, date_line]], colWidths=[45 * mm, 60 * mm, 50 * mm])
        row.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.primary),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, "black"),
                ]
            )
        )
        return [Spacer(1, 6 * mm), row]
    if "closing" in block:
        lines = block["closing"]
        if not isinstance(lines, list):
            raise TemplateError(f"{where}：closing 应为文本列表")
        out: list[Any] = [Spacer(1, 10 * mm)]
        out += [Paragraph(fonts.markup(fill(str(t), values)), styles["closing"]) for t in lines]
        return out
    raise TemplateError(f"{where}：须有 text、table、signature 或 closing 之一")


def _table(where, block, values, fonts, styles) -> Table:
    rows = values.get(str(block["table"]))
    columns = block.get("columns")
    if not isinstance(rows, list):
        raise TemplateError(f"{where}：table = {block['table']!r} 不是列表数据")
    if not isinstance(columns, list) or not all(
        isinstance(c, list) and len(c) == 3 for c in columns
    ):
        raise TemplateError(f"{where}：columns 应为 [[表头, 字段, 宽度毫米], …]")
    head = [Paragraph(fonts.markup(str(c[0])), styles["cell"]) for c in columns]
    body = []
    for index, row in enumerate(rows, 1):
        cells = {**row, "index": index}
        body.append(
            [
                Paragraph(fonts.markup(str(cells.get(str(c[1]), ""))), styles["cell"])
                for c in columns
            ]
        )
    table = Table([head, *body], colWidths=[float(c[2]) * mm for c in columns], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.primary),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table
