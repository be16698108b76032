"""GET /pre-applications/{code}: a case pre-filed online (网上预审), picked up at the counter.

Codes are random with a check character: a mistyped one is refused before the database is
asked. Every lookup, found or not, is recorded and counts toward the session's limit.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from center import lookups
from center.context import CenterContext, db_session, get_context
from center.models import ClerkSession, PreApplication
from center.personal_fields import open_pre_application
from center.pre_application_codes import BadCode, normalise
from center.problems import Problem
from center.roles import LOOKUP_PERSONAL, require
from center.timekeeping import iso

router = APIRouter(tags=["pre-applications"])


@router.get("/pre-applications/{code}")
def pre_application(
    code: str,
    who: ClerkSession = Depends(require(LOOKUP_PERSONAL)),  # noqa: B008
    db: Session = Depends(db_session),  # noqa: B008
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> dict:
    lookups.refuse_if_too_many(ctx, db, who)
    try:
        wanted = normalise(code[:64])
    except BadCode as exc:
        subject = ctx.keys.lookup_hash("pre_application", code[:64])
        lookups.record(ctx, db, who, "pre_application", subject, "code", "预审编号有误", 0)
        db.commit()
        raise Problem(422, "bad-code", str(exc)) from None
    row = db.get(PreApplication, wanted)
    subject = ctx.keys.lookup_hash("pre_application", wanted)
    lookups.record(ctx, db, who, "pre_application", subject, "code", "网上预审取件", int(bool(row)))
    db.commit()
    if row is None:
        raise Problem(404, "not-found", "没有找到这个预审编号，请核对申请人出示的编号或二维码")
    applicant, form = open_pre_application(ctx.keys, row)
    return {
        "code": row.code,
        "applicant": applicant,
        "item_codes": row.item_codes,
        "form": form,
        "submitted_at": iso(row.submitted_at),
    }
