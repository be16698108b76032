"""The case-life endpoints under any input: a problem document, never a 500 (issue #11)."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from tests.center.conftest import case_body

# db_url: the SQLite-only fixture of the other fuzz tests (request parsing, not the DB)
from tests.center.test_problems_fuzz import (  # noqa: F401
    FUZZ,
    _assert_problem_or_success,
    db_url,
    json_values,
)

EVENTS = st.sampled_from(
    ["start_review", "approve", "deny", "result_ready", "handed_over", "mailed", "x", ""]
)
event_bodies = st.fixed_dictionaries(
    {"event": EVENTS},
    optional={
        "note": st.text(max_size=40) | json_values,
        "waybill": st.text(max_size=50) | json_values,
        "collector": json_values
        | st.fixed_dictionaries(
            {"kind": st.sampled_from(["applicant", "agent", "?"]),
             "name": st.text(max_size=10), "id_number": st.text(max_size=20)},
            optional={"proxy_blobs": st.lists(st.text(max_size=70), max_size=3)},
        ),
    },
)


@FUZZ
@given(body=event_bodies | json_values, number=st.text(max_size=30))
def test_any_event_body_on_any_number(center, body, number):
    path = f"/cases/{quote(number, safe='') or 'x'}/events"
    _assert_problem_or_success(center.post(path, body))


@FUZZ
@given(body=event_bodies)
def test_any_event_on_a_real_case(center, body):
    filed = case_body()
    number = center.post("/cases", filed, key=filed["uuid"]).json()["number"]
    approver = center.login("approver01", "W01")
    for who in ({}, approver):
        r = center.post(f"/cases/{number}/events", body, headers=who)
        _assert_problem_or_success(r)


query_text = st.text(max_size=60)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["window", "status", "since", "cursor", "limit", "date"]),
        query_text | st.integers().map(str),
        max_size=5,
    )
)
def test_any_list_and_stats_query(center, params):
    _assert_problem_or_success(center.get("/cases", params=params))
    _assert_problem_or_success(center.get("/stats/windows", params=params))
