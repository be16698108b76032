"""GET /health: liveness and database reachability, without authentication."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.orm import Session

from center.context import db_session

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("counter-desk")
    except PackageNotFoundError:
        return "0+unknown"


@router.get("/health")
def health(db: Session = Depends(db_session)) -> dict:  # noqa: B008
    db.execute(text("SELECT 1"))
    return {"status": "ok", "version": _version()}
