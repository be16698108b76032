"""The sync service against the real reference center on loopback."""

from __future__ import annotations

import random
import threading
import time
from datetime import date

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import EvaluationDraft, SupplementDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.live_center import drain

FAST = Backoff(base=0.01, cap=0.05)


@pytest.fixture
def outbox(tmp_path):
    box = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    yield box
    box.close()


@pytest.fixture
def sync(outbox, live_center):
    client = live_center.client()
    service = SyncService(outbox, client, backoff=FAST, rng=random.Random(0))
    yield service
    service.stop()
    client.close()


def test_cases_reach_the_center_with_their_files(live_center, outbox, sync):
    rng = random.Random(1)
    sealed = [outbox.seal(*live_center.case(rng, n_blobs=2, blob_size=300_000)) for _ in range(3)]
    events = []
    sync.add_listener(events.append)
    drain(sync)
    assert outbox.counts()["done"] == 3
    check = live_center.client()
    for case in sealed:
        entry = outbox.get(case.uuid)
        assert entry.state == "done" and entry.official_number and entry.promised_date
        remote = check.get_case_by_uuid(case.uuid)
        assert remote.number == entry.official_number
        for digest, _size in outbox.entry_blobs(case.uuid):
            assert live_center.center_blob(digest) == outbox.read_blob(digest)
    acknowledged = [e for e in events if e.kind == "acknowledged"]
    assert {e.uuid for e in acknowledged} == {s.uuid for s in sealed}
    progress = [e.progress for e in events if e.kind == "progress"]
    assert progress[-1].bytes_done == progress[-1].bytes_total
    status = sync.status()
    assert status.online and status.last_contact is not None and status.paused_reason == ""


def test_a_case_already_at_the_center_counts_as_sent(live_center, outbox, sync):
    draft, blobs = live_center.case(random.Random(2))
    outbox.seal(draft, blobs)
    direct = live_center.client()
    for digest, data in blobs.items():
        direct.upload_blob(digest, data)
    first = direct.submit_case(outbox.record(draft.uuid)["request"], draft.uuid)
    assert not first.replayed
    drain(sync)
    assert outbox.get(draft.uuid).official_number == first.number


def test_validation_rejection_needs_attention_then_fix_and_resubmit(live_center, outbox, sync):
    draft, blobs = live_center.case(random.Random(3))
    good_item = draft.items[0]
    draft.items = ["NO-SUCH-ITEM"]
    draft.materials[0].item_code = "NO-SUCH-ITEM"
    outbox.seal(draft, blobs)
    attention = []
    sync.add_listener(lambda e: e.kind == "needs_attention" and attention.append(e))
    drain(sync)
    entry = outbox.get(draft.uuid)
    assert entry.state == "needs_attention"
    assert "事项编码不存在" in entry.last_error
    assert attention and "事项编码不存在" in attention[0].reason
    draft.items = [good_item]
    draft.materials[0].item_code = good_item
    outbox.fix_and_resubmit(draft.uuid, draft)
    drain(sync)
    assert outbox.get(draft.uuid).state == "done"


def test_expired_session_pauses_until_the_clerk_signs_in_again(live_center, outbox, sync):
    outbox.seal(*live_center.case(random.Random(4)))
    sync.client.token = "expired-token"
    drain(sync)
    status = sync.status()
    assert "请重新登录" in status.paused_reason
    assert status.counts["pending"] == 1  # paused, not lost
    fresh = live_center.client().login("clerk01", "demo1234", "W01")
    sync.resume_with(fresh.token)
    drain(sync)
    assert sync.status().counts["done"] == 1 and sync.status().paused_reason == ""


def test_supplement_and_evaluation_follow_their_case(live_center, outbox, sync):
    draft, _blobs = live_center.case(random.Random(5))
    draft.materials[0].mode = "deferred"  # on a material the catalog lets be deferred
    draft.materials[0].material_code = live_center.deferred_material_code
    draft.materials[0].blob_digests = []
    draft.materials[0].due_date = date(2026, 12, 31)
    draft.decision.kind = "accept_deferred"
    outbox.seal(draft, {})
    late = b"%PDF-1.7 supplied later" * 50
    outbox.seal_supplement(
        SupplementDraft("sup-" + draft.uuid[:8], draft.uuid, draft.items[0],
                        draft.materials[0].material_code, [sha256_hex(late)]),
        {sha256_hex(late): late},
    )
    outbox.seal_evaluation(EvaluationDraft("eva-" + draft.uuid[:8], draft.uuid, 5, 5, 4, 5))
    drain(sync)
    assert outbox.counts() == {"pending": 0, "sending": 0, "done": 3, "needs_attention": 0}
    assert live_center.center_blob(sha256_hex(late)) == late


def test_upload_resumes_from_the_centers_offset(live_center):
    client = live_center.client(chunk_size=64 * 1024)
    data = random.Random(6).randbytes(300_000)
    digest = sha256_hex(data)
    client.patch_blob(digest, 0, len(data), data[:100_000])  # a cut after 100 kB
    report = client.upload_blob(digest, data)
    assert report.resumed_from == 100_000
    assert report.bytes_sent == len(data) - 100_000
    assert client.blob_state(digest).complete
    again = client.upload_blob(digest, data)
    assert again.already_complete and again.bytes_sent == 0


def test_background_thread_sends_whatever_is_sealed(live_center, outbox, sync):
    acknowledged = []
    both = threading.Event()

    def on_event(event):
        if event.kind == "acknowledged":
            acknowledged.append(event.uuid)
            if len(acknowledged) == 2:
                both.set()

    sync.add_listener(on_event)
    sync.start()  # idles for 30 s between looks: only the seal notification wakes it
    draft, blobs = live_center.case(random.Random(7))
    outbox.seal(draft, blobs)
    deadline = time.monotonic() + 20
    while outbox.get(draft.uuid).state != "done" and time.monotonic() < deadline:
        time.sleep(0.05)
    outbox.seal_evaluation(EvaluationDraft("eva-bg-" + draft.uuid[:8], draft.uuid, 4, 4, 4, 4))
    assert both.wait(20)
    sync.stop()
    assert outbox.counts()["done"] == 2


# The status refresh is driven by real back-office events in test_window_life.py.


def test_two_senders_on_one_outbox_send_each_case_once(live_center, outbox, sync, tmp_path):
    # A second client process started by mistake on the same data dir (modelled by a second
    # connection): each entry is claimed by exactly one sender.
    other_box = Outbox.open(AppPaths.under(tmp_path), Keystore())
    assert not other_box.is_owner
    other_client = live_center.client()
    other = SyncService(other_box, other_client, backoff=FAST, rng=random.Random(9))
    rng = random.Random(10)
    sealed = [outbox.seal(*live_center.case(rng)) for _ in range(12)]
    sync.start()
    other.start()
    deadline = time.monotonic() + 60
    while outbox.counts()["done"] < len(sealed) and time.monotonic() < deadline:
        sync.wake()
        other.wake()
        time.sleep(0.05)
    other.stop()
    sync.stop()
    assert outbox.counts()["done"] == len(sealed)
    counts = live_center.case_counts({s.uuid for s in sealed})
    assert len(counts) == len(sealed) and set(counts.values()) == {1}
    other_box.close()
    other_client.close()


def test_next_cases_files_go_up_on_a_second_connection(live_center, outbox, tmp_path):
    from tests.support.fault_proxy import FaultPlan, FaultProxy

    proxy = FaultProxy(live_center.url, FaultPlan(bandwidth=2 * 2**20))  # a slow link
    proxy.start()
    client = live_center.client(proxy.url)
    service = SyncService(outbox, client, backoff=FAST, rng=random.Random(11))
    rng = random.Random(12)
    cases = [live_center.case(rng, blob_size=400_000) for _ in range(4)]
    for draft, blobs in cases:
        outbox.seal(draft, blobs)
    service.start()
    deadline = time.monotonic() + 60
    while outbox.counts()["done"] < len(cases) and time.monotonic() < deadline:
        time.sleep(0.05)
    service.stop()
    proxy.stop()
    assert outbox.counts()["done"] == len(cases)
    assert service._ahead.delivered >= 1  # the second connection carried some files
    for draft, blobs in cases:
        assert live_center.case_counts({draft.uuid}) == {draft.uuid: 1}
        for digest, data in blobs.items():
            assert live_center.center_blob(digest) == data
