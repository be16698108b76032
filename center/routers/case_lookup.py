"""Two reads of a case for the window, both masked:

- ``GET /cases/{number}/paper``: what a 收件回执 needs, so a desk that purged its own record
  (or never held it) can reprint the receipt (补打) from the center's;
- ``POST /cases/of-holder`` ``{"id_number": …}``: a card holder's open cases in the hall.
  The number travels in the body (never in a URL that access logs keep), is compared by
  keyed hash with each open case's applicant, and the lookup is rate-limited and recorded
  like a licence lookup (``center.lookups``). Cases' bodies are sealed, so each open case
  of the hall is opened to compare: the hall's open cases, not its history.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from center import lookups
from center.case_life import mask_number
from center.case_listing import _row_view
from center.context import CenterContext, db_session, get_context
from center.models import Case, ClerkSession
from center.personal_fields import case_body, holder_hash, mask_name
from center.problems import Problem
from center.roles import READ_CASES, require
from center.timekeeping import iso
from forms.vocabulary import FINAL_STATUSES as FINAL

router = APIRouter(tags=["case lookup"])
Reader = Depends(require(READ_CASES))
Db = Depends(db_session)
Ctx = Depends(get_context)
MAX_FOUND = 50


class HolderIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id_number: str = Field(min_length=1, max_length=64)


def _case_of_hall(db: Session, who: ClerkSession, number: str) -> Case:
    case = db.scalar(select(Case).where(Case.number == number, Case.hall_id == who.hall_id))
    if case is None:
        raise Problem(404, "not-found", f"没有编号为 {number[:40]} 的办件")
    return case


def _masked_person(person: Any) -> dict[str, str] | None:
    if not isinstance(person, dict):
        return None
    return {
        "kind": str(person.get("kind") or "person"),
        "id_type": str(person.get("id_type") or "resident"),
        "name": mask_name(str(person.get("name") or "")),
        "id_number": mask_number(str(person.get("id_number") or "")),
        "relation": str(person.get("relation") or ""),
    }


@router.get("/cases/{number}/paper")
def case_paper(number: str, who: ClerkSession = Reader, db: Session = Db,
               ctx: CenterContext = Ctx) -> dict[str, Any]:
    case = _case_of_hall(db, who, number)
    body = case_body(ctx.keys, case)
    return {
        "uuid": case.uuid,
        "number": case.number,
        "window_id": case.window_id,
        "status": case.status,
        "accepted_at": str(body.get("accepted_at") or iso(case.received_at)),
        "promised_date": case.promised_date.isoformat() if case.promised_date else None,
        "ticket_number": case.ticket_number or "",
        "items": list(body.get("items") or []),
        "applicant": _masked_person(body.get("applicant")),
        "agent": _masked_person(body.get("agent")),
        "materials": [
            {k: m.get(k) for k in ("item_code", "material_code", "name", "mode", "pages",
                                    "due_date")}
            for m in body.get("materials") or [] if isinstance(m, dict)
        ],
        "decision": {"kind": case.decision,
                     "reason": str((body.get("decision") or {}).get("reason") or "")},
    }


@router.post("/cases/of-holder")
def cases_of_holder(holder: HolderIn, who: ClerkSession = Reader, db: Session = Db,
                    ctx: CenterContext = Ctx) -> dict[str, Any]:
    lookups.refuse_if_too_many(ctx, db, who)
    wanted = holder_hash(ctx.keys, holder.id_number.upper())
    open_cases = db.scalars(
        select(Case).where(Case.hall_id == who.hall_id, Case.status.not_in(FINAL))
        .order_by(Case.received_at.desc(), Case.id.desc())
    )
    found = []
    for case in open_cases:
        applicant = case_body(ctx.keys, case).get("applicant") or {}
        theirs = holder_hash(ctx.keys, str(applicant.get("id_number") or "").upper())
        if hmac.compare_digest(theirs, wanted):
            found.append(case)
            if len(found) >= MAX_FOUND:
                break
    lookups.record(ctx, db, who, "cases", wanted, "card", "读卡查询在办办件", len(found))
    db.commit()
    rows = [
        _row_view((c.id, c.number, c.uuid, c.window_id, c.status, c.decision, c.promised_date,
                   c.received_at, c.updated_at, (c.body or {}).get("applicant_masked"),
                   (c.body or {}).get("items")), [], ctx.catalog)
        for c in found
    ]
    return {"cases": rows}
