"""Everything a request handler needs, built once by ``create_app`` and reached through
``request.app.state.center`` (no module-level singletons)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from center.blob_store import BlobStore
from center.field_crypto import CenterKeys
from center.password_gate import PasswordGate
from center.throttle import ThrottlePolicy
from center.timekeeping import Clock


@dataclass
class CenterContext:
    engine: Engine
    sessions: sessionmaker[Session]
    catalog: Any  # forms.catalog.Catalog (duck-typed: to_dict(), item(code), items)
    clock: Clock
    blobs: BlobStore
    session_hours: int = 12
    hasher: PasswordHasher = field(default_factory=PasswordHasher)
    published_catalog: Any = None  # center.routers.catalog.PublishedCatalog
    dummy_hash: str = ""  # verified against for unknown users (same timing as known ones)
    throttle: ThrottlePolicy = field(default_factory=ThrottlePolicy)
    keys: CenterKeys = field(default_factory=CenterKeys.generate)
    password_gate: PasswordGate = field(default_factory=PasswordGate)
    reads: sessionmaker[Session] | None = None  # read-only sessions (center.db); None: sessions

    def __post_init__(self) -> None:
        if self.reads is None:
            self.reads = self.sessions


# The dependencies below are ``async def`` although they do no I/O of their own: FastAPI
# runs a plain ``def`` dependency in the thread pool, and each such hop costs more than the
# work here (a status poll used to make six of them).
async def get_context(request: Request) -> CenterContext:
    return request.app.state.center


async def db_session(request: Request) -> AsyncIterator[Session]:
    """One session per request. Handlers commit explicitly *before* returning, so a client
    never sees a success for something not durable; anything uncommitted is rolled back."""
    ctx: CenterContext = request.app.state.center
    session = ctx.sessions()
    try:
        yield session
    finally:
        if session.in_transaction():  # rolling back is a database round trip: not here
            await run_in_threadpool(session.close)
        else:
            session.close()


async def db_read(request: Request) -> AsyncIterator[Session]:
    """A read-only session (no write lock, no BEGIN round trip); its close does no I/O."""
    ctx: CenterContext = request.app.state.center
    assert ctx.reads is not None
    session = ctx.reads()
    try:
        yield session
    finally:
        session.close()
