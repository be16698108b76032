"""``desk-center purge``: expired sessions, old idempotency records, forgotten login
counters and abandoned uploads go; everything current stays."""

from __future__ import annotations

import os
import time
from datetime import timedelta

from sqlalchemy import func, select

from center.cli import main
from center.models import ClerkSession, IdempotentRequest, LoginThrottle
from center.purge import purge
from tests.center.conftest import case_body


def _count(center, model) -> int:
    with center.app.state.center.sessions() as db:
        return int(db.scalar(select(func.count()).select_from(model)))


def test_purge_removes_what_expired_and_keeps_the_rest(center):
    ctx = center.app.state.center
    body = case_body()
    assert center.post("/cases", body, key=body["uuid"]).status_code == 201
    center.client.post(
        "/api/v1/sessions", json={"username": "clerk02", "password": "x", "window_id": "W02"}
    )
    assert _count(center, LoginThrottle) == 2
    center.clock.advance(days=31)  # the first session expired long ago, the record is old
    fresh = center.login("clerk02", "W02")
    ctx.blobs._part("a" * 64, "H01/W01").parent.mkdir(parents=True)
    part = ctx.blobs._part("a" * 64, "H01/W01")
    part.write_bytes(b"abandoned")
    old = time.time() - ctx.blobs.partial_ttl.total_seconds() - 1
    os.utime(part, (old, old))

    done = purge(ctx.sessions, ctx.blobs, ctx.clock())
    # (the fresh login cleared its account counter; the address counter is old)
    assert (done.sessions, done.idempotency, done.throttle, done.partials) == (1, 1, 1, 1)
    assert "过期会话 1 条" in done.summary()
    assert _count(center, ClerkSession) == 1 and _count(center, IdempotentRequest) == 0
    assert center.client.get("/api/v1/catalog", headers=fresh).status_code == 200
    again = purge(ctx.sessions, ctx.blobs, ctx.clock() + timedelta(seconds=1))
    assert (again.sessions, again.idempotency, again.throttle, again.partials) == (0, 0, 0, 0)


def test_purge_command_runs_on_a_database(tmp_path, sqlite_template, capsys):
    import shutil

    db = tmp_path / "center.db"
    shutil.copyfile(sqlite_template, db)
    assert main(["purge", "--db", f"sqlite:///{db}", "--blob-dir", str(tmp_path / "b")]) == 0
    assert "已清理：过期会话 0 条" in capsys.readouterr().out
    assert main(["purge", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    assert "无法打开数据库" in capsys.readouterr().err
