from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from desk_app.core.case_model import Agent, CaseDraft, CaseModelError
from tests.support.case_factory import make_case


def test_payload_follows_api_v1():
    draft, blobs = make_case(random.Random(1))
    draft.agent = Agent("李四", "610102198001010016", "13800000000", "子女")
    draft.materials[0].due_date = date(2026, 12, 1)
    payload = draft.to_payload("W01-20261121-0003", datetime(2026, 11, 21, 9, 30, tzinfo=UTC))
    assert payload["uuid"] == draft.uuid
    assert payload["provisional_number"] == "W01-20261121-0003"
    assert payload["accepted_at"] == "2026-11-21T09:30:00+00:00"
    assert payload["applicant"]["id_type"] == "resident"
    assert payload["agent"]["relation"] == "子女"
    material = payload["materials"][0]
    assert material["blobs"] == list(blobs)
    assert material["due_date"] == "2026-12-01"
    assert set(material) == {
        "item_code", "material_code", "name", "mode", "blobs", "pages", "due_date",
        "licence_number",
    }
    assert payload["decision"] == {"kind": "accept", "reason": ""}


def test_dict_round_trip():
    draft, _ = make_case(random.Random(2))
    draft.materials[0].due_date = date(2026, 12, 1)
    assert CaseDraft.from_dict(draft.to_dict()) == draft


@pytest.mark.parametrize("broken", [{}, {"uuid": 1}, [], None, {"materials": [{}]}])
def test_malformed_stored_case_is_a_typed_error(broken):
    with pytest.raises(CaseModelError):
        CaseDraft.from_dict(broken)


def test_blob_digests_are_unique_and_ordered():
    draft, blobs = make_case(random.Random(3), n_blobs=2)
    draft.materials.append(draft.materials[0])
    assert draft.blob_digests() == list(blobs)
