"""``desk-center serve --workers N``: each uvicorn worker process builds its app here.

The parent process has already migrated and seeded the database (``create_app`` with
``prepare``); workers only connect (``prepare=False``), so N processes never race on a
migration. Everything they share lives in PostgreSQL: sessions, login counters, lookups,
idempotency records, counters (``INSERT … ON CONFLICT … RETURNING`` row locks), catalog
versions. Blobs live in one folder that all workers see (verified files are renamed into
place atomically); SQLite is refused for N > 1, as its single writer lock would make the
extra processes wait on each other.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

ENV_DB, ENV_BLOBS, ENV_KEYS = "DESK_CENTER_DB", "DESK_CENTER_BLOB_DIR", "DESK_CENTER_KEY_FILE"


def app_from_env() -> FastAPI:
    from center import access_log
    from center.app import create_app

    access_log.install()  # in each worker, after uvicorn configured its logging
    key_file = os.environ.get(ENV_KEYS)
    return create_app(
        os.environ[ENV_DB],
        blob_dir=Path(os.environ[ENV_BLOBS]),
        key_file=Path(key_file) if key_file else None,
        prepare=False,
    )
