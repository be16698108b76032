"""Content-addressed, resumable blob storage on disk (the bytes never go into the database).

Layout below the root folder::

    objects/ab/abcdef…              complete blobs, named by their SHA-256
    partial/OWNER/abcdef….part      bytes received so far of an unfinished upload
    partial/OWNER/abcdef….len       the total length that uploader announced (Upload-Length)

Every chunk is appended and flushed as it arrives, so a connection dropped mid-chunk keeps
what did arrive and the client resumes from the offset ``state`` reports.

A partial belongs to its uploader (the router passes the session's hall and window as
``owner``): another window neither sees its offset nor continues it, and a wrong
Upload-Length announced by one uploader cannot block another, who keeps its own partial.
A complete blob is shared by everyone (content addressing: its digest names its bytes).
Partials untouched for ``partial_ttl`` are expired (on access and by ``expire_partials``).

Within one process the newest request for a partial owns it (see ``append``). Several
processes on one folder stay safe because finishing is an atomic rename of a verified file
to its digest's name; two processes writing the *same* owner's partial at once (one
window, two connections, two workers) is the one case left to the newest-request rule of
each process and may end in a digest mismatch, which discards the partial for a clean retry.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from starlette.concurrency import run_in_threadpool

MAX_BLOB_BYTES = 64 * 1024 * 1024
PARTIAL_TTL = timedelta(hours=24)  # an upload left alone this long is abandoned
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


def owner_folder(owner: str) -> str:
    """A fixed-shape folder name for an owner ("H01/W01"): no path tricks, any characters."""
    return hashlib.sha256(owner.encode("utf-8")).hexdigest()[:24] if owner else ""


class BlobStore:
    def __init__(self, root: Path, partial_ttl: timedelta = PARTIAL_TTL) -> None:
        self.root = root
        self.partial_ttl = partial_ttl
        (root / "objects").mkdir(parents=True, exist_ok=True)
        (root / "partial").mkdir(parents=True, exist_ok=True)
        self._writers: dict[tuple[str, str], object] = {}  # (owner, digest) → owning request
        self._finishing: dict[str, asyncio.Lock] = {}

    def object_path(self, digest: str) -> Path:
        return self.root / "objects" / digest[:2] / digest

    def _part(self, digest: str, owner: str = "") -> Path:
        return self.root / "partial" / owner_folder(owner) / f"{digest}.part"

    def _len(self, digest: str, owner: str = "") -> Path:
        return self.root / "partial" / owner_folder(owner) / f"{digest}.len"

    def _expired(self, path: Path, now: float) -> bool:
        try:
            return now - path.stat().st_mtime > self.partial_ttl.total_seconds()
        except FileNotFoundError:
            return False

    def _discard(self, digest: str, owner: str) -> None:
        self._part(digest, owner).unlink(missing_ok=True)
        self._len(digest, owner).unlink(missing_ok=True)

    def state(self, digest: str, owner: str = "") -> BlobState | None:
        """The blob as this ``owner`` sees it: complete (anyone's), its own partial, or None."""
        digest = check_digest(digest)
        done = self.object_path(digest)
        if done.exists():
            size = done.stat().st_size
            return BlobState(size, True, size)
        part = self._part(digest, owner)
        if not part.exists():
            return None
        if (owner, digest) not in self._writers and self._expired(part, time.time()):
            self._discard(digest, owner)
            return None
        return BlobState(part.stat().st_size, False, self._announced(digest, owner))

    def expire_partials(self, now: float | None = None) -> int:
        """Remove every partial untouched for ``partial_ttl``; returns how many (purge)."""
        now = time.time() if now is None else now
        removed = 0
        for part in (self.root / "partial").rglob("*.part"):
            if self._expired(part, now):
                part.unlink(missing_ok=True)
                part.with_suffix(".len").unlink(missing_ok=True)
                removed += 1
        for stray in (self.root / "partial").rglob("*.len"):  # a length without bytes
            if not stray.with_suffix(".part").exists() and self._expired(stray, now):
                stray.unlink(missing_ok=True)
        return removed

    def is_complete(self, digest: str) -> bool:
        try:
            return self.object_path(check_digest(digest)).exists()
        except BadDigest:
            return False

    def read(self, digest: str) -> bytes:
        return self.object_path(check_digest(digest)).read_bytes()

    def _announced(self, digest: str, owner: str = "") -> int | None:
        try:
            return int(self._len(digest, owner).read_text())
        except (OSError, ValueError):
            return None

    async def append(
        self,
        digest: str,
        offset: int,
        length: int | None,
        chunks: AsyncIterator[bytes],
        owner: str = "",
    ) -> BlobState:
        """Append a chunk that starts at ``offset``; verify the digest once complete.

        Raises OffsetMismatch, LengthMismatch, TooLarge, DigestMismatch or Superseded. If
        ``chunks`` raises (the client went away), the bytes received so far stay in the
        partial file and the exception propagates.

        The newest request owns the partial file: a resumed upload takes over from an older
        request whose connection is half-open (a dropped link without FIN can keep it alive
        for minutes), and the older one stops before its next write.

        An uploader that starts again at offset 0 with another length gets a fresh partial
        (it only loses its own bytes), so a wrong Upload-Length never blocks for good.
        """
        digest = check_digest(digest)
        # No await until the owner is set: the checks and the takeover are atomic on the loop.
        current = self.state(digest, owner)
        if current is not None and current.complete:
            return current  # content addressing: these exact bytes are already here
        if (
            current is not None
            and offset == 0
            and length is not None
            and current.length not in (None, length)
        ):
            self._discard(digest, owner)  # restarted with another length: start afresh
            current = None
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
            self._len(digest, owner).parent.mkdir(parents=True, exist_ok=True)
            self._len(digest, owner).write_text(str(total))
        token = object()
        key = (owner, digest)
        self._writers[key] = token
        try:
            written = await self._receive(digest, owner, token, have, total, chunks)
        finally:
            if self._writers.get(key) is token:
                del self._writers[key]
        if written < total:
            return BlobState(written, False, total)
        async with self._finishing.setdefault(digest, asyncio.Lock()):
            if self.object_path(digest).exists():
                self._discard(digest, owner)  # someone else finished the same bytes first
            else:
                await run_in_threadpool(self._finish, digest, owner)
        return BlobState(total, True, total)

    async def _receive(
        self,
        digest: str,
        owner: str,
        token: object,
        have: int,
        total: int,
        chunks: AsyncIterator[bytes],
    ) -> int:
        written = have
        key = (owner, digest)
        part = self._part(digest, owner)
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("ab") as out:
            async for chunk in chunks:
                if not chunk:
                    continue
                if self._writers.get(key) is not token:
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

    def _finish(self, digest: str, owner: str) -> None:
        part = self._part(digest, owner)
        sha = hashlib.sha256()
        with part.open("rb") as source:
            for block in iter(lambda: source.read(1 << 20), b""):
                sha.update(block)
        if sha.hexdigest() != digest:
            self._discard(digest, owner)
            raise DigestMismatch(digest)
        target = self.object_path(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)  # atomic: a reader sees no blob or the whole verified one
        self._len(digest, owner).unlink(missing_ok=True)
