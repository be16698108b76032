"""The center's notion of "now" and of the local (Beijing time) date.

A clock is any ``() -> aware datetime``; tests pass a fixed one. China has a single time zone
without daylight saving, so a fixed UTC+8 offset is exact and needs no tz database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

Clock = Callable[[], datetime]
BEIJING = timezone(timedelta(hours=8), "CST")


def system_clock() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; everything we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_date(moment: datetime) -> date:
    return aware(moment).astimezone(BEIJING).date()


def iso(moment: datetime) -> str:
    return aware(moment).astimezone(BEIJING).isoformat(timespec="seconds")
