"""``desk-center serve`` as a real subprocess; Alembic migrations match the models."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from center.access_log import redact_target
from center.cli import build_parser
from center.db import make_engine, migrate
from center.models import Base

ID_NUMBER = "610104199001011234"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _command() -> list[str]:
    script = Path(sys.executable).with_name("desk-center")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "center.cli"]


def test_desk_center_serve_starts_and_answers(tmp_path):
    port = _free_port()
    db = tmp_path / "center.db"
    proc = subprocess.Popen(
        [*_command(), "serve", "--db", f"sqlite:///{db}", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health is not None and health.status_code == 200, "desk-center did not answer"
        login = httpx.post(
            f"http://127.0.0.1:{port}/api/v1/sessions",
            json={"username": "trainer", "password": "demo1234", "window_id": "T01"},
            timeout=60,
        )
        assert login.status_code == 201
        token = {"Authorization": "Bearer " + login.json()["token"]}
        licences = httpx.get(
            f"http://127.0.0.1:{port}/api/v1/licences",
            params={"holder_id": ID_NUMBER},
            headers=token,
            timeout=60,
        )
        assert licences.status_code == 200 and licences.json()["licences"]
        assert db.exists()
        assert (tmp_path / "center.db.blobs" / "objects").is_dir()  # blobs next to the DB
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    log = output.decode("utf-8", "replace")
    assert "GET /api/v1/licences?holder_id=… HTTP/1.1" in log  # the access log is on...
    assert ID_NUMBER not in log  # ...without the ID number


def test_access_log_filter_keeps_parameter_names_only():
    assert redact_target("/api/v1/licences?holder_id=610104199001011234&x=1") == (
        "/api/v1/licences?holder_id=…&x=…"
    )
    assert redact_target("/api/v1/health") == "/api/v1/health"


def test_serve_rejects_an_unusable_database(tmp_path, capsys):
    from center.cli import main

    assert main(["serve", "--db", "nosuchdriver://x", "--port", "1"]) == 2
    assert "无法打开数据库" in capsys.readouterr().err


def test_cli_defaults():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    assert args.db.startswith("sqlite:///")


def test_migrations_match_the_models(db_url):
    engine = make_engine(db_url)
    try:
        migrate(engine)
        migrate(engine)  # running again is a no-op
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_postgres_url_without_driver_uses_psycopg():
    from center.db import normalise_url

    assert normalise_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_add_clerk_to_a_center_without_demo_data(tmp_path, monkeypatch, capsys, catalog):
    import io

    from fastapi.testclient import TestClient

    from center.app import create_app
    from center.cli import main

    url = f"sqlite:///{tmp_path / 'real.db'}"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    args = ["add-clerk", "--db", url, "wang", "--name", "王丽", "--area-prefix", "610113"]
    assert main([*args, "--password-stdin"]) == 0
    assert "已添加窗口人员 wang" in capsys.readouterr().out

    for bad_args, stdin, message in (
        (args, "another-pass\n", "已存在"),
        (["add-clerk", "--db", url, "li", "--name", "李"], "short\n", "至少 8 位"),
        (
            ["add-clerk", "--db", url, "li", "--name", "李", "--area-prefix", "61"],
            "longenough\n",
            "6 位数字",
        ),
        (["add-clerk", "--db", url, "a b", "--name", "李"], "longenough\n", "用户名"),
        (
            ["add-clerk", "--db", url, "li", "--name", "李", "--windows", "W 1"],
            "longenough\n",
            "窗口编号",
        ),
    ):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        assert main([*bad_args, "--password-stdin"]) == 2
        assert message in capsys.readouterr().err

    app = create_app(url, seed_demo=False, catalog=catalog, blob_dir=tmp_path / "blobs")
    try:
        with TestClient(app) as client:
            demo = {"username": "clerk01", "password": "demo1234", "window_id": "W01"}
            assert client.post("/api/v1/sessions", json=demo).status_code == 401
            real = {"username": "wang", "password": "s3cret-pass", "window_id": "W09"}
            r = client.post("/api/v1/sessions", json=real)
            assert r.status_code == 201 and r.json()["clerk"]["name"] == "王丽"
            headers = {"Authorization": "Bearer " + r.json()["token"]}
            # The holiday calendar is real data: seeded even without the demo.
            assert client.get("/api/v1/calendar/2026", headers=headers).status_code == 200
            licences = client.get("/api/v1/licences?holder_id=610104199001011234", headers=headers)
            assert licences.json() == {"licences": []}
        monkeypatch.setattr("sys.stdin", io.StringIO("approver-pass\n"))
        boss = ["add-clerk", "--db", url, "chen", "--name", "陈", "--role", "approver"]
        assert main([*boss, "--windows", "S01", "--password-stdin"]) == 0
        with TestClient(app) as client:
            login = {"username": "chen", "password": "approver-pass", "window_id": "W01"}
            assert client.post("/api/v1/sessions", json=login).status_code == 403
            r = client.post("/api/v1/sessions", json={**login, "window_id": "S01"})
            assert r.status_code == 201 and r.json()["clerk"]["role"] == "approver"
    finally:
        app.state.center.engine.dispose()


@pytest.mark.realstack
def test_desk_center_serve_on_postgresql(postgres, tmp_path):
    # A plain postgresql:// URL, as an administrator would type it, must reach psycopg 3.
    url = postgres.create_database().replace("postgresql+psycopg://", "postgresql://")
    port = _free_port()
    proc = subprocess.Popen(
        [
            *_command(),
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--blob-dir",
            str(tmp_path / "blobs"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        login = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                login = httpx.post(
                    f"http://127.0.0.1:{port}/api/v1/sessions",
                    json={"username": "clerk02", "password": "demo1234", "window_id": "W02"},
                    timeout=60,
                )
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert login is not None and login.status_code == 201, "desk-center did not answer"
        assert (tmp_path / "blobs" / "objects").is_dir()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
