"""POST /cases/{number}/events (a case's life after the counter), GET /cases (a window's
cases, keyset pages newest first), GET /stats/windows (the dashboard's day figures)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center.auth import current_session
from center.case_life import EventIn, apply_event
from center.case_listing import list_cases, window_stats
from center.case_service import case_view
from center.collection_files import check_collection_files
from center.context import CenterContext, db_read, db_session, get_context
from center.idempotency import body_hash, remember, replay
from center.models import Case, ClerkSession
from center.problems import Problem
from center.roles import READ_CASES, require
from center.timekeeping import local_date

router = APIRouter(tags=["case life"])
Reader = Depends(require(READ_CASES))
Anyone = Depends(current_session)
Db = Depends(db_session)
Read = Depends(db_read)
Ctx = Depends(get_context)


def _optional_key(request: Request) -> str | None:
    key = request.headers.get("idempotency-key", "").strip()
    if len(key) > 128:
        raise Problem(400, "bad-request", "Idempotency-Key 过长（最多 128 个字符）")
    return key or None


@router.post("/cases/{number}/events")
def post_event(
    number: str,
    body: EventIn,
    request: Request,
    who: ClerkSession = Anyone,
    db: Session = Db,
    ctx: CenterContext = Ctx,
) -> JSONResponse:
    """An Idempotency-Key is optional here: the desk's outbox sends one so a repeat after a
    lost answer replays the first answer instead of a 409 for a case already moved."""
    key = _optional_key(request)
    digest = body_hash(body, number)
    if key:
        answer = replay(db, "case-events", key, digest)
        if answer is not None:
            return answer
    case = db.scalar(select(Case).where(Case.number == number, Case.hall_id == who.hall_id))
    if case is None:
        raise Problem(404, "not-found", f"没有编号为 {number[:40]} 的办件")
    now = ctx.clock()
    check_collection_files(body, ctx.blobs.is_complete)
    apply_event(db, case, who, body, now, keys=ctx.keys)
    view = case_view(case)
    if key:
        remember(db, "case-events", key, digest, 200, view, now)
    try:
        db.commit()
    except IntegrityError:  # the same key raced us: its answer stands
        db.rollback()
        answer = replay(db, "case-events", key or "", digest) if key else None
        if answer is None:
            raise
        return answer
    return JSONResponse(view)


@router.get("/cases")
def cases_of_window(
    who: ClerkSession = Reader,
    db: Session = Read,
    ctx: CenterContext = Ctx,
    window: str | None = Query(default=None, max_length=32),
    status: str | None = Query(default=None, max_length=200),
    since: datetime | None = None,
    cursor: str | None = Query(default=None, max_length=200),
    limit: int = Query(default=50, ge=1, le=100),
) -> JSONResponse:
    if since is not None and since.tzinfo is None:
        raise Problem(400, "bad-since", "since 须带时区，例如 2026-10-09T08:00:00+08:00")
    # Straight to JSON: the page is plain data, FastAPI's encoder pass would only cost time.
    return JSONResponse(
        list_cases(
            db,
            who,
            window=window,
            status=status,
            since=since,
            cursor=cursor,
            limit=limit,
            catalog=ctx.catalog,
        )
    )


@router.get("/stats/windows")
def stats_of_windows(
    who: ClerkSession = Reader,
    db: Session = Read,
    ctx: CenterContext = Ctx,
    day: Annotated[date | None, Query(alias="date")] = None,
) -> dict:
    return window_stats(db, who, day or local_date(ctx.clock()))
