"""Queue tickets (叫号): issue, call next, recall, skip, transfer.

Tickets are numbered per service letter and day (A001, A002 …). A ticket transferred to a
window is called by that window before anyone else; otherwise first come, first served.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Response
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from center.context import CenterContext, db_session, get_context
from center.db import next_in_sequence
from center.models import ClerkSession, QueueTicket
from center.problems import Problem
from center.roles import QUEUE, QUEUE_HALL, may, require, same_window
from center.schemas import CallNextIn, TicketIn, TransferIn
from center.timekeeping import iso, local_date

router = APIRouter(tags=["queue"])
Who = Depends(require(QUEUE))
Db = Depends(db_session)
Ctx = Depends(get_context)
SERVICE_LETTERS = {"综合受理": "A", "取件": "B", "咨询": "C", "帮办代办": "D"}
WAITING = ("waiting", "transferred")


def _ahead(db: Session, ticket: QueueTicket) -> int:
    if ticket.status not in WAITING:
        return 0
    return int(
        db.scalar(
            select(func.count())
            .select_from(QueueTicket)
            .where(
                QueueTicket.day == ticket.day,
                QueueTicket.hall_id == ticket.hall_id,
                QueueTicket.status.in_(WAITING),
                QueueTicket.id < ticket.id,
            )
        )
        or 0
    )


def _view(db: Session, t: QueueTicket) -> dict:
    return {
        "ticket": t.ticket,
        "service": t.service,
        "status": t.status,
        "window_id": t.window_id,
        "waiting": _ahead(db, t),
        "issued_at": iso(t.issued_at),
        "called_at": iso(t.called_at) if t.called_at else None,
        "recalls": t.recalls,
    }


def _today(ctx: CenterContext) -> date:
    return local_date(ctx.clock())


def _ticket(db: Session, ctx: CenterContext, who: ClerkSession, ticket: str) -> QueueTicket:
    """Today's ticket of the session's hall, locked; one another window is serving is only
    for that window (or the hall manager)."""
    row = db.scalar(
        select(QueueTicket)
        .where(
            QueueTicket.day == _today(ctx),
            QueueTicket.hall_id == who.hall_id,
            QueueTicket.ticket == ticket.strip().upper(),
        )
        .with_for_update()
    )
    if row is None:
        raise Problem(404, "not-found", f"今天没有 {ticket[:16]} 号")
    if row.window_id is not None and not may(who, QUEUE_HALL):
        same_window(who, row.window_id, f"{row.ticket} 号")
    return row


@router.post("/queue/tickets", status_code=201)
def issue(
    body: TicketIn, who: ClerkSession = Who, db: Session = Db, ctx: CenterContext = Ctx
) -> dict:
    letter = SERVICE_LETTERS.get(body.service)
    if letter is None:
        known = "、".join(SERVICE_LETTERS)
        raise Problem(
            422,
            "validation",
            f"不认识的业务类型：{body.service}（可选：{known}）",
            errors=[{"field": "service", "message": "不认识的业务类型"}],
        )
    today = _today(ctx)
    seq = next_in_sequence(db, f"queue:{letter}", today)
    row = QueueTicket(
        day=today,
        ticket=f"{letter}{seq:03d}",
        service=body.service,
        status="waiting",
        hall_id=who.hall_id,
        issued_at=ctx.clock(),
        recalls=0,
    )
    db.add(row)
    db.flush()
    view = _view(db, row)
    db.commit()
    return view


@router.post("/queue/call-next", response_model=None)
def call_next(
    body: CallNextIn, who: ClerkSession = Who, db: Session = Db, ctx: CenterContext = Ctx
) -> dict | Response:
    same_window(who, body.window_id, "叫号窗口")
    mine = QueueTicket.status == "transferred"
    row = db.scalar(
        select(QueueTicket)
        .where(
            QueueTicket.day == _today(ctx),
            QueueTicket.hall_id == who.hall_id,
            or_(
                QueueTicket.status == "waiting",
                mine & (QueueTicket.window_id == body.window_id),
            ),
        )
        .order_by(mine.desc(), QueueTicket.id)
        .limit(1)
        # Two windows calling at once must not get the same ticket (PostgreSQL; SQLite
        # already serialises writers).
        .with_for_update(skip_locked=True)
    )
    if row is None:
        return Response(status_code=204)
    row.status, row.window_id, row.called_at = "called", body.window_id, ctx.clock()
    view = _view(db, row)
    db.commit()
    return view


@router.post("/queue/tickets/{ticket}/recall")
def recall(
    ticket: str, who: ClerkSession = Who, db: Session = Db, ctx: CenterContext = Ctx
) -> dict:
    row = _ticket(db, ctx, who, ticket)
    if row.status not in ("called", "skipped"):
        raise Problem(409, "ticket-state", f"{row.ticket} 号尚未叫号，不能重呼")
    row.status, row.called_at, row.recalls = "called", ctx.clock(), row.recalls + 1
    view = _view(db, row)
    db.commit()
    return view


@router.post("/queue/tickets/{ticket}/skip")
def skip(ticket: str, who: ClerkSession = Who, db: Session = Db, ctx: CenterContext = Ctx) -> dict:
    row = _ticket(db, ctx, who, ticket)
    if row.status != "called":
        raise Problem(409, "ticket-state", f"{row.ticket} 号不是已叫号状态，不能过号")
    row.status = "skipped"
    view = _view(db, row)
    db.commit()
    return view


@router.post("/queue/tickets/{ticket}/transfer")
def transfer(
    ticket: str,
    body: TransferIn,
    who: ClerkSession = Who,
    db: Session = Db,
    ctx: CenterContext = Ctx,
) -> dict:
    row = _ticket(db, ctx, who, ticket)
    if row.status not in ("called", "waiting", "skipped", "transferred"):
        raise Problem(409, "ticket-state", f"{row.ticket} 号当前状态不能转移")
    row.status, row.window_id = "transferred", body.to_window
    view = _view(db, row)
    db.commit()
    return view
