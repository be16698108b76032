"""The one background thread that empties the outbox into the center.

For each due entry, oldest first: upload its material blobs (resumable), then submit
it with its UUID as the idempotency key; a replayed answer is success like a first
one. Official number, status and promised date go back into the outbox.

Failure policy:
- ``Transient`` (network, timeout, reset, cut answer, 5xx): the entry goes back to
  pending with exponential backoff and full jitter, capped; the whole queue also
  pauses for a (jittered) while, so an offline station doesn't hammer the link.
- ``Rejected`` (validation …): ``needs_attention`` with the center's reason; the
  clerk fixes and resubmits (``Outbox.fix_and_resubmit``); nothing is dropped.
- ``SessionExpired``: the queue pauses with "登录已过期，请重新登录" until
  ``resume_with(new_token)``.

Listeners are called on the sync thread; a UI must marshal them to its own thread.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import NotFound, Rejected, SessionExpired, Transient
from desk_app.core.crypto import DecryptError
from desk_app.core.keystore import KeystoreError
from desk_app.core.sending.outbox import (
    EntryNotFound,
    InvalidStateError,
    Outbox,
    OutboxEntry,
    OutboxError,
)
from desk_app.core.sending.upload_ahead import UploadAhead
from desk_app.core.window_day.status_refresh import StatusRefresher
from desk_app.core.window_day.window_cases import CenterCaseCache

log = logging.getLogger(__name__)

LAST_CONTACT_KEY = "last_contact"


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: uniform(0, min(cap, base·2^attempt))."""

    base: float = 2.0
    cap: float = 300.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        ceiling = min(self.cap, self.base * (2 ** min(max(attempt, 0), 30)))
        return rng.uniform(0.0, ceiling)


@dataclass(frozen=True)
class SyncProgress:
    uuid: str
    provisional_number: str
    bytes_done: int
    bytes_total: int


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    last_contact: datetime | None
    counts: dict[str, int]
    paused_reason: str
    current_progress: SyncProgress | None


@dataclass(frozen=True)
class SyncEvent:
    """kind: status | progress | acknowledged | needs_attention | paused | status_updated."""

    kind: str
    uuid: str | None = None
    official_number: str | None = None
    promised_date: str | None = None
    reason: str | None = None
    progress: SyncProgress | None = None


@dataclass
class _Timers:
    queue_paused_until: float = 0.0
    consecutive_failures: int = 0
    next_purge: float = 0.0
    next_refresh: float = 0.0
    next_heartbeat: float = 0.0
    listeners: list[Callable[[SyncEvent], None]] = field(default_factory=list)


class SyncService:
    def __init__(
        self,
        outbox: Outbox,
        client: CenterClient,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        backoff: Backoff = Backoff(),
        idle_poll: float = 30.0,
        refresh_every: float = 300.0,
        purge_every: float = 3600.0,
        upload_ahead: bool = True,
        case_cache: CenterCaseCache | None = None,
    ) -> None:
        self.outbox = outbox
        self.client = client
        self.clock = clock
        self.rng = rng or random.Random()
        self.backoff = backoff
        self.idle_poll = idle_poll
        self.refresh_every = refresh_every
        self.purge_every = purge_every
        self._t = _Timers()
        self.case_cache = case_cache  # the window's rows pulled from the center (本窗口办件)
        self._refresher = StatusRefresher(outbox, client, case_cache)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Background mode only: a second connection uploads the next entries' files.
        self._ahead = UploadAhead(outbox, client.clone()) if upload_ahead else None
        self._online = False
        self._paused_reason = ""
        self._progress: SyncProgress | None = None
        # A seal, retry or fix makes something due: look now, but keep any queue-wide pause
        # (a dead link is not retried once per new case).
        outbox.add_change_listener(self._wake.set)
        stored = outbox.meta(LAST_CONTACT_KEY)
        self._last_contact = datetime.fromisoformat(stored) if stored else None

    # ---- control -------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sync", daemon=True)
        self._thread.start()
        if self._ahead is not None:
            self._ahead.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._ahead is not None:
            self._ahead.stop(timeout)

    def wake(self) -> None:
        """The clerk asked to send now (retry button): lift the pause and look at the queue."""
        self._t.queue_paused_until = 0.0
        self._wake.set()

    def retry(self, which: str = "all") -> int:
        """The clerk's retry button: make one entry (UUID) or all waiting ones due, send now."""
        count = self.outbox.retry(which)
        self.wake()
        return count

    def resume_with(self, token: str) -> None:
        self.client.token = token
        if self._ahead is not None:
            self._ahead.client.token = token
        self._paused_reason = ""
        self.wake()
        self._emit(SyncEvent("status"))

    def add_listener(self, callback: Callable[[SyncEvent], None]) -> None:
        self._t.listeners.append(callback)

    def largest_chunk(self) -> int:
        """The biggest upload chunk either connection has sent: what one cut can cost."""
        ahead = self._ahead.client.pacer.largest if self._ahead is not None else 0
        return max(self.client.pacer.largest, ahead)

    def status(self) -> SyncStatus:
        return SyncStatus(
            online=self._online,
            last_contact=self._last_contact,
            counts=self.outbox.counts(),
            paused_reason=self._paused_reason,
            current_progress=self._progress,
        )

    # ---- the loop ------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                timeout = self.step()
            except Exception as exc:  # the thread must outlive any surprise
                log.error("sync step failed: %s", type(exc).__name__)
                timeout = self.backoff.delay(1, self.rng)
            if timeout > 0:
                self._wake.wait(timeout)
                self._wake.clear()

    def step(self) -> float:
        """Send at most one entry; return how long to wait before the next step."""
        if self._paused_reason:
            return self.idle_poll
        now = self.clock()
        if now < self._t.queue_paused_until:
            return self._t.queue_paused_until - now
        entry = self.outbox.next_due(now)
        if entry is None:
            self._maintenance(now)
            nxt = self.outbox.next_wakeup()
            if nxt is None:
                return self.idle_poll
            return min(self.idle_poll, max(0.0, nxt - now))
        self._send(entry)
        return max(0.0, self._t.queue_paused_until - self.clock())

    def run_until_idle(self, max_steps: int = 100_000) -> None:
        """Send everything due now, in the calling thread (scripts and tests)."""
        for _ in range(max_steps):
            if self._paused_reason:
                return
            if self.outbox.next_due(self.clock()) is None:
                return
            self._t.queue_paused_until = 0.0
            self.step()

    # ---- one entry -----------------------------------------------------------------
    def _send(self, entry: OutboxEntry) -> None:
        try:
            self.outbox.mark_sending(entry.uuid)
        except InvalidStateError:  # another client process on this outbox took it first
            return
        self._emit(SyncEvent("status", uuid=entry.uuid))
        try:
            if entry.kind == "case":
                self._send_case(entry)
            elif entry.kind == "supplement":
                self._send_supplement(entry)
            elif entry.kind == "case_event":
                self._send_case_event(entry)
            else:
                self._send_evaluation(entry)
        except SessionExpired as exc:
            self.outbox.mark_transient(entry.uuid, str(exc), 0.0)
            self._paused_reason = str(exc)
            self._emit(SyncEvent("paused", reason=self._paused_reason))
        except Transient as exc:
            self._on_transient(entry, str(exc))
        except (Rejected, NotFound) as exc:
            self._contact()
            reason = exc.summary() if isinstance(exc, Rejected) else str(exc)
            self.outbox.mark_needs_attention(entry.uuid, reason)
            self._emit(SyncEvent("needs_attention", uuid=entry.uuid, reason=reason))
        except (DecryptError, KeystoreError, OutboxError) as exc:
            self.outbox.mark_needs_attention(entry.uuid, f"本机数据无法读取：{exc}")
            self._emit(SyncEvent("needs_attention", uuid=entry.uuid, reason=str(exc)))
        except Exception as exc:  # unknown: keep the entry, retry later, log no content
            log.error("unexpected sync failure: %s", type(exc).__name__)
            self._on_transient(entry, f"发送失败（{type(exc).__name__}），稍后自动重试")
        finally:
            self._progress = None

    def _on_transient(self, entry: OutboxEntry, message: str) -> None:
        now = self.clock()
        self._online = False
        self._t.consecutive_failures += 1
        retry_at = now + self.backoff.delay(entry.attempts + 1, self.rng)
        self.outbox.mark_transient(entry.uuid, message, retry_at)
        self._t.queue_paused_until = now + self.backoff.delay(
            self._t.consecutive_failures, self.rng
        )
        self._emit(SyncEvent("status", uuid=entry.uuid, reason=message))

    def _upload_blobs(self, entry: OutboxEntry) -> None:
        blobs = self.outbox.entry_blobs(entry.uuid)
        total = sum(size for _d, size in blobs)
        done = 0
        for digest, size in blobs:

            def progress(offset: int, _size: int, base: int = done) -> None:
                self._progress = SyncProgress(
                    entry.uuid, entry.provisional_number, base + offset, total
                )
                self._emit(SyncEvent("progress", uuid=entry.uuid, progress=self._progress))

            self._upload_one(digest, size, progress)
            self._contact()
            done += size

    def _upload_one(self, digest: str, size: int, progress) -> None:
        # The file is read (decrypted) only by the thread that uploads it.
        ahead = self._ahead if self._thread is not None else None
        if ahead is None:
            self.client.upload_blob(digest, self.outbox.read_blob(digest), progress)
            return
        ahead.kick()  # while this file goes up, the next entries' files go up too
        if not ahead.claim(digest):
            progress(size, size)  # the other connection already delivered it
            return
        complete = False
        try:
            self.client.upload_blob(digest, self.outbox.read_blob(digest), progress)
            complete = True
        finally:
            ahead.release(digest, complete)

    def _send_case(self, entry: OutboxEntry) -> None:
        request = self.outbox.record(entry.uuid)["request"]
        self._upload_blobs(entry)
        result = self.client.submit_case(request, idempotency_key=entry.uuid)
        self._contact()
        self.outbox.mark_done(entry.uuid, result.number, result.status, result.promised_date)
        self._emit(
            SyncEvent(
                "acknowledged",
                uuid=entry.uuid,
                official_number=result.number,
                promised_date=result.promised_date,
            )
        )

    def _send_supplement(self, entry: OutboxEntry) -> None:
        record = self.outbox.record(entry.uuid)
        try:
            case_number = self.outbox.get(entry.parent_uuid or "").official_number
        except EntryNotFound:  # imported without its case: the export carried the number
            case_number = record.get("case_number")
        if not case_number:
            raise OutboxError("补交材料找不到对应办件的正式编号，请联系技术人员。")
        self._upload_blobs(entry)
        answer = self.client.submit_supplement(
            case_number, record["request"], idempotency_key=entry.uuid
        )
        self._contact()
        self.outbox.mark_done(entry.uuid, str(answer.get("id", "")), "received", None)
        self._emit(SyncEvent("acknowledged", uuid=entry.uuid, official_number=case_number))

    def _send_case_event(self, entry: OutboxEntry) -> None:
        """出件 / 邮寄: its files (signature, 授权委托书) first, then the event, keyed by the
        entry's UUID so a repeat after a lost answer gets the first answer back."""
        record = self.outbox.record(entry.uuid)
        number = str(record.get("case_number") or "")
        self._upload_blobs(entry)
        view = self.client.post_case_event(number, record["request"], idempotency_key=entry.uuid)
        self._contact()
        status = str(view.get("status", ""))
        self.outbox.mark_done(entry.uuid, number, status, None)
        try:  # the case's own row follows, so the list shows 已领取 / 已寄出
            self.outbox.update_center_status(entry.parent_uuid or "", status, None)
        except OutboxError:  # filed at another client, or not acknowledged here
            pass
        self._emit(SyncEvent("status_updated", uuid=entry.parent_uuid, official_number=number,
                             reason=str(view.get("status_label", status))))

    def _send_evaluation(self, entry: OutboxEntry) -> None:
        request = self.outbox.record(entry.uuid)["request"]
        answer = self.client.submit_evaluation(request, idempotency_key=entry.uuid)
        self._contact()
        self.outbox.mark_done(entry.uuid, str(answer.get("id", "")), "received", None)
        self._emit(SyncEvent("acknowledged", uuid=entry.uuid))

    # ---- housekeeping --------------------------------------------------------------
    def _contact(self) -> None:
        self._online = True
        self._t.consecutive_failures = 0
        self._last_contact = datetime.now(UTC)
        self.outbox.set_meta(LAST_CONTACT_KEY, self._last_contact.isoformat())

    def _maintenance(self, now: float) -> None:
        if now >= self._t.next_purge:
            self._t.next_purge = now + self.purge_every
            if self.outbox.purge_acknowledged():
                self._emit(SyncEvent("status"))
        if now >= self._t.next_refresh:
            self._t.next_refresh = now + self.refresh_every
            self.refresh_statuses()
        if now >= self._t.next_heartbeat:
            self._t.next_heartbeat = now + self.idle_poll
            self._heartbeat()

    def _heartbeat(self) -> None:
        """With nothing to send the clerk must still see whether the center is reachable."""
        was_online = self._online
        try:
            self.client.health()
        except Exception as exc:  # any failure means "not reachable now"; no content logged
            log.info("center not reachable: %s", type(exc).__name__)
            self._online = False
        else:
            self._contact()
        if self._online != was_online or self._online:
            self._emit(SyncEvent("status"))

    def refresh_statuses(self) -> int:
        """Pull the center's changes to this window's cases; one event per changed case."""
        changes = self._refresher.pull()
        if changes:
            self._contact()
        for change in changes:
            self._emit(
                SyncEvent(
                    "status_updated",
                    uuid=change.uuid,
                    official_number=change.number,
                    reason=change.status_label,
                )
            )
        return len(changes)

    def _emit(self, event: SyncEvent) -> None:
        for callback in list(self._t.listeners):
            try:
                callback(event)
            except Exception as exc:  # a broken listener must not stop the queue
                log.error("sync listener failed: %s", type(exc).__name__)
