"""A bug in a handler: the client gets a 500 problem document, the log one line with the
exception's type, and neither a traceback nor the value the exception quoted."""

from __future__ import annotations

import logging

from fastapi.testclient import TestClient

from center.app import create_app

SECRET = "610104199001011234"


def test_unhandled_exception_logs_its_type_only(tmp_path, catalog, hasher, caplog, capsys):
    app = create_app(
        f"sqlite:///{tmp_path / 'c.db'}",
        blob_dir=tmp_path / "b",
        catalog=catalog,
        password_hasher=hasher,
    )

    def broken() -> dict:
        raise ValueError(f"invalid literal for int() with base 10: '{SECRET}'")

    app.add_api_route("/api/v1/broken", broken)
    try:
        with caplog.at_level(logging.DEBUG), TestClient(app, raise_server_exceptions=True) as c:
            r = c.get("/api/v1/broken")  # raise_server_exceptions: nothing escapes the guard
        assert r.status_code == 500
        assert r.headers["content-type"] == "application/problem+json"
        assert SECRET not in r.text and "Traceback" not in r.text
        logged = "\n".join(rec.getMessage() for rec in caplog.records)
        assert "unhandled ValueError in center request GET" in logged
        assert SECRET not in logged and "Traceback" not in logged
        out = capsys.readouterr()
        assert SECRET not in out.out + out.err
    finally:
        app.state.center.engine.dispose()
