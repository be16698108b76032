from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import EvaluationDraft, SupplementDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import ACCOUNT, SERVICE, KeyMismatchError, KeyMissingError, Keystore
from desk_app.core.sending.outbox import (
    BlobMissingError,
    EntryNotFound,
    InvalidStateError,
    Outbox,
    OutboxError,
)
from tests.support.case_factory import make_case


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def paths(tmp_path):
    return AppPaths.under(tmp_path).ensure()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def outbox(paths, clock):
    box = Outbox.open(paths, Keystore(), clock=clock, purge_after=timedelta(days=7))
    yield box
    box.close()


def test_seal_assigns_daily_provisional_numbers(outbox, clock):
    rng = random.Random(1)
    first = outbox.seal(*make_case(rng))
    second = outbox.seal(*make_case(rng))
    other_window = outbox.seal(*make_case(rng, window_id="W02"))
    clock.now += timedelta(days=1)
    next_day = outbox.seal(*make_case(rng))
    assert first.provisional_number == "W01-20261121-0001"
    assert second.provisional_number == "W01-20261121-0002"
    assert other_window.provisional_number == "W02-20261121-0001"
    assert next_day.provisional_number == "W01-20261122-0001"
    assert outbox.counts() == {"pending": 4, "sending": 0, "done": 0, "needs_attention": 0}


def test_sealed_case_reads_back_after_reopen(paths, outbox):
    draft, blobs = make_case(random.Random(2))
    sealed = outbox.seal(draft, blobs)
    outbox.close()
    again = Outbox.open(paths, Keystore(), cipher="aes-256-gcm")
    try:
        assert again.draft(draft.uuid) == draft
        request = again.record(draft.uuid)["request"]
        assert request["provisional_number"] == sealed.provisional_number
        assert request["accepted_at"] == sealed.sealed_at.isoformat()
        for digest, data in blobs.items():
            assert again.read_blob(digest) == data
        assert again.entry_blobs(draft.uuid) == [(d, len(b)) for d, b in blobs.items()]
    finally:
        again.close()


def test_same_case_cannot_be_sealed_twice(outbox):
    draft, blobs = make_case(random.Random(3))
    outbox.seal(draft, blobs)
    with pytest.raises(InvalidStateError):
        outbox.seal(draft, blobs)
    assert outbox.counts()["pending"] == 1


def test_blob_must_match_its_digest_and_be_present(outbox):
    draft, blobs = make_case(random.Random(4))
    digest = next(iter(blobs))
    with pytest.raises(OutboxError, match="校验失败"):
        outbox.seal(draft, {digest: b"other bytes"})
    with pytest.raises(BlobMissingError):
        outbox.seal(draft, {})
    assert outbox.list_entries() == []


def test_shared_blob_is_stored_once(paths, outbox):
    rng = random.Random(5)
    first, blobs = make_case(rng)
    second, _ = make_case(rng)
    second.materials[0].blob_digests = list(blobs)
    outbox.seal(first, blobs)
    outbox.seal(second, {})  # already in the outbox
    files = [p for p in (paths.data_dir / "outbox" / "blobs").rglob("*") if p.is_file()]
    assert len(files) == 1
    assert outbox.read_blob(next(iter(blobs))) == next(iter(blobs.values()))


def test_state_machine(outbox):
    draft, blobs = make_case(random.Random(6))
    outbox.seal(draft, blobs)
    due = outbox.next_due(0)
    assert due.uuid == draft.uuid
    outbox.mark_sending(draft.uuid)
    assert outbox.next_due(1e12) is None
    outbox.mark_transient(draft.uuid, "网络中断", 100.0)
    assert outbox.next_due(50.0) is None
    assert outbox.next_due(100.0).last_error == "网络中断"
    assert outbox.next_wakeup() == 100.0
    outbox.mark_sending(draft.uuid)
    outbox.mark_done(draft.uuid, "6101002026112100000001", "received", "2026-12-01")
    entry = outbox.get(draft.uuid)
    assert (entry.state, entry.official_number, entry.attempts) == (
        "done", "6101002026112100000001", 2,
    )
    with pytest.raises(InvalidStateError):
        outbox.mark_sending(draft.uuid)
    with pytest.raises(EntryNotFound):
        outbox.get("nope")


def test_crash_while_sending_returns_to_pending(paths, outbox):
    draft, blobs = make_case(random.Random(7))
    outbox.seal(draft, blobs)
    outbox.mark_sending(draft.uuid)
    outbox.close()
    again = Outbox.open(paths, Keystore())
    assert again.get(draft.uuid).state == "pending"
    again.close()


def test_needs_attention_retry_and_fix(outbox):
    rng = random.Random(8)
    draft, blobs = make_case(rng)
    sealed = outbox.seal(draft, blobs)
    outbox.mark_sending(draft.uuid)
    outbox.mark_needs_attention(draft.uuid, "身份证号码校验位错误")
    assert outbox.get(draft.uuid).last_error == "身份证号码校验位错误"
    assert outbox.retry(draft.uuid) == 1
    assert outbox.get(draft.uuid).state == "pending"
    outbox.mark_needs_attention(draft.uuid, "事项编码不存在")
    draft.items = ["ITEM-FIXED"]
    outbox.fix_and_resubmit(draft.uuid, draft)
    entry = outbox.get(draft.uuid)
    request = outbox.record(draft.uuid)["request"]
    assert (entry.state, entry.last_error) == ("pending", "")
    assert request["items"] == ["ITEM-FIXED"]
    assert request["provisional_number"] == sealed.provisional_number
    with pytest.raises(InvalidStateError):
        outbox.fix_and_resubmit(draft.uuid, draft)  # only from needs_attention
    outbox.mark_needs_attention(draft.uuid, "x")
    other, _ = make_case(rng)
    other.uuid = draft.uuid
    with pytest.raises(BlobMissingError):
        outbox.fix_and_resubmit(draft.uuid, other)
    assert outbox.retry("all") == 1


def test_supplements_and_evaluations_wait_for_their_case(outbox):
    rng = random.Random(9)
    draft, blobs = make_case(rng)
    outbox.seal(draft, blobs)
    late = b"%PDF late material"
    outbox.seal_supplement(
        SupplementDraft("s-1", draft.uuid, "ITEM-DEMO", "M02", [sha256_hex(late)]),
        {sha256_hex(late): late},
    )
    outbox.seal_evaluation(EvaluationDraft("e-1", draft.uuid, 5, 5, 5, 5))
    assert outbox.next_due(0).uuid == draft.uuid
    outbox.mark_sending(draft.uuid)
    assert outbox.next_due(0) is None  # the supplement must not overtake its case
    outbox.mark_done(draft.uuid, "N1", "received", None)
    assert outbox.next_due(0).uuid == "s-1"
    assert outbox.record("s-1")["request"]["blobs"] == [sha256_hex(late)]
    assert outbox.get("e-1").kind == "evaluation"


def test_purge_after_acknowledgement(paths, outbox, clock):
    rng = random.Random(10)
    done, done_blobs = make_case(rng)
    waiting, waiting_blobs = make_case(rng)
    outbox.seal(done, done_blobs)
    outbox.seal(waiting, waiting_blobs)
    outbox.mark_sending(done.uuid)
    outbox.mark_done(done.uuid, "N1", "received", None)
    assert outbox.purge_acknowledged() == 0  # not yet: purge_after is 7 days
    clock.now += timedelta(days=8)
    assert outbox.purge_acknowledged() == 1
    entry = outbox.get(done.uuid)
    assert entry.purged and entry.official_number == "N1"
    with pytest.raises(OutboxError, match="清除"):
        outbox.record(done.uuid)
    with pytest.raises(BlobMissingError):
        outbox.read_blob(next(iter(done_blobs)))
    assert outbox.read_blob(next(iter(waiting_blobs)))  # the waiting case keeps its files
    files = [p for p in (paths.data_dir / "outbox" / "blobs").rglob("*") if p.is_file()]
    assert len(files) == 1


def test_lost_keyring_entry_is_a_clear_error_and_keeps_data(paths, outbox, isolated_machine):
    draft, blobs = make_case(random.Random(11))
    outbox.seal(draft, blobs)
    outbox.close()
    saved = isolated_machine.secrets.pop((SERVICE, ACCOUNT))
    with pytest.raises(KeyMissingError, match="密钥"):
        Outbox.open(paths, Keystore())
    assert (SERVICE, ACCOUNT) not in isolated_machine.secrets  # no new key over old data
    isolated_machine.secrets[(SERVICE, ACCOUNT)] = "A" * 43 + "="  # another 32-byte key
    with pytest.raises(KeyMismatchError):
        Outbox.open(paths, Keystore())
    isolated_machine.secrets[(SERVICE, ACCOUNT)] = saved  # restored from backup: all there
    again = Outbox.open(paths, Keystore())
    assert again.draft(draft.uuid) == draft
    again.close()


def test_orphan_blob_files_from_a_crash_are_removed(paths, outbox):
    draft, blobs = make_case(random.Random(12))
    outbox.seal(draft, blobs)
    stray = paths.data_dir / "outbox" / "blobs" / "ff" / "ff00"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half written")
    outbox.close()
    again = Outbox.open(paths, Keystore())
    assert not stray.exists()
    assert again.read_blob(next(iter(blobs)))
    again.close()


def test_nothing_personal_in_plain_text_at_rest(paths, outbox):
    draft, blobs = make_case(random.Random(13), name="欧阳娜娜")
    outbox.seal(draft, blobs)
    needles = [
        draft.applicant.name.encode("utf-8"),
        draft.applicant.id_number.encode(),
        draft.applicant.phone.encode(),
        "南大街".encode(),
        next(iter(blobs.values()))[:64],
    ]
    files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith("sqlite3") for p in files)
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{needle!r} in plain text in {path.name}"


def test_fix_and_resubmit_refuses_an_entry_that_moved_on_meanwhile(tmp_path):
    """The state is checked inside the write: a retry in between must not be overwritten."""
    import sqlite3

    from desk_app.core.app_paths import AppPaths
    from desk_app.core.case_model import Applicant, CaseDraft, Decision
    from desk_app.core.keystore import Keystore
    from desk_app.core.sending.outbox import Outbox
    from desk_app.core.sending.outbox_entries import InvalidStateError

    outbox = Outbox.open(AppPaths.under(tmp_path), Keystore())
    draft = CaseDraft(uuid=CaseDraft.new_uuid(), window_id="W01", clerk_username="clerk01",
                      ticket_number="", applicant=Applicant("张三", "11010519491231002X"),
                      agent=None, items=["X"], form={}, materials=[], decision=Decision())
    outbox.seal(draft, {})
    outbox.mark_needs_attention(draft.uuid, "事项编码不存在")
    # another connection (e.g. `desk-app outbox retry`) moves it on after our state check
    other = sqlite3.connect(tmp_path / "data" / "outbox" / "outbox.sqlite3")
    real_get = outbox.get

    def get_then_retry(uuid):
        entry = real_get(uuid)
        other.execute("UPDATE entries SET state='pending' WHERE uuid=?", (uuid,))
        other.commit()
        return entry

    outbox.get = get_then_retry
    draft.items = ["Y"]
    with pytest.raises(InvalidStateError):
        outbox.fix_and_resubmit(draft.uuid, draft)
    outbox.get = real_get
    assert outbox.draft(draft.uuid).items == ["X"]
    other.close()
    outbox.close()
