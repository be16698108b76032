"""``create_app``: the reference acceptance center as a FastAPI application (API v1).

Building the app migrates the database (Alembic), seeds the holiday calendar and, unless
told otherwise, the demo clerks, licences and pre-applications. Nothing is global: each app
carries its own engine, catalog, clock and blob folder in ``app.state.center``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from center import problems
from center.blob_store import BlobStore
from center.body_limits import BodyLimits
from center.context import CenterContext
from center.crash_guard import CrashGuard
from center.db import make_engine, migrate, normalise_url, read_session_factory, session_factory
from center.field_crypto import CenterKeys, load_keys
from center.personal_fields import seal_clear_rows
from center.routers import (
    blobs,
    calendar,
    case_events,
    case_lookup,
    cases,
    catalog,
    evaluations,
    health,
    licences,
    pre_applications,
    queue,
    sessions,
)
from center.routers.catalog import publish, remember_version
from center.seed import seed_calendar
from center.seed import seed_demo as seed_demo_data
from center.timekeeping import Clock, system_clock

API_PREFIX = "/api/v1"
log = logging.getLogger(__name__)
ROUTERS = (
    health,
    sessions,
    catalog,
    calendar,
    licences,
    pre_applications,
    blobs,
    cases,
    case_lookup,
    case_events,
    evaluations,
    queue,
)


def default_blob_dir(db_url: str) -> Path:
    """Next to a SQLite file (``center.db`` → ``center.db.blobs``), else in the cwd."""
    url = make_url(normalise_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db_file = Path(url.database)
        return db_file.with_name(db_file.name + ".blobs")
    return Path("desk-center-blobs")


def _load_default_catalog() -> Any:
    from forms.catalog import load_catalog  # the sample catalog shipped in resources/

    return load_catalog()


def create_app(
    db_url: str,
    *,
    seed_demo: bool = True,
    catalog: Any = None,
    clock: Clock | None = None,
    blob_dir: Path | None = None,
    password_hasher: PasswordHasher | None = None,
    keys: CenterKeys | None = None,
    key_file: Path | None = None,
    prepare: bool = True,
) -> FastAPI:
    """Build a center on ``db_url`` (migrated and seeded on the way).

    ``catalog`` defaults to the sample catalog of ``forms``; ``clock`` to the system clock;
    ``blob_dir`` to a folder next to a SQLite file; ``password_hasher`` to argon2-cffi's
    recommended Argon2id parameters (tests pass cheaper ones: the hash is still Argon2id);
    ``keys`` (personal-field encryption, lookup hashes) to ``key_file``, the keyring, or a
    key file generated beside the blob folder (demo/test only, see ``center.field_crypto``).
    """
    engine = make_engine(db_url)
    if prepare:  # once per center: `serve --workers N` prepares before starting workers
        migrate(engine)
    sessions_ = session_factory(engine)
    catalog = catalog if catalog is not None else _load_default_catalog()
    problems_found = len(getattr(catalog, "errors", ()) or ())
    if problems_found:
        # forms skips broken items and lists why; the center serves the rest.
        log.warning("catalog loaded with %d problem(s); those items are not served", problems_found)
    blob_root = Path(blob_dir) if blob_dir else default_blob_dir(db_url)
    if keys is None:
        keys = load_keys(key_file, blob_root.with_name(blob_root.name + ".keys.json"))
    ctx = CenterContext(
        engine=engine,
        sessions=sessions_,
        reads=read_session_factory(engine),
        catalog=catalog,
        clock=clock or system_clock,
        blobs=BlobStore(blob_root),
        keys=keys,
        published_catalog=publish(catalog),
        hasher=password_hasher or PasswordHasher(),
    )
    if prepare:
        seed_calendar(sessions_)
        if seed_demo:
            seed_demo_data(ctx.sessions, ctx.hasher, ctx.keys)
        with ctx.sessions.begin() as db:
            resealed = seal_clear_rows(db, ctx.keys)
        if resealed:
            log.warning("sealed %d stored row(s) holding personal fields in clear", resealed)
        remember_version(ctx.sessions, ctx.published_catalog, ctx.clock())

    app = FastAPI(
        title="Counter Desk acceptance center (综窗受理中心参考实现)",
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # Swagger UI loads scripts from a CDN; halls are often offline
        redoc_url=None,
    )
    app.state.center = ctx
    problems.install(app)
    app.add_middleware(BodyLimits)
    app.add_middleware(CrashGuard)  # outermost of ours: no traceback reaches the log
    for module in ROUTERS:
        app.include_router(module.router, prefix=API_PREFIX)
    return app
