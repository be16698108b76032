"""The window's list in keyset pages at volume: every case once, in order, on the index
(normal suite, small), and the page time at 10,000 cases of a window next to a floor — the
bare SELECT of the same rows on the same engine (``make bench``)."""

from __future__ import annotations

import statistics
import time

import httpx
import pytest
from sqlalchemy import text

from center.inprocess import start_in_thread
from tests.center.case_volume import fill

PAGE_SQL = text(
    "SELECT id, number, uuid, window_id, status, decision, promised_date, received_at,"
    " updated_at, body FROM cases WHERE hall_id = 'H01' AND window_id = 'W01'"
    " ORDER BY received_at DESC, id DESC LIMIT 51"
)


def _login(client: httpx.Client, user: str = "clerk01") -> None:
    r = client.post(
        "/api/v1/sessions", json={"username": user, "password": "demo1234", "window_id": "W01"}
    )
    assert r.status_code == 201, r.text
    client.headers["Authorization"] = "Bearer " + r.json()["token"]


def _walk(client: httpx.Client, limit: int) -> list[str]:
    seen, cursor = [], None
    while True:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/cases", params=params).json()
        seen += [c["received_at"] + c["number"] for c in page["cases"]]
        cursor = page["next_cursor"]
        if not cursor:
            return seen


def test_paging_visits_every_case_once_newest_first(db_url, tmp_path, catalog, hasher):
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog, password_hasher=hasher)
    try:
        fill(running.app.state.center.engine, 230)
        fill(running.app.state.center.engine, 40, window="W02")
        with httpx.Client(base_url=running.url, timeout=60) as client:
            _login(client)
            seen = _walk(client, 50)
        assert len(seen) == 230 and len(set(seen)) == 230
        assert seen == sorted(seen, reverse=True)
        if db_url.startswith("sqlite"):
            with running.app.state.center.engine.connect() as conn:
                plan = " ".join(
                    str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + PAGE_SQL.text))
                )
            # The page is read off the index in order: no sort of the window's cases.
            assert "ix_cases_window_received" in plan and "TEMP B-TREE" not in plan
    finally:
        running.stop()


def _median_ms(fn, repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


@pytest.mark.benchmark
def test_bench_a_page_at_ten_thousand_cases(db_url, tmp_path, catalog, hasher):
    backend = db_url.split(":", 1)[0]
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog, password_hasher=hasher)
    try:
        engine = running.app.state.center.engine
        fill(engine, 10_000)
        fill(engine, 5_000, window="W02")
        with engine.connect() as conn:
            if backend.startswith("postgresql"):
                conn.execute(text("ANALYZE cases"))
                conn.commit()  # statistics roll back with the transaction otherwise
            floor = _median_ms(lambda: conn.execute(PAGE_SQL).all())
        with httpx.Client(base_url=running.url, timeout=60) as client:
            _login(client)
            first = client.get("/api/v1/cases", params={"limit": 50}).json()
            assert len(first["cases"]) == 50
            page_ms = _median_ms(lambda: client.get("/api/v1/cases", params={"limit": 50}))
            cursor = None
            for _ in range(180):  # 9,000 cases down
                params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
                cursor = client.get("/api/v1/cases", params=params).json()["next_cursor"]
            deep = {"limit": 50, "cursor": cursor}
            deep_ms = _median_ms(lambda: client.get("/api/v1/cases", params=deep))
            health_ms = _median_ms(lambda: client.get("/api/v1/health"))
            # An authenticated request that reads one row: what any signed-in call costs here.
            signed_ms = _median_ms(lambda: client.get("/api/v1/cases/by-uuid/none"))
    finally:
        running.stop()
    print(
        f"\n[{backend}] GET /cases page of 50 at 10,000 cases of W01: first page {page_ms:.1f} ms,"
        f" page 181 {deep_ms:.1f} ms (goal < 50 ms); floor: bare SELECT of the same rows"
        f" {floor:.1f} ms, GET /health {health_ms:.1f} ms, signed-in one-row GET {signed_ms:.1f} ms"
    )
