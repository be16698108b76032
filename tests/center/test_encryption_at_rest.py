"""Personal fields are encrypted at rest: neither the SQLite file nor any PostgreSQL row
holds a name, ID number, phone or address in clear, yet the API answers with them; rows
written before encryption are sealed at the next start; keys rotate by rewrapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from center.app import create_app
from center.field_crypto import CenterKeys, KeyError_
from center.models import Base
from center.personal_fields import rewrap_all
from tests.center.conftest import APPLICANT_ID, case_body

SECRETS = [
    APPLICANT_ID,  # 张伟: the case's applicant and a demo licence holder
    "张伟",
    "13800138000",
    "陕西省西安市莲湖区西大街1号",
    "610113198807150024",  # 王芳: pre-application and licences
    "王芳",
    "610112195206080040",  # 赵秀英: pre-application
    "赵秀英",
    "代办人甲",  # the agent, with 刘建国's ID number
    "61010319750320003X",
]


def _forms(value: str) -> list[bytes]:
    """The ways a value can sit in a database: UTF-8, and JSON's \\u escapes."""
    return [value.encode(), json.dumps(value).strip('"').encode(), value.encode("utf-16-le")]


def _assert_nowhere(blob: bytes, where: str) -> None:
    for secret in SECRETS:
        for form in _forms(secret):
            assert form not in blob, f"{secret!r} in clear in {where}"


def _file_case(center) -> None:
    body = case_body(
        agent={
            "name": "代办人甲",
            "id_type": "resident",
            "id_number": "61010319750320003X",
            "relation": "亲属",
        },
    )
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 201, r.text


def _all_rows_as_text(engine) -> bytes:
    out = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(text(f"SELECT * FROM {table.name}")):
                out.append(repr(tuple(row)))
    return "\n".join(out).encode()


def test_nothing_personal_in_clear_and_the_api_still_answers(center, db_url):
    _file_case(center)
    # The API opens what it sealed.
    pre = center.get("/pre-applications/YS2026DEMO01R").json()
    assert pre["applicant"]["name"] == "王芳" and pre["form"]["father.name"] == "张伟"
    lic = center.get("/licences", params={"holder_id": APPLICANT_ID}).json()["licences"]
    assert lic and {x["holder_name"] for x in lic} == {"张伟"}
    engine = center.app.state.center.engine
    _assert_nowhere(_all_rows_as_text(engine), "a row")
    if db_url.startswith("sqlite"):
        engine.dispose()  # checkpoints the WAL into the file
        path = Path(db_url.removeprefix("sqlite:///"))
        raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        assert raw
        _assert_nowhere(raw, "the SQLite file")


def test_rows_written_in_clear_are_sealed_at_the_next_start(db_url, tmp_path, catalog, hasher):
    app = create_app(db_url, blob_dir=tmp_path / "b", catalog=catalog, password_hasher=hasher)
    engine = app.state.center.engine
    with engine.begin() as conn:  # as an older center version wrote them
        conn.execute(
            text(
                "INSERT INTO licences (type, name, number, holder_name, holder_id, issuer,"
                " issued_on, level, fields) VALUES ('hukou', '居民户口簿', 'N1', '赵秀英',"
                " '610112195206080040', '公安局', '2020-01-01', 'A', '{}')"
            )
        )
    engine.dispose()
    again = create_app(db_url, blob_dir=tmp_path / "b", catalog=catalog, password_hasher=hasher)
    try:
        _assert_nowhere(_all_rows_as_text(again.state.center.engine), "a row after the start")
        from fastapi.testclient import TestClient

        with TestClient(again) as client:
            token = client.post(
                "/api/v1/sessions",
                json={"username": "clerk01", "password": "demo1234", "window_id": "W01"},
            ).json()["token"]
            found = client.get(
                "/api/v1/licences",
                params={"holder_id": "610112195206080040"},
                headers={"Authorization": f"Bearer {token}"},
            ).json()["licences"]
        assert "N1" in {x["number"] for x in found}
    finally:
        again.state.center.engine.dispose()


def test_rotation_rewraps_so_the_old_key_can_go(center):
    _file_case(center)
    ctx = center.app.state.center
    rotated = ctx.keys.with_new_active("k2")
    with ctx.sessions.begin() as db:
        assert rewrap_all(db, rotated) >= 5  # the case, 2 pre-applications × 2, licences
    only_new = CenterKeys("k2", {"k2": rotated.keks["k2"]}, rotated.lookup_key)
    ctx.keys = only_new
    assert center.get("/pre-applications/YS2026DEMO02P").json()["applicant"]["name"] == "赵秀英"
    lic = center.get("/licences", params={"holder_id": APPLICANT_ID}).json()["licences"]
    assert {x["holder_name"] for x in lic} == {"张伟"}


def test_a_sealed_value_opens_only_where_it_was_sealed():
    keys = CenterKeys.generate()
    envelope = keys.seal({"name": "张伟"}, "cases:A:body")
    assert keys.open(envelope, "cases:A:body") == {"name": "张伟"}
    with pytest.raises(KeyError_, match="解密失败"):
        keys.open(envelope, "cases:B:body")  # moved to another row
    with pytest.raises(KeyError_, match="解密失败"):
        CenterKeys.generate().open(envelope, "cases:A:body")  # another center's key
    tampered = {**envelope, "ct": envelope["ct"][:-4] + "AAAA"}
    with pytest.raises(KeyError_):
        keys.open(tampered, "cases:A:body")
    with pytest.raises(KeyError_, match="格式不正确"):
        CenterKeys.from_json('{"active": "k1"}')
    assert CenterKeys.from_json(keys.to_json()).open(envelope, "cases:A:body") == {"name": "张伟"}


def test_lookup_hash_is_keyed_and_normalised():
    a, b = CenterKeys.generate(), CenterKeys.generate()
    assert a.lookup_hash("holder", "61010319750320003x ") == a.lookup_hash(
        "holder", "61010319750320003X"
    )
    assert a.lookup_hash("holder", APPLICANT_ID) != b.lookup_hash("holder", APPLICANT_ID)
    assert APPLICANT_ID not in a.lookup_hash("holder", APPLICANT_ID)


def test_keys_init_and_rotate_commands(tmp_path, sqlite_template, capsys):
    import shutil
    import stat

    from center.cli import main

    db = tmp_path / "center.db"
    shutil.copyfile(sqlite_template, db)
    key_file = tmp_path / "keys.json"
    assert main(["keys", "init", "--key-file", str(key_file)]) == 0
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert main(["keys", "init", "--key-file", str(key_file)]) == 2  # never overwritten
    assert "未覆盖" in capsys.readouterr().err
    # The template was sealed with the session's keys: rotate from those.
    import os

    from center.field_crypto import KEY_FILE_ENV

    session_keys = Path(os.environ[KEY_FILE_ENV])
    shutil.copyfile(session_keys, key_file)
    assert main(["keys", "rotate", "--key-file", str(key_file), "--db", f"sqlite:///{db}"]) == 0
    assert "已启用新密钥 k2" in capsys.readouterr().out
    rotated = CenterKeys.from_json(key_file.read_text())
    assert rotated.active == "k2" and set(rotated.keks) == {"k1", "k2"}
    with sqlite3_rows(db) as rows:
        kids = {json.loads(r[0])["kid"] for r in rows}
    assert kids == {"k2"}


def sqlite3_rows(db: Path):
    import contextlib
    import sqlite3

    @contextlib.contextmanager
    def rows():
        conn = sqlite3.connect(db)
        try:
            yield conn.execute("SELECT sealed FROM licences").fetchall()
        finally:
            conn.close()

    return rows()
