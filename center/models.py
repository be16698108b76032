"""SQLAlchemy 2 models of the reference center. The schema itself is owned by the Alembic
migrations in ``center/migrations``; keep both in step (a test compares them)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend.

    SQLite has no time zones: it would store a +08:00 time as written and hand it back
    naive, silently eight hours off. Storing UTC and re-attaching UTC on the way out keeps
    both backends identical.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the center database")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's documented class attribute
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Clerk(Base):
    __tablename__ = "clerks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    area_prefix: Mapped[str] = mapped_column(String(12))
    role: Mapped[str] = mapped_column(String(20), server_default="clerk")
    hall_id: Mapped[str] = mapped_column(String(32), server_default="H01")
    # Windows the clerk may sign in at; "*" = any window of the hall (see center.roles).
    windows: Mapped[list[Any]] = mapped_column(JSON, server_default='["*"]')


class ClerkSession(Base):
    __tablename__ = "clerk_sessions"
    # Only a SHA-256 of the bearer token is stored, so a leaked table grants no session.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    window_id: Mapped[str] = mapped_column(String(32))
    hall_id: Mapped[str] = mapped_column(String(32), server_default="H01")
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    clerk: Mapped[Clerk] = relationship(lazy="joined")


class CalendarDay(Base):
    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(64))


class Licence(Base):
    __tablename__ = "licences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder_id: Mapped[str] = mapped_column(String(32), index=True)
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    number: Mapped[str] = mapped_column(String(64))
    holder_name: Mapped[str] = mapped_column(String(128))
    issuer: Mapped[str] = mapped_column(String(128))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    level: Mapped[str] = mapped_column(String(1))
    fields: Mapped[dict[str, Any]]


class PreApplication(Base):
    __tablename__ = "pre_applications"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    applicant: Mapped[dict[str, Any]]
    item_codes: Mapped[list[Any]]
    form: Mapped[dict[str, Any]]
    submitted_at: Mapped[datetime]


class Blob(Base):
    """A complete, digest-verified blob; its bytes live in the blob folder, not here."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    completed_at: Mapped[datetime]


class DailySequence(Base):
    """Counters handed out atomically (case numbers, queue tickets) per scope and day."""

    __tablename__ = "daily_sequences"
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class IdempotentRequest(Base):
    """The first answer given for an Idempotency-Key, replayed for a repeat of it."""

    __tablename__ = "idempotent_requests"
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class Case(Base):
    __tablename__ = "cases"
    # Keyset pages of a window's cases, newest first; "changed since" for the desk's refresh.
    __table_args__ = (
        Index("ix_cases_window_received", "hall_id", "window_id", "received_at", "id"),
        Index("ix_cases_window_updated", "window_id", "updated_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    provisional_number: Mapped[str] = mapped_column(String(64))
    window_id: Mapped[str] = mapped_column(String(32))
    hall_id: Mapped[str] = mapped_column(String(32), server_default="H01", index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    ticket_number: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(String(20))
    promised_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_at: Mapped[datetime]
    # Last change of status (the desk's refresh asks for cases changed since its last look).
    updated_at: Mapped[datetime]
    body: Mapped[dict[str, Any]]
    events: Mapped[list[CaseEvent]] = relationship(
        order_by="CaseEvent.id", cascade="all, delete-orphan", lazy="selectin"
    )
    deferred: Mapped[list[DeferredMaterial]] = relationship(
        order_by="DeferredMaterial.id", cascade="all, delete-orphan", lazy="selectin"
    )


class CaseEvent(Base):
    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    # The back-office event that made this entry (center.case_life.EVENTS), "" for filing.
    event: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # the username of who posted it
    actor: Mapped[str] = mapped_column(String(64), default="", server_default="")
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class DeferredMaterial(Base):
    """A 容缺 material of a case: owed by ``due_date``, ``received_at`` once supplied."""

    __tablename__ = "deferred_materials"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    material_code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(128))
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Supplement(Base):
    __tablename__ = "supplements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    material_code: Mapped[str] = mapped_column(String(64))
    blobs: Mapped[list[Any]]
    received_at: Mapped[datetime]


class Evaluation(Base):
    __tablename__ = "evaluations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # One rating per case (好差评: the applicant rates a case once).
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True, unique=True)
    overall: Mapped[int] = mapped_column(Integer)
    efficiency: Mapped[int | None] = mapped_column(Integer, nullable=True)
    competence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attitude: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    created_at: Mapped[datetime]


class QueueTicket(Base):
    __tablename__ = "queue_tickets"
    __table_args__ = (UniqueConstraint("day", "ticket"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    ticket: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # waiting, called, skipped
    window_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    hall_id: Mapped[str] = mapped_column(String(32), server_default="H01", index=True)
    issued_at: Mapped[datetime]
    called_at: Mapped[datetime | None] = mapped_column(nullable=True)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
