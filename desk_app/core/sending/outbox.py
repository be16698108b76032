"""The local outbox: sealed cases wait here, encrypted, until the center has them.

One ``Outbox`` per process owns the SQLite connection (single writer, guarded by a
lock so the GUI thread's seal and the sync thread never interleave a transaction).
Entries move ``pending → sending → done | needs_attention``; a crash while sending
leaves ``sending`` rows, which ``open`` puts back to ``pending`` (submission is
idempotent, so sending again is safe). Supplements and evaluations wait for their
case to be ``done`` because the center addresses them through that case.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import CaseDraft, CaseEventDraft, EvaluationDraft, SupplementDraft
from desk_app.core.crypto import DataCipher, DecryptError, sha256_hex
from desk_app.core.keystore import HeldDataMarker, KeyMismatchError, Keystore
from desk_app.core.process_lock import ProcessLock
from desk_app.core.sending.outbox_blobs import TMP_SUFFIX, BlobStore
from desk_app.core.sending.outbox_entries import (
    KINDS,
    STATES,
    BlobMissingError,
    EntryNotFound,
    InvalidStateError,
    OutboxEntry,
    OutboxError,
    OutboxFullError,
    SealedCase,
    is_disk_full,
)
from desk_app.core.sending.outbox_integrity import (
    DB_NAME,
    OutboxDamagedError,
    check_database_contents,
    check_database_file,
    held_marker,
    set_aside,
    write_held_marker,
)
from desk_app.core.sending.outbox_reader import OutboxReader, payload_aad
from desk_app.core.sending.outbox_records import BlobRef, RecordStore, SealedRecord
from desk_app.core.sending.outbox_schema import connect, migrate

KEY_CHECK_PLAINTEXT = b"counter-desk key check"


def _now() -> datetime:
    return datetime.now().astimezone()


class Outbox(OutboxReader):
    def __init__(
        self,
        conn: sqlite3.Connection,
        cipher: DataCipher,
        blobs: BlobStore,
        clock: Callable[[], datetime],
        purge_after: timedelta,
        lock: ProcessLock | None = None,
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
        lock = ProcessLock(root / "outbox.lock")
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

    def add_change_listener(self, callback: Callable[[], None]) -> None:
        """Called (in the caller's thread) after something became due: a seal, a retry, a fix."""
        self._change_listeners.append(callback)

    def _changed(self) -> None:
        for callback in list(self._change_listeners):
            callback()

    @property
    def is_owner(self) -> bool:
        """True in the process that holds the outbox (the client); False in a side tool."""
        return self._process_lock is not None and self._process_lock.held

    def _mark_held_data(self) -> None:
        """Remember (on disk, then beside the key) that this queue has held cases."""
        if self._marked:
            return
        write_held_marker(self._blobs.root.parent)
        if self._marker is not None:
            self._marker.set()
        self._marked = True

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

    # ---- sealing -------------------------------------------------------------------
    def seal(self, draft: CaseDraft, blobs: dict[str, bytes]) -> SealedCase:
        """Write the case durably and encrypted; only after this returns may a receipt print."""
        return self._seal_entry(
            kind="case",
            uuid=draft.uuid,
            parent_uuid=None,
            window_id=draft.window_id,
            record=lambda number, at: {
                "draft": draft.to_dict(),
                "request": draft.to_payload(number, at),
            },
            digests=draft.blob_digests(),
            blobs=blobs,
        )

    def seal_supplement(self, draft: SupplementDraft, blobs: dict[str, bytes]) -> SealedCase:
        parent = self.get(draft.case_uuid)
        return self._seal_entry(
            kind="supplement",
            uuid=draft.uuid,
            parent_uuid=draft.case_uuid,
            window_id=parent.window_id,
            record=lambda number, at: {"request": draft.to_payload()},
            digests=list(dict.fromkeys(draft.blob_digests)),
            blobs=blobs,
        )

    def seal_evaluation(self, draft: EvaluationDraft) -> SealedCase:
        parent = self.get(draft.case_uuid)
        return self._seal_entry(
            kind="evaluation",
            uuid=draft.uuid,
            parent_uuid=draft.case_uuid,
            window_id=parent.window_id,
            record=lambda number, at: {"request": draft.to_payload()},
            digests=[],
            blobs={},
        )

    def seal_case_event(self, draft: CaseEventDraft, blobs: dict[str, bytes]) -> SealedCase:
        """A 出件 / 邮寄 (with the collector's signature, an agent's 授权委托书) kept until the
        center has it; its case need not be in this outbox (filed at another client)."""
        return self._seal_entry(
            kind="case_event",
            uuid=draft.uuid,
            parent_uuid=draft.case_uuid,
            window_id=draft.window_id,
            record=lambda number, at: {"request": dict(draft.body),
                                       "case_number": draft.case_number},
            digests=list(dict.fromkeys(draft.blob_digests)),
            blobs=blobs,
            provisional_number=draft.case_number,  # no number of its own: its case's
        )

    def adopt(
        self,
        *,
        kind: str,
        uuid: str,
        parent_uuid: str | None,
        window_id: str,
        provisional_number: str,
        sealed_at: datetime,
        record: dict[str, Any],
        digests: list[str],
        blobs: dict[str, bytes],
    ) -> SealedCase:
        """Queue an entry sealed on another client (import), keeping its number and time."""
        if kind not in KINDS:
            raise OutboxError("导入的条目类型无效。")
        return self._seal_entry(
            kind=kind,
            uuid=uuid,
            parent_uuid=parent_uuid,
            window_id=window_id,
            record=lambda _number, _at: record,
            digests=digests,
            blobs=blobs,
            provisional_number=provisional_number,
            sealed_at=sealed_at,
        )

    def _seal_entry(
        self,
        *,
        kind: str,
        uuid: str,
        parent_uuid: str | None,
        window_id: str,
        record: Callable[[str, datetime], dict[str, Any]],
        digests: list[str],
        blobs: dict[str, bytes],
        provisional_number: str | None = None,
        sealed_at: datetime | None = None,
    ) -> SealedCase:
        for digest, data in blobs.items():
            if sha256_hex(data) != digest:
                raise OutboxError("材料文件校验失败：文件内容与登记的摘要不符，请重新采集。")
        with self._lock:
            stored = {
                r[0]
                for r in self._conn.execute(
                    f"SELECT digest FROM blobs WHERE digest IN ({','.join('?' * len(digests))})",
                    digests,
                )
            }
            missing = [d for d in digests if d not in stored and d not in blobs]
            if missing:
                raise BlobMissingError("办件引用的材料文件缺失，请重新采集后再受理。")
            written: list[tuple[str, str, int]] = []  # (digest, file name, size)
            try:
                for digest in digests:
                    if digest not in stored:
                        data = blobs[digest]
                        written.append((digest, self._blobs.write(digest, uuid, data), len(data)))
                at = sealed_at or self._clock()
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    if self._conn.execute("SELECT 1 FROM entries WHERE uuid=?", (uuid,)).fetchone():
                        raise InvalidStateError("该办件已经保存过，不能重复受理。")
                    number = provisional_number or self._next_provisional(window_id, at)
                    body = record(number, at)
                    plaintext = json.dumps(body, ensure_ascii=False).encode()
                    self._conn.execute(
                        "INSERT INTO entries (uuid, kind, parent_uuid, window_id,"
                        " provisional_number, state, sealed_at, payload)"
                        " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
                        (
                            uuid,
                            kind,
                            parent_uuid,
                            window_id,
                            number,
                            at.isoformat(),
                            self._cipher.encrypt(plaintext, payload_aad(uuid)),
                        ),
                    )
                    self._conn.executemany(
                        "INSERT INTO blobs (digest, owner_uuid, size, file_name)"
                        " VALUES (?, ?, ?, ?)",
                        [(d, uuid, size, name) for d, name, size in written],
                    )
                    self._conn.executemany(
                        "INSERT INTO entry_blobs (entry_uuid, digest, position) VALUES (?, ?, ?)",
                        [(uuid, d, i) for i, d in enumerate(digests)],
                    )
                    self._records.write(
                        SealedRecord(
                            uuid=uuid,
                            kind=kind,
                            parent_uuid=parent_uuid,
                            window_id=window_id,
                            provisional_number=number,
                            sealed_at=at.isoformat(),
                            record=body,
                            blobs=self._blob_refs(digests),
                        )
                    )
                    self._mark_held_data()
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                        self._records.delete(uuid)
                    raise
            except (OSError, sqlite3.OperationalError) as exc:
                for _digest, name, _size in written:
                    self._blobs.delete(name)
                if is_disk_full(exc, self._blobs.root):
                    raise OutboxFullError() from exc
                raise OutboxError(
                    "磁盘写入失败，办件未保存、未出回执：请联系技术人员检查磁盘后重新点击“受理”。"
                ) from exc
            except BaseException:
                for _digest, name, _size in written:
                    self._blobs.delete(name)
                raise
        self._changed()
        return SealedCase(uuid=uuid, provisional_number=number, sealed_at=at)

    def _blob_refs(self, digests: list[str]) -> list[BlobRef]:
        """Where each material file is (inside the caller's transaction), in order."""
        rows = {
            r["digest"]: r
            for r in self._conn.execute(
                f"SELECT * FROM blobs WHERE digest IN ({','.join('?' * len(digests))})", digests
            )
        }
        return [
            BlobRef(d, rows[d]["owner_uuid"], rows[d]["size"], rows[d]["file_name"])
            for d in digests
        ]

    def _next_provisional(self, window_id: str, at: datetime) -> str:
        day = at.strftime("%Y%m%d")
        self._conn.execute(
            "INSERT INTO daily_sequence (window_id, day, last) VALUES (?, ?, 1)"
            " ON CONFLICT (window_id, day) DO UPDATE SET last = last + 1",
            (window_id, day),
        )
        (last,) = self._conn.execute(
            "SELECT last FROM daily_sequence WHERE window_id=? AND day=?", (window_id, day)
        ).fetchone()
        return f"{window_id}-{day}-{last:04d}"

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
