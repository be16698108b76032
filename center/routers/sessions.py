"""POST /sessions (login) and DELETE /sessions/current (logout).

Login runs in three steps so the expensive one is bounded: a short transaction refuses a
throttled account or address (429) and loads the clerk; the Argon2 verification waits for a
slot of ``PasswordGate`` (no database transaction, no thread held while waiting); a second
short transaction records the failure or opens the session.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from center import throttle
from center.auth import check_password, current_session, open_session
from center.context import CenterContext, db_session, get_context
from center.models import Clerk, ClerkSession
from center.problems import Problem
from center.roles import ROLE_NAMES, window_allowed
from center.schemas import LoginIn
from center.timekeeping import iso

router = APIRouter(tags=["sessions"])


def _source(request: Request) -> str:
    # The peer address as uvicorn reports it (behind a proxy: set uvicorn's
    # --forwarded-allow-ips so it is the client's); never a header trusted on our own.
    return request.client.host if request.client else "unknown"


def _load_clerk(ctx: CenterContext, keys: tuple[str, ...], username: str) -> Clerk | None:
    assert ctx.reads is not None
    with ctx.reads() as db:
        throttle.refuse_if_waiting(db, ctx.throttle, keys, ctx.clock())
        return db.scalar(select(Clerk).where(Clerk.username == username))


def _failed(ctx: CenterContext, keys: tuple[str, ...]) -> None:
    with ctx.sessions() as db:
        throttle.record_failure(db, ctx.throttle, keys, ctx.clock())
        db.commit()


def _open(ctx: CenterContext, body: LoginIn, clerk_id: int, account_key: str) -> dict:
    with ctx.sessions() as db:
        clerk = db.get(Clerk, clerk_id)
        assert clerk is not None
        throttle.clear(db, account_key)
        if ctx.hasher.check_needs_rehash(clerk.password_hash):
            clerk.password_hash = ctx.hasher.hash(body.password)  # costs raised since it was set
        if not window_allowed(clerk.windows, body.window_id):
            db.commit()  # the password was right: its failures are cleared all the same
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


@router.post("/sessions", status_code=201)
async def login(
    body: LoginIn,
    request: Request,
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> dict:
    keys = throttle.keys_for(body.username, _source(request))
    clerk = await run_in_threadpool(_load_clerk, ctx, keys, body.username)
    async with ctx.password_gate:
        ok = await run_in_threadpool(check_password, ctx, clerk, body.password)
    if not ok or clerk is None:
        await run_in_threadpool(_failed, ctx, keys)
        raise Problem(401, "bad-credentials", "用户名或密码不正确")
    return await run_in_threadpool(_open, ctx, body, clerk.id, keys[0])


@router.delete("/sessions/current", status_code=204)
def logout(
    who: ClerkSession = Depends(current_session),  # noqa: B008
    db: Session = Depends(db_session),  # noqa: B008
) -> Response:
    db.execute(delete(ClerkSession).where(ClerkSession.token_hash == who.token_hash))
    db.commit()
    return Response(status_code=204)
