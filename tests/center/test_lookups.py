"""Personal-data lookups: recorded (clerk, window, keyed hash, purpose), rate-limited per
session, licences by basis; pre-application codes random with a check character."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from center.lookups import LIMIT
from center.models import LookupRecord
from center.pre_application_codes import ALPHABET, BadCode, new_code, normalise
from tests.center.conftest import APPLICANT_ID


def _records(center) -> list[LookupRecord]:
    with center.app.state.center.sessions() as db:
        return list(db.scalars(select(LookupRecord).order_by(LookupRecord.id)))


def test_every_licence_lookup_is_recorded_without_the_id_number(center):
    assert center.get("/licences", params={"holder_id": APPLICANT_ID}).status_code == 200
    typed = {"holder_id": "610113198807150024", "basis": "typed", "purpose": "申请人未带身份证"}
    assert center.get("/licences", params=typed).status_code == 200
    first, second = _records(center)
    assert (first.kind, first.basis, first.purpose, first.window_id) == (
        "licences",
        "card",
        "读卡核验",
        "W01",
    )
    assert first.found >= 1 and first.clerk_id and first.hall_id == "H01"
    assert (second.basis, second.purpose) == ("typed", "申请人未带身份证")
    keys = center.app.state.center.keys
    assert first.subject_hash == keys.lookup_hash("holder", APPLICANT_ID)
    assert APPLICANT_ID not in repr(vars(first))


def test_a_typed_lookup_needs_a_purpose_and_a_known_basis(center):
    r = center.get("/licences", params={"holder_id": APPLICANT_ID, "basis": "typed"})
    assert r.status_code == 422 and "查询用途" in r.json()["detail"]
    r = center.get("/licences", params={"holder_id": APPLICANT_ID, "basis": "guess"})
    assert r.status_code == 422
    assert _records(center) == []


def test_lookups_are_rate_limited_per_session(center):
    for n in range(LIMIT):
        code = "YS2026DEMO01R" if n % 2 else new_code()
        assert center.get(f"/pre-applications/{code}").status_code in (200, 404)
    r = center.get("/licences", params={"holder_id": APPLICANT_ID})
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) == 600 and "查询个人信息过于频繁" in r.json()["detail"]
    # Another session (another window) is not held up by this one...
    other = center.login("clerk02", "W02")
    assert (
        center.get("/licences", params={"holder_id": APPLICANT_ID}, headers=other).status_code
        == 200
    )
    # ...and this one may look up again once the window has passed.
    center.clock.advance(minutes=10, seconds=1)
    assert center.get("/licences", params={"holder_id": APPLICANT_ID}).status_code == 200


def test_mistyped_codes_are_refused_before_the_database_and_recorded(center):
    r = center.get("/pre-applications/YS2026DEMO01S")
    assert r.status_code == 422 and "校验位不符" in r.json()["detail"]
    (record,) = _records(center)
    assert (record.kind, record.basis, record.found) == ("pre_application", "code", 0)


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_generated_codes_validate_and_every_typo_is_caught(data):
    # ISO 7064 MOD 37-2 (a pure system) detects every single substitution and every adjacent swap.
    code = new_code()
    assert normalise(code.lower()) == code
    assert normalise(f"{code[:5]} {code[5:9]}-{code[9:]}") == code
    body = list(code[2:])
    i = data.draw(st.integers(0, len(body) - 1))
    wrong = data.draw(st.sampled_from([c for c in ALPHABET if c != body[i]]))
    typo = body.copy()
    typo[i] = wrong
    swapped = body.copy()
    j = data.draw(st.integers(0, len(body) - 2))
    swapped[j], swapped[j + 1] = swapped[j + 1], swapped[j]
    for bad in ("YS" + "".join(typo), "YS" + "".join(swapped)):
        if bad == code:
            continue  # swapping two equal characters changes nothing
        try:
            normalise(bad)
        except BadCode:
            continue
        raise AssertionError(f"{bad} accepted (from {code})")


def test_codes_are_not_sequential():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    bodies = [c[2:12] for c in codes]
    # Every position uses the whole alphabet: nothing to count up from.
    for position in range(10):
        assert len({b[position] for b in bodies}) == len(ALPHABET)
    assert set(ALPHABET) == set(string.digits + string.ascii_uppercase)
