"""Fuzzing what the bridge parses: bodies, origins, Host headers, whole requests.

Every outcome is a known answer with a Chinese message — never a 500, never a traceback.
"""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.bridge import policy
from desk_app.core.bridge import requests as rq
from desk_app.core.bridge.rate_limit import RateLimiter
from tests.desk_app.hub.bridge_fixture import APP, start_bridge

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=30)


@given(st.binary(max_size=2000))
def test_any_bytes_parse_to_an_object_or_a_clear_refusal(body):
    try:
        value = rq.parse_json_object(body)
    except rq.BadRequest as exc:
        assert str(exc) and not str(exc).isascii()  # Chinese words, not a Python message
    else:
        assert isinstance(value, dict)


@given(json_values)
def test_any_json_value_parses_or_is_refused(value):
    body = json.dumps(value).encode()
    try:
        parsed = rq.parse_json_object(body)
    except rq.BadRequest:
        assert not isinstance(value, dict) or rq._depth(value, 99) > rq.MAX_DEPTH
    else:
        assert parsed == value


@pytest.mark.parametrize("body", [
    b"[" * 100_000, b'{"a":' * 5000 + b"1" + b"}" * 5000, b'{"n": ' + b"9" * 5000 + b"}",
    b'{"code": "\\ud800"}', b"\xef\xbb\xbf{}", b'{"a": 1e999999}',
])
def test_hostile_bodies_are_refused_in_words(body):
    try:
        rq.parse_json_object(body)
    except rq.BadRequest as exc:
        assert "JSON" in str(exc) or "请求" in str(exc)


@given(st.text(max_size=80))
def test_origins_normalise_to_a_fixed_point_or_are_refused(text):
    try:
        origin = policy.normalise_origin(text)
    except policy.BadOrigin:
        return
    assert policy.normalise_origin(origin) == origin
    assert origin.startswith(("http://", "https://")) and "/" not in origin.split("://", 1)[1]


@given(st.text(max_size=60), st.integers(0, 65535))
def test_only_loopback_hosts_pass(host, port):
    if policy.host_is_loopback(host, port):
        assert host.strip().lower() in {f"{n}{suffix}" for n in policy.LOOPBACK_NAMES
                                        for suffix in ("", f":{port}")}


@pytest.fixture(scope="module")
def live_bridge(tmp_path_factory):
    running = start_bridge(tmp_path_factory.mktemp("fuzz"), printer_uri="escpos-sim:",
                           a4_uri="pdf-file:/nonexistent", reader="sim:none",
                           limiter=RateLimiter(per_minute=100_000, burst=100_000))
    yield running
    running.server.stop()
    running.hub.close()


PATHS = ["/v1/status", "/v1/card/read", "/v1/camera/capture", "/v1/scanner/scan",
         "/v1/printer/slip", "/v1/printer/pdf", "/v1/pairing", "/v1/pairing/confirm",
         "/v1/nothing", "/openapi.json"]
# what an HTTP client can send at all: visible ASCII, no edge whitespace
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40).map(
    str.strip)


@pytest.mark.realstack
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), method=st.sampled_from(["GET", "POST", "OPTIONS", "PUT"]),
       body=st.one_of(st.binary(max_size=600), json_values.map(lambda v: json.dumps(v).encode())),
       origin=st.one_of(st.none(), st.just(APP), header_text),
       auth=st.one_of(st.none(), header_text.map(lambda t: f"Bearer {t}".strip())),
       preflight=st.booleans())
def test_whole_requests_get_known_answers(live_bridge, path, method, body, origin, auth,
                                          preflight):
    headers = {"Content-Type": "application/json"}
    if origin is not None:
        headers["Origin"] = origin
    if auth is not None:
        headers["Authorization"] = auth
    if preflight:
        headers["Access-Control-Request-Method"] = "POST"
        headers["Access-Control-Request-Private-Network"] = "true"
    with httpx.Client(base_url=live_bridge.url, timeout=30) as client:
        answer = client.request(method, path, content=body, headers=headers)
    assert answer.status_code in {200, 204, 400, 401, 403, 404, 405, 409, 422, 503, 504}
    if answer.status_code >= 400 and answer.status_code not in (404, 405, 422):
        assert not answer.json()["message"].isascii()
    granted = answer.headers.get("access-control-allow-origin")
    assert granted in (None, APP)
    if answer.headers.get("access-control-allow-private-network"):
        assert granted == APP
