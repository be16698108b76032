"""POST /cases (idempotent), GET /cases/{number}, GET /cases/by-uuid/{uuid},
POST /cases/{number}/supplements (materials supplied later for 容缺受理)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center.case_life import mark_supplied
from center.case_rules import check_blobs, check_case
from center.case_service import add_event, case_view, register_case
from center.context import CenterContext, db_read, db_session, get_context
from center.idempotency import body_hash, remember, replay, require_key
from center.models import Case, ClerkSession, Supplement
from center.personal_fields import case_body
from center.problems import Problem, validation_problem
from center.roles import FILE_CASES, READ_CASES, require, same_window
from center.schemas import CaseIn, SupplementIn
from center.timekeeping import iso

router = APIRouter(tags=["cases"])
Filer = Depends(require(FILE_CASES))
Reader = Depends(require(READ_CASES))
Db = Depends(db_session)
Read = Depends(db_read)
Ctx = Depends(get_context)


def _commit_or_replay(db: Session, scope: str, key: str, digest: str) -> JSONResponse | None:
    """Commit; if a parallel request with the same key won the race, replay its answer."""
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        answer = replay(db, scope, key, digest)
        if answer is None:
            raise
        return answer
    return None


@router.post("/cases", status_code=201)
def submit_case(
    body: CaseIn,
    request: Request,
    who: ClerkSession = Filer,
    db: Session = Db,
    ctx: CenterContext = Ctx,
) -> JSONResponse:
    same_window(who, body.window_id, "该办件")
    key = require_key(request)
    digest = body_hash(body)
    answer = replay(db, "cases", key, digest)
    if answer is not None:
        return answer
    errors = check_case(body, key, ctx.catalog, ctx.blobs.is_complete)
    if errors:
        raise validation_problem(errors)
    case = register_case(ctx, db, body, who)
    view = case_view(case)
    remember(db, "cases", key, digest, 201, view, case.received_at)
    return _commit_or_replay(db, "cases", key, digest) or JSONResponse(view, status_code=201)


def _case_by_number(db: Session, who: ClerkSession, number: str) -> Case:
    # A case of another hall is answered as unknown: its existence is not the caller's business.
    case = db.scalar(select(Case).where(Case.number == number, Case.hall_id == who.hall_id))
    if case is None:
        raise Problem(404, "not-found", f"没有编号为 {number[:40]} 的办件")
    return case


@router.get("/cases/by-uuid/{uuid}")
def case_by_uuid(uuid: str, who: ClerkSession = Reader, db: Session = Read) -> dict:
    case = db.scalar(select(Case).where(Case.uuid == uuid, Case.hall_id == who.hall_id))
    if case is None:
        raise Problem(404, "not-found", "中心没有这个案件（可能尚未提交成功）")
    return case_view(case)


@router.get("/cases/{number}")
def case_by_number(number: str, who: ClerkSession = Reader, db: Session = Read) -> dict:
    return case_view(_case_by_number(db, who, number))


@router.post("/cases/{number}/supplements", status_code=201)
def supplement(
    number: str,
    body: SupplementIn,
    request: Request,
    who: ClerkSession = Filer,
    db: Session = Db,
    ctx: CenterContext = Ctx,
) -> JSONResponse:
    key = require_key(request)
    case = _case_by_number(db, who, number)
    same_window(who, case.window_id, f"办件 {case.number} ")
    digest = body_hash(body, number)
    answer = replay(db, "supplements", key, digest)
    if answer is not None:
        return answer
    errors: list[dict[str, str]] = []
    deferred = {
        m["material_code"]
        for m in case_body(ctx.keys, case).get("materials", [])
        if m.get("mode") == "deferred"
    }
    if body.material_code not in deferred:
        errors.append(
            {
                "field": "material_code",
                "message": f"该材料不是本办件的容缺材料：{body.material_code}",
            }
        )
    if not body.blobs:
        errors.append({"field": "blobs", "message": "补交材料须附至少一个文件"})
    check_blobs(errors, "blobs", body.blobs, ctx.blobs.is_complete)
    if errors:
        raise validation_problem(errors)
    now = ctx.clock()
    row = Supplement(
        case_id=case.id, material_code=body.material_code, blobs=body.blobs, received_at=now
    )
    db.add(row)
    late = mark_supplied(case, body.material_code, now)
    case.updated_at = now
    note = f"补交容缺材料 {body.material_code}" + ("（逾期补交）" if late else "")
    add_event(case, now, note, "supplement", who.clerk.username)
    db.flush()
    view = {
        "id": row.id,
        "case_number": case.number,
        "material_code": row.material_code,
        "blobs": row.blobs,
        "received_at": iso(now),
        "late": late,
    }
    remember(db, "supplements", key, digest, 201, view, now)
    return _commit_or_replay(db, "supplements", key, digest) or JSONResponse(view, status_code=201)
