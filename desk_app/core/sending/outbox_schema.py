"""The outbox's SQLite schema and connection settings.

WAL so readers (the outbox panel, ``desk-app outbox status``) never block the writer;
``synchronous=FULL`` so a committed seal survives power loss, not just a crash.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 2  # 2: kind 'case_event' (出件 / 邮寄 queued like a case)

ENTRIES_COLUMNS = """(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('case', 'supplement', 'evaluation', 'case_event')),
    parent_uuid TEXT,
    window_id TEXT NOT NULL,
    provisional_number TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'needs_attention')),
    sealed_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    official_number TEXT,
    center_status TEXT,
    promised_date TEXT,
    acknowledged_at TEXT,
    purged_at TEXT,
    payload BLOB
)"""

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries {ENTRIES_COLUMNS};
CREATE INDEX IF NOT EXISTS entries_state ON entries (state, seq);
CREATE INDEX IF NOT EXISTS entries_parent ON entries (parent_uuid);
CREATE TABLE IF NOT EXISTS entry_blobs (
    entry_uuid TEXT NOT NULL REFERENCES entries (uuid) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (entry_uuid, digest)
);
CREATE INDEX IF NOT EXISTS entry_blobs_digest ON entry_blobs (digest);
CREATE TABLE IF NOT EXISTS blobs (
    digest TEXT PRIMARY KEY,
    owner_uuid TEXT NOT NULL,
    size INTEGER NOT NULL,
    file_name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS daily_sequence (
    window_id TEXT NOT NULL,
    day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (window_id, day)
);
"""


def connect(db_path: Path) -> sqlite3.Connection:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, one writer at a time.
    conn = sqlite3.connect(
        str(db_path), isolation_level=None, check_same_thread=False, timeout=30.0
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    _allow_case_events(conn)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value=excluded.value",
        (str(SCHEMA_VERSION),),
    )


def _allow_case_events(conn: sqlite3.Connection) -> None:
    """A version-1 queue's CHECK refuses 'case_event': rebuild the table the way SQLite's
    manual says a constraint is changed (foreign keys off, copy, drop, rename, check), in
    one transaction, so a crash leaves the old table or the new one, never half."""
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type='table' AND name='entries'").fetchone()
    if "'case_event'" in sql:
        return
    conn.execute("PRAGMA foreign_keys=OFF")  # no effect inside a transaction: before BEGIN
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"CREATE TABLE entries_v2 {ENTRIES_COLUMNS}")
            conn.execute("INSERT INTO entries_v2 SELECT * FROM entries")
            conn.execute("DROP TABLE entries")
            conn.execute("ALTER TABLE entries_v2 RENAME TO entries")
            conn.execute("CREATE INDEX entries_state ON entries (state, seq)")
            conn.execute("CREATE INDEX entries_parent ON entries (parent_uuid)")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.DatabaseError("entry_blobs refer to missing entries")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
