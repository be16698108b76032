"""Sealing: a case, supplement, evaluation or imported entry written durably and encrypted.

``Outbox`` (outbox.py) opens the queue and moves entries' states; this layer writes new
entries (blob files first, then one transaction for the rows and the sealed record) and
remembers that the queue has held cases. Reading is ``OutboxReader``'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desk_app.core.case_model import CaseDraft, CaseEventDraft, EvaluationDraft, SupplementDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import HeldDataMarker
from desk_app.core.sending.outbox_entries import (
    KINDS,
    BlobMissingError,
    InvalidStateError,
    OutboxError,
    OutboxFullError,
    SealedCase,
    is_disk_full,
)
from desk_app.core.sending.outbox_integrity import write_held_marker
from desk_app.core.sending.outbox_reader import OutboxReader, payload_aad
from desk_app.core.sending.outbox_records import BlobRef, RecordStore, SealedRecord


class OutboxSealing(OutboxReader):
    _records: RecordStore
    _clock: Callable[[], datetime]
    _marker: HeldDataMarker | None
    _marked: bool
    _change_listeners: list[Callable[[], None]]

    def add_change_listener(self, callback: Callable[[], None]) -> None:
        """Called (in the caller's thread) after something became due: a seal, a retry, a fix."""
        self._change_listeners.append(callback)

    def _changed(self) -> None:
        for callback in list(self._change_listeners):
            callback()

    def _mark_held_data(self) -> None:
        """Remember (on disk, then beside the key) that this queue has held cases."""
        if self._marked:
            return
        write_held_marker(self._blobs.root.parent)
        if self._marker is not None:
            self._marker.set()
        self._marked = True

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
