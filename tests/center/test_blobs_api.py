"""HEAD/PATCH /blobs: chunked resumable upload, offsets, digest verification, limits."""

from __future__ import annotations

import hashlib
import os

import pytest
from sqlalchemy import select

from center.blob_store import MAX_BLOB_BYTES
from center.models import Blob

MEDIA = "application/offset+octet-stream"


def _patch(center, digest: str, offset: int, total: int | None, chunk: bytes, **headers):
    h = {**center.headers, "Upload-Offset": str(offset), "Content-Type": MEDIA, **headers}
    if total is not None:
        h["Upload-Length"] = str(total)
    return center.client.patch(f"/api/v1/blobs/{digest}", content=chunk, headers=h)


def _head(center, digest: str):
    return center.client.head(f"/api/v1/blobs/{digest}", headers=center.headers)


def test_chunked_upload_reports_offsets_and_completes(center):
    data = os.urandom(300_000)
    digest = hashlib.sha256(data).hexdigest()
    assert _head(center, digest).status_code == 404
    r = _patch(center, digest, 0, len(data), data[:100_000])
    assert r.status_code == 204
    assert (r.headers["Upload-Offset"], r.headers["Upload-Complete"]) == ("100000", "0")
    head = _head(center, digest)
    assert head.status_code == 200
    assert (head.headers["Upload-Offset"], head.headers["Upload-Complete"]) == ("100000", "0")
    assert head.headers["Upload-Length"] == str(len(data))
    r = _patch(center, digest, 100_000, len(data), data[100_000:])
    assert (r.headers["Upload-Offset"], r.headers["Upload-Complete"]) == ("300000", "1")
    head = _head(center, digest)
    assert (head.headers["Upload-Offset"], head.headers["Upload-Complete"]) == ("300000", "1")
    ctx = center.app.state.center
    assert ctx.blobs.read(digest) == data
    with ctx.sessions() as db:
        assert db.scalar(select(Blob.size).where(Blob.sha256 == digest)) == len(data)


def test_bytes_live_on_disk_not_in_the_database(center, tmp_path):
    data = b"material bytes " * 100
    digest = hashlib.sha256(data).hexdigest()
    _patch(center, digest, 0, len(data), data)
    stored = tmp_path / "blobs" / "objects" / digest[:2] / digest
    assert stored.read_bytes() == data


def test_offset_mismatch_tells_the_current_offset(center):
    data = b"0123456789" * 10
    digest = hashlib.sha256(data).hexdigest()
    _patch(center, digest, 0, len(data), data[:40])
    r = _patch(center, digest, 60, len(data), data[60:])
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith("/offset-mismatch")
    assert r.json()["offset"] == 40
    assert "40" in r.json()["detail"]


def test_digest_mismatch_discards_the_partial(center):
    data = b"what the client claims"
    wrong = hashlib.sha256(b"something else").hexdigest()
    r = _patch(center, wrong, 0, len(data), data)
    assert r.status_code == 422
    assert r.json()["type"].endswith("/digest-mismatch")
    assert _head(center, wrong).status_code == 404
    assert not center.app.state.center.blobs.is_complete(wrong)


def test_uploading_a_complete_blob_again_is_a_no_op(center):
    data = b"same scan twice"
    digest = hashlib.sha256(data).hexdigest()
    _patch(center, digest, 0, len(data), data)
    r = _patch(center, digest, 0, len(data), data)
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "1"


def test_bad_requests_are_problems(center):
    digest = hashlib.sha256(b"x").hexdigest()
    cases = [
        (_patch(center, "not-a-digest", 0, 1, b"x"), 400, "bad-digest"),
        (_patch(center, digest, 0, 1, b"x", **{"Content-Type": "text/plain"}), 415, None),
        (_patch(center, digest, 0, None, b"x"), 400, "bad-request"),
        (_patch(center, digest, 0, 1, b"x", **{"Upload-Offset": "-1"}), 400, "bad-request"),
        (_patch(center, digest, 0, MAX_BLOB_BYTES + 1, b"x"), 413, "too-large"),
        (_patch(center, digest, 0, 1, b"xy"), 409, "length-mismatch"),
    ]
    for response, status, slug in cases:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/problem+json"
        if slug:
            assert response.json()["type"].endswith("/" + slug)
    assert _head(center, "zz").status_code == 400


def test_length_must_not_change_between_chunks(center):
    data = b"abcdefghij"
    digest = hashlib.sha256(data).hexdigest()
    _patch(center, digest, 0, 10, data[:5])
    r = _patch(center, digest, 5, 11, data[5:])
    assert r.status_code == 409
    assert r.json()["length"] == 10


@pytest.mark.parametrize("path", ["/blobs/" + "a" * 64])
def test_blobs_need_a_session(center, path):
    r = center.client.head("/api/v1" + path)
    assert r.status_code == 401
