"""Read-only queries of the outbox: entries, counts, decrypted records and blobs.

``OutboxSealing`` (outbox_sealing.py) writes new entries on top of these, and ``Outbox``
(outbox.py) adds opening and state changes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

from desk_app.core.case_model import CaseDraft
from desk_app.core.crypto import DataCipher
from desk_app.core.sending.outbox_blobs import BlobStore
from desk_app.core.sending.outbox_entries import (
    STATES,
    BlobMissingError,
    EntryNotFound,
    OutboxEntry,
    OutboxError,
)


def payload_aad(uuid: str) -> bytes:
    return f"entry:{uuid}".encode()


class OutboxReader:
    _conn: sqlite3.Connection
    _cipher: DataCipher
    _blobs: BlobStore
    _lock: threading.RLock

    # ---- reading -------------------------------------------------------------------
    def get(self, uuid: str) -> OutboxEntry:
        with self._lock:
            row = self._conn.execute("SELECT * FROM entries WHERE uuid=?", (uuid,)).fetchone()
        if row is None:
            raise EntryNotFound(uuid)
        return OutboxEntry.from_row(row)

    def list_entries(
        self, states: tuple[str, ...] | None = None, kind: str | None = None
    ) -> list[OutboxEntry]:
        query, args = "SELECT * FROM entries WHERE 1=1", []
        if states:
            query += f" AND state IN ({','.join('?' * len(states))})"
            args.extend(states)
        if kind:
            query += " AND kind=?"
            args.append(kind)
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY seq", args).fetchall()
        return [OutboxEntry.from_row(r) for r in rows]

    def counts(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        """Entries per state; ``kinds`` limits it (the clerk's counters leave out ratings)."""
        result = dict.fromkeys(STATES, 0)
        where, args = "", ()
        if kinds:
            where, args = f" WHERE kind IN ({','.join('?' * len(kinds))})", tuple(kinds)
        with self._lock:
            for state, n in self._conn.execute(
                f"SELECT state, count(*) FROM entries{where} GROUP BY state", args
            ):
                result[state] = n
        return result

    def oldest_pending(self) -> OutboxEntry | None:
        entries = self.list_entries(("pending", "sending"))
        return entries[0] if entries else None

    def record(self, uuid: str) -> dict[str, Any]:
        """The decrypted stored record: ``request`` (the center body) and, for cases, ``draft``."""
        with self._lock:
            row = self._conn.execute("SELECT payload FROM entries WHERE uuid=?", (uuid,)).fetchone()
        if row is None:
            raise EntryNotFound(uuid)
        if row["payload"] is None:
            raise OutboxError("该办件的个人信息已按规定清除，无法再查看。")
        return json.loads(self._cipher.decrypt(row["payload"], payload_aad(uuid)))

    def draft(self, uuid: str) -> CaseDraft:
        return CaseDraft.from_dict(self.record(uuid)["draft"])

    def entry_blobs(self, uuid: str) -> list[tuple[str, int]]:
        """(digest, size) of each material file an entry references, in order."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT b.digest, b.size FROM entry_blobs e JOIN blobs b USING (digest)"
                " WHERE e.entry_uuid=? ORDER BY e.position",
                (uuid,),
            ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def read_blob(self, digest: str) -> bytes:
        with self._lock:
            row = self._conn.execute(
                "SELECT owner_uuid, file_name FROM blobs WHERE digest=?", (digest,)
            ).fetchone()
        if row is None:
            raise BlobMissingError("材料文件不在本机队列中。")
        return self._blobs.read(digest, row["owner_uuid"], row["file_name"])

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    # ---- transitions (the sync thread and the clerk) -------------------------------
    def next_due(self, now: float) -> OutboxEntry | None:
        """The oldest pending entry whose retry time has come and whose case is done."""
        with self._lock:
            row = self._conn.execute(
                "SELECT e.* FROM entries e LEFT JOIN entries p ON p.uuid = e.parent_uuid"
                " WHERE e.state='pending' AND e.next_attempt_at <= ?"
                " AND (e.parent_uuid IS NULL OR p.state='done' OR p.uuid IS NULL)"
                " ORDER BY e.seq LIMIT 1",
                (now,),
            ).fetchone()
        return OutboxEntry.from_row(row) if row else None

    def next_wakeup(self) -> float | None:
        """When the earliest pending entry becomes due (epoch seconds)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT min(next_attempt_at) FROM entries WHERE state='pending'"
            ).fetchone()
        return row[0]
