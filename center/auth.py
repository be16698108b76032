"""Clerk sessions: Argon2 password check, opaque bearer tokens stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from center.context import CenterContext, get_context
from center.models import Clerk, ClerkSession
from center.problems import Problem
from center.timekeeping import aware


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_password(ctx: CenterContext, clerk: Clerk | None, password: str) -> bool:
    if clerk is None:
        # Spend the same Argon2 time for unknown users so timing does not reveal usernames.
        if not ctx.dummy_hash:
            ctx.dummy_hash = ctx.hasher.hash(secrets.token_urlsafe(16))
        try:
            ctx.hasher.verify(ctx.dummy_hash, password)
        except VerificationError:
            pass
        return False
    try:
        return ctx.hasher.verify(clerk.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def open_session(
    ctx: CenterContext, db: Session, clerk: Clerk, window_id: str
) -> tuple[str, ClerkSession]:
    token = secrets.token_urlsafe(32)
    now = ctx.clock()
    row = ClerkSession(
        token_hash=token_hash(token),
        clerk_id=clerk.id,
        window_id=window_id,
        hall_id=clerk.hall_id,
        created_at=now,
        expires_at=now + timedelta(hours=ctx.session_hours),
    )
    db.add(row)
    return token, row


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(
            401,
            "session-expired",
            "未登录或登录已失效，请重新登录",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


def current_session(
    request: Request,
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> ClerkSession:
    """The caller's session (with its clerk loaded), checked by one read of its own (no
    write lock, no transaction kept): the request's main transaction starts only when the
    handler touches the database, and a long blob upload holds no connection at all."""
    wanted = token_hash(_bearer(request))
    assert ctx.reads is not None
    with ctx.reads() as db:
        row = db.scalar(select(ClerkSession).where(ClerkSession.token_hash == wanted))
    if row is None or aware(row.expires_at) <= ctx.clock():
        raise Problem(
            401,
            "session-expired",
            "登录已失效，请重新登录",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return row
