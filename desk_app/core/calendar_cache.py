"""The working-day calendar, fetched from the center a year at a time and kept on disk.

Holiday tables are published yearly, so the center is the source; the cached copy
keeps promised dates right while the counter is offline. Without any table the
calendar still skips weekends, and ``covers`` tells the caller it is a guess.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from forms.working_days import CalendarError, WorkingCalendar

log = logging.getLogger(__name__)


class CalendarCache:
    def __init__(self, cache_dir: Path, fetch_year: Callable[[int], dict[str, Any]]) -> None:
        self.path = cache_dir / "calendar.json"
        self.fetch_year = fetch_year

    def _stored(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def load(self, years: Iterable[int]) -> WorkingCalendar:
        stored = self._stored()
        changed = False
        for year in years:
            try:
                stored[str(year)] = self.fetch_year(year)
                changed = True
            except Exception as exc:  # offline or unpublished year: keep what we have
                log.info("calendar %s not refreshed: %s", year, type(exc).__name__)
        if changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        try:
            return WorkingCalendar.from_api(stored.values())
        except CalendarError:
            log.warning("cached calendar unusable; counting weekends only")
            self.path.unlink(missing_ok=True)
            return WorkingCalendar()
