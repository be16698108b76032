"""GET /pre-applications/{code}: a case pre-filed online (网上预审), picked up at the counter."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from center.context import db_session
from center.models import PreApplication
from center.problems import Problem
from center.roles import LOOKUP_PERSONAL, require
from center.timekeeping import iso

router = APIRouter(tags=["pre-applications"], dependencies=[Depends(require(LOOKUP_PERSONAL))])


@router.get("/pre-applications/{code}")
def pre_application(code: str, db: Session = Depends(db_session)) -> dict:  # noqa: B008
    row = db.get(PreApplication, code.strip().upper()[:32])
    if row is None:
        raise Problem(404, "not-found", "没有找到这个预审编号，请核对申请人出示的编号或二维码")
    return {
        "code": row.code,
        "applicant": row.applicant,
        "item_codes": row.item_codes,
        "form": row.form,
        "submitted_at": iso(row.submitted_at),
    }
