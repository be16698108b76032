"""POST /sessions (login) and DELETE /sessions/current (logout)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from center.auth import check_password, current_session, open_session
from center.context import CenterContext, db_session, get_context
from center.models import Clerk, ClerkSession
from center.problems import Problem
from center.roles import ROLE_NAMES, window_allowed
from center.schemas import LoginIn
from center.timekeeping import iso

router = APIRouter(tags=["sessions"])


@router.post("/sessions", status_code=201)
def login(
    body: LoginIn,
    db: Session = Depends(db_session),  # noqa: B008
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> dict:
    clerk = db.scalar(select(Clerk).where(Clerk.username == body.username))
    if not check_password(ctx, clerk, body.password):
        raise Problem(401, "bad-credentials", "用户名或密码不正确")
    assert clerk is not None
    if ctx.hasher.check_needs_rehash(clerk.password_hash):
        clerk.password_hash = ctx.hasher.hash(body.password)  # costs raised since it was set
    if not window_allowed(clerk.windows, body.window_id):
        raise Problem(
            403,
            "window-not-allowed",
            f"账号 {clerk.username} 未被授权在 {body.window_id} 窗口登录，请联系大厅负责人",
        )
    token, row = open_session(ctx, db, clerk, body.window_id)
    db.commit()
    return {
        "token": token,
        "expires_at": iso(row.expires_at),
        "clerk": {
            "id": clerk.id,
            "username": clerk.username,
            "name": clerk.name,
            "role": clerk.role,
            "role_name": ROLE_NAMES.get(clerk.role, clerk.role),
        },
        "window_id": row.window_id,
        "hall_id": row.hall_id,
    }


@router.delete("/sessions/current", status_code=204)
def logout(
    who: ClerkSession = Depends(current_session),  # noqa: B008
    db: Session = Depends(db_session),  # noqa: B008
) -> Response:
    db.execute(delete(ClerkSession).where(ClerkSession.token_hash == who.token_hash))
    db.commit()
    return Response(status_code=204)
