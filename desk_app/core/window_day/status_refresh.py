"""Pull what the center changed about this window's cases (``GET /cases?since=``).

The back office moves a case (审批中, 办结, 待领取 …) without the desk asking; one list call
per refresh brings every case changed since the last look, whichever client sealed it.
The outbox's copy of a case's status follows, and each change is reported so the clerk can
be told without being interrupted. The watermark is the center's own ``updated_at`` (the
desk's clock may be off); ``since`` is inclusive, so the boundary rows come again and are
simply found unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk_app.core.center_errors import CenterError
from desk_app.core.sending.outbox import EntryNotFound, InvalidStateError
from desk_app.core.window_day.window_cases import CenterCaseCache
from forms.vocabulary import status_label as label

log = logging.getLogger(__name__)
SINCE_KEY = "center_changes_since"
FIRST_PULL_PAGES = 3  # 300 cases: the window's recent past, not its whole history


@dataclass(frozen=True)
class StatusChange:
    uuid: str
    number: str
    status: str
    status_label: str
    previous: str | None


class StatusRefresher:
    def __init__(self, outbox: Any, client: Any, cache: CenterCaseCache | None = None) -> None:
        self.outbox, self.client, self.cache = outbox, client, cache

    def pull(self, max_pages: int = 20) -> list[StatusChange]:
        """Every change since the last pull; stops quietly on a network or session problem.
        The first pull of a desk (no watermark) reads only the newest pages of the window."""
        since = self.outbox.meta(SINCE_KEY)
        if since is None:
            max_pages = min(max_pages, FIRST_PULL_PAGES)
        newest = since
        rows: list[dict[str, Any]] = []
        cursor = None
        try:
            for _ in range(max_pages):
                page = self.client.list_cases(since=since, cursor=cursor, limit=100)
                rows += [r for r in page.get("cases", []) if isinstance(r, dict)]
                cursor = page.get("next_cursor")
                if not cursor:
                    break
        except CenterError as exc:  # offline, signed out, refused: try again next time
            log.info("status refresh stopped: %s", type(exc).__name__)
            if not rows:
                return []
        for row in rows:
            stamp = row.get("updated_at")
            if isinstance(stamp, str) and (newest is None or _later(stamp, newest)):
                newest = stamp
        changes = [c for c in (self._apply(row) for row in rows) if c is not None]
        if self.cache is not None:
            self.cache.merge(rows, newest)
        if newest and newest != since:
            self.outbox.set_meta(SINCE_KEY, newest)
        return changes

    def _apply(self, row: dict[str, Any]) -> StatusChange | None:
        uuid, status = row.get("uuid"), row.get("status")
        if not isinstance(uuid, str) or not isinstance(status, str):
            return None
        try:
            entry = self.outbox.get(uuid)
        except EntryNotFound:  # sealed at another client of this window: cached only
            return None
        if entry.center_status == status:
            return None
        try:
            self.outbox.update_center_status(uuid, status, row.get("promised_date"))
        except InvalidStateError:  # not acknowledged here yet: the sender will learn it
            return None
        return StatusChange(uuid, str(row.get("number", "")), status, label(status),
                            entry.center_status)


def _later(a: str, b: str) -> bool:
    try:
        return datetime.fromisoformat(a) > datetime.fromisoformat(b)
    except ValueError:
        return False
