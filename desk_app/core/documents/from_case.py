"""Slip and notice data from a sealed ``CaseDraft``: the wiring the lead calls.

The case holds item codes and material modes; names of items come from the catalog
(passed in as a mapping), and so do what each material asks for (原件/复印件, 份数):
``specs`` maps (item code, material code) to the catalog's ``forms.spec.Material``.
The words for modes are ``forms.materials.mode_words``, the form's own vocabulary.
Materials received are those the counter actually holds or verified; deferred ones
(容缺) carry their due date; pledged ones appear on the 告知承诺书, not as received.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from desk_app.core.case_model import CaseDraft
from desk_app.core.documents.models import (
    DefectiveMaterial,
    DeferredMaterial,
    MaterialLine,
    NoticeData,
    Person,
    ReceiptData,
    RefusalData,
)
from forms.materials import EXEMPT_MODES, form_words, mode_label, mode_words

RECEIVED_MODES = ("paper", "scan", "upload", "licence", "shared")
Specs = Mapping[tuple[str, str], Any]  # (item code, material code) -> forms.spec.Material


def _item_names(case: CaseDraft, item_names: Mapping[str, str]) -> list[str]:
    return [item_names.get(code, code) for code in case.items]


def received_materials(case: CaseDraft, specs: Specs | None = None) -> list[MaterialLine]:
    """One line per material name: a bundle lists a shared material once, as it was
    collected once. An exempt material has 免于提交（…） in its 形式 and no 份数."""
    lines: dict[str, MaterialLine] = {}
    for m in case.materials:
        if m.mode not in RECEIVED_MODES or m.name in lines:
            continue
        spec = (specs or {}).get((m.item_code, m.material_code))
        exempt = m.mode in EXEMPT_MODES
        lines[m.name] = MaterialLine(
            m.name,
            count=0 if exempt else int(getattr(spec, "copies", 1) or 1),
            form=mode_words(m.mode) if exempt else form_words(getattr(spec, "form", "")),
            mode=mode_label(m.mode),  # 收取方式: the vocabulary's word, in Chinese (a legal paper)
            pages=max(int(m.pages or 0), 0),
        )
    return list(lines.values())


def incomplete_defects(case: CaseDraft, missing: list[str], specs: Specs | None = None,
                       insufficient: Mapping[str, str] | None = None) -> list[DefectiveMaterial]:
    """The 一次性告知书's list: each material provided but not sufficient with what is
    needed instead, then each missing one by name with what it takes."""
    by_name: dict[str, Any] = {}
    for (code, _material), spec in (specs or {}).items():
        if code in case.items:
            by_name.setdefault(spec.name, spec)
    out = [DefectiveMaterial(name, " ".join(problem.split()) or "不符合要求")
           for name, problem in (insufficient or {}).items()]
    for name in dict.fromkeys(n for n in missing if n not in (insufficient or {})):
        spec = by_name.get(name)
        need = "未提交"
        if spec is not None:
            need += f"，请提交{form_words(spec.form)}{spec.copies}份"
            if spec.note:
                need += f"（{spec.note}）"
        out.append(DefectiveMaterial(name, need))
    return out


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
    specs: Specs | None = None,
) -> ReceiptData:
    agent = Person(case.agent.name, case.agent.id_number) if case.agent else None
    return ReceiptData(
        case_number=case_number,
        items=_item_names(case, item_names),
        applicant=Person(case.applicant.name, case.applicant.id_number),
        materials=received_materials(case, specs),
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
    specs: Specs | None = None,
    missing: list[str] | None = None,
    insufficient: Mapping[str, str] | None = None,
) -> NoticeData:
    """The notice of the decision; a 一次性告知书 lists ``missing`` (the names the clerk's
    checklist left unprovided) with what each takes, and the clerk's 说明 if any."""
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
        reason=case.decision.reason if case.decision.kind in ("refuse", "incomplete") else "",
        defects=(incomplete_defects(case, missing or [], specs, insufficient)
                 if case.decision.kind == "incomplete" else []),
        deferred=deferred_materials(case),
        materials=received_materials(case, specs),
        pledge_text=pledge_text,
        signature_png=signature_png,
        qr_url=qr_url,
    )


def refusal_from_case(
    case: CaseDraft,
    *,
    case_number: str,
    provisional: bool,
    refused_at: datetime,
    item_names: Mapping[str, str],
    window: str,
    clerk: str,
    guide_url: str,
    hall: str = "",
) -> RefusalData:
    agent = Person(case.agent.name, case.agent.id_number) if case.agent else None
    return RefusalData(
        case_number=case_number,
        items=_item_names(case, item_names),
        applicant=Person(case.applicant.name, case.applicant.id_number),
        reason=case.decision.reason,
        window=window,
        clerk=clerk,
        guide_url=guide_url,
        refused_at=refused_at,
        provisional=provisional,
        hall=hall,
        agent=agent,
    )
