"""What the outbox hands out: entries, seal receipts, and its clerk-readable errors."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

STATES = ("pending", "sending", "done", "needs_attention")
# case_event: a 出件 / 邮寄 recorded at the counter, sent to the case's events later
KINDS = ("case", "supplement", "evaluation", "case_event")
LOW_SPACE_BYTES = 4 * 1024 * 1024
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class OutboxError(Exception):
    """An outbox operation failed; the message is for the clerk."""

    @property
    def clerk_message(self) -> str:
        """What the UI shows (the same convention as ``devices.errors.DeviceError``)."""
        return str(self)


class OutboxFullError(OutboxError):
    def __init__(self) -> None:
        super().__init__(
            "磁盘空间不足，办件未保存、未出回执：请联系技术人员清理磁盘后重新点击“受理”。"
        )


class EntryNotFound(OutboxError):
    def __init__(self, uuid: str) -> None:
        super().__init__(f"待发送队列中没有该办件（{uuid}）")


class InvalidStateError(OutboxError):
    pass


class BlobMissingError(OutboxError):
    pass


@dataclass(frozen=True)
class SealedCase:
    uuid: str
    provisional_number: str
    sealed_at: datetime


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    uuid: str
    kind: str
    parent_uuid: str | None
    window_id: str
    provisional_number: str
    state: str
    sealed_at: datetime
    attempts: int
    next_attempt_at: float
    last_error: str
    official_number: str | None
    center_status: str | None
    promised_date: str | None
    acknowledged_at: datetime | None
    purged: bool

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> OutboxEntry:
        ack = row["acknowledged_at"]
        return cls(
            seq=row["seq"],
            uuid=row["uuid"],
            kind=row["kind"],
            parent_uuid=row["parent_uuid"],
            window_id=row["window_id"],
            provisional_number=row["provisional_number"],
            state=row["state"],
            sealed_at=datetime.fromisoformat(row["sealed_at"]),
            attempts=row["attempts"],
            next_attempt_at=row["next_attempt_at"],
            last_error=row["last_error"],
            official_number=row["official_number"],
            center_status=row["center_status"],
            promised_date=row["promised_date"],
            acknowledged_at=datetime.fromisoformat(ack) if ack else None,
            purged=row["purged_at"] is not None,
        )


def is_disk_full(exc: BaseException, folder: Path) -> bool:
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
        return True
    if isinstance(exc, sqlite3.OperationalError):
        if "full" in str(exc).lower():
            return True
        try:  # SQLite reports some out-of-space writes as a plain I/O error
            return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
        except OSError:
            return False
    return False
