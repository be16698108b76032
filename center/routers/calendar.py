"""GET /calendar/{year}: the exceptions to the Monday–Friday rule of one year."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from center.auth import current_session
from center.context import db_read
from center.models import CalendarDay
from center.problems import Problem

router = APIRouter(tags=["calendar"], dependencies=[Depends(current_session)])


@router.get("/calendar/{year}")
def calendar_year(year: int, db: Session = Depends(db_read)) -> dict:  # noqa: B008
    if not 1900 <= year <= 2999:
        raise Problem(404, "not-found", f"没有 {year} 年的节假日安排")
    rows = db.scalars(
        select(CalendarDay)
        .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
        .order_by(CalendarDay.day)
    ).all()
    if not rows:
        raise Problem(404, "not-found", f"中心尚未发布 {year} 年的节假日安排")
    return {
        "year": year,
        "days": [{"date": r.day.isoformat(), "kind": r.kind, "name": r.name} for r in rows],
    }
