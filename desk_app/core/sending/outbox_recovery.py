"""``desk-app outbox recover``: rebuild a lost or damaged queue database from sealed records.

The damaged database (and its -wal/-shm) is moved into ``set-aside/``, never deleted. A
fresh database is filled from every sealed record the data key opens: an entry whose
material files are all present (in ``blobs/`` or, if an earlier open set them aside,
brought back from ``set-aside/``) and decrypt to their digests is queued ``pending``
again (submission is idempotent, so a case the center already had is only acknowledged
again); one missing material goes to ``needs_attention`` with the reason. Only the
process that can take the outbox lock may recover, so a running client is never pulled
out from under.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.core.app_paths import AppPaths
from desk_app.core.crypto import DataCipher, DecryptError
from desk_app.core.file_lock import FileLock
from desk_app.core.keystore import HeldDataMarker, KeyMissingError, Keystore
from desk_app.core.sending.outbox_blobs import BlobStore
from desk_app.core.sending.outbox_entries import OutboxError
from desk_app.core.sending.outbox_integrity import (
    DB_NAME,
    OutboxDamagedError,
    check_database_contents,
    check_database_file,
    held_marker,
    set_aside,
    set_aside_files,
    write_held_marker,
)
from desk_app.core.sending.outbox_reader import payload_aad
from desk_app.core.sending.outbox_records import BlobRef, RecordStore, SealedRecord
from desk_app.core.sending.outbox_schema import connect, migrate

KEY_CHECK_PLAINTEXT = b"counter-desk key check"  # the same constant Outbox.open checks
MISSING_MATERIAL = "恢复队列时缺少材料文件：请核对纸质材料，补采后更正重新提交。"
_NUMBER = re.compile(r"^(?P<window>.+)-(?P<day>\d{8})-(?P<seq>\d+)$")


@dataclass
class RecoveryResult:
    needed: bool
    restored: int = 0
    incomplete: int = 0
    unreadable: list[Path] = field(default_factory=list)
    set_aside_to: Path | None = None


def database_damage(root: Path, marker: HeldDataMarker) -> OutboxDamagedError | None:
    """What is wrong with the queue database, or None if it opens as it should."""
    try:
        check_database_file(root, held_data=held_marker(root).exists() or marker.is_set())
        if not (root / DB_NAME).exists():
            return None
        conn = connect(root / DB_NAME)
        try:
            check_database_contents(conn)
        finally:
            conn.close()
    except OutboxDamagedError as exc:
        return exc
    except Exception as exc:  # sqlite3.DatabaseError while connecting: damaged too
        return OutboxDamagedError(f"无法打开（{type(exc).__name__}）")
    return None


def recover(paths: AppPaths, keystore: Keystore, cipher: str = "sm4-gcm") -> RecoveryResult:
    root = paths.data_dir / "outbox"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    marker = HeldDataMarker(str(root.resolve()), keystore.service)
    lock = FileLock(root / "outbox.lock")
    if not lock.try_acquire():
        raise OutboxError("受理台客户端正在运行：请先退出客户端，再恢复待发送队列。")
    try:
        if database_damage(root, marker) is None:
            return RecoveryResult(needed=False)
        key = keystore.load()
        if key is None:
            raise KeyMissingError()
        data_cipher = DataCipher(key, cipher)
        result = RecoveryResult(needed=True)
        damaged = [root / n for n in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm")]
        result.set_aside_to = set_aside(root, [p for p in damaged if p.exists()])
        _rebuild(root, data_cipher, result)
        write_held_marker(root)
        marker.set()
        return result
    finally:
        lock.release()


def _rebuild(root: Path, data_cipher: DataCipher, result: RecoveryResult) -> None:
    blobs = BlobStore(root / "blobs", data_cipher)
    aside = {p.name: p for p in set_aside_files(root)}
    sealed: list[SealedRecord] = []
    for item in RecordStore(root / "records", data_cipher).read_all():
        if isinstance(item, Path):
            result.unreadable.append(item)
        else:
            sealed.append(item)
    sealed.sort(key=lambda r: r.sealed_at)
    conn = connect(root / DB_NAME)
    try:
        migrate(conn)
        token = data_cipher.encrypt(KEY_CHECK_PLAINTEXT, b"key-check")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('key_check', ?)",
            (base64.b64encode(token).decode(),),
        )
        sequences: dict[tuple[str, str], int] = {}
        for record in sealed:
            complete = all(_material_ok(blobs, aside, ref) for ref in record.blobs)
            state, reason = ("pending", "") if complete else ("needs_attention", MISSING_MATERIAL)
            conn.execute(
                "INSERT INTO entries (uuid, kind, parent_uuid, window_id, provisional_number,"
                " state, sealed_at, last_error, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.uuid,
                    record.kind,
                    record.parent_uuid,
                    record.window_id,
                    record.provisional_number,
                    state,
                    record.sealed_at,
                    reason,
                    data_cipher.encrypt(
                        _json(record.record), payload_aad(record.uuid)
                    ),
                ),
            )
            for position, ref in enumerate(record.blobs):
                if blobs.path_for(ref.file_name).exists():
                    conn.execute(
                        "INSERT OR IGNORE INTO blobs (digest, owner_uuid, size, file_name)"
                        " VALUES (?, ?, ?, ?)",
                        (ref.digest, ref.owner_uuid, ref.size, ref.file_name),
                    )
                conn.execute(
                    "INSERT INTO entry_blobs (entry_uuid, digest, position) VALUES (?, ?, ?)",
                    (record.uuid, ref.digest, position),
                )
            if match := _NUMBER.match(record.provisional_number):
                slot = (match["window"], match["day"])
                sequences[slot] = max(sequences.get(slot, 0), int(match["seq"]))
            result.restored += complete
            result.incomplete += not complete
        conn.executemany(  # numbers already handed out are never handed out again
            "INSERT INTO daily_sequence (window_id, day, last) VALUES (?, ?, ?)",
            [(w, d, n) for (w, d), n in sequences.items()],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _json(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def _material_ok(blobs: BlobStore, aside: dict[str, Path], ref: BlobRef) -> bool:
    target = blobs.path_for(ref.file_name)
    if not target.exists() and ref.file_name in aside:  # set aside by an earlier open
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(aside.pop(ref.file_name)), str(target))
    if not target.exists():
        return False
    try:
        blobs.read(ref.digest, ref.owner_uuid, ref.file_name)
    except (DecryptError, OSError):
        return False
    return True
