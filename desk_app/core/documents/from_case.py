"""Slip and notice data from a sealed ``CaseDraft``: the wiring the lead calls.

The case holds item codes and material modes; names of items come from the catalog
(passed in as a mapping), and the words for the modes are the ones the paper shows.
Materials received are those the counter actually holds or verified; deferred ones
(容缺) carry their due date; pledged ones appear on the 告知承诺书, not as received.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from desk_app.core.case_model import CaseDraft
from desk_app.core.documents.models import (
    DeferredMaterial,
    MaterialLine,
    NoticeData,
    Person,
    ReceiptData,
)

MODE_WORDS = {
    "paper": "纸质",
    "scan": "扫描",
    "upload": "电子文件",
    "licence": "电子证照（免提交）",
    "shared": "共享数据（免提交）",
    "pledge": "告知承诺",
    "deferred": "容缺后补",
}
RECEIVED_MODES = ("paper", "scan", "upload", "licence", "shared")


def _item_names(case: CaseDraft, item_names: Mapping[str, str]) -> list[str]:
    return [item_names.get(code, code) for code in case.items]


def received_materials(case: CaseDraft) -> list[MaterialLine]:
    return [
        MaterialLine(m.name, 1, mode=MODE_WORDS[m.mode])
        for m in case.materials
        if m.mode in RECEIVED_MODES
    ]


def deferred_materials(case: CaseDraft) -> list[DeferredMaterial]:
    return [
        DeferredMaterial(m.name, m.due_date)
        for m in case.materials
        if m.mode == "deferred" and m.due_date is not None
    ]


def receipt_from_case(
    case: CaseDraft,
    *,
    case_number: str,
    provisional: bool,
    accepted_at: datetime,
    item_names: Mapping[str, str],
    window: str,
    clerk: str,
    qr_url: str,
    promised_date: date | None = None,
    hall: str = "",
    reprint: bool = False,
) -> ReceiptData:
    agent = Person(case.agent.name, case.agent.id_number) if case.agent else None
    return ReceiptData(
        case_number=case_number,
        items=_item_names(case, item_names),
        applicant=Person(case.applicant.name, case.applicant.id_number),
        materials=received_materials(case),
        window=window,
        clerk=clerk,
        qr_url=qr_url,
        accepted_at=accepted_at,
        provisional=provisional,
        deferred=deferred_materials(case),
        promised_date=promised_date,
        hall=hall,
        agent=agent,
        reprint=reprint,
    )


def notice_from_case(
    case: CaseDraft,
    *,
    case_number: str,
    provisional: bool,
    issued_on: date,
    item_names: Mapping[str, str],
    window: str,
    clerk: str,
    authority: str = "",
    hall: str = "",
    promised_date: date | None = None,
    qr_url: str = "",
    pledge_text: str = "",
    signature_png: bytes | None = None,
) -> NoticeData:
    """Everything but the defects of a 一次性告知书, which the clerk lists at the decision."""
    return NoticeData(
        case_number=case_number,
        items=_item_names(case, item_names),
        applicant=Person(case.applicant.name, case.applicant.id_number),
        window=window,
        clerk=clerk,
        issued_on=issued_on,
        authority=authority,
        hall=hall,
        provisional=provisional,
        promised_date=promised_date,
        reason=case.decision.reason if case.decision.kind == "refuse" else "",
        deferred=deferred_materials(case),
        materials=received_materials(case),
        pledge_text=pledge_text,
        signature_png=signature_png,
        qr_url=qr_url,
    )
