"""Content-addressed, resumable blob storage on disk (the bytes never go into the database).

Layout below the root folder::

    objects/ab/abcdef…   complete blobs, named by their SHA-256
    partial/abcdef….part bytes received so far of an unfinished upload
    partial/abcdef….len  the total length the client announced (Upload-Length)

Every chunk is appended and flushed as it arrives, so a connection dropped mid-chunk keeps
what did arrive and the client resumes from the offset ``state`` reports. Within one process
the newest request for a digest owns its partial file (see ``append``); a center running as
several processes on one blob folder would need a file lock instead.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool

MAX_BLOB_BYTES = 64 * 1024 * 1024
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class BlobError(Exception):
    """Base of the typed upload failures the blobs router turns into problems."""


class BadDigest(BlobError):
    pass


class OffsetMismatch(BlobError):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class LengthMismatch(BlobError):
    def __init__(self, announced: int | None, given: int | None) -> None:
        super().__init__(announced, given)
        self.announced, self.given = announced, given


class TooLarge(BlobError):
    pass


class DigestMismatch(BlobError):
    pass


class Superseded(BlobError):
    """A newer request resumed this upload; this (older, probably dead) one must stop."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


@dataclass(frozen=True)
class BlobState:
    offset: int
    complete: bool
    length: int | None  # announced total, None when unknown


def check_digest(digest: str) -> str:
    digest = digest.lower()
    if not _DIGEST.match(digest):
        raise BadDigest(digest)
    return digest


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "objects").mkdir(parents=True, exist_ok=True)
        (root / "partial").mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, object] = {}  # digest → token of the request owning it
        self._finishing: dict[str, asyncio.Lock] = {}

    def object_path(self, digest: str) -> Path:
        return self.root / "objects" / digest[:2] / digest

    def _part(self, digest: str) -> Path:
        return self.root / "partial" / f"{digest}.part"

    def _len(self, digest: str) -> Path:
        return self.root / "partial" / f"{digest}.len"

    def state(self, digest: str) -> BlobState | None:
        digest = check_digest(digest)
        done = self.object_path(digest)
        if done.exists():
            size = done.stat().st_size
            return BlobState(size, True, size)
        part = self._part(digest)
        if not part.exists():
            return None
        return BlobState(part.stat().st_size, False, self._announced(digest))

    def is_complete(self, digest: str) -> bool:
        try:
            return self.object_path(check_digest(digest)).exists()
        except BadDigest:
            return False

    def read(self, digest: str) -> bytes:
        return self.object_path(check_digest(digest)).read_bytes()

    def _announced(self, digest: str) -> int | None:
        try:
            return int(self._len(digest).read_text())
        except (OSError, ValueError):
            return None

    async def append(
        self, digest: str, offset: int, length: int | None, chunks: AsyncIterator[bytes]
    ) -> BlobState:
        """Append a chunk that starts at ``offset``; verify the digest once complete.

        Raises OffsetMismatch, LengthMismatch, TooLarge, DigestMismatch or Superseded. If
        ``chunks`` raises (the client went away), the bytes received so far stay in the
        partial file and the exception propagates.

        The newest request owns the partial file: a resumed upload takes over from an older
        request whose connection is half-open (a dropped link without FIN can keep it alive
        for minutes), and the older one stops before its next write.
        """
        digest = check_digest(digest)
        # No await until the owner is set: the checks and the takeover are atomic on the loop.
        current = self.state(digest)
        if current is not None and current.complete:
            return current  # content addressing: these exact bytes are already here
        have = current.offset if current else 0
        if offset != have:
            raise OffsetMismatch(have)
        announced = current.length if current else None
        if length is not None and announced is not None and length != announced:
            raise LengthMismatch(announced, length)
        total = announced if announced is not None else length
        if total is None:
            raise LengthMismatch(None, None)
        if total > MAX_BLOB_BYTES:
            raise TooLarge(total)
        if announced is None:
            self._len(digest).write_text(str(total))
        token = object()
        self._writers[digest] = token
        try:
            written = await self._receive(digest, token, have, total, chunks)
        finally:
            if self._writers.get(digest) is token:
                del self._writers[digest]
        if written < total:
            return BlobState(written, False, total)
        async with self._finishing.setdefault(digest, asyncio.Lock()):
            if not self.object_path(digest).exists():
                await run_in_threadpool(self._finish, digest)
        return BlobState(total, True, total)

    async def _receive(
        self, digest: str, token: object, have: int, total: int, chunks: AsyncIterator[bytes]
    ) -> int:
        written = have
        with self._part(digest).open("ab") as out:
            async for chunk in chunks:
                if not chunk:
                    continue
                if self._writers.get(digest) is not token:
                    raise Superseded(written)
                if written + len(chunk) > total:
                    # Keep the announced part, refuse the overflow.
                    out.write(chunk[: total - written])
                    out.flush()
                    raise LengthMismatch(total, written + len(chunk))
                out.write(chunk)
                out.flush()  # so a cut connection keeps everything that arrived
                written += len(chunk)
            os.fsync(out.fileno())
        return written

    def _finish(self, digest: str) -> None:
        part = self._part(digest)
        sha = hashlib.sha256()
        with part.open("rb") as source:
            for block in iter(lambda: source.read(1 << 20), b""):
                sha.update(block)
        if sha.hexdigest() != digest:
            part.unlink(missing_ok=True)
            self._len(digest).unlink(missing_ok=True)
            raise DigestMismatch(digest)
        target = self.object_path(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)
        self._len(digest).unlink(missing_ok=True)
