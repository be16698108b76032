"""Working-day arithmetic for legal and promised time limits (承诺时限 / 法定时限).

A day is a working day when it is Monday–Friday and not a public holiday, or when it is an
adjusted working weekend day (调休上班). The exceptions come from the center's calendar
(``GET /calendar/{year}``) because the State Council publishes holiday tables one year at a
time; this module only does the arithmetic and imports nothing of the project.

Time limits count *from the day after* acceptance, as administrative practice does:
``add_working_days(d, 1)`` is the first working day after ``d``; ``n == 0`` means 即办
(settled the same day) and returns ``d`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

HOLIDAY = "holiday"
ADJUSTED_WORKDAY = "adjusted_workday"
_KINDS = (HOLIDAY, ADJUSTED_WORKDAY)


class CalendarError(ValueError):
    """Calendar data that cannot be used (bad date, unknown kind, contradictory entries)."""


@dataclass(frozen=True)
class CalendarException:
    day: date
    kind: str  # HOLIDAY or ADJUSTED_WORKDAY
    name: str = ""


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends off, holidays off, adjusted working weekends on.

    ``known_years`` lists the years whose exceptions were supplied; arithmetic reaching into
    another year still works (plain Mon–Fri) but ``covers`` lets a caller warn about it.
    """

    holidays: frozenset[date] = field(default_factory=frozenset)
    adjusted_workdays: frozenset[date] = field(default_factory=frozenset)
    known_years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.holidays & self.adjusted_workdays
        if both:
            first = min(both).isoformat()
            raise CalendarError(f"日历数据矛盾：{first} 既是节假日又是调休上班日")

    @classmethod
    def from_exceptions(
        cls, exceptions: Iterable[CalendarException], known_years: Iterable[int] = ()
    ) -> WorkingCalendar:
        holidays: set[date] = set()
        workdays: set[date] = set()
        years = set(known_years)
        for item in exceptions:
            if item.kind == HOLIDAY:
                holidays.add(item.day)
            elif item.kind == ADJUSTED_WORKDAY:
                workdays.add(item.day)
            else:
                raise CalendarError(f"未知的日历类型：{item.kind!r}")
        return cls(frozenset(holidays), frozenset(workdays), frozenset(years))

    @classmethod
    def from_api(cls, years: Iterable[Mapping[str, object]]) -> WorkingCalendar:
        """Build from the center's ``/calendar/{year}`` answers (one mapping per year)."""
        exceptions: list[CalendarException] = []
        known: list[int] = []
        for year_doc in years:
            year = year_doc.get("year")
            days = year_doc.get("days")
            if not isinstance(year, int) or not isinstance(days, list):
                raise CalendarError("日历数据格式不正确：缺少 year 或 days")
            known.append(year)
            for entry in days:
                if not isinstance(entry, Mapping):
                    raise CalendarError("日历数据格式不正确：日期项不是对象")
                raw, kind, name = entry.get("date"), entry.get("kind"), entry.get("name", "")
                try:
                    day = date.fromisoformat(str(raw))
                except ValueError as exc:
                    raise CalendarError(f"日历数据中的日期无法识别：{raw!r}") from exc
                if kind not in _KINDS:
                    raise CalendarError(f"未知的日历类型：{kind!r}")
                exceptions.append(CalendarException(day, str(kind), str(name or "")))
        return cls.from_exceptions(exceptions, known)

    def covers(self, day: date) -> bool:
        return day.year in self.known_years

    def is_working_day(self, day: date) -> bool:
        if day in self.adjusted_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``n == 0`` → ``start``)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        # Whole weeks first would be faster, but holiday tables make the day walk the
        # simplest correct form; legal limits are at most a few hundred days.
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in the half-open interval (start, end]; negative when end < start.

        The inverse of ``add_working_days``: ``working_days_between(d, add_working_days(d, n))
        == n``. Used for "days left" / overdue warnings.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count
