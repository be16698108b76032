"""The back office without a back-office system: acting as an account from a shell
(``desk-center backoffice``) and a simulator that walks demo cases through their life
(``desk-center serve --simulate-backoffice``).

Both go through ``center.case_life.apply_event``, so the rules (who may, which status) are
the API's own; the account named is the one recorded on the timeline.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.case_life import EventIn, apply_event
from center.context import CenterContext
from center.models import Case, Clerk, ClerkSession
from center.problems import Problem

log = logging.getLogger(__name__)
# The simulated path of a case: one step per visit, each after ``delay`` seconds.
SIMULATED_NEXT = {
    "accepted": ("start_review", ""),
    "in_review": ("approve", "准予许可（模拟审批）"),
    "approved": ("result_ready", ""),
}


def acting_as(db: Session, username: str, window_id: str = "") -> ClerkSession:
    """A session-like object for ``username`` (not stored: nothing can sign in with it)."""
    clerk = db.scalar(select(Clerk).where(Clerk.username == username))
    if clerk is None:
        raise LookupError(f"没有账号 {username}")
    return ClerkSession(
        token_hash="", clerk_id=clerk.id, clerk=clerk, window_id=window_id, hall_id=clerk.hall_id
    )


class BackofficeSimulator:
    """Every ``poll`` seconds, move each open case one step if it has rested ``delay``."""

    def __init__(
        self, ctx: CenterContext, delay: float = 5.0, poll: float = 1.0, actor: str = "approver01"
    ) -> None:
        self.ctx, self.delay, self.poll, self.actor = ctx, delay, poll, actor
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self) -> int:
        """One pass; returns how many cases moved."""
        now = self.ctx.clock()
        moved = 0
        with self.ctx.sessions() as db:
            try:
                who = acting_as(db, self.actor)
            except LookupError:
                log.warning("simulated back office: account %s missing, nothing moves", self.actor)
                return 0
            due = db.scalars(
                select(Case)
                .where(Case.hall_id == who.hall_id, Case.status.in_(SIMULATED_NEXT))
                .where(Case.updated_at <= now - timedelta(seconds=self.delay))
                .order_by(Case.id)
                .limit(200)
            ).all()
            for case in due:
                event, note = SIMULATED_NEXT[case.status]
                try:
                    with db.begin_nested():
                        apply_event(db, case, who, EventIn(event=event, note=note), now)
                except Problem as refused:  # e.g. a 容缺 material still owed: wait for it
                    log.info("simulated back office: %s stays (%s)", case.number, refused.slug)
                    continue
                moved += 1
            db.commit()
        return moved

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="backoffice-sim", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.step()
            except Exception as exc:  # keep simulating; the next pass retries
                log.warning("simulated back office pass failed: %s", type(exc).__name__)
