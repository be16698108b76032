"""Any bytes a center, a gateway or a broken link returns → a value or a typed error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.center_client import CaseResult, blob_state_from
from desk_app.core.center_errors import (
    BadCredentials,
    CenterError,
    NotFound,
    OffsetMismatch,
    Rejected,
    SessionExpired,
    Transient,
    error_for,
    parse_json_object,
    parse_offset,
)


def problem(slug: str, status: int, **extra) -> bytes:
    body = {"type": f"https://counter-desk/problems/{slug}", "title": "t", "status": status}
    body.update(extra)
    return json.dumps(body, ensure_ascii=False).encode()


def test_validation_problem_carries_reason_and_field_errors():
    body = problem(
        "validation", 422, detail="办件信息有误",
        errors=[{"field": "applicant.id_number", "message": "身份证号码校验位错误"}],
    )
    exc = error_for(422, body)
    assert isinstance(exc, Rejected) and not isinstance(exc, Transient)
    assert exc.problem == "validation"
    assert exc.summary() == "办件信息有误；applicant.id_number：身份证号码校验位错误"


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (401, problem("session-expired", 401), SessionExpired),
        (401, problem("bad-credentials", 401, detail="密码错误"), BadCredentials),
        (502, b"<html>Bad Gateway</html>", Transient),
        (503, b"", Transient),
        (429, b"", Transient),
        (404, problem("not-found", 404), NotFound),
        (409, problem("offset-mismatch", 409, offset=262144), OffsetMismatch),
        (409, problem("offset-mismatch", 409, offset="x"), Rejected),
        (400, b"not json", Rejected),
    ],
)
def test_status_mapping(status, body, kind):
    exc = error_for(status, body)
    assert type(exc) is kind
    assert str(exc)  # always a message for the clerk
    if kind is OffsetMismatch:
        assert exc.offset == 262144


@given(st.integers(min_value=400, max_value=599), st.binary(max_size=400))
def test_error_for_any_bytes_is_typed(status, body):
    assert isinstance(error_for(status, body), CenterError)


@given(
    st.integers(min_value=400, max_value=599),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ),
)
def test_error_for_any_json_is_typed(status, value):
    assert isinstance(error_for(status, json.dumps(value).encode()), CenterError)


@given(st.binary(max_size=400))
def test_success_body_parse_is_a_dict_or_transient(body):
    try:
        assert isinstance(parse_json_object(body), dict)
    except Transient:
        pass


@given(st.dictionaries(st.sampled_from(["uuid", "number", "status", "timeline", "x"]),
                       st.none() | st.integers() | st.text(max_size=5) | st.lists(st.integers())))
def test_case_result_from_any_object_is_a_value_or_transient(data):
    try:
        result = CaseResult.from_json(data)
    except Transient:
        return
    assert result.number and result.uuid and result.status


@given(st.none() | st.text(max_size=30))
def test_offset_header_parse(value):
    try:
        assert parse_offset(value) >= 0
    except Transient:
        pass


def test_truncated_json_is_transient():
    with pytest.raises(Transient):
        parse_json_object(b'{"uuid": "a", "numb')


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Upload-Offset": "262144", "Upload-Complete": "0"}, (262144, False)),
        ({"Upload-Offset": "9", "Upload-Complete": "1"}, (9, True)),
        ({"Upload-Offset": "26"}, None),  # cut after this line: offset may be truncated
        ({"Upload-Offset": "26", "Upload-Complete": ""}, None),
        ({}, None),
    ],
)
def test_blob_headers_must_come_together(headers, expected):
    if expected is None:
        with pytest.raises(Transient):
            blob_state_from(headers)
    else:
        state = blob_state_from(headers)
        assert (state.offset, state.complete) == expected
