"""GET /licences?holder_id=…: electronic licences (电子证照) of a person or an entity."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from center.context import db_session
from center.models import Licence
from center.roles import LOOKUP_PERSONAL, require

router = APIRouter(tags=["licences"], dependencies=[Depends(require(LOOKUP_PERSONAL))])


@router.get("/licences")
def licences(
    holder_id: str = Query(min_length=1, max_length=64),
    db: Session = Depends(db_session),  # noqa: B008
) -> dict:
    holder = holder_id.strip().upper()
    rows = db.scalars(select(Licence).where(Licence.holder_id == holder).order_by(Licence.id))
    return {
        "licences": [
            {
                "type": r.type,
                "name": r.name,
                "number": r.number,
                "holder_name": r.holder_name,
                "holder_id": r.holder_id,
                "issuer": r.issuer,
                "issued_on": r.issued_on.isoformat(),
                "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                "level": r.level,
                "fields": r.fields,
            }
            for r in rows
        ]
    }
