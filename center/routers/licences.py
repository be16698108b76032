"""GET /licences?holder_id=…&basis=card|typed&purpose=…: electronic licences (电子证照) of
a person or an entity — rate-limited per session and recorded (see ``center.lookups``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from center import lookups
from center.context import CenterContext, db_session, get_context
from center.models import ClerkSession, Licence
from center.personal_fields import holder_hash, licence_view
from center.roles import LOOKUP_PERSONAL, require

router = APIRouter(tags=["licences"])


@router.get("/licences")
def licences(
    holder_id: str = Query(min_length=1, max_length=64),
    basis: str = Query(default="card", max_length=10),
    purpose: str | None = Query(default=None, max_length=100),
    who: ClerkSession = Depends(require(LOOKUP_PERSONAL)),  # noqa: B008
    db: Session = Depends(db_session),  # noqa: B008
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> dict:
    why = lookups.purpose_of(basis, purpose)
    lookups.refuse_if_too_many(ctx, db, who)
    holder = holder_id.strip().upper()
    subject = holder_hash(ctx.keys, holder)
    rows = db.scalars(select(Licence).where(Licence.holder_hash == subject).order_by(Licence.id))
    found = [licence_view(ctx.keys, r) for r in rows]
    lookups.record(ctx, db, who, "licences", subject, basis, why, len(found))
    db.commit()
    return {"licences": found}
