"""BlobStore on its own: any way of cutting an upload into chunks and dropped connections
ends with exactly the original bytes, or a typed error."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from collections.abc import AsyncIterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from center.blob_store import BlobError, BlobStore, DigestMismatch, OffsetMismatch


class Dropped(Exception):
    """Stands in for starlette's ClientDisconnect."""


async def _stream(pieces: list[bytes], drop_after: int | None) -> AsyncIterator[bytes]:
    for i, piece in enumerate(pieces):
        if drop_after is not None and i == drop_after:
            raise Dropped
        yield piece


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in itertools.pairwise(points)]


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=3000),
    requests=st.lists(
        st.tuples(st.lists(st.integers(0, 4000), max_size=4), st.none() | st.integers(0, 3)),
        min_size=1,
        max_size=6,
    ),
)
def test_resumed_uploads_rebuild_the_exact_bytes(tmp_path_factory, data, requests):
    store = BlobStore(tmp_path_factory.mktemp("blobs"))
    digest = hashlib.sha256(data).hexdigest()

    async def run() -> None:
        for cuts, drop in requests:
            state = store.state(digest)
            offset = state.offset if state else 0
            pieces = _split(data[offset:], cuts)
            try:
                result = await store.append(digest, offset, len(data), _stream(pieces, drop))
            except Dropped:
                continue
            if result.complete:
                break
        # Whatever happened before, a final clean resume completes the blob.
        state = store.state(digest)
        offset = state.offset if state else 0
        result = await store.append(digest, offset, len(data), _stream([data[offset:]], None))
        assert result.complete and result.offset == len(data)

    asyncio.run(run())
    assert store.read(digest) == data
    assert store.state(digest).complete


def test_wrong_bytes_are_discarded(tmp_path):
    store = BlobStore(tmp_path)
    digest = hashlib.sha256(b"right").hexdigest()

    async def run() -> None:
        with pytest.raises(DigestMismatch):
            await store.append(digest, 0, 5, _stream([b"wrong"], None))
        assert store.state(digest) is None
        with pytest.raises(OffsetMismatch) as info:
            await store.append(digest, 3, 5, _stream([b"ht"], None))
        assert info.value.offset == 0

    asyncio.run(run())


@settings(max_examples=60, deadline=None)
@given(
    offset=st.integers(-5, 100),
    length=st.none() | st.integers(0, 100),
    body=st.binary(max_size=120),
)
def test_any_request_gives_a_state_or_a_typed_error(tmp_path_factory, offset, length, body):
    store = BlobStore(tmp_path_factory.mktemp("blobs"))
    digest = hashlib.sha256(b"x" * 50).hexdigest()

    async def run() -> None:
        try:
            await store.append(digest, offset, length, _stream([body], None))
        except BlobError:
            pass

    asyncio.run(run())
    state = store.state(digest)
    if state is not None:  # never more than announced, and complete only if it verified
        assert 0 <= state.offset <= (length or 0)
        assert not state.complete or store.read(digest) == b"x" * 50
