from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms.working_days import (
    ADJUSTED_WORKDAY,
    HOLIDAY,
    CalendarError,
    CalendarException,
    WorkingCalendar,
)


def _range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# The 2025 National Day / Mid-Autumn block as published (国办发明电〔2024〕12号):
# 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
NATIONAL_DAY_2025 = WorkingCalendar.from_exceptions(
    [
        CalendarException(d, HOLIDAY, "国庆节、中秋节")
        for d in _range(date(2025, 10, 1), date(2025, 10, 8))
    ]
    + [
        CalendarException(date(2025, 9, 28), ADJUSTED_WORKDAY, "国庆节、中秋节调休"),
        CalendarException(date(2025, 10, 11), ADJUSTED_WORKDAY, "国庆节、中秋节调休"),
    ],
    known_years=[2025],
)


def test_weekend_holiday_and_adjusted_workday():
    cal = NATIONAL_DAY_2025
    assert cal.is_working_day(date(2025, 9, 26))  # Friday
    assert not cal.is_working_day(date(2025, 9, 27))  # Saturday
    assert cal.is_working_day(date(2025, 9, 28))  # Sunday, adjusted workday
    assert not cal.is_working_day(date(2025, 10, 1))  # Wednesday, holiday
    assert cal.is_working_day(date(2025, 10, 11))  # Saturday, adjusted workday
    assert cal.covers(date(2025, 6, 1)) and not cal.covers(date(2026, 6, 1))


def test_add_working_days_skips_the_golden_week():
    cal = NATIONAL_DAY_2025
    assert cal.add_working_days(date(2025, 9, 30), 0) == date(2025, 9, 30)
    assert cal.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert cal.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert cal.add_working_days(date(2025, 9, 30), 4) == date(2025, 10, 13)
    assert cal.add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)


def test_working_days_between_counts_half_open_interval():
    cal = NATIONAL_DAY_2025
    assert cal.working_days_between(date(2025, 9, 30), date(2025, 10, 9)) == 1
    assert cal.working_days_between(date(2025, 10, 9), date(2025, 9, 30)) == -1
    assert cal.working_days_between(date(2025, 10, 1), date(2025, 10, 1)) == 0


def test_negative_n_is_rejected():
    with pytest.raises(ValueError):
        WorkingCalendar().add_working_days(date(2025, 1, 1), -1)


def test_contradictory_data_is_a_typed_error():
    with pytest.raises(CalendarError, match="矛盾"):
        WorkingCalendar.from_exceptions(
            [
                CalendarException(date(2025, 1, 1), HOLIDAY),
                CalendarException(date(2025, 1, 1), ADJUSTED_WORKDAY),
            ]
        )


def test_from_api_reads_the_center_shape():
    cal = WorkingCalendar.from_api(
        [
            {
                "year": 2026,
                "days": [
                    {"date": "2026-01-01", "kind": "holiday", "name": "元旦"},
                    {"date": "2026-01-04", "kind": "adjusted_workday", "name": "元旦调休"},
                ],
            }
        ]
    )
    assert not cal.is_working_day(date(2026, 1, 1))
    assert cal.is_working_day(date(2026, 1, 4))
    assert cal.known_years == frozenset({2026})


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
calendars = st.builds(
    lambda hol, work: WorkingCalendar(frozenset(hol - work), frozenset(work)),
    st.sets(days, max_size=40),
    st.sets(days, max_size=10),
)


@given(calendars, days, st.integers(min_value=0, max_value=300))
def test_add_then_count_round_trips(cal, start, n):
    end = cal.add_working_days(start, n)
    assert end >= start
    assert cal.working_days_between(start, end) == n
    if n:
        assert cal.is_working_day(end)


@given(calendars, days, days)
def test_between_is_antisymmetric(cal, a, b):
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(st.lists(json_values, max_size=3))
def test_from_api_gives_a_calendar_or_a_calendar_error(docs):
    try:
        docs = [d for d in docs if isinstance(d, dict)]
        WorkingCalendar.from_api(docs)
    except CalendarError:
        pass


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "date": st.one_of(st.text(max_size=12), days.map(date.isoformat)),
                "kind": st.sampled_from(["holiday", "adjusted_workday", "other", ""]),
                "name": st.text(max_size=5),
            }
        ),
        max_size=6,
    )
)
def test_from_api_fuzzed_day_entries(entries):
    try:
        cal = WorkingCalendar.from_api([{"year": 2026, "days": entries}])
    except CalendarError:
        return
    for entry in entries:
        day = date.fromisoformat(entry["date"])
        assert cal.is_working_day(day) == (entry["kind"] == "adjusted_workday")
