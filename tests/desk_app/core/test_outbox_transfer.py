from __future__ import annotations

import io
import json
import random
import zipfile

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import SupplementDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.memory_keyring import MemoryKeyring
from desk_app.core.sending.outbox import Outbox, OutboxError
from desk_app.core.sending.outbox_transfer import (
    TransferError,
    export_queue,
    import_archive,
    import_queue,
)
from tests.support.case_factory import make_case

PASS = "station-7-offline"


def open_box(root, isolated_machine, account):
    # Two clients: each has its own keyring entry (its own data key).
    return Outbox.open(AppPaths.under(root).ensure(), Keystore(account=account))


def test_carry_queue_to_another_client_without_duplicates(tmp_path, isolated_machine):
    rng = random.Random(1)
    offline = open_box(tmp_path / "a", isolated_machine, "station-a")
    cases = [make_case(rng) for _ in range(3)]
    sealed = [offline.seal(d, b) for d, b in cases]
    done_case = sealed[0]
    offline.mark_sending(done_case.uuid)
    offline.mark_done(done_case.uuid, "6101002026112100000009", "received", None)
    late = b"%PDF late"
    offline.seal_supplement(
        SupplementDraft("sup-1", done_case.uuid, "ITEM-DEMO", "M02", [sha256_hex(late)]),
        {sha256_hex(late): late},
    )
    bundle = tmp_path / "queue.cdx"
    assert export_queue(offline, bundle, PASS) == 3  # two cases + the supplement
    raw = bundle.read_bytes()
    for draft, _blobs in cases:
        assert draft.applicant.id_number.encode() not in raw
        assert draft.applicant.name.encode() not in raw

    connected = open_box(tmp_path / "b", isolated_machine, "station-b")
    result = import_queue(connected, bundle, PASS)
    assert (result.imported, result.skipped) == (3, 0)
    assert import_queue(connected, bundle, PASS).skipped == 3
    for (draft, blobs), seal in zip(cases[1:], sealed[1:], strict=True):
        entry = connected.get(draft.uuid)
        assert entry.provisional_number == seal.provisional_number
        assert connected.record(draft.uuid) == offline.record(draft.uuid)
        for digest, data in blobs.items():
            assert connected.read_blob(digest) == data
    supplement = connected.record("sup-1")
    assert supplement["case_number"] == "6101002026112100000009"
    assert connected.next_due(0).uuid == sealed[1].uuid
    offline.close()
    connected.close()


def test_wrong_passphrase_and_garbage_are_clear_errors(tmp_path, isolated_machine):
    box = open_box(tmp_path / "a", isolated_machine, "a")
    box.seal(*make_case(random.Random(2)))
    bundle = tmp_path / "q.cdx"
    export_queue(box, bundle, PASS)
    with pytest.raises(TransferError, match="口令不正确"):
        import_queue(box, bundle, "another passphrase")
    with pytest.raises(TransferError, match="至少"):
        export_queue(box, bundle, "short")
    junk = tmp_path / "junk.cdx"
    junk.write_bytes(b"PK\x03\x04 not ours")
    with pytest.raises(TransferError, match="不是综窗受理台的导出文件"):
        import_queue(box, junk, PASS)
    box.close()


def _zip(manifest: bytes, blobs: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", manifest)
        for digest, data in blobs.items():
            archive.writestr(f"blobs/{digest}", data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


GOOD_BLOB = b"%PDF fuzz"
GOOD_DIGEST = sha256_hex(GOOD_BLOB)
values = st.one_of(
    st.none(), st.integers(), st.text(max_size=70), st.just("case"), st.just(GOOD_DIGEST),
    st.just("2026-11-21T09:00:00+08:00"), st.lists(st.just(GOOD_DIGEST), max_size=2),
    st.lists(st.text(max_size=5), max_size=2), st.just({"request": {"uuid": "x"}}),
)
items = st.dictionaries(
    st.sampled_from(["kind", "uuid", "parent_uuid", "window_id", "provisional_number",
                     "sealed_at", "record", "blobs"]),
    values,
)


@pytest.fixture(scope="module")
def fuzz_box(tmp_path_factory):
    keyring.set_keyring(MemoryKeyring())  # module-scoped: outlives the per-test keyring
    box = Outbox.open(AppPaths.under(tmp_path_factory.mktemp("fuzz")).ensure(), Keystore())
    yield box
    box.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(manifest=st.one_of(st.binary(max_size=80), st.lists(items, max_size=3).map(
    lambda m: json.dumps(m).encode())))
def test_any_export_content_imports_or_gives_a_typed_error(fuzz_box, manifest):
    before = fuzz_box.counts()
    try:
        result = import_archive(fuzz_box, _zip(manifest, {GOOD_DIGEST: GOOD_BLOB}))
    except OutboxError:
        assert fuzz_box.counts() == before  # the manifest is checked whole: all or nothing
        return
    assert result.imported + result.skipped == len(json.loads(manifest))
