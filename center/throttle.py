"""Login throttling: growing delays per account and per client address, kept in the
database so every worker process (and host) of one center sees the same counters.

Policy (OWASP ASVS v4 2.2.1 "soft lockout"; RFC 6585 §4 for 429 + Retry-After):
- an account may fail ``ACCOUNT_FREE`` times, a client address ``SOURCE_FREE`` times (a hall
  behind one NAT address has many clerks), then each further failure doubles the wait, from
  one second up to ``MAX_DELAY``;
- while a key waits, a login for it is answered 429 *before* any Argon2 work is spent;
- failures older than ``FORGET_AFTER`` are forgotten; a successful login clears its account
  (not its address, so one valid account cannot reset a guessing source).

Unknown usernames are counted like known ones, so the answers reveal no account names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from center.models import LoginThrottle
from center.problems import Problem
from center.timekeeping import aware


@dataclass(frozen=True)
class ThrottlePolicy:
    account_free: int = 5
    source_free: int = 20
    first_delay: float = 1.0
    max_delay: float = 15 * 60.0
    forget_after: timedelta = timedelta(hours=1)

    def delay(self, failures: int, free: int) -> float:
        if failures < free:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** (failures - free))


def keys_for(username: str, source: str) -> tuple[str, str]:
    # Case-folded: "Clerk01" and "clerk01" must share one counter.
    return f"account:{username.strip().casefold()[:64]}", f"source:{source[:64]}"


def _free(policy: ThrottlePolicy, key: str) -> int:
    return policy.account_free if key.startswith("account:") else policy.source_free


def wait_text(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} 秒"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} 分钟"


def refuse_if_waiting(db: Session, policy: ThrottlePolicy, keys: tuple[str, ...], now: datetime):
    """Raise 429 (Retry-After in whole seconds) if any of ``keys`` must still wait."""
    rows = db.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(keys))).all()
    waits = [
        aware(r.locked_until) - now
        for r in rows
        if r.locked_until is not None and aware(r.locked_until) > now
    ]
    if not waits:
        return
    seconds = max(1, math.ceil(max(waits).total_seconds()))
    raise Problem(
        429,
        "too-many-logins",
        f"登录失败次数过多，请 {wait_text(seconds)}后再试；如忘记密码请联系大厅负责人",
        headers={"Retry-After": str(seconds)},
        retry_after=seconds,
    )


def record_failure(db: Session, policy: ThrottlePolicy, keys: tuple[str, ...], now: datetime):
    """Count one failure for each key (atomically, so parallel failures all count)."""
    dialect = db.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stale = now - policy.forget_after
    for key in keys:
        db.execute(
            delete(LoginThrottle).where(
                LoginThrottle.key == key, LoginThrottle.last_failure_at < stale
            )
        )
        stmt = insert(LoginThrottle).values(key=key, failures=1, last_failure_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[LoginThrottle.key],
            set_={"failures": LoginThrottle.failures + 1, "last_failure_at": now},
        ).returning(LoginThrottle.failures)
        failures = int(db.execute(stmt).scalar_one())
        delay = policy.delay(failures, _free(policy, key))
        if delay:
            db.execute(
                update(LoginThrottle)
                .where(LoginThrottle.key == key)
                .values(locked_until=now + timedelta(seconds=delay))
            )


def clear(db: Session, key: str) -> None:
    db.execute(delete(LoginThrottle).where(LoginThrottle.key == key))


def purge(db: Session, policy: ThrottlePolicy, now: datetime) -> int:
    """Forget counters nobody has failed on for ``forget_after`` (the purge command)."""
    result = db.execute(
        delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - policy.forget_after)
    )
    return int(result.rowcount or 0)
