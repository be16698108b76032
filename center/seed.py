"""Fill a fresh database: the holiday calendar always, the demo data on request.

Both are idempotent (they only fill empty tables), so restarting a center on an existing
database changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from center import demo_data
from center.field_crypto import CenterKeys
from center.holidays import holiday_rows
from center.models import CalendarDay, Clerk, Licence, PreApplication
from center.personal_fields import seal_licence, seal_pre_application


def _empty(db: Session, model: type) -> bool:
    return not db.scalar(select(func.count()).select_from(model))


def seed_calendar(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as db:
        if _empty(db, CalendarDay):
            db.add_all(CalendarDay(day=d, kind=k, name=n) for d, k, n in holiday_rows())


def seed_demo(
    sessions: sessionmaker[Session], hasher: PasswordHasher, keys: CenterKeys
) -> None:
    with sessions.begin() as db:
        if _empty(db, Clerk):
            db.add_all(
                Clerk(
                    username=username,
                    name=name,
                    password_hash=hasher.hash(demo_data.DEMO_PASSWORD),
                    area_prefix=demo_data.AREA_PREFIX,
                    role=role,
                    hall_id=demo_data.DEMO_HALL,
                    windows=demo_data.demo_windows(role),
                )
                for username, name, role in demo_data.DEMO_CLERKS
            )
        if _empty(db, Licence):
            db.add_all(Licence(**seal_licence(keys, row)) for row in demo_data.demo_licences())
        if _empty(db, PreApplication):
            db.add_all(
                PreApplication(
                    **{
                        **row,
                        **seal_pre_application(keys, row["code"], row["applicant"], row["form"]),
                        "submitted_at": datetime.fromisoformat(row["submitted_at"]),
                    }
                )
                for row in demo_data.demo_pre_applications()
            )
