"""POST /evaluations: the applicant's 好差评 rating of a case (idempotent)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center.context import CenterContext, db_session, get_context
from center.idempotency import body_hash, remember, replay, require_key
from center.models import Case, ClerkSession, Evaluation
from center.problems import Problem, validation_problem
from center.roles import FILE_CASES, require, same_window
from center.schemas import EvaluationIn

router = APIRouter(tags=["evaluations"])
BAD = 2  # 1 非常不满意, 2 不满意: the applicant is asked why


@router.post("/evaluations", status_code=201)
def evaluate(
    body: EvaluationIn,
    request: Request,
    who: ClerkSession = Depends(require(FILE_CASES)),  # noqa: B008
    db: Session = Depends(db_session),  # noqa: B008
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> JSONResponse:
    key = require_key(request)
    digest = body_hash(body)
    answer = replay(db, "evaluations", key, digest)
    if answer is not None:
        return answer
    errors = []
    scores = {
        "overall": body.overall,
        "efficiency": body.efficiency,
        "competence": body.competence,
        "attitude": body.attitude,
    }
    bad = [k for k, v in scores.items() if v is not None and v <= BAD]
    if bad and not body.reason:
        errors.append({"field": "reason", "message": "评价为“不满意”或“非常不满意”时须填写原因"})
    if not body.case_number and not body.case_uuid:
        errors.append({"field": "case_number", "message": "须指明所评价的办件（编号或 UUID）"})
    if errors:
        raise validation_problem(errors)
    which = Case.number == body.case_number if body.case_number else Case.uuid == body.case_uuid
    case = db.scalar(select(Case).where(which, Case.hall_id == who.hall_id))
    if case is None:
        raise Problem(404, "case-unknown", "所评价的办件在中心不存在：请先提交办件再提交评价")
    # The applicant rates at the window that handled the case, once.
    same_window(who, case.window_id, f"办件 {case.number} ")
    if db.scalar(select(Evaluation.id).where(Evaluation.case_id == case.id)) is not None:
        raise Problem(409, "already-rated", f"办件 {case.number} 已有评价，每个办件只能评价一次")
    now = ctx.clock()
    row = Evaluation(
        case_id=case.id,
        overall=body.overall,
        efficiency=body.efficiency,
        competence=body.competence,
        attitude=body.attitude,
        reason=body.reason,
        channel=body.channel,
        clerk_id=who.clerk_id,
        created_at=now,
    )
    db.add(row)
    db.flush()
    view = {"id": row.id, "case_number": case.number}
    remember(db, "evaluations", key, digest, 201, view, now)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        answer = replay(db, "evaluations", key, digest)
        if answer is None:  # a parallel rating of the same case with another key won
            raise Problem(
                409, "already-rated", f"办件 {case.number} 已有评价，每个办件只能评价一次"
            ) from None
        return answer
    return JSONResponse(view, status_code=201)
