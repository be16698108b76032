"""The local outbox: sealed cases wait here, encrypted, until the center has them.

One ``Outbox`` per process owns the SQLite connection (single writer, guarded by a
lock so the GUI thread's seal and the sync thread never interleave a transaction).
Entries move ``pending → sending → done | needs_attention``; a crash while sending
leaves ``sending`` rows, which ``open`` puts back to ``pending`` (submission is
idempotent, so sending again is safe). Supplements and evaluations wait for their
case to be ``done`` because the center addresses them through that case.

The class stacks by responsibility: ``OutboxReader`` reads (outbox_reader.py),
``OutboxSealing`` writes new entries (outbox_sealing.py), ``Outbox`` opens the queue,
recovers it after a crash, moves entries' states and purges personal data.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import CaseDraft
from desk_app.core.crypto import DataCipher, DecryptError
from desk_app.core.file_lock import FileLock
from desk_app.core.keystore import HeldDataMarker, KeyMismatchError, Keystore
from desk_app.core.sending.outbox_blobs import TMP_SUFFIX, BlobStore
from desk_app.core.sending.outbox_entries import (
    STATES,
    BlobMissingError,
    EntryNotFound,
    InvalidStateError,
    OutboxEntry,
    OutboxError,
    OutboxFullError,
    SealedCase,
)
from desk_app.core.sending.outbox_integrity import (
    DB_NAME,
    OutboxDamagedError,
    check_database_contents,
    check_database_file,
    held_marker,
    set_aside,
)
from desk_app.core.sending.outbox_reader import payload_aad
from desk_app.core.sending.outbox_records import RecordStore, SealedRecord
from desk_app.core.sending.outbox_schema import connect, migrate
from desk_app.core.sending.outbox_sealing import OutboxSealing

KEY_CHECK_PLAINTEXT = b"counter-desk key check"


def _now() -> datetime:
    return datetime.now().astimezone()


class Outbox(OutboxSealing):
    def __init__(
        self,
        conn: sqlite3.Connection,
        cipher: DataCipher,
        blobs: BlobStore,
        clock: Callable[[], datetime],
        purge_after: timedelta,
        lock: FileLock | None = None,
        records: RecordStore | None = None,
        marker: HeldDataMarker | None = None,
    ) -> None:
        self._process_lock = lock
        self._records = records or RecordStore(blobs.root.parent / "records", cipher)
        self._marker = marker
        self._marked = marker is None
        self._change_listeners: list[Callable[[], None]] = []
        self._conn = conn
        self._cipher = cipher
        self._blobs = blobs
        self._clock = clock
        self.purge_after = purge_after
        self._lock = threading.RLock()

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        paths: AppPaths,
        keystore: Keystore,
        cipher: str = "sm4-gcm",
        *,
        clock: Callable[[], datetime] = _now,
        purge_after: timedelta = timedelta(days=30),
    ) -> Outbox:
        root = paths.data_dir / "outbox"
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        marker = HeldDataMarker(str(root.resolve()), keystore.service)
        # Before SQLite sees the file: an emptied or missing queue that once held cases
        # must not become a new, empty one.
        check_database_file(root, held_data=held_marker(root).exists() or marker.is_set())
        lock = FileLock(root / "outbox.lock")
        lock.try_acquire()
        try:
            conn = connect(root / DB_NAME)
        except sqlite3.DatabaseError as exc:
            lock.release()
            raise OutboxDamagedError("无法打开") from exc
        try:
            check_database_contents(conn)
            try:
                migrate(conn)
            except sqlite3.DatabaseError as exc:
                raise OutboxDamagedError("结构已损坏") from exc
            check = conn.execute("SELECT value FROM meta WHERE key='key_check'").fetchone()
            has_rows = conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
            key = keystore.load_or_create(data_exists=check is not None or has_rows)
            data_cipher = DataCipher(key, cipher)
            if check is None:
                token = data_cipher.encrypt(KEY_CHECK_PLAINTEXT, b"key-check")
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('key_check', ?)",
                    (base64.b64encode(token).decode(),),
                )
            else:
                try:
                    data_cipher.decrypt(base64.b64decode(check["value"]), b"key-check")
                except DecryptError as exc:
                    raise KeyMismatchError() from exc
        except BaseException:
            conn.close()
            lock.release()
            raise
        outbox = cls(
            conn,
            data_cipher,
            BlobStore(root / "blobs", data_cipher),
            clock,
            purge_after,
            lock,
            RecordStore(root / "records", data_cipher),
            marker,
        )
        if has_rows:
            outbox._mark_held_data()
        if lock.held:  # only the owning process may assume nothing else is mid-seal
            outbox._recover()
        return outbox

    @property
    def is_owner(self) -> bool:
        """True in the process that holds the outbox (the client); False in a side tool."""
        return self._process_lock is not None and self._process_lock.held

    def _recover(self) -> None:
        """After a crash: nothing is mid-send; blob files without a row are set aside.

        Never deleted: a file the database cannot account for may be the only copy of a
        waiting case's material (the database was replaced or restored from an old copy).
        """
        with self._lock:
            self._conn.execute("UPDATE entries SET state='pending' WHERE state='sending'")
            known = {r[0] for r in self._conn.execute("SELECT file_name FROM blobs")}
            strays = [
                p
                for p in self._blobs.stored_files()
                if p.name.endswith(TMP_SUFFIX) or p.name not in known
            ]
            set_aside(self._blobs.root.parent, strays)
        self._write_missing_records()

    def _write_missing_records(self) -> None:
        """Queues sealed before sealed records existed get theirs (once, at the first open)."""
        for entry in self.list_entries():
            if entry.purged or self._records.path_for(entry.uuid).exists():
                continue
            with self._lock:
                refs = self._blob_refs([d for d, _size in self.entry_blobs(entry.uuid)])
            self._records.write(
                SealedRecord(
                    uuid=entry.uuid,
                    kind=entry.kind,
                    parent_uuid=entry.parent_uuid,
                    window_id=entry.window_id,
                    provisional_number=entry.provisional_number,
                    sealed_at=entry.sealed_at.isoformat(),
                    record=self.record(entry.uuid),
                    blobs=refs,
                )
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._process_lock is not None:
                self._process_lock.release()

    def _transition(self, uuid: str, sql: str, args: tuple, allowed: tuple[str, ...]) -> None:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                row = self._conn.execute(
                    "SELECT state FROM entries WHERE uuid=?", (uuid,)
                ).fetchone()
                if row is None:
                    raise EntryNotFound(uuid)
                if row[0] not in allowed:
                    raise InvalidStateError(f"办件当前状态为 {row[0]}，不能执行此操作。")
                self._conn.execute(sql, (*args, uuid))
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def mark_sending(self, uuid: str) -> None:
        self._transition(
            uuid,
            "UPDATE entries SET state='sending', attempts=attempts+1 WHERE uuid=?",
            (),
            ("pending",),
        )

    def mark_transient(self, uuid: str, error: str, next_attempt_at: float) -> None:
        self._transition(
            uuid,
            "UPDATE entries SET state='pending', last_error=?, next_attempt_at=? WHERE uuid=?",
            (error, next_attempt_at),
            ("sending",),
        )

    def mark_done(
        self, uuid: str, official_number: str, status: str, promised_date: str | None
    ) -> None:
        self._transition(
            uuid,
            "UPDATE entries SET state='done', last_error='', official_number=?,"
            " center_status=?, promised_date=?, acknowledged_at=? WHERE uuid=?",
            (official_number, status, promised_date, self._clock().isoformat()),
            ("sending",),
        )

    def mark_needs_attention(self, uuid: str, reason: str) -> None:
        self._transition(
            uuid,
            "UPDATE entries SET state='needs_attention', last_error=? WHERE uuid=?",
            (reason,),
            ("sending", "pending"),
        )

    def update_center_status(self, uuid: str, status: str, promised_date: str | None) -> None:
        self._transition(
            uuid,
            "UPDATE entries SET center_status=?, promised_date=coalesce(?, promised_date)"
            " WHERE uuid=?",
            (status, promised_date),
            ("done",),
        )

    def retry(self, which: str = "all") -> int:
        """Manual retry: due now, attempts kept. ``which`` is a UUID or ``"all"``."""
        if which == "all":
            with self._lock:
                count = self._conn.execute(
                    "UPDATE entries SET state='pending', next_attempt_at=0"
                    " WHERE state IN ('pending', 'needs_attention')"
                ).rowcount
        else:
            self._transition(
                which,
                "UPDATE entries SET state='pending', next_attempt_at=0 WHERE uuid=?",
                (),
                ("pending", "needs_attention"),
            )
            count = 1
        self._changed()
        return count

    def fix_and_resubmit(self, uuid: str, draft: CaseDraft) -> None:
        """Replace a rejected case's content with the clerk's correction, same UUID and number."""
        if draft.uuid != uuid:
            raise OutboxError("更正后的办件编号与原办件不一致。")
        entry = self.get(uuid)
        if entry.kind != "case" or entry.state != "needs_attention":
            raise InvalidStateError("只有“需处理”的办件可以更正后重新提交。")
        missing = [d for d in draft.blob_digests() if d not in dict(self._all_blob_digests())]
        if missing:
            raise BlobMissingError("更正后的办件引用了本机没有的材料文件，请重新采集。")
        record = {
            "draft": draft.to_dict(),
            "request": draft.to_payload(entry.provisional_number, entry.sealed_at),
        }
        cipher_text = self._cipher.encrypt(
            json.dumps(record, ensure_ascii=False).encode(), payload_aad(uuid)
        )
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                updated = self._conn.execute(
                    "UPDATE entries SET payload=?, state='pending', next_attempt_at=0,"
                    " last_error='' WHERE uuid=? AND state='needs_attention'",
                    (cipher_text, uuid),
                ).rowcount
                if updated != 1:  # moved on since the check above (a retry, another window)
                    raise InvalidStateError("只有“需处理”的办件可以更正后重新提交。")
                self._conn.execute("DELETE FROM entry_blobs WHERE entry_uuid=?", (uuid,))
                self._conn.executemany(
                    "INSERT INTO entry_blobs (entry_uuid, digest, position) VALUES (?, ?, ?)",
                    [(uuid, d, i) for i, d in enumerate(draft.blob_digests())],
                )
                self._records.write(
                    SealedRecord(
                        uuid=uuid,
                        kind=entry.kind,
                        parent_uuid=entry.parent_uuid,
                        window_id=entry.window_id,
                        provisional_number=entry.provisional_number,
                        sealed_at=entry.sealed_at.isoformat(),
                        record=record,
                        blobs=self._blob_refs(draft.blob_digests()),
                    )
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        self._changed()

    def _all_blob_digests(self) -> list[tuple[str, int]]:
        with self._lock:
            return [(r[0], r[1]) for r in self._conn.execute("SELECT digest, size FROM blobs")]

    # ---- privacy -------------------------------------------------------------------
    def purge_acknowledged(self) -> int:
        """Drop personal data of entries the center acknowledged ``purge_after`` ago."""
        cutoff = (self._clock() - self.purge_after).isoformat()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                uuids = [
                    r[0]
                    for r in self._conn.execute(
                        "SELECT uuid FROM entries WHERE state='done' AND purged_at IS NULL"
                        " AND acknowledged_at <= ?",
                        (cutoff,),
                    )
                ]
                marks = ",".join("?" * len(uuids))
                self._conn.execute(
                    f"UPDATE entries SET payload=NULL, purged_at=? WHERE uuid IN ({marks})",
                    (self._clock().isoformat(), *uuids),
                )
                self._conn.execute(f"DELETE FROM entry_blobs WHERE entry_uuid IN ({marks})", uuids)
                orphans = self._conn.execute(
                    "SELECT digest, file_name FROM blobs WHERE digest NOT IN"
                    " (SELECT digest FROM entry_blobs)"
                ).fetchall()
                self._conn.execute(
                    "DELETE FROM blobs WHERE digest NOT IN (SELECT digest FROM entry_blobs)"
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            for row in orphans:  # after commit: a crash here leaves files `_recover` sets aside
                self._blobs.delete(row["file_name"])
            for uuid in uuids:  # the sealed record holds personal data too
                self._records.delete(uuid)
        return len(uuids)


__all__ = [  # the outbox's public face: callers import all of it from here
    "STATES",
    "BlobMissingError",
    "EntryNotFound",
    "InvalidStateError",
    "Outbox",
    "OutboxDamagedError",
    "OutboxEntry",
    "OutboxError",
    "OutboxFullError",
    "SealedCase",
]
