"""Database access: engine for SQLite (default) or PostgreSQL (psycopg 3), Alembic
migrations run on start, and the atomic daily counters behind case numbers and tickets.

Two kinds of session share one connection pool: ``session_factory`` for requests that
write, ``read_session_factory`` for reads (the session check, status polls, lists). A read
never takes a write lock: on SQLite it opens a deferred transaction (a WAL snapshot, while
writers use ``BEGIN IMMEDIATE``); on PostgreSQL it runs in autocommit, so a poll costs its
SELECTs and no BEGIN/ROLLBACK round trips.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from center.models import DailySequence

MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(db_url: str) -> str:
    """Accept plain ``postgresql://`` URLs and route them to psycopg 3."""
    url = make_url(db_url)
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


READ_ONLY = "center_read_only"  # execution option of the reading engine
# Connections per process: enough for every request a worker runs at once (anyio's thread
# pool has 40 tokens, a request holds one connection at a time), so none is opened and
# closed per request. N workers need N x (POOL_SIZE + POOL_OVERFLOW) server connections.
POOL_SIZE, POOL_OVERFLOW = 16, 8


def make_engine(db_url: str) -> Engine:
    url = make_url(normalise_url(db_url))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _serialise_sqlite_writers(engine)
        return engine
    # No pool_pre_ping: it costs a round trip at every checkout (two per request). A
    # connection the server dropped fails its request once; SQLAlchemy then invalidates the
    # whole pool, and ``problems`` answers that request 503 with Retry-After, which the
    # desk's outbox retries.
    return create_engine(
        url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_recycle=1800, pool_use_lifo=True
    )


def reading_engine(engine: Engine) -> Engine:
    """The same pool, for reads: autocommit on PostgreSQL, a deferred BEGIN on SQLite."""
    options: dict[str, object] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    return engine.execution_options(**options)


def _serialise_sqlite_writers(engine: Engine) -> None:
    # pysqlite's own transaction handling starts transactions lazily and deferred, so two
    # writers can both read a counter and then fail to upgrade their locks. Taking the write
    # lock at BEGIN (IMMEDIATE) makes concurrent requests queue on the busy timeout instead;
    # WAL keeps readers of other connections unblocked.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Deleted rows are overwritten, not left readable in free pages (personal data).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # A reader's deferred BEGIN takes no lock: in WAL it reads a snapshot while one
        # writer works, so status polls and session checks never queue behind a submit.
        conn.exec_driver_sql(
            "BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE"
        )


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for reads only (see the module's docstring); a flush in one is refused."""
    factory = sessionmaker(reading_engine(engine), expire_on_commit=False, autoflush=False)

    @event.listens_for(factory, "before_flush")
    def _refuse(_session, _context, _instances):
        raise RuntimeError("a read-only center session was asked to write")

    return factory


def next_in_sequence(session: Session, scope: str, day: date) -> int:
    """Atomically take the next number of ``scope`` for ``day`` (1, 2, 3, ...).

    One INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement: PostgreSQL locks the row,
    SQLite holds the database write lock, so two concurrent requests never get the same
    number, and the number is only spent if the surrounding transaction commits.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(DailySequence).values(scope=scope, day=day, last=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[DailySequence.scope, DailySequence.day],
        set_={"last": DailySequence.last + 1},
    ).returning(DailySequence.last)
    return int(session.execute(stmt).scalar_one())
