"""Request limits that hold: bytes counted as they stream (chunked included), JSON depth,
dates and headers — each answered with a problem document, never a 500."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import uuid

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from center.body_limits import MAX_JSON_DEPTH, MAX_LOGIN_BYTES, BodyLimits, json_too_deep
from center.inprocess import start_in_thread
from tests.center.conftest import case_body

PROBLEM = "application/problem+json"


async def _echo_app(scope, receive, send):
    message = await receive()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(message["body"])).encode()})


def _drive(path: str, headers: list[tuple[bytes, bytes]], chunks: int, chunk: bytes = b"x" * 65536):
    """Call the middleware as uvicorn would; return (status, body, bytes pulled)."""
    pulled = 0
    sent: list[dict] = []

    async def receive():
        nonlocal pulled
        if pulled >= chunks * len(chunk):
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    asyncio.run(BodyLimits(_echo_app)(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body, pulled


def test_chunked_body_is_cut_off_at_the_limit_not_read_whole():
    # 50 MB announced by nobody (chunked): reading stops one chunk past 16 KiB.
    status, body, pulled = _drive("/api/v1/sessions", [], chunks=800)
    assert status == 413
    assert pulled <= MAX_LOGIN_BYTES + 65536
    assert "请求内容过大（上限 16 KiB）" in json.loads(body)["detail"]
    status, _, pulled = _drive("/api/v1/cases", [], chunks=800)
    assert status == 413 and pulled <= 2 * 1024 * 1024 + 65536


def test_declared_length_is_refused_before_reading_and_must_be_a_number():
    status, _, pulled = _drive("/api/v1/cases", [(b"content-length", b"52428800")], chunks=800)
    assert (status, pulled) == (413, 0)
    for bad in (b"-1", b"1e6", b"\xb2", b"12, 12", b"9" * 30):
        status, body, pulled = _drive("/api/v1/cases", [(b"content-length", bad)], chunks=1)
        assert (status, pulled) == (400, 0), bad
        assert "Content-Length" in json.loads(body)["detail"]


def test_a_body_within_the_limit_reaches_the_handler_whole():
    status, body, _ = _drive("/api/v1/cases", [], chunks=3)
    assert (status, body) == (200, str(3 * 65536).encode())


@pytest.mark.realstack
def test_fifty_megabytes_chunked_to_login_on_a_real_server(db_url, tmp_path, catalog, hasher):
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog, password_hasher=hasher)
    sent = 0

    def fifty_megabytes():
        nonlocal sent
        for _ in range(800):
            sent += 65536
            yield b"x" * 65536

    try:
        try:
            r = httpx.post(f"{running.url}/api/v1/sessions", content=fifty_megabytes(), timeout=30)
            assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
        except httpx.HTTPError:
            pass  # the server closed mid-upload: also a refusal, as long as it stopped early
        # Loopback socket buffers take a few MB; the center itself stopped at 16 KiB.
        assert sent < 16 * 1024 * 1024, sent
        assert httpx.get(f"{running.url}/api/v1/health", timeout=5).status_code == 200
    finally:
        running.stop()


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_json_nesting_beyond_the_limit_is_422_before_parsing(center):
    deep = {}
    cursor = deep
    for _ in range(600):
        cursor["a"] = {}
        cursor = cursor["a"]
    body = case_body(form=deep)
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("/too-deep")
    assert "嵌套层级过深" in r.json()["detail"]
    # Brackets inside strings are text, not nesting.
    body = case_body(form={"note": "[" * 5000})
    assert center.post("/cases", body, key=body["uuid"]).status_code == 201


@given(
    st.recursive(
        st.none() | st.text(alphabet='[]{}"\\ab'),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(alphabet='[]{}"\\ab', max_size=4), inner, max_size=3)
        ),
        max_leaves=40,
    )
)
@settings(max_examples=300, deadline=None)
def test_depth_check_agrees_with_a_real_parse(value):
    def depth(v) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0

    raw = json.dumps(value).encode()
    for limit in (1, 2, 3, 5):
        assert json_too_deep(raw, limit) == (depth(value) > limit), (raw, limit)


def test_depth_check_is_fast_on_a_hostile_body():
    import time

    hostile = _nested(1_000_000).encode()  # 2 MB of brackets
    started = time.process_time()
    assert json_too_deep(hostile)
    assert not json_too_deep(b"[]" * 1_000_000)
    # Not a timing assertion on the suite: just printed for the reader.
    print(f"depth check on 2 MB: {time.process_time() - started:.3f} s CPU")
    assert MAX_JSON_DEPTH == 32


@pytest.mark.parametrize(
    "when",
    [
        "9999-12-31T23:59:59+08:00",
        "0001-01-01T00:00:00+08:00",
        "0001-01-01T00:00:00",
        "1999-12-31T23:00:00+08:00",
    ],
)
def test_implausible_acceptance_times_are_422_not_500(center, when):
    body = case_body(accepted_at=when)
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "accepted_at"
    assert "日期超出合理范围" in r.json()["errors"][0]["message"]


def test_implausible_due_date_is_422(center):
    body = case_body()
    body["materials"][0].update(mode="deferred", due_date="9999-01-01")
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 422
    assert any(e["field"] == "materials.0.due_date" for e in r.json()["errors"]), r.text


def _raw_patch(url: str, token: str, offset: bytes, length: bytes = b"1") -> bytes:
    """One PATCH over a plain socket: header bytes exactly as given (HTTP clients re-encode)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(
            b"PATCH /api/v1/blobs/" + b"a" * 64 + b" HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer " + token.encode() + b"\r\n"
            b"Upload-Offset: " + offset + b"\r\nUpload-Length: " + length + b"\r\n"
            b"Content-Type: application/offset+octet-stream\r\n"
            b"Content-Length: 1\r\nConnection: close\r\n\r\nx"
        )
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer


@pytest.fixture
def live(db_url, tmp_path, catalog, hasher):
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog, password_hasher=hasher)
    r = httpx.post(
        f"{running.url}/api/v1/sessions",
        json={"username": "clerk01", "password": "demo1234", "window_id": "W01"},
    )
    try:
        yield running, r.json()["token"]
    finally:
        running.stop()


@pytest.mark.realstack
@given(
    offset=st.binary(max_size=12).filter(lambda b: b"\r" not in b and b"\n" not in b)
    | st.sampled_from([b"\xb2", b"\xb9", b"\xb3", b"+5", b"5.0", b"-0", b"9" * 30]),
    length=st.sampled_from([b"1", b"\xb9", b"01", b"\xb2\xb2"]),
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_upload_headers_of_any_bytes_are_4xx_on_a_real_server(live, caplog, offset, length):
    running, token = live
    with caplog.at_level(logging.ERROR):
        answer = _raw_patch(running.url, token, offset, length)
    status = int(answer.split(b" ", 2)[1])
    assert 200 <= status < 500, answer[:300]
    assert b"Traceback" not in answer
    assert not [r for r in caplog.records if "unhandled" in r.getMessage()]
    if offset in (b"\xb2", b"\xb9"):
        assert status == 400 and "Upload-Offset 请求头应为非负整数".encode() in answer


def test_idempotency_key_must_be_visible_ascii(center):
    body = case_body()
    r = center.client.post(
        "/api/v1/cases",
        json=body,
        headers={**center.headers, "Idempotency-Key": "ключ".encode() + b"\xb2"},
    )
    assert r.status_code == 400 and "Idempotency-Key" in r.json()["detail"]
    assert center.post("/cases", case_body(uuid=str(uuid.uuid4()))).status_code == 400
