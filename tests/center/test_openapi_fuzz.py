"""Junk at every endpoint the OpenAPI document lists: any path parameter, query, header and
body — the center answers with a problem document (or a success), never a 500, and never a
traceback in what it sends back."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PROBLEM = "application/problem+json"
HEADER_NAMES = [
    "Upload-Offset",
    "Upload-Length",
    "Content-Type",
    "Idempotency-Key",
    "If-None-Match",
    "Content-Length",
    "Authorization",
]
latin1 = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=40)
junk_text = st.text(max_size=40) | st.sampled_from(["..", "%2e%2e", "0", "-1", "²", "9" * 40])
# Plausible values too, so junk also reaches the code behind the first checks.
numbers = st.integers(0, 2**70).map(str) | st.sampled_from(["²", "١", "-1", "+5", " 7", ""])
path_values = junk_text | st.sampled_from(
    ["a" * 64, "A" * 64, "A001", "YS2026DEMO01R", "2026", "9999", "610100202609300000001"]
)
HEADER_VALUES = {
    "Upload-Offset": numbers,
    "Upload-Length": numbers,
    "Content-Type": st.sampled_from(
        [
            "application/json",
            "application/offset+octet-stream",
            "text/plain",
            "application/json; charset=latin-1",
        ]
    ),
    "Idempotency-Key": st.uuids().map(str),
    "If-None-Match": st.sampled_from(["*", '"x"', 'W/"x"', ""]),
    "Content-Length": numbers,
    "Authorization": st.sampled_from(["Bearer", "Bearer x", "Basic eA=="]),
}
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["9999-12-31T23:59:59+08:00", "0001-01-01", "2026-02-30", "²"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
bodies = (
    json_values.map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=300)
    | st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n)
    | st.integers(1, 3000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n)
)


@pytest.fixture
def db_url(tmp_path, sqlite_template) -> str:
    import shutil

    target = tmp_path / "center.db"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


def _operations(app) -> list[tuple[str, str, list[dict]]]:
    spec = app.openapi()
    out = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            out.append((method.upper(), path, op.get("parameters", [])))
    return out


PATH_VALUES = {"sha256": st.sampled_from(["a" * 64, "0" * 64]) | path_values}


@st.composite
def requests_(draw, operation):
    method, path, params = operation
    url = path
    query: dict[str, str] = {}
    for p in params:
        value = draw(PATH_VALUES.get(p["name"], path_values))
        if p["in"] == "path":
            url = url.replace("{" + p["name"] + "}", quote(value, safe="") or "x")
        elif p["in"] == "query" and draw(st.booleans()):
            query[p["name"]] = value
    for name in draw(st.lists(st.sampled_from(["holder_id", "since", "x", "purpose"]), max_size=2)):
        query[name] = draw(junk_text)
    headers = {
        n: draw(HEADER_VALUES[n] | latin1).encode("latin-1", "replace")
        for n in HEADER_NAMES
        if draw(st.booleans())
    }
    body = draw(bodies) if method in {"POST", "PATCH", "PUT"} else b""
    return method, url, query, headers, body, draw(st.integers(0, 3)) > 0


def test_fuzz_covers_every_endpoint(center):
    paths = {p for _m, p, _ in _operations(center.app)}
    assert len(paths) >= 17  # every resource of api-v1 is in the document and fuzzed


def test_junk_at_every_endpoint_never_500s(center):
    for operation in _operations(center.app):

        @settings(
            max_examples=60,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(requests_(operation))
        def run(request):
            method, url, query, headers, body, signed_in = request
            all_headers = {**(center.headers if signed_in else {}), **headers}
            all_headers.pop("Content-Length", None)  # httpx sets it; junk ones tested apart
            r = center.client.request(
                method, url, params=query, headers=all_headers, content=body or None
            )
            assert r.status_code < 500, (method, url, r.status_code, r.text[:300])
            text = r.text
            assert "Traceback" not in text and 'File "' not in text
            if r.status_code >= 400 and method != "HEAD":
                assert r.headers["content-type"] == PROBLEM, (method, url, r.text[:200])
                problem = r.json()
                assert problem["status"] == r.status_code and problem["detail"]

        run()
