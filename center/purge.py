"""Scheduled clean-up (``desk-center purge``, e.g. from a systemd timer or cron each night):
expired sessions, idempotency records past their replay window, forgotten login counters
and abandoned blob partials. Each is safe to run while the center serves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from center import throttle
from center.blob_store import BlobStore
from center.models import ClerkSession, IdempotentRequest

# A desk's outbox retries a sealed case for days when offline; a replayed key must still
# find its first answer long after that (docs/api-v1.md, Idempotency-Key).
IDEMPOTENCY_DAYS = 30


@dataclass(frozen=True)
class Purged:
    sessions: int
    idempotency: int
    throttle: int
    partials: int

    def summary(self) -> str:
        return (
            f"已清理：过期会话 {self.sessions} 条，幂等记录 {self.idempotency} 条，"
            f"登录计数 {self.throttle} 条，中断的上传 {self.partials} 个"
        )


def purge(
    sessions: sessionmaker[Session],
    blobs: BlobStore,
    now: datetime,
    *,
    idempotency_days: int = IDEMPOTENCY_DAYS,
    policy: throttle.ThrottlePolicy | None = None,
) -> Purged:
    with sessions() as db:
        expired = db.execute(delete(ClerkSession).where(ClerkSession.expires_at <= now))
        old = db.execute(
            delete(IdempotentRequest).where(
                IdempotentRequest.created_at < now - timedelta(days=idempotency_days)
            )
        )
        counters = throttle.purge(db, policy or throttle.ThrottlePolicy(), now)
        db.commit()
    return Purged(
        int(expired.rowcount or 0), int(old.rowcount or 0), counters, blobs.expire_partials()
    )
