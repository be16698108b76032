"""Blob partials belong to the window that started them and expire when abandoned: another
window can neither see nor continue one, and a wrong Upload-Length cannot block anybody."""

from __future__ import annotations

import hashlib
import os
import time
from datetime import timedelta

from center.blob_store import BlobStore

MEDIA = "application/offset+octet-stream"
DATA = os.urandom(200_000)
DIGEST = hashlib.sha256(DATA).hexdigest()


def _patch(center, headers, offset: int, total: int, chunk: bytes):
    h = {
        **headers,
        "Upload-Offset": str(offset),
        "Upload-Length": str(total),
        "Content-Type": MEDIA,
    }
    return center.client.patch(f"/api/v1/blobs/{DIGEST}", content=chunk, headers=h)


def _head(center, headers):
    return center.client.head(f"/api/v1/blobs/{DIGEST}", headers=headers)


def test_another_window_neither_sees_nor_continues_a_partial(center):
    w01 = center.headers
    assert _patch(center, w01, 0, len(DATA), DATA[:50_000]).status_code == 204
    w02 = center.login("clerk02", "W02")
    assert _head(center, w02).status_code == 404  # no offset, no length: nothing to learn
    r = _patch(center, w02, 50_000, len(DATA), DATA[50_000:])
    assert r.status_code == 409 and r.json()["offset"] == 0  # its own upload starts at 0
    # W01's partial is untouched and W01 finishes it.
    assert _head(center, w01).headers["Upload-Offset"] == "50000"
    r = _patch(center, w01, 50_000, len(DATA), DATA[50_000:])
    assert r.headers["Upload-Complete"] == "1"
    # A complete blob is everyone's: its digest names its bytes.
    assert _head(center, w02).headers["Upload-Complete"] == "1"


def test_the_same_clerk_at_another_window_is_another_owner(center):
    assert _patch(center, center.headers, 0, len(DATA), DATA[:10]).status_code == 204
    elsewhere = center.login("clerk01", "W03")
    assert _head(center, elsewhere).status_code == 404


def test_a_wrong_length_from_another_window_does_not_block_the_real_uploader(center):
    intruder = center.login("clerk02", "W02")
    r = _patch(center, intruder, 0, 7, b"")  # announces a wrong length, sends nothing
    assert r.status_code == 204
    r = _patch(center, center.headers, 0, len(DATA), DATA)
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "1"


def test_a_wrong_length_of_ones_own_is_undone_by_starting_again(center):
    assert _patch(center, center.headers, 0, 7, b"").status_code == 204
    r = _patch(center, center.headers, 0, len(DATA), DATA)
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "1"


def test_an_abandoned_partial_expires(center):
    store = center.app.state.center.blobs
    assert _patch(center, center.headers, 0, len(DATA), DATA[:1000]).status_code == 204
    parts = list((store.root / "partial").rglob("*.part"))
    assert len(parts) == 1
    old = time.time() - store.partial_ttl.total_seconds() - 60
    for path in (parts[0], parts[0].with_suffix(".len")):
        os.utime(path, (old, old))
    assert _head(center, center.headers).status_code == 404
    assert not list((store.root / "partial").rglob("*.part"))
    assert not list((store.root / "partial").rglob("*.len"))
    # Starting over works at once.
    r = _patch(center, center.headers, 0, len(DATA), DATA)
    assert r.headers["Upload-Complete"] == "1"


def test_expire_partials_sweeps_only_the_old_ones(tmp_path):
    import asyncio

    store = BlobStore(tmp_path, partial_ttl=timedelta(hours=2))

    async def start(owner: str, data: bytes):
        async def one():
            yield data[:3]

        await store.append(hashlib.sha256(data).hexdigest(), 0, len(data), one(), owner=owner)

    asyncio.run(start("H01/W01", b"old bytes"))
    asyncio.run(start("H01/W02", b"new bytes"))
    asyncio.run(start("H02/W01", b"new bytes"))
    old_part = store._part(hashlib.sha256(b"old bytes").hexdigest(), "H01/W01")
    three_hours_ago = time.time() - 3 * 3600
    os.utime(old_part, (three_hours_ago, three_hours_ago))
    assert store.expire_partials() == 1
    assert not old_part.exists()
    assert len(list((tmp_path / "partial").rglob("*.part"))) == 2
    new = hashlib.sha256(b"new bytes").hexdigest()
    assert store.state(new, "H01/W02").offset == 3
    assert store.state(new, "H02/W01").offset == 3
    assert store.state(new, "H09/W09") is None
