"""Registering a case: official number, status, promised date and timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.case_life import deferred_rows, life_view
from center.context import CenterContext
from center.db import next_in_sequence
from center.models import CalendarDay, Case, CaseEvent, ClerkSession
from center.personal_fields import seal_case_body
from center.schemas import CaseIn
from center.timekeeping import BEIJING, iso, local_date
from forms.vocabulary import DecisionKind
from forms.working_days import CalendarException, WorkingCalendar

STATUS_OF_DECISION = {kind.value: kind.case_status.value for kind in DecisionKind}
# The timeline's first entry after filing: what the window did, in the center's words.
DECISION_NOTES = {
    DecisionKind.ACCEPT: "窗口受理",
    DecisionKind.ACCEPT_DEFERRED: "容缺受理，待补交材料",
    DecisionKind.ACCEPT_PLEDGE: "告知承诺受理",
    DecisionKind.REFUSE: "不予受理",
    DecisionKind.INCOMPLETE: "材料不全，已一次性告知",
}
SEQUENCE_DIGITS = 7


def working_calendar(db: Session) -> WorkingCalendar:
    rows = db.scalars(select(CalendarDay)).all()
    return WorkingCalendar.from_exceptions(
        (CalendarException(r.day, r.kind, r.name) for r in rows),
        known_years={r.day.year for r in rows},
    )


def promised_date(db: Session, catalog: Any, body: CaseIn) -> date | None:
    """The latest promised date of the case's items, counted from the acceptance day."""
    if STATUS_OF_DECISION[body.decision.kind] != "accepted":
        return None
    days = max(catalog.item(code).promised_days for code in body.items)
    accepted = body.accepted_at
    if accepted.tzinfo is None:  # a counter clock without offset is Beijing time
        accepted = accepted.replace(tzinfo=BEIJING)
    return working_calendar(db).add_working_days(local_date(accepted), days)


def case_number(db: Session, prefix: str, day: date) -> str:
    seq = next_in_sequence(db, f"case:{prefix}", day)
    if seq >= 10**SEQUENCE_DIGITS:
        raise OverflowError("daily case sequence exhausted")
    return f"{prefix}{day:%Y%m%d}{seq:0{SEQUENCE_DIGITS}d}"


def register_case(ctx: CenterContext, db: Session, body: CaseIn, who: ClerkSession) -> Case:
    now = ctx.clock()
    status = STATUS_OF_DECISION[body.decision.kind]
    note = DECISION_NOTES[body.decision.kind]
    if body.decision.reason and body.decision.kind in {"refuse", "incomplete"}:
        note = f"{note}：{body.decision.reason}"
    case = Case(
        uuid=body.uuid,
        number=case_number(db, who.clerk.area_prefix, local_date(now)),
        provisional_number=body.provisional_number,
        window_id=body.window_id,
        hall_id=who.hall_id,
        clerk_id=who.clerk_id,
        ticket_number=body.ticket_number,
        status=status,
        decision=body.decision.kind,
        promised_date=promised_date(db, ctx.catalog, body),
        received_at=now,
        updated_at=now,
        body=seal_case_body(ctx.keys, body.uuid, body.model_dump(mode="json")),
    )
    case.deferred = deferred_rows(body.model_dump(mode="json"))
    received = "中心已收件"
    if body.provisional_number:
        received += f"（临时编号 {body.provisional_number}）"
    case.events = [
        CaseEvent(at=now, status="received", note=received, event="", actor=""),
        CaseEvent(
            at=now,
            status=status,
            note=f"{note}（{body.window_id} 窗口 {who.clerk.name}）",
            event="",
            actor=who.clerk.username,
        ),
    ]
    db.add(case)
    return case


def add_event(case: Case, at: Any, note: str, event: str = "", actor: str = "") -> None:
    case.events.append(CaseEvent(at=at, status=case.status, note=note, event=event, actor=actor))


def case_view(case: Case) -> dict[str, Any]:
    return {
        "uuid": case.uuid,
        "number": case.number,
        "status": case.status,
        "promised_date": case.promised_date.isoformat() if case.promised_date else None,
        "received_at": iso(case.received_at),
        "timeline": [
            {"at": iso(e.at), "status": e.status, "note": e.note, "event": e.event}
            for e in case.events
        ],
        **life_view(case),
    }
