"""One rule set: for generated drafts (every applicant kind and ID type, every decision,
material modes the catalog allows and ones it does not, good and bad numbers), the desk's
pre-seal verdict (``CaseDraft.problems`` → ``forms.case_rules``) is exactly the verdict of
a real center on loopback reached through ``CenterClient`` — same fields, same messages."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desk_app.core.case_model import Agent, Applicant, CaseDraft, Decision, MaterialRecord
from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import Rejected
from forms.catalog import load_catalog
from forms.validators import id_check_char, uscc_check_char

pytestmark = pytest.mark.realstack
CATALOG = load_catalog()
ITEMS = sorted(CATALOG.items)
MODES = ("scan", "upload", "paper", "licence", "shared", "pledge", "deferred")


def _mod11(first17: str) -> str:
    return first17 + id_check_char(first17)


GOOD = {
    "resident": _mod11("11010519491231002"),
    "J": _mod11("81000019930521002"),
    "Y": _mod11("93127619880909002"),
    "I": "USA610078041602",
    "passport": "E12345678",
    "hk_macau_permit": "H12345678",
    "taiwan_permit": "12345678",
}
BAD = {"resident": "110105194912310022", "J": "110105194912310021", "Y": "931276198809090",
       "I": "US6100780416020", "passport": "护照", "hk_macau_permit": "X1234", "uscc": "123"}
USCC = "91610100MA6TG123" + "4"
USCC += uscc_check_char(USCC)


@st.composite
def persons(draw):
    id_type = draw(st.sampled_from([*GOOD, "ssc-typo"]))
    bad = draw(st.booleans()) and id_type in BAD
    number = BAD[id_type] if bad else GOOD.get(id_type, "X1")
    return id_type, number


@st.composite
def drafts(draw):
    items = draw(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=2))
    kind = draw(st.sampled_from(["person", "legal_person", "organisation", "company"]))
    id_type, number = draw(persons())
    if kind != "person":
        id_type = draw(st.sampled_from(["uscc", "uscc", id_type]))
        number = draw(st.sampled_from([USCC, BAD["uscc"]])) if id_type == "uscc" else number
    rep = draw(st.sampled_from(["", "李娜", "王强"]))
    applicant = Applicant(name=draw(st.sampled_from(["张伟", "西安示例有限公司"])),
                          id_number=number, kind=kind, id_type=id_type,
                          legal_representative=rep)
    agent = None
    if draw(st.booleans()):
        a_type, a_number = draw(persons())
        agent = Agent(name=draw(st.sampled_from(["李娜", "赵敏"])), id_number=a_number,
                      id_type=a_type, relation="经办人")
    materials = []
    for code in items:
        item = CATALOG.item(code)
        for m in item.materials:
            if not draw(st.booleans()):
                continue
            allowed = [s.kind for s in m.modes]
            mode = draw(st.sampled_from(allowed)) if draw(st.integers(0, 5)) else \
                draw(st.sampled_from(MODES))
            materials.append(MaterialRecord(
                code, m.code, m.name, mode, pages=1,
                due_date=date(2030, 1, 2) if mode == "deferred" and draw(st.booleans()) else None,
                licence_number="L-1" if mode == "licence" and draw(st.booleans()) else None))
    decision = Decision(draw(st.sampled_from(
        ["accept", "accept_deferred", "accept_pledge", "refuse", "incomplete"])),
        draw(st.sampled_from(["", "不属于本窗口受理范围", "理" * 201])))
    return CaseDraft(uuid=CaseDraft.new_uuid(), window_id="W01", clerk_username="clerk01",
                     ticket_number="A001", applicant=applicant, agent=agent, items=items,
                     form={}, materials=materials, decision=decision)


@pytest.fixture(scope="module")
def client(live_center):
    client = live_center.client()
    yield client
    client.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(draft=drafts())
def test_desk_verdict_is_the_centers(client: CenterClient, draft: CaseDraft):
    desk = sorted((p.field, p.message) for p in draft.problems(CATALOG))
    payload = draft.to_payload("", datetime.now().astimezone())
    try:
        client.submit_case(payload, draft.uuid)
        center: list[tuple[str, str]] = []
    except Rejected as exc:
        center = sorted((e.field, e.message) for e in exc.errors)
        assert center, exc  # a rejection must say what is wrong
    event("accepted" if not center else "rejected")
    assert desk == center
