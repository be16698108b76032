"""Sealed records: one encrypted file per queued entry, written beside the database.

The database is the working index; these files are what ``desk-app outbox recover``
rebuilds it from when the database is lost. Each holds everything the row held at
sealing (record, number, time) and where its material files are, so nothing about a
waiting case exists only inside SQLite. Written atomically (temp, fsync, rename).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk_app.core.crypto import DataCipher, DecryptError
from desk_app.core.sending.outbox_blobs import write_durably

RECORD_SUFFIX = ".rec"
RECORD_AAD = b"sealed-record:v1"


@dataclass(frozen=True)
class BlobRef:
    digest: str
    owner_uuid: str
    size: int
    file_name: str


@dataclass(frozen=True)
class SealedRecord:
    uuid: str
    kind: str
    parent_uuid: str | None
    window_id: str
    provisional_number: str
    sealed_at: str
    record: dict[str, Any]
    blobs: list[BlobRef]

    def to_json(self) -> bytes:
        body = dict(self.__dict__)
        body["blobs"] = [ref.__dict__ for ref in self.blobs]
        return json.dumps(body, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> SealedRecord:
        body = json.loads(data)
        body["blobs"] = [BlobRef(**ref) for ref in body["blobs"]]
        return cls(**body)


class RecordStore:
    def __init__(self, root: Path, cipher: DataCipher) -> None:
        self.root = root
        self.cipher = cipher
        root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path_for(self, uuid: str) -> Path:
        return self.root / (self.cipher.file_name(f"record:{uuid}") + RECORD_SUFFIX)

    def write(self, sealed: SealedRecord) -> None:
        target = self.path_for(sealed.uuid)
        tmp = target.with_name(target.name + ".tmp")
        write_durably(target, tmp, self.cipher.encrypt(sealed.to_json(), RECORD_AAD), 0o600)

    def delete(self, uuid: str) -> None:
        self.path_for(uuid).unlink(missing_ok=True)

    def read_all(self) -> Iterator[SealedRecord | Path]:
        """Each readable record; the path of each one that is not (damaged, other key)."""
        for path in sorted(self.root.glob("*" + RECORD_SUFFIX)):
            try:
                sealed = SealedRecord.from_json(self.cipher.decrypt(path.read_bytes(), RECORD_AAD))
            except (DecryptError, OSError, ValueError, TypeError, KeyError):
                yield path
                continue
            if self.path_for(sealed.uuid) != path:  # a record renamed or copied: not trusted
                yield path
                continue
            yield sealed
