"""Every error is application/problem+json, whatever the client sends; never a 500."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.center.conftest import case_body

PROBLEM = "application/problem+json"
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=15,
)
ENDPOINTS = ["/sessions", "/cases", "/evaluations", "/queue/tickets", "/queue/call-next"]


@pytest.fixture
def db_url(tmp_path, sqlite_template) -> str:
    # Fuzzing exercises request parsing, not the database: SQLite only.
    import shutil

    target = tmp_path / "center.db"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


def _assert_problem_or_success(r) -> None:
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert r.headers["content-type"] == PROBLEM
        body = r.json()
        assert body["status"] == r.status_code
        assert body["type"].startswith("https://counter-desk/problems/")
        assert body["detail"]


@FUZZ
@given(endpoint=st.sampled_from(ENDPOINTS), payload=json_values)
def test_any_json_body(center, endpoint, payload):
    r = center.post(endpoint, payload, key=str(uuid.uuid4()))
    _assert_problem_or_success(r)


@FUZZ
@given(endpoint=st.sampled_from(ENDPOINTS), raw=st.binary(max_size=200))
def test_any_bytes(center, endpoint, raw):
    headers = {**center.headers, "Idempotency-Key": "k", "Content-Type": "application/json"}
    r = center.client.post("/api/v1" + endpoint, content=raw, headers=headers)
    _assert_problem_or_success(r)


CASE_KEYS = list(case_body())
APPLICANT_KEYS = list(case_body()["applicant"])


@FUZZ
@given(
    replace=st.dictionaries(st.sampled_from(CASE_KEYS), json_values, max_size=3),
    applicant=st.dictionaries(st.sampled_from(APPLICANT_KEYS), json_values, max_size=3),
    material=st.dictionaries(
        st.sampled_from(["item_code", "material_code", "mode", "blobs", "pages", "due_date"]),
        json_values,
        max_size=3,
    ),
)
def test_mutated_case_bodies(center, replace, applicant, material):
    body = case_body()
    body["applicant"].update(applicant)
    body["materials"][0].update(material)
    body.update(replace)
    usable = isinstance(body["uuid"], str) and body["uuid"].isascii() and body["uuid"].isprintable()
    key = body["uuid"] if usable and body["uuid"].strip() else str(uuid.uuid4())
    r = center.post("/cases", body, key=key)
    _assert_problem_or_success(r)


@FUZZ
@given(header=st.text(max_size=30), digest=st.text(alphabet="0123456789abcdefxyz", max_size=70))
def test_blob_headers(center, header, digest):
    headers = {
        **center.headers,
        "Upload-Offset": header.encode("ascii", "ignore").decode() or "0",
        "Upload-Length": "5",
        "Content-Type": "application/offset+octet-stream",
    }
    r = center.client.patch(f"/api/v1/blobs/{digest or 'x'}", content=b"abcde", headers=headers)
    _assert_problem_or_success(r)


def test_framework_errors_are_problems_too(center):
    r = center.client.delete("/api/v1/catalog", headers=center.headers)
    assert r.status_code == 405 and r.headers["content-type"] == PROBLEM
    r = center.client.get("/api/v1/no/such/thing")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    assert r.json()["detail"] == "请求的资源不存在"


def test_unhandled_errors_leak_nothing(center):
    center.app.state.center.catalog = object()  # breaks case validation on purpose
    body = case_body()
    r = center.post("/cases", body, key=body["uuid"])
    assert r.status_code == 500
    assert r.headers["content-type"] == PROBLEM
    text = r.text
    assert "Traceback" not in text and "AttributeError" not in text and "object" not in text
    assert "中心服务内部错误" in r.json()["detail"]


def test_oversized_json_is_refused_before_reading(center):
    big = b'{"x": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    headers = {**center.headers, "Content-Type": "application/json", "Idempotency-Key": "k"}
    r = center.client.post("/api/v1/cases", content=big, headers=headers)
    assert r.status_code == 413
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("/too-large")
