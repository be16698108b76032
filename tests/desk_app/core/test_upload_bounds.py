"""Uploads and answers stay bounded against a center that lies (a real loopback server)."""

from __future__ import annotations

import random
import time

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.bounded_response import AnswerTooLarge, AnswerTooSlow
from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import Rejected, Transient
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.core.upload_rules import MAX_RESYNCS
from tests.support.case_factory import make_case
from tests.support.lying_center import LyingCenter

pytestmark = pytest.mark.realstack

DATA = random.Random(13).randbytes(200_000)
DIGEST = sha256_hex(DATA)


@pytest.fixture
def lying(request):
    center = LyingCenter(request.param)
    yield center
    center.close()


def client_for(center: LyingCenter, **kwargs) -> CenterClient:
    pauses: list[float] = []
    client = CenterClient(
        center.url, token="t", chunk_size=64 * 1024, sleep=pauses.append, **kwargs
    )
    client.pauses = pauses  # type: ignore[attr-defined]
    return client


@pytest.mark.parametrize("lying", ["mismatch-beyond"], indirect=True)
def test_offset_mismatch_beyond_the_file_is_rejected_at_once(lying):
    """Issue #13's loop: 1,142 PATCHes in 4 s; now one PATCH and a reason."""
    client = client_for(lying)
    with pytest.raises(Rejected) as info:
        client.upload_blob(DIGEST, DATA)
    assert info.value.problem == "offset-beyond-file"
    assert "200007" in str(info.value) and "请联系技术人员" in str(info.value)
    assert lying.requests["PATCH"] == 1


@pytest.mark.parametrize("lying", ["offset-beyond"], indirect=True)
def test_head_offset_beyond_the_file_is_rejected_before_any_patch(lying):
    lying.total_hint = len(DATA)
    with pytest.raises(Rejected, match="超过实际发送或文件大小"):
        client_for(lying).upload_blob(DIGEST, DATA)
    assert lying.requests["PATCH"] == 0


@pytest.mark.parametrize("lying", ["overclaim"], indirect=True)
def test_a_center_claiming_more_than_was_sent_is_rejected(lying):
    with pytest.raises(Rejected) as info:
        client_for(lying).upload_blob(DIGEST, DATA)
    assert info.value.extras["offset"] == 64 * 1024 + 1000
    assert lying.requests["PATCH"] == 1


@pytest.mark.parametrize("lying", ["mismatch-zero"], indirect=True)
def test_repeated_offset_disagreement_backs_off_then_gives_up(lying):
    client = client_for(lying)
    with pytest.raises(Transient, match="反复报告不一致"):
        client.upload_blob(DIGEST, DATA)
    assert lying.requests["PATCH"] == MAX_RESYNCS + 1
    # the first re-sync at once (a lost answer after a write), then doubling pauses
    assert client.pauses[0] == 0 and client.pauses == sorted(client.pauses)
    assert client.pauses[-1] == client.pauses[1] * 2 ** (MAX_RESYNCS - 2) > 0


@pytest.mark.parametrize("lying", ["creep"], indirect=True)
def test_a_center_that_keeps_one_byte_per_patch_hits_the_request_cap(lying):
    with pytest.raises(Transient, match="请求次数超过上限"):
        client_for(lying).upload_blob(DIGEST, DATA)
    chunks = -(-len(DATA) // (64 * 1024))
    assert lying.requests["PATCH"] == 2 * chunks + MAX_RESYNCS + 2


@pytest.mark.parametrize("lying", ["trickle"], indirect=True)
def test_an_answer_that_never_ends_is_cut_at_the_deadline(lying):
    client = client_for(lying, deadline=1.0, timeout=(2.0, 2.0))
    started = time.monotonic()
    with pytest.raises(AnswerTooSlow):
        client.health()
    elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 3.0, elapsed  # the deadline, overshot by at most one read
    assert lying.bytes_streamed >= 5  # it was really trickling when we hung up


@pytest.mark.parametrize("lying", ["endless"], indirect=True)
def test_an_endless_body_is_cut_at_the_size_bound(lying):
    client = client_for(lying)
    with pytest.raises(AnswerTooLarge):
        client.health()
    # memory stayed bounded: we read a little over the 4 MiB bound, not the stream
    with pytest.raises(AnswerTooLarge):
        client.fetch_catalog()  # the catalog's larger bound is a bound too


@pytest.mark.parametrize("lying", ["huge-length"], indirect=True)
def test_a_declared_huge_body_is_refused_before_reading_it(lying):
    with pytest.raises(AnswerTooLarge, match="应答过大"):
        client_for(lying).health()


@pytest.mark.parametrize("lying", ["silent"], indirect=True)
def test_a_center_that_stops_mid_answer_is_a_transient_error(lying):
    started = time.monotonic()
    with pytest.raises(Transient):
        client_for(lying, timeout=(1.0, 1.0)).health()
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("lying", ["mismatch-beyond"], indirect=True)
def test_the_sync_thread_sets_the_case_aside_with_the_reason_and_goes_on(lying, tmp_path):
    outbox = Outbox.open(AppPaths.under(tmp_path).ensure(), Keystore())
    rng = random.Random(7)
    first = outbox.seal(*make_case(rng, item_code="X", material_code="M", n_blobs=1))
    client = client_for(lying)
    sync = SyncService(
        outbox, client, backoff=Backoff(base=0.01, cap=0.05), rng=random.Random(0),
        upload_ahead=False,
    )
    started = time.monotonic()
    sync.run_until_idle()
    assert time.monotonic() - started < 10
    entry = outbox.get(first.uuid)
    assert entry.state == "needs_attention"
    assert "超过实际发送或文件大小" in entry.last_error
    assert lying.requests["PATCH"] == 1
    outbox.close()
