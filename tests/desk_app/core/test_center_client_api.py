"""Every endpoint of API v1 through ``CenterClient``, against the real reference center."""

from __future__ import annotations

import json
import random
import socket
import threading
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.case_model import MaterialRecord
from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import (
    BadCredentials,
    CenterError,
    NotFound,
    Rejected,
    SessionExpired,
)
from desk_app.core.crypto import sha256_hex


def test_sessions(live_center):
    client = CenterClient(live_center.url)
    assert client.health()["status"] == "ok"
    with pytest.raises(BadCredentials):
        client.login("clerk01", "wrong", "W01")
    result = client.login("clerk02", "demo1234", "W02")
    assert result.clerk.username == "clerk02" and result.clerk.name == "李强"
    assert client.token == result.token
    client.logout()
    client.token = result.token
    with pytest.raises(SessionExpired, match="请重新登录"):
        client.calendar(2026)


def test_reference_data(live_center):
    client = live_center.client()
    status, etag, body = client.fetch_catalog()
    assert status == 200 and etag and json.loads(body)["items"]
    assert client.fetch_catalog(etag) == (304, etag, b"")
    year = client.calendar(2026)
    assert year["year"] == 2026 and any(d["kind"] == "holiday" for d in year["days"])
    with pytest.raises(NotFound):
        client.calendar(1999)
    pre = client.pre_application("YS2026DEMO01R")
    assert pre["code"] == "YS2026DEMO01R" and pre["item_codes"]
    with pytest.raises(NotFound):
        client.pre_application("YS2026DEMO03N")  # well-formed (check character right), unknown
    with pytest.raises(Rejected, match="预审编号格式不正确"):
        client.pre_application("NO-SUCH-CODE")  # refused by its shape, before any lookup
    shop = client.licences("91610100MA6TG1234E")  # the demo shop's USCC
    assert shop and all(lic["holder_id"] == "91610100MA6TG1234E" for lic in shop)
    assert client.licences("110105194912310021") == []
    # a number not read from a card here (a pre-application's) is a typed lookup: it needs
    # a purpose, which the center records beside it
    with pytest.raises(Rejected, match="须填写查询用途"):
        client.licences("91610100MA6TG1234E", basis="typed")
    assert client.licences("91610100MA6TG1234E", basis="typed", purpose="网上预审件 YS2026DEMO01R")


def test_cases_supplements_evaluations(live_center):
    client = live_center.client()
    draft, blobs = live_center.case(random.Random(30303))  # files no other test uploads
    for digest, data in blobs.items():
        assert client.blob_state(digest) is None
        client.upload_blob(digest, data)
        assert client.blob_state(digest).complete
    draft.materials.append(
        MaterialRecord(draft.items[0], live_center.deferred_material_code, "容缺材料", "deferred",
                       due_date=date(2026, 12, 31))
    )
    draft.decision.kind = "accept_deferred"
    payload = draft.to_payload("W01-20261121-0099", datetime.now().astimezone())
    first = client.submit_case(payload, draft.uuid)
    again = client.submit_case(payload, draft.uuid)
    assert (first.number, first.replayed, again.replayed) == (first.number, False, True)
    assert again.number == first.number
    assert client.get_case(first.number).uuid == draft.uuid
    assert client.get_case_by_uuid(draft.uuid).number == first.number
    changed = dict(payload, ticket_number="B999")
    with pytest.raises(Rejected) as info:
        client.submit_case(changed, draft.uuid)
    assert info.value.problem == "idempotency-key-reused"
    late = b"%PDF supplement" * 10
    client.upload_blob(sha256_hex(late), late)
    supplement = client.submit_supplement(
        first.number, {"material_code": live_center.deferred_material_code,
                       "blobs": [sha256_hex(late)]}, "sup-key-1",
    )
    assert supplement["case_number"] == first.number
    rating = client.submit_evaluation(
        {"case_uuid": draft.uuid, "overall": 5, "channel": "counter"}, "eva-key-1"
    )
    assert rating["case_number"] == first.number
    with pytest.raises(Rejected) as bad:
        client.submit_evaluation({"case_uuid": draft.uuid, "overall": 1}, "eva-key-2")
    assert bad.value.status == 422


def test_queue(live_center):
    client = live_center.client()
    issued = client.issue_ticket()
    assert issued["ticket"]
    called = client.call_next("W01")  # the window this session signed in at
    assert called is not None and called["status"] == "called"
    assert client.ticket_action(called["ticket"], "recall")["ticket"] == called["ticket"]
    moved = client.ticket_action(called["ticket"], "transfer", to_window="W08")
    assert moved["ticket"] == called["ticket"]
    with pytest.raises(ValueError):
        client.ticket_action("A001", "explode")


class RawServer:
    """Answers each connection with whatever bytes the test sets, then closes."""

    def __init__(self) -> None:
        self.reply = b""
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(self.reply)
                except OSError:
                    pass


@pytest.fixture(scope="module")
def raw_server():
    server = RawServer()
    yield server
    server.sock.close()


http_replies = st.one_of(
    st.binary(max_size=200),
    st.builds(
        lambda status, headers, body: (
            f"HTTP/1.1 {status} X\r\n".encode() + headers + b"\r\n" + body
        ),
        st.integers(100, 999),
        st.sampled_from([
            b"Content-Length: 5\r\n", b"Content-Length: 900\r\n", b"Upload-Offset: -3\r\n",
            b"Upload-Offset: 12\r\nUpload-Complete: 1\r\n", b"Transfer-Encoding: chunked\r\n",
            b"Content-Type: application/problem+json\r\n", b"",
        ]),
        st.binary(max_size=120) | st.just(b'{"number": "1", "uuid": "u", "status": "s"}'),
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reply=http_replies)
def test_any_bytes_on_the_wire_give_a_result_or_a_typed_error(raw_server, reply):
    raw_server.reply = reply
    client = CenterClient(raw_server.url, token="t", timeout=2)
    for call in (
        lambda: client.health(),
        lambda: client.blob_state("a" * 64),
        lambda: client.submit_case({"uuid": "u"}, "u"),
        lambda: client.call_next("W01"),
        lambda: client.fetch_catalog("etag"),
    ):
        try:
            call()
        except CenterError:
            pass
    client.close()
