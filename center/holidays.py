"""Public-holiday tables (节假日安排) seeded into a fresh center database.

2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.
2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日发布）.
2027: not published when this table was written. Only the statutory holidays of the
      全国年节及纪念日放假办法 (2024 revision) are listed, on their 2027 dates, without any
      bridging or adjusted working weekends; replace it when the State Council publishes the
      2027 notice (the center serves whatever is in its calendar table).
"""

from __future__ import annotations

from datetime import date, timedelta

HOLIDAY = "holiday"
ADJUSTED_WORKDAY = "adjusted_workday"

# (first day off, last day off, name, [adjusted working days])
_Block = tuple[date, date, str, list[date]]

_TABLES: dict[int, list[_Block]] = {
    2025: [
        (date(2025, 1, 1), date(2025, 1, 1), "元旦", []),
        (date(2025, 1, 28), date(2025, 2, 4), "春节", [date(2025, 1, 26), date(2025, 2, 8)]),
        (date(2025, 4, 4), date(2025, 4, 6), "清明节", []),
        (date(2025, 5, 1), date(2025, 5, 5), "劳动节", [date(2025, 4, 27)]),
        (date(2025, 5, 31), date(2025, 6, 2), "端午节", []),
        (
            date(2025, 10, 1),
            date(2025, 10, 8),
            "国庆节、中秋节",
            [date(2025, 9, 28), date(2025, 10, 11)],
        ),
    ],
    2026: [
        (date(2026, 1, 1), date(2026, 1, 3), "元旦", [date(2026, 1, 4)]),
        (date(2026, 2, 15), date(2026, 2, 23), "春节", [date(2026, 2, 14), date(2026, 2, 28)]),
        (date(2026, 4, 4), date(2026, 4, 6), "清明节", []),
        (date(2026, 5, 1), date(2026, 5, 5), "劳动节", [date(2026, 5, 9)]),
        (date(2026, 6, 19), date(2026, 6, 21), "端午节", []),
        (date(2026, 9, 25), date(2026, 9, 27), "中秋节", []),
        (date(2026, 10, 1), date(2026, 10, 7), "国庆节", [date(2026, 9, 20), date(2026, 10, 10)]),
    ],
    # Statutory days only (see module doc): 元旦 1, 春节 4 (除夕–初三), 清明 1, 劳动节 2,
    # 端午 1, 中秋 1, 国庆 3.
    2027: [
        (date(2027, 1, 1), date(2027, 1, 1), "元旦", []),
        (date(2027, 2, 5), date(2027, 2, 8), "春节", []),
        (date(2027, 4, 5), date(2027, 4, 5), "清明节", []),
        (date(2027, 5, 1), date(2027, 5, 2), "劳动节", []),
        (date(2027, 6, 9), date(2027, 6, 9), "端午节", []),
        (date(2027, 9, 15), date(2027, 9, 15), "中秋节", []),
        (date(2027, 10, 1), date(2027, 10, 3), "国庆节", []),
    ],
}


def holiday_rows() -> list[tuple[date, str, str]]:
    """Every (date, kind, name) exception of the seeded years, sorted by date."""
    rows: list[tuple[date, str, str]] = []
    for blocks in _TABLES.values():
        for first, last, name, workdays in blocks:
            day = first
            while day <= last:
                rows.append((day, HOLIDAY, name))
                day += timedelta(days=1)
            rows.extend((w, ADJUSTED_WORKDAY, f"{name}调休上班") for w in workdays)
    return sorted(rows)


def seeded_years() -> list[int]:
    return sorted(_TABLES)
