"""Personal-data lookups (electronic licences, pre-applications): scoped, rate-limited per
session and recorded at the center — clerk, window, a keyed hash of the holder, purpose.

A licence lookup states its basis: ``card`` (the holder's card was read at this window in
this session — the desk's claim, recorded with who made it) or ``typed`` with a purpose of
the clerk's own words. The center cannot see the card reader; what it can do is make every
lookup attributable and cap how fast one session can look people up.
"""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.context import CenterContext
from center.models import ClerkSession, LookupRecord
from center.problems import Problem
from center.throttle import wait_text

WINDOW = timedelta(minutes=10)
LIMIT = 30  # a busy counter serves one applicant every few minutes; 30 in 10 is generous
BASES = {"card": "读卡核验", "typed": None}


def refuse_if_too_many(ctx: CenterContext, db: Session, who: ClerkSession) -> None:
    now = ctx.clock()
    since = now - WINDOW
    recent = select(LookupRecord.at).where(
        LookupRecord.session_hash == who.token_hash, LookupRecord.at > since
    )
    count = db.scalar(select(func.count()).select_from(recent.subquery()))
    if count is None or count < LIMIT:
        return
    oldest = db.scalar(
        select(func.min(LookupRecord.at)).where(
            LookupRecord.session_hash == who.token_hash, LookupRecord.at > since
        )
    )
    seconds = max(1, math.ceil((oldest + WINDOW - now).total_seconds())) if oldest else 60
    raise Problem(
        429,
        "too-many-lookups",
        f"本次登录查询个人信息过于频繁（10 分钟内最多 {LIMIT} 次），请 {wait_text(seconds)}后再试",
        headers={"Retry-After": str(seconds)},
        retry_after=seconds,
    )


def purpose_of(basis: str, purpose: str | None) -> str:
    if basis not in BASES:
        raise Problem(
            422, "validation", "查询依据应为 card（已读卡）或 typed（手工输入并说明用途）"
        )
    text = (purpose or "").strip()
    if basis == "typed" and len(text) < 2:
        raise Problem(422, "validation", "手工输入证件号查询电子证照时，须填写查询用途")
    return (text or BASES[basis] or "")[:100]


def record(
    ctx: CenterContext,
    db: Session,
    who: ClerkSession,
    kind: str,
    subject_hash: str,
    basis: str,
    purpose: str,
    found: int,
) -> None:
    db.add(
        LookupRecord(
            at=ctx.clock(),
            session_hash=who.token_hash,
            clerk_id=who.clerk_id,
            hall_id=who.hall_id,
            window_id=who.window_id,
            kind=kind,
            subject_hash=subject_hash,
            basis=basis,
            purpose=purpose,
            found=found,
        )
    )
