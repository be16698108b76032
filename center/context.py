"""Everything a request handler needs, built once by ``create_app`` and reached through
``request.app.state.center`` (no module-level singletons)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

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


def get_context(request: Request) -> CenterContext:
    return request.app.state.center


def db_session(request: Request) -> Iterator[Session]:
    """One session per request. Handlers commit explicitly *before* returning, so a client
    never sees a success for something not durable; anything uncommitted is rolled back."""
    ctx: CenterContext = request.app.state.center
    with ctx.sessions() as session:
        yield session
