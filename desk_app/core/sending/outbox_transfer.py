"""Carrying queued cases to another client on a USB stick (a station offline for days).

The export file is a zip (manifest + blobs) encrypted with a key derived from a
passphrase the clerk chooses (scrypt, n=2^15), AES-256-GCM. Passphrase-based rather
than the data key, because the receiving machine has its own keyring entry.
Importing keeps each entry's UUID and provisional number, so the center sees the same
idempotency key and body; an entry the receiver already holds is skipped.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desk_app.core.sending.outbox import EntryNotFound, Outbox, OutboxError
from desk_app.core.sending.outbox_entries import KINDS

MAGIC = b"CDX-EXPORT-1\n"
SALT_LEN = 16
NONCE_LEN = 12
MIN_PASSPHRASE = 8
EXPORTABLE_STATES = ("pending", "sending", "needs_attention")
DIGEST = re.compile(r"[0-9a-f]{64}")
MAX_BLOB_BYTES = 64 * 1024 * 1024  # the center's cap per material file


class TransferError(OutboxError):
    """Export/import failed; the message tells the clerk why."""


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int


def _derive(passphrase: str, salt: bytes) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise TransferError(f"导出口令至少 {MIN_PASSPHRASE} 位。")
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def export_queue(outbox: Outbox, target: Path, passphrase: str) -> int:
    """Write every unsent entry (and its files) to ``target``; returns how many."""
    entries = outbox.list_entries(EXPORTABLE_STATES)
    buffer = io.BytesIO()
    manifest = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in entries:
            blobs = outbox.entry_blobs(entry.uuid)
            record = outbox.record(entry.uuid)
            if entry.parent_uuid:  # the receiver may not hold the case a supplement is for
                parent = outbox.get(entry.parent_uuid)
                record["case_number"] = parent.official_number
            manifest.append(
                {
                    "uuid": entry.uuid,
                    "kind": entry.kind,
                    "parent_uuid": entry.parent_uuid,
                    "window_id": entry.window_id,
                    "provisional_number": entry.provisional_number,
                    "sealed_at": entry.sealed_at.isoformat(),
                    "record": record,
                    "blobs": [digest for digest, _size in blobs],
                }
            )
            for digest, _size in blobs:
                name = f"blobs/{digest}"
                if name not in archive.namelist():
                    archive.writestr(name, outbox.read_blob(digest))
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    salt, nonce = os.urandom(SALT_LEN), os.urandom(NONCE_LEN)
    sealed = AESGCM(_derive(passphrase, salt)).encrypt(nonce, buffer.getvalue(), MAGIC)
    tmp = target.with_name(target.name + ".part")
    # 0600 whatever the umask: the file is encrypted, but its size and name say enough
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)  # an earlier .part may have been wider
    with os.fdopen(fd, "wb") as handle:
        handle.write(MAGIC + salt + nonce + sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return len(entries)


def _open_export(source: Path, passphrase: str) -> zipfile.ZipFile:
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise TransferError(f"无法读取导出文件：{exc.strerror or exc}") from exc
    head = len(MAGIC) + SALT_LEN + NONCE_LEN
    if not raw.startswith(MAGIC) or len(raw) < head + 16:
        raise TransferError("这不是综窗受理台的导出文件，或文件已损坏。")
    salt = raw[len(MAGIC) : len(MAGIC) + SALT_LEN]
    nonce = raw[len(MAGIC) + SALT_LEN : head]
    try:
        plain = AESGCM(_derive(passphrase, salt)).decrypt(nonce, raw[head:], MAGIC)
    except InvalidTag as exc:
        raise TransferError("口令不正确，或导出文件已损坏。") from exc
    try:
        return zipfile.ZipFile(io.BytesIO(plain))
    except zipfile.BadZipFile as exc:
        raise TransferError("导出文件内容已损坏。") from exc


def import_queue(outbox: Outbox, source: Path, passphrase: str) -> ImportResult:
    """Queue every entry of an export here; entries already present are skipped."""
    with _open_export(source, passphrase) as archive:
        return import_archive(outbox, archive)


@dataclass(frozen=True)
class _Item:
    kind: str
    uuid: str
    parent_uuid: str | None
    window_id: str
    provisional_number: str
    sealed_at: datetime
    record: dict[str, Any]
    digests: list[str]


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise TransferError(f"导出文件内容不完整（{key}）。")
    return value


def parse_manifest(raw: bytes) -> list[_Item]:
    """Check the whole manifest before anything is queued: all or nothing."""
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise TransferError("导出文件内容已损坏（清单）。") from exc
    if not isinstance(manifest, list):
        raise TransferError("导出文件内容已损坏（清单）。")
    items = []
    for entry in manifest:
        if not isinstance(entry, dict):
            raise TransferError("导出文件内容已损坏（清单条目）。")
        kind = _text(entry, "kind")
        if kind not in KINDS:
            raise TransferError("导出文件内容不完整（kind）。")
        parent = entry.get("parent_uuid")
        record = entry.get("record")
        digests = entry.get("blobs")
        if parent is not None and not isinstance(parent, str):
            raise TransferError("导出文件内容不完整（parent_uuid）。")
        if not isinstance(record, dict) or not isinstance(record.get("request"), dict):
            raise TransferError("导出文件内容不完整（record）。")
        if not isinstance(digests, list) or not all(
            isinstance(d, str) and DIGEST.fullmatch(d) for d in digests
        ):
            raise TransferError("导出文件内容不完整（blobs）。")
        try:
            sealed_at = datetime.fromisoformat(_text(entry, "sealed_at"))
        except ValueError as exc:
            raise TransferError("导出文件内容不完整（sealed_at）。") from exc
        items.append(
            _Item(
                kind,
                _text(entry, "uuid"),
                parent,
                _text(entry, "window_id"),
                _text(entry, "provisional_number"),
                sealed_at,
                record,
                digests,
            )
        )
    return items


def _read_blob(archive: zipfile.ZipFile, digest: str) -> bytes:
    try:
        info = archive.getinfo(f"blobs/{digest}")
    except KeyError as exc:
        raise TransferError("导出文件缺少材料文件。") from exc
    if info.file_size > MAX_BLOB_BYTES:
        raise TransferError("导出文件中的材料文件过大。")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise TransferError("导出文件中的材料文件已损坏。") from exc


def import_archive(outbox: Outbox, archive: zipfile.ZipFile) -> ImportResult:
    try:
        raw = archive.read("manifest.json")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise TransferError("导出文件内容已损坏（清单）。") from exc
    items = parse_manifest(raw)
    imported = skipped = 0
    for item in items:
        try:
            outbox.get(item.uuid)
            skipped += 1
            continue
        except EntryNotFound:
            pass
        outbox.adopt(
            kind=item.kind,
            uuid=item.uuid,
            parent_uuid=item.parent_uuid,
            window_id=item.window_id,
            provisional_number=item.provisional_number,
            sealed_at=item.sealed_at,
            record=item.record,
            digests=item.digests,
            blobs={d: _read_blob(archive, d) for d in item.digests},
        )
        imported += 1
    return ImportResult(imported=imported, skipped=skipped)
