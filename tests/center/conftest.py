"""Fixtures for the center's API tests: each test gets a fresh center on SQLite and on a
real PostgreSQL server (started once per session, see ``pg_server``)."""

from __future__ import annotations

import os
import shutil
import uuid as uuid_mod
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from center.app import create_app
from center.field_crypto import KEY_FILE_ENV, CenterKeys
from forms.catalog import load_catalog
from tests.support import pg_server

BEIJING = timezone(timedelta(hours=8))
# The day before the 2026 National Day holidays: promised dates must skip them.
START = datetime(2026, 9, 30, 10, 0, tzinfo=BEIJING)

ITEM_SOCIAL_CARD = "11610100MB0002345M20001200010000"  # 社会保障卡补领, promised 1 day
ITEM_ID_CARD = "11610100MB0001234L20001100010000"  # 居民身份证补领, promised 15 days
APPLICANT_ID = "610104199001011234"


class FakeClock:
    """A settable clock: tests move time to expire sessions or change the day."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now.astimezone(UTC)

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture(scope="session", autouse=True)
def center_keys(tmp_path_factory) -> Iterator[CenterKeys]:
    """One key file for every center of the session: the seeded templates are copied into
    each test's database, and their encrypted fields must open there (DESK_CENTER_KEY_FILE)."""
    keys = CenterKeys.generate()
    path = tmp_path_factory.mktemp("center-keys") / "keys.json"
    path.write_text(keys.to_json())
    previous = os.environ.get(KEY_FILE_ENV)
    os.environ[KEY_FILE_ENV] = str(path)
    yield keys
    if previous is None:
        os.environ.pop(KEY_FILE_ENV, None)
    else:
        os.environ[KEY_FILE_ENV] = previous


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.PgServer]:
    if pg_server.find_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed: run `make test` (installs apt-test.txt)")
    server = pg_server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def hasher() -> PasswordHasher:
    # Real Argon2id with small costs: the default costs take ~0.4 s a hash on a busy CI box.
    return PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def _build_template(url: str, catalog, hasher, blob_dir: Path) -> None:
    app = create_app(url, catalog=catalog, password_hasher=hasher, blob_dir=blob_dir)
    app.state.center.engine.dispose()  # checkpoints SQLite's WAL; frees the PG template


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory, catalog, hasher) -> Path:
    """A migrated and seeded SQLite file, copied for each test (faster than seeding)."""
    root = tmp_path_factory.mktemp("sqlite-template")
    _build_template(f"sqlite:///{root / 'template.db'}", catalog, hasher, root / "blobs")
    return root / "template.db"


@pytest.fixture(scope="session")
def postgres_template(postgres, catalog, hasher, tmp_path_factory) -> str:
    url = postgres.create_database()
    _build_template(url, catalog, hasher, tmp_path_factory.mktemp("pg-template-blobs"))
    return url.split("?")[0].rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.realstack)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        target = tmp_path / "center.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    server = request.getfixturevalue("postgres")
    return server.create_database(template=request.getfixturevalue("postgres_template"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@dataclass
class Center:
    client: TestClient
    app: Any
    clock: FakeClock
    headers: dict[str, str]

    def login(self, username: str = "clerk01", window: str = "W01") -> dict[str, str]:
        r = self.client.post(
            "/api/v1/sessions",
            json={"username": username, "password": "demo1234", "window_id": window},
        )
        assert r.status_code == 201, r.text
        return {"Authorization": f"Bearer {r.json()['token']}"}

    def get(self, path: str, **kw: Any):
        return self.client.get(
            "/api/v1" + path, headers={**self.headers, **kw.pop("headers", {})}, **kw
        )

    def post(self, path: str, body: Any = None, key: str | None = None, **kw: Any):
        headers = {**self.headers, **kw.pop("headers", {})}
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.post("/api/v1" + path, json=body, headers=headers, **kw)


@pytest.fixture
def center(db_url, tmp_path, clock, catalog, hasher) -> Iterator[Center]:
    app = create_app(
        db_url, clock=clock, blob_dir=tmp_path / "blobs", catalog=catalog, password_hasher=hasher
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        c = Center(client, app, clock, {})
        c.headers = c.login()
        yield c
    app.state.center.engine.dispose()


def case_body(**overrides: Any) -> dict[str, Any]:
    case_uuid = str(uuid_mod.uuid4())
    body: dict[str, Any] = {
        "uuid": case_uuid,
        "provisional_number": "W01-20260930-0001",
        "window_id": "W01",
        "ticket_number": "A001",
        "accepted_at": START.isoformat(),
        "items": [ITEM_SOCIAL_CARD],
        "applicant": {
            "kind": "person",
            "name": "张伟",
            "id_type": "resident",
            "id_number": APPLICANT_ID,
            "phone": "13800138000",
            "address": "陕西省西安市莲湖区西大街1号",
        },
        "agent": None,
        "form": {"applicant.name": "张伟", "social_card.reason": "遗失"},
        "materials": [
            {
                "item_code": ITEM_SOCIAL_CARD,
                "material_code": "IDCARD",
                "name": "居民身份证",
                "mode": "shared",
                "blobs": [],
                "pages": 0,
                "due_date": None,
                "licence_number": None,
            }
        ],
        "decision": {"kind": "accept", "reason": ""},
    }
    body.update(overrides)
    return body


def upload(center: Center, data: bytes) -> str:
    """Upload ``data`` in one PATCH; returns its digest."""
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    r = center.client.patch(
        f"/api/v1/blobs/{digest}",
        content=data,
        headers={
            **center.headers,
            "Upload-Offset": "0",
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert r.status_code == 204, r.text
    assert r.headers["Upload-Complete"] == "1"
    return digest
