"""GET /health (liveness: the process answers; no database) and GET /ready (readiness: the
database answers, its schema is this version's, the keys open): what a load balancer or
systemd watchdog asks, without authentication."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from center.context import CenterContext, get_context
from center.db import MIGRATIONS
from center.problems import Problem

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("counter-desk")
    except PackageNotFoundError:
        return "0+unknown"


def _head() -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


@router.get("/health")
def health() -> dict:
    return {"status": "ok", "version": _version()}


@router.get("/ready")
def ready(ctx: CenterContext = Depends(get_context)) -> dict:  # noqa: B008
    try:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError:
        raise Problem(503, "not-ready", "数据库暂不可用", headers={"Retry-After": "5"}) from None
    if current != _head():
        raise Problem(503, "not-ready", f"数据库结构版本 {current} 与程序不符，请先升级")
    return {"status": "ready", "version": _version(), "schema": current}
