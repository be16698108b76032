"""Load benchmark (``make bench``): simulated counters against ``desk-center serve
--workers N`` on a real PostgreSQL, side by side with a trivial FastAPI endpoint served the
same way (the floor). Each counter signs in (real Argon2id costs), checks the catalog
(If-None-Match → 304), uploads two 1 MiB materials, submits a case and polls its status.
Prints cases/s, p50/p99 per step and requests/s against the floor's; asserts only that
there were no errors and no duplicates, never a time.

BENCH_COUNTERS (default 64), BENCH_CLIENTS (32), BENCH_WORKERS (2) size the run; every
request goes to 127.0.0.1 and the run is bounded by its counts.
"""

from __future__ import annotations

import hashlib
import os
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.center.conftest import ITEM_SOCIAL_CARD, case_body

pytestmark = [pytest.mark.benchmark, pytest.mark.realstack]
COUNTERS = int(os.environ.get("BENCH_COUNTERS", "64"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
POLLS = 3
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(command: list[str], ready_url: str, cwd: Path) -> subprocess.Popen:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{command[0]} exited")
        try:
            if httpx.get(ready_url, timeout=2).status_code == 200:
                time.sleep(1.5)  # the other workers
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise TimeoutError(ready_url)


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _counter(
    base: str, n: int, timings: dict[str, list[float]], errors: list[str], retries: list[int]
):
    def timed(step: str, call):
        t0 = time.perf_counter()
        r = call()
        timings[step].append(time.perf_counter() - t0)
        return r

    with httpx.Client(base_url=base, timeout=120) as c:
        window = f"W{n % 20 + 1:02d}"
        for _attempt in range(20):  # a desk waits as told when the center is busy (503)
            r = timed(
                "login",
                lambda: c.post(
                    "/sessions",
                    json={"username": "clerk01", "password": "demo1234", "window_id": window},
                ),
            )
            if r.status_code not in (429, 503):
                break
            retries.append(r.status_code)
            time.sleep(float(r.headers.get("Retry-After", "1")))
        if r.status_code != 201:
            errors.append(f"login {r.status_code}")
            return None
        c.headers["Authorization"] = "Bearer " + r.json()["token"]
        etag = c.get("/catalog").headers["etag"]
        r = timed("catalog", lambda: c.get("/catalog", headers={"If-None-Match": etag}))
        if r.status_code != 304:
            errors.append(f"catalog {r.status_code}")
        digests = []
        for _ in range(2):
            data = os.urandom(1024 * 1024)
            digest = hashlib.sha256(data).hexdigest()
            r = timed(
                "upload 1 MiB",
                lambda d=data, g=digest: c.patch(
                    f"/blobs/{g}",
                    content=d,
                    headers={
                        "Upload-Offset": "0",
                        "Upload-Length": str(len(d)),
                        "Content-Type": "application/offset+octet-stream",
                    },
                ),
            )
            if r.status_code != 204:
                errors.append(f"upload {r.status_code}")
            digests.append(digest)
        body = case_body(window_id=window)
        body["materials"][0].update(mode="scan", blobs=digests, pages=2, item_code=ITEM_SOCIAL_CARD)
        r = timed(
            "submit", lambda: c.post("/cases", json=body, headers={"Idempotency-Key": body["uuid"]})
        )
        if r.status_code != 201:
            errors.append(f"submit {r.status_code} {r.text[:80]}")
            return None
        number = r.json()["number"]
        for _ in range(POLLS):
            r = timed("status poll", lambda: c.get(f"/cases/{number}"))
            if r.status_code != 200:
                errors.append(f"poll {r.status_code}")
        return number


def _floor(url: str, requests: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    with httpx.Client(timeout=60) as c:

        def one(_):
            t0 = time.perf_counter()
            assert c.get(url).status_code == 200
            latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(one, range(requests)))
        return requests / (time.perf_counter() - t0), latencies


def _poll_rate(base: str, token: str, number: str, requests: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    with httpx.Client(base_url=base, timeout=60, headers={"Authorization": "Bearer " + token}) as c:

        def one(_):
            t0 = time.perf_counter()
            assert c.get(f"/cases/{number}").status_code == 200
            latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(one, range(requests)))
        return requests / (time.perf_counter() - t0), latencies


def test_bench_load_against_the_floor(postgres, tmp_path):
    url = postgres.create_database()
    port, floor_port = _free_port(), _free_port()
    bin_dir = Path(sys.executable).parent
    center = _start(
        [
            str(bin_dir / "desk-center"),
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            str(WORKERS),
            "--blob-dir",
            str(tmp_path / "blobs"),
        ],
        f"http://127.0.0.1:{port}/api/v1/ready",
        tmp_path,
    )
    floor = _start(
        [
            str(bin_dir / "python"),
            "-m",
            "uvicorn",
            "tests.center.floor_app:app",
            "--port",
            str(floor_port),
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        f"http://127.0.0.1:{floor_port}/ping",
        REPO,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        retries: list[int] = []
        t0 = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            numbers = list(
                pool.map(lambda n: _counter(base, n, timings, errors, retries), range(COUNTERS))
            )
        elapsed = time.perf_counter() - t0
        token = httpx.post(
            f"{base}/sessions",
            json={"username": "clerk02", "password": "demo1234", "window_id": "W02"},
        ).json()["token"]
        requests = 2000
        floor_rps, floor_lat = _floor(f"http://127.0.0.1:{floor_port}/ping", requests)
        poll_rps, poll_lat = _poll_rate(base, token, next(n for n in numbers if n), requests)
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT count(*), count(DISTINCT number) FROM cases")).one()
        engine.dispose()
    finally:
        _stop(center)
        _stop(floor)
    done = [n for n in numbers if n]
    lines = [
        f"\n[bench load] {COUNTERS} counters, {CLIENTS} concurrent clients, {WORKERS} workers,"
        f" PostgreSQL, loadavg {os.getloadavg()[0]:.1f}",
        f"  cases: {len(done)} in {elapsed:.1f} s = {len(done) / elapsed:.1f} cases/s"
        f" (each: login, 304 catalog, 2 x 1 MiB upload, submit, {POLLS} polls)",
    ]
    for step, values in timings.items():
        lines.append(
            f"  {step:13s} n={len(values):4d} p50 {_pct(values, 0.5):7.1f} ms"
            f"  p99 {_pct(values, 0.99):7.1f} ms  mean {statistics.mean(values) * 1000:7.1f} ms"
        )
    lines.append(
        f"  status poll alone: {poll_rps:7.0f} req/s p50 {_pct(poll_lat, 0.5):.1f} ms"
        f" p99 {_pct(poll_lat, 0.99):.1f} ms"
    )
    lines.append(
        f"  floor /ping:       {floor_rps:7.0f} req/s p50 {_pct(floor_lat, 0.5):.1f} ms"
        f" p99 {_pct(floor_lat, 0.99):.1f} ms  -> center/floor = {poll_rps / floor_rps:.2f}"
    )
    lines.append(
        f"  errors {len(errors)} {errors[:3]}; stored {stored[0]} cases, {stored[1]} distinct"
    )
    print("\n".join(lines))
    assert not errors
    assert len(done) == COUNTERS and stored[0] == stored[1] == COUNTERS  # no loss, no duplicate
