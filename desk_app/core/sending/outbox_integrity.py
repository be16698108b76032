"""Checks made before the outbox database is trusted, and setting aside what it cannot explain.

An emptied, missing or damaged ``outbox.sqlite3`` must never open as a fresh, empty queue:
the cases that were waiting would be silently lost and their material files deleted as
strays. So the install remembers that it has held data (a marker file here and one beside
the data key), the file is checked before SQLite opens it, and ``desk-app outbox recover``
rebuilds the queue from the sealed records. Files nobody can account for are moved into
``set-aside/`` — never deleted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from desk_app.core.sending.outbox_entries import OutboxError

DB_NAME = "outbox.sqlite3"
HELD_MARKER_NAME = "held-data"
SET_ASIDE_DIR = "set-aside"
SQLITE_HEADER = b"SQLite format 3\x00"
RECOVER_HINT = (
    "请勿删除 outbox 文件夹，联系技术人员运行“desk-app outbox recover”从已封存的记录恢复队列。"
)


class OutboxDamagedError(OutboxError):
    """The queue database is missing or damaged; nothing was deleted or overwritten."""

    def __init__(self, what: str) -> None:
        super().__init__(f"待发送队列数据库{what}，为防止办件丢失已拒绝打开。{RECOVER_HINT}")
        self.what = what


def held_marker(root: Path) -> Path:
    return root / HELD_MARKER_NAME


def write_held_marker(root: Path) -> None:
    marker = held_marker(root)
    if marker.exists():
        return
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.write(fd, b"this outbox has held sealed cases\n")
        os.fsync(fd)
    finally:
        os.close(fd)


def check_database_file(root: Path, *, held_data: bool) -> None:
    """Refuse a database that is not there, empty, or not SQLite, when data was expected."""
    db = root / DB_NAME
    leftovers = [p for p in (root / f"{DB_NAME}-wal", root / f"{DB_NAME}-shm") if p.exists()]
    if not db.exists():
        if held_data or leftovers:
            raise OutboxDamagedError("文件丢失")
        return
    size = db.stat().st_size
    if size == 0:
        if held_data or any(p.stat().st_size > 0 for p in leftovers):
            raise OutboxDamagedError("文件为空（0 字节）")
        return
    with open(db, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise OutboxDamagedError("文件头已损坏")


def check_database_contents(conn: sqlite3.Connection) -> None:
    """SQLite's own page-by-page check (truncation, overwritten pages, broken indexes)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise OutboxDamagedError("内容已损坏") from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        raise OutboxDamagedError("内容已损坏")


def set_aside(root: Path, files: list[Path]) -> Path | None:
    """Move files the database cannot account for into ``set-aside/<time>/``, keeping paths."""
    if not files:
        return None
    target = root / SET_ASIDE_DIR / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    for path in files:
        dest = target / path.relative_to(root)
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.move(str(path), str(dest))
    return target


def set_aside_files(root: Path) -> list[Path]:
    """Every file under ``set-aside/`` (recover looks there for material it needs)."""
    base = root / SET_ASIDE_DIR
    return [p for p in base.rglob("*") if p.is_file()] if base.exists() else []
