"""A case's life after the counter, as a state machine with a timeline.

已受理 → 审批中 → (待补正 → 审批中) → 办结 准予 / 不予许可 → 待领取 → 已领取 | 已寄出.
The back office (role approver) posts the review events; the window (clerk) posts what
happens at the counter: a correction received, the result handed over or mailed. Each
event appends a timeline entry naming who did it; an event the case's status does not
allow is refused with 409 and the status it would need. A 容缺 case cannot be decided
while one of its deferred materials is still owed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from center.field_crypto import CenterKeys
from center.models import Case, CaseEvent, ClerkSession, DeferredMaterial
from center.personal_fields import case_body, mask_name
from center.problems import Problem, validation_problem
from center.roles import HAND_OUT, REVIEW, may
from center.timekeeping import iso, local_date
from forms.vocabulary import status_label as label

EventName = Literal[
    "start_review",
    "request_correction",
    "receive_correction",
    "approve",
    "deny",
    "result_ready",
    "handed_over",
    "mailed",
]
WAYBILL = re.compile(r"^[A-Za-z0-9-]{6,40}$")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    permissions: frozenset[str]  # any one of them lets the caller post the event
    title: str  # the timeline's words
    note_needed: str = ""  # non-empty: the note is required, and this says what to write


def _t(sources: set[str], target: str, perms: set[str], title: str, note: str = "") -> Transition:
    return Transition(frozenset(sources), target, frozenset(perms), title, note)


EVENTS: dict[str, Transition] = {
    "start_review": _t({"accepted"}, "in_review", {REVIEW}, "开始审批"),
    "request_correction": _t(
        {"in_review"}, "correction_requested", {REVIEW}, "要求补正", "请写明需要补正的内容"
    ),
    "receive_correction": _t(
        {"correction_requested"}, "in_review", {REVIEW, HAND_OUT}, "补正材料已收到"
    ),
    "approve": _t({"in_review"}, "approved", {REVIEW}, "准予许可", "请写明准予许可的决定内容"),
    "deny": _t({"in_review"}, "denied", {REVIEW}, "不予许可", "请写明不予许可的理由和依据"),
    "result_ready": _t({"approved", "denied"}, "ready", {REVIEW}, "办理结果已送达窗口，待领取"),
    "handed_over": _t({"ready"}, "collected", {HAND_OUT}, "申请人已领取"),
    "mailed": _t({"ready"}, "mailed", {HAND_OUT}, "已寄出"),
}
_WHO_MAY = {REVIEW: "审批人员", HAND_OUT: "窗口人员"}


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class CollectorIn(_In):
    """Who took the result: the applicant in person, or an agent with a 授权委托书."""

    kind: Literal["applicant", "agent"]
    name: str = Field(min_length=1, max_length=128)
    id_number: str = Field(min_length=1, max_length=64)
    proxy_blobs: list[str] = Field(default_factory=list, max_length=20)  # the 授权委托书
    signature_blob: str | None = Field(default=None, max_length=64)  # signed on the screen


class EventIn(_In):
    event: EventName
    note: str = Field(default="", max_length=2000)
    waybill: str | None = Field(default=None, max_length=40)
    carrier: str | None = Field(default=None, max_length=32)
    collector: CollectorIn | None = None


def mask_number(number: str) -> str:
    """Kept on the collection record: enough to recognise a person, not to reuse the number."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def deferred_rows(body: dict[str, Any]) -> list[DeferredMaterial]:
    """The 容缺 materials a new case owes (from its submitted materials)."""
    from datetime import date

    rows = []
    for m in body.get("materials", []):
        if m.get("mode") == "deferred":
            due = m.get("due_date")
            rows.append(
                DeferredMaterial(
                    material_code=m["material_code"],
                    name=m.get("name") or m["material_code"],
                    due_date=date.fromisoformat(due) if due else None,
                )
            )
    return rows


def mark_supplied(case: Case, material_code: str, now: datetime) -> bool:
    """Record a supplement of ``material_code``; True when it came after its due date."""
    for row in case.deferred:
        if row.material_code == material_code:
            if row.received_at is None:
                row.received_at = now
            return row.due_date is not None and local_date(now) > row.due_date
    return False


def _check_allowed(who: ClerkSession, name: str, t: Transition) -> None:
    if not any(may(who, p) for p in t.permissions):
        allowed = "或".join(sorted(_WHO_MAY[p] for p in t.permissions))
        raise Problem(403, "forbidden", f"「{t.title}」只能由{allowed}登记，当前账号无权操作")


def _check_status(case: Case, t: Transition) -> None:
    if case.status not in t.sources:
        needed = "、".join(f"「{label(s)}」" for s in sorted(t.sources))
        raise Problem(
            409,
            "illegal-transition",
            f"办件 {case.number} 当前状态为「{label(case.status)}」，不能{t.title}"
            f"（只有{needed}状态的办件可以）",
            current_status=case.status,
        )


def _owed(case: Case) -> list[DeferredMaterial]:
    return [row for row in case.deferred if row.received_at is None]


def _details(
    case: Case, body: EventIn, t: Transition, keys: CenterKeys | None
) -> dict[str, Any] | None:
    """Check what the event needs besides its note; the data kept with the timeline entry."""
    errors: list[dict[str, str]] = []
    if t.note_needed and not body.note:
        errors.append({"field": "note", "message": t.note_needed})
    data: dict[str, Any] | None = None
    if body.event == "mailed":
        if not body.waybill or not WAYBILL.match(body.waybill):
            errors.append(
                {"field": "waybill", "message": "请填写快递运单号（6–40 位字母、数字或连字符）"}
            )
        data = {"waybill": body.waybill or "", "carrier": body.carrier or ""}
    if body.event == "handed_over":
        data = _collector(case, body.collector, errors, keys)
    if errors:
        raise validation_problem(errors)
    return data


def _collector(
    case: Case, who: CollectorIn | None, errors: list[dict[str, str]], keys: CenterKeys | None
) -> dict[str, Any] | None:
    if who is None:
        errors.append({"field": "collector", "message": "请读取领取人的身份证件"})
        return None
    if keys is None:  # the applicant's number is sealed: no keys, no comparison
        errors.append({"field": "collector", "message": "中心未载入个人信息密钥，无法核对领取人"})
        return None
    body = case_body(keys, case)
    applicant_number = str(body.get("applicant", {}).get("id_number", "")).upper()
    same = who.id_number.upper() == applicant_number
    if who.kind == "applicant" and not same:
        errors.append({"field": "collector", "message": "领取人不是申请人本人，不能以本人身份领取"})
    if who.kind == "agent" and same:
        errors.append({"field": "collector", "message": "申请人本人领取，请按本人领取登记"})
    if who.kind == "agent" and not who.proxy_blobs:
        errors.append({"field": "collector.proxy_blobs", "message": "代领须提交授权委托书"})
    return {
        "kind": who.kind,
        "name_masked": mask_name(who.name),
        "id_number_masked": mask_number(who.id_number),
        "proxy_blobs": who.proxy_blobs,
        "signature_blob": who.signature_blob,
    }


def apply_event(
    db: Session, case: Case, who: ClerkSession, body: EventIn, now: datetime,
    *, keys: CenterKeys | None
) -> None:
    """Move ``case`` by ``body.event`` (or raise the Problem that says why not)."""
    t = EVENTS[body.event]
    _check_allowed(who, body.event, t)
    _check_status(case, t)
    data = _details(case, body, t, keys)
    owed = _owed(case)
    if body.event in {"approve", "deny"} and owed:
        first = owed[0]
        due = f"（应于 {first.due_date.isoformat()} 前补交）" if first.due_date else ""
        raise Problem(
            409,
            "deferred-materials-owed",
            f"容缺材料「{first.name}」尚未补交{due}，补齐前不能办结",
        )
    note = t.title + (f"：{body.note}" if body.note else "")
    if body.event == "mailed" and data:
        note += f"（运单号 {data['waybill']}）"
    case.status = t.target
    case.updated_at = now
    case.events.append(
        CaseEvent(
            at=now,
            status=t.target,
            note=f"{note}（{who.clerk.name}）",
            event=body.event,
            actor=who.clerk.username,
            data=data,
        )
    )
    db.flush()


def life_view(case: Case) -> dict[str, Any]:
    """What the back office added to a case: decision, collection, 容缺 materials."""
    decided = next((e for e in reversed(case.events) if e.event in {"approve", "deny"}), None)
    out = next((e for e in reversed(case.events) if e.event in {"handed_over", "mailed"}), None)
    return {
        "status_label": label(case.status),
        "window_id": case.window_id,
        "decision": case.decision,
        "updated_at": iso(case.updated_at),
        "outcome": (
            {"granted": decided.event == "approve", "text": decided.note, "at": iso(decided.at)}
            if decided
            else None
        ),
        "handed_out": (
            {"how": out.event, "at": iso(out.at), "by": out.actor, **(out.data or {})}
            if out
            else None
        ),
        "deferred": [
            {
                "material_code": row.material_code,
                "name": row.name,
                "due_date": row.due_date.isoformat() if row.due_date else None,
                "received_at": iso(row.received_at) if row.received_at else None,
            }
            for row in case.deferred
        ],
    }
