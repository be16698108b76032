"""A sealed case draft becomes a receipt and a notice with the right materials."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.core.case_model import Applicant, CaseDraft, Decision, MaterialRecord
from desk_app.core.documents import build_receipt, render_notice
from desk_app.core.documents.from_case import notice_from_case, receipt_from_case


def _case(kind: str = "accept_deferred", reason: str = "") -> CaseDraft:
    def material(code, name, mode, due=None):
        return MaterialRecord("ITEM1", code, name, mode, due_date=due)

    return CaseDraft(
        uuid=CaseDraft.new_uuid(),
        window_id="W03",
        clerk_username="lifang",
        ticket_number="A0012",
        applicant=Applicant("王小明", "110101199003071234"),
        agent=None,
        items=["ITEM1"],
        form={},
        materials=[
            material("M1", "居民身份证", "scan"),
            material("M2", "营业执照", "licence"),
            material("M3", "卫生许可证复印件", "deferred", date(2026, 12, 1)),
            material("M4", "无犯罪记录证明", "pledge"),
        ],
        decision=Decision(kind, reason),
    )


def test_receipt_from_a_case_lists_received_and_deferred_materials():
    data = receipt_from_case(
        _case(),
        case_number="临W03-20261121-0001",
        provisional=True,
        accepted_at=datetime(2026, 11, 21, 9, 30),
        item_names={"ITEM1": "食品经营许可"},
        window="综合受理3号窗",
        clerk="李芳",
        qr_url="https://zwfw.example.gov.cn/p?c=1",
    )
    assert data.items == ["食品经营许可"]
    assert [(m.name, m.form, m.mode) for m in data.materials] == [
        ("居民身份证", "", "现场扫描"),  # no catalog given: the form is not known
        ("营业执照", "免于提交（电子证照）", "电子证照"),
    ]
    assert [(d.name, d.due) for d in data.deferred] == [("卫生许可证复印件", date(2026, 12, 1))]
    text = build_receipt(data).text()
    assert "临时编号：临W03-20261121-0001" in text and "王*明" in text


def test_refusal_reason_comes_from_the_decision():
    data = notice_from_case(
        _case("refuse", "不属于本机关职权范围"),
        case_number="W03-20261121-0001",
        provisional=False,
        issued_on=date(2026, 11, 21),
        item_names={},
        window="3号窗",
        clerk="李芳",
    )
    assert data.reason == "不属于本机关职权范围" and data.items == ["ITEM1"]
    assert render_notice("refuse", data).startswith(b"%PDF")
