"""Scale-out: /health and /ready, the catalog gzip-compressed with ETag/304 and as a delta
since the client's version, and `desk-center serve --workers N` on a real PostgreSQL."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from center.db import make_engine
from center.routers.catalog import publish, remember_version
from tests.center.conftest import case_body


class _Fixed:
    def __init__(self, data: dict) -> None:
        self.data = data

    def to_dict(self) -> dict:
        return self.data


def test_health_is_liveness_and_ready_checks_the_database(center):
    assert center.client.get("/api/v1/health").json()["status"] == "ok"
    r = center.client.get("/api/v1/ready")
    assert r.status_code == 200 and r.json()["schema"] == "0004"
    ctx = center.app.state.center
    working = ctx.engine
    ctx.engine = make_engine("postgresql://nobody@127.0.0.1:1/none")
    try:
        r = center.client.get("/api/v1/ready")
        assert r.status_code == 503 and r.headers["Retry-After"] == "5"
        assert r.json()["detail"] == "数据库暂不可用"
        assert center.client.get("/api/v1/health").status_code == 200  # alive all the same
    finally:
        ctx.engine.dispose()
        ctx.engine = working


def test_catalog_is_gzipped_with_etag_and_304(center):
    plain = center.get("/catalog", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    zipped = center.get("/catalog", headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert zipped.content == plain.content  # httpx inflated it: the same bytes
    assert zipped.num_bytes_downloaded < len(plain.content) / 3
    refused = center.get("/catalog", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
    etag = plain.headers["etag"]
    assert center.get("/catalog", headers={"If-None-Match": etag}).status_code == 304
    assert center.get("/catalog", params={"since": etag}).status_code == 304


def test_catalog_delta_since_an_older_version(center):
    ctx = center.app.state.center
    old = ctx.published_catalog
    newer = copy.deepcopy(old.data)
    changed_code = newer["items"][0]["code"]
    newer["items"][0]["name"] += "（新版）"
    removed_code = newer["items"].pop()["code"]
    added = {**copy.deepcopy(newer["items"][1]), "code": "NEW-ITEM-0001"}
    newer["items"].append(added)
    ctx.published_catalog = publish(_Fixed(newer))  # as a restart with a new catalog would
    remember_version(ctx.sessions, ctx.published_catalog, ctx.clock())

    r = center.get("/catalog", params={"since": old.etag})
    assert r.status_code == 200 and r.headers["Catalog-Delta-From"] == old.etag
    delta = r.json()
    assert {i["code"] for i in delta["items"]} == {changed_code, "NEW-ITEM-0001"}
    assert delta["removed"] == [removed_code]
    # The client's old catalog + the delta = the new catalog, exactly.
    items = {i["code"]: i for i in old.data["items"]}
    for code in delta["removed"]:
        del items[code]
    items.update({i["code"]: i for i in delta["items"]})
    assert sorted(items) == sorted(i["code"] for i in newer["items"])
    assert all(items[i["code"]] == i for i in newer["items"])
    # A version the center never served: the whole catalog.
    full = center.get("/catalog", params={"since": '"unknown"'})
    assert "Catalog-Delta-From" not in full.headers and len(full.json()["items"]) == len(items)


def test_an_eight_thousand_item_catalog_update_is_a_fraction_of_a_megabyte(center):
    from forms.synthetic import synthetic_catalog

    ctx = center.app.state.center
    big = synthetic_catalog(8000, 20261121)
    ctx.published_catalog = first = publish(big)
    remember_version(ctx.sessions, first, ctx.clock())
    data = copy.deepcopy(first.data)
    for item in data["items"][:40]:  # a routine update: 40 items changed
        item["name"] += "（修订）"
    ctx.published_catalog = publish(_Fixed(data))
    remember_version(ctx.sessions, ctx.published_catalog, ctx.clock())
    full = center.get("/catalog", headers={"Accept-Encoding": "gzip"})
    delta = center.get(
        "/catalog", params={"since": first.etag}, headers={"Accept-Encoding": "gzip"}
    )
    plain = len(ctx.published_catalog.body)
    print(
        f"\n8000-item catalog: {plain / 1e6:.2f} MB plain, {full.num_bytes_downloaded / 1e6:.3f} MB"
        f" gzip, delta of 40 items {delta.num_bytes_downloaded / 1e3:.1f} kB gzip"
    )
    assert len(delta.json()["items"]) == 40
    assert full.num_bytes_downloaded < 1_000_000 and delta.num_bytes_downloaded < 100_000


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_workers_need_postgresql(tmp_path, capsys):
    from center.cli import main

    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--workers", "2"]) == 2
    assert "仅支持 PostgreSQL" in capsys.readouterr().err


@pytest.mark.realstack
def test_serve_with_two_workers_on_postgresql(postgres, tmp_path):
    url = postgres.create_database()
    port = _free_port()
    script = Path(sys.executable).with_name("desk-center")
    env = {**os.environ, "DESK_CENTER_KEY_FILE": ""}
    env.pop("DESK_CENTER_KEY_FILE")  # the demo key file beside the blobs, shared by workers
    proc = subprocess.Popen(
        [
            str(script),
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            "2",
            "--blob-dir",
            str(tmp_path / "blobs"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
        env=env,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 90
        ready = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                ready = httpx.get(f"{base}/ready", timeout=5)
                if ready.status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        assert ready is not None and ready.status_code == 200, "workers did not get ready"
        time.sleep(1.0)  # let the second worker finish starting
        assert len(_children(proc.pid)) >= 2

        def file_one(n: int) -> tuple[int, str]:
            with httpx.Client(base_url=base, timeout=60) as client:
                r = client.post(
                    "/sessions",
                    json={"username": "clerk01", "password": "demo1234", "window_id": "W01"},
                )
                assert r.status_code == 201, r.text
                client.headers["Authorization"] = "Bearer " + r.json()["token"]
                body = case_body()
                r = client.post("/cases", json=body, headers={"Idempotency-Key": body["uuid"]})
                again = client.post("/cases", json=body, headers={"Idempotency-Key": body["uuid"]})
                assert again.status_code == 200 and again.json() == r.json()
                pre = client.get("/pre-applications/YS2026DEMO01R")
                assert pre.json()["applicant"]["name"] == "王芳"  # the workers share the keys
                return r.status_code, r.json()["number"]

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(file_one, range(16)))
        assert {status for status, _ in results} == {201}
        numbers = sorted(number for _, number in results)
        assert len(set(numbers)) == 16
        assert [int(n[-7:]) for n in numbers] == list(range(1, 17))  # gapless across workers
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
