"""Figures for the reference center on a real uvicorn server (``make bench``):
case submissions per second (sequential and 8 concurrent clients), blob upload MB/s,
and the cost of an idempotent replay. Printed, never asserted against a time."""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from center.inprocess import start_in_thread
from tests.center.conftest import case_body

pytestmark = pytest.mark.benchmark


def _login(client: httpx.Client) -> None:
    r = client.post(
        "/api/v1/sessions", json={"username": "clerk01", "password": "demo1234", "window_id": "W01"}
    )
    client.headers["Authorization"] = "Bearer " + r.json()["token"]


def _submit(client: httpx.Client, body: dict) -> httpx.Response:
    return client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": body["uuid"]})


def test_bench_center(db_url, tmp_path, catalog):
    backend = db_url.split(":", 1)[0]
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog)
    try:
        with httpx.Client(base_url=running.url, timeout=120) as client:
            _login(client)
            n = 100
            bodies = [case_body() for _ in range(n)]
            t0 = time.perf_counter()
            for body in bodies:
                assert _submit(client, body).status_code == 201
            sequential = n / (time.perf_counter() - t0)

            t0 = time.perf_counter()
            for body in bodies[:50]:
                assert _submit(client, body).status_code == 200
            replay_ms = (time.perf_counter() - t0) / 50 * 1000

            more = [case_body() for _ in range(n)]

            def one(body: dict) -> int:
                return _submit(client, body).status_code  # httpx clients are thread-safe

            t0 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=8) as pool:
                codes = list(pool.map(one, more))
            concurrent = n / (time.perf_counter() - t0)
            assert codes == [201] * n

            data = os.urandom(16 * 1024 * 1024)
            digest = hashlib.sha256(data).hexdigest()
            chunk = 1024 * 1024
            t0 = time.perf_counter()
            for offset in range(0, len(data), chunk):
                r = client.patch(
                    f"/api/v1/blobs/{digest}",
                    content=data[offset : offset + chunk],
                    headers={
                        "Upload-Offset": str(offset),
                        "Upload-Length": str(len(data)),
                        "Content-Type": "application/offset+octet-stream",
                    },
                )
                assert r.status_code == 204
            assert r.headers["Upload-Complete"] == "1"
            upload_mbs = len(data) / (1024 * 1024) / (time.perf_counter() - t0)
    finally:
        running.stop()
    print(
        f"\n[bench center/{backend}] cases: {sequential:.0f}/s sequential, "
        f"{concurrent:.0f}/s with 8 clients; replay {replay_ms:.1f} ms; "
        f"blob upload (1 MiB chunks, sha256 verified) {upload_mbs:.0f} MiB/s"
    )
