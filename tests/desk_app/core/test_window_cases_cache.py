"""The cached center rows are outside bytes on disk: any content loads as rows or as
nothing, never a traceback, and rebuilding the list from them never fails."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.window_day.window_cases import CenterCaseCache, window_cases
from forms.catalog import load_catalog
from forms.working_days import WorkingCalendar

CATALOG = load_catalog()
rows = st.dictionaries(
    st.sampled_from(["uuid", "number", "status", "promised_date", "received_at", "items",
                     "deferred_owed", "window_id", "applicant_masked", "item_names"]),
    st.none() | st.text(max_size=20) | st.lists(st.text(max_size=10), max_size=2)
    | st.integers(),
    max_size=10,
)


FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


class NoOutbox:
    def list_entries(self, states=None, kind=None):
        return []


@FUZZ
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_in_the_cache_file_load(tmp_path, raw):
    path = tmp_path / "window-cases.json"
    path.write_bytes(raw)
    data = CenterCaseCache(path).load()
    assert isinstance(data["cases"], dict)


@FUZZ
@given(cached=st.lists(rows, max_size=4))
def test_any_cached_rows_give_a_list(tmp_path, cached):
    cache = CenterCaseCache(tmp_path / "window-cases.json")
    import json

    cache.path.write_text(json.dumps({"since": None, "cases": {str(i): r for i, r in
                                                               enumerate(cached)}}))
    cases = window_cases(NoOutbox(), cache, "W01", WorkingCalendar(), CATALOG, date(2026, 10, 9))
    assert len(cases) <= len(cached)
