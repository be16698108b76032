"""One case's worth of data, raw (unmasked) as the application gives it."""

from __future__ import annotations

import io
from datetime import date, datetime

from PIL import Image, ImageDraw

from desk_app.core.documents import (
    DefectiveMaterial,
    DeferredMaterial,
    MaterialLine,
    NoticeData,
    Person,
    ReceiptData,
    TicketData,
)

NAME = "欧阳小明"
ID_NUMBER = "11010519491231002X"
QR_URL = "https://zwfw.example.gov.cn/progress?case=W03-20261121-0007"


def receipt(**changes) -> ReceiptData:
    data = ReceiptData(
        case_number="W03-20261121-0007",
        items=["个体工商户设立登记", "食品经营许可（仅销售预包装食品）备案"],
        applicant=Person(NAME, ID_NUMBER),
        materials=[
            MaterialLine("居民身份证", 1, "原件"),
            MaterialLine("经营场所使用证明（房屋租赁合同或产权证明复印件）", 2, "复印件"),
        ],
        deferred=[DeferredMaterial("卫生许可证复印件", date(2026, 12, 1))],
        promised_date=date(2026, 12, 3),
        window="综合受理3号窗",
        clerk="李芳",
        qr_url=QR_URL,
        accepted_at=datetime(2026, 11, 21, 9, 30),
        hall="市民中心政务服务大厅",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def ticket() -> TicketData:
    return TicketData(
        "A0012",
        "综合受理（企业开办）",
        5,
        datetime(2026, 11, 21, 9, 5),
        hall="市民中心政务服务大厅",
    )


def signature_png() -> bytes:
    img = Image.new("RGBA", (400, 150), (255, 255, 255, 0))
    ImageDraw.Draw(img).line([(20, 100), (120, 30), (200, 120), (380, 40)], fill="black", width=6)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def notice(**changes) -> NoticeData:
    data = NoticeData(
        case_number="W03-20261121-0007",
        items=["个体工商户设立登记"],
        applicant=Person(NAME, ID_NUMBER),
        window="综合受理3号窗",
        clerk="李芳",
        issued_on=date(2026, 11, 21),
        authority="某某市政务服务中心",
        hall="市民中心政务服务大厅",
        promised_date=date(2026, 12, 3),
        reason="申请事项不属于本机关职权范围，请向区市场监督管理局申请。",
        defects=[
            DefectiveMaterial("经营场所使用证明", "未提交"),
            DefectiveMaterial("法定代表人身份证复印件", "复印件不清晰，请提交原件核验"),
        ],
        deferred=[DeferredMaterial("卫生许可证复印件", date(2026, 12, 1))],
        materials=[
            MaterialLine("居民身份证", 1, "原件", "扫描"),
            MaterialLine("营业执照副本", 2, "复印件", "纸质"),
        ],
        pledge_text="本人承诺经营场所符合食品安全要求。",
        signature_png=signature_png(),
        qr_url=QR_URL,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data
