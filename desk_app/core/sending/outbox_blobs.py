"""Material files of queued cases, encrypted one file per blob.

Blobs are addressed by the SHA-256 of their plaintext (what the center's upload API
uses). The file name is a keyed hash of that digest, so the folder listing reveals
nothing; the associated data binds the ciphertext to its owning case and digest.
Writes are atomic: temp file, fsync, rename, fsync of the folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from desk_app.core.crypto import DataCipher, DecryptError, sha256_hex

TMP_SUFFIX = ".tmp"


def blob_aad(owner_uuid: str, digest: str) -> bytes:
    return f"blob:{owner_uuid}:{digest}".encode()


def fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows has no directory fsync; NTFS journals the rename.
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(target: Path, tmp: Path, data: bytes, mode: int = 0o666) -> None:
    """Write via tmp, fsync, rename, fsync the folder: a crash leaves the old file or the new."""
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class BlobStore:
    def __init__(self, root: Path, cipher: DataCipher) -> None:
        self.root = root
        self.cipher = cipher
        root.mkdir(parents=True, exist_ok=True)

    def path_for(self, file_name: str) -> Path:
        return self.root / file_name[:2] / file_name

    def write(self, digest: str, owner_uuid: str, data: bytes) -> str:
        """Encrypt and store durably; returns the file name to record in the database."""
        file_name = self.cipher.file_name(digest)
        target = self.path_for(file_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + TMP_SUFFIX)
        write_durably(target, tmp, self.cipher.encrypt(data, blob_aad(owner_uuid, digest)))
        return file_name

    def read(self, digest: str, owner_uuid: str, file_name: str) -> bytes:
        record = self.path_for(file_name).read_bytes()
        data = self.cipher.decrypt(record, blob_aad(owner_uuid, digest))
        if sha256_hex(data) != digest:
            raise DecryptError("材料文件校验失败：内容与摘要不符")
        return data

    def delete(self, file_name: str) -> None:
        self.path_for(file_name).unlink(missing_ok=True)

    def stored_files(self) -> Iterator[Path]:
        for sub in self.root.iterdir():
            if sub.is_dir():
                yield from (p for p in sub.iterdir() if p.is_file())
