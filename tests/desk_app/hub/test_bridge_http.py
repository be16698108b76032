"""The device bridge over HTTP and WebSocket on a real loopback server and a real hub."""

from __future__ import annotations

import base64
import hashlib
import json

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from desk_app.core.bridge.rate_limit import RateLimiter
from tests.desk_app.hub.bridge_fixture import APP, OTHER, start_bridge
from tests.desk_app.hub.raw_sink import RawJobSink

pytestmark = pytest.mark.realstack  # a real server on loopback, the TCP printer emulator


@pytest.fixture
def bridge(tmp_path, emulator):
    sink = RawJobSink()
    running = start_bridge(tmp_path, printer_uri=emulator.uri, a4_uri=sink.uri)
    running.sink = sink
    running.emulator = emulator
    yield running
    running.server.stop()
    running.hub.close()
    sink.close()


def _audit(bridge) -> list:
    return [r for r in bridge.audit.records() if r.action == "bridge"]


def test_status_answers_without_pairing_and_says_no_personal_data(bridge):
    with bridge.client() as c:
        answer = c.get("/v1/status")
    assert answer.status_code == 200
    roles = {d["role"]: d for d in answer.json()["devices"]}
    assert roles["id_reader"]["bound"] and roles["scanner"]["bound"] is False
    assert answer.headers["access-control-allow-origin"] == APP
    assert "张伟" not in answer.text


def test_another_origin_gets_no_cors_answer(bridge):
    with bridge.client(OTHER) as c:
        answer = c.get("/v1/status")
        read = c.post("/v1/card/read")
    assert "access-control-allow-origin" not in answer.headers
    assert read.status_code == 403 and "未获本机授权" in read.json()["message"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.2:{port}",
                                  "localhost.evil.example", "127.0.0.1:1"])
def test_a_host_that_is_not_the_loopback_is_refused(bridge, host):
    with bridge.client() as c:
        answer = c.get("/v1/status", headers={"Host": host.format(port=bridge.server.port)})
    assert answer.status_code == 421
    assert "access-control-allow-origin" not in answer.headers


def test_private_network_preflight_is_granted_to_allowed_origins_only(bridge):
    ask = {"Access-Control-Request-Method": "POST",
           "Access-Control-Request-Headers": "authorization,content-type",
           "Access-Control-Request-Private-Network": "true"}
    with bridge.client() as c:
        granted = c.options("/v1/card/read", headers=ask)
    with bridge.client(OTHER) as c:
        refused = c.options("/v1/card/read", headers=ask)
    assert granted.status_code == 204
    assert granted.headers["access-control-allow-private-network"] == "true"
    assert granted.headers["access-control-allow-origin"] == APP
    assert "POST" in granted.headers["access-control-allow-methods"]
    assert refused.status_code == 403
    assert "access-control-allow-private-network" not in refused.headers
    assert "access-control-allow-origin" not in refused.headers


def test_pairing_then_card_read_and_the_audit_has_no_personal_data(bridge):
    with bridge.client() as c:
        assert c.post("/v1/card/read").status_code == 401
        assert c.post("/v1/pairing").json()["expires_in"] == 300
        again = c.post("/v1/pairing")  # a looping page gets no second dialog
        assert again.status_code == 403 and len(bridge.codes) == 1
        assert c.post("/v1/pairing/confirm", json={"code": "000000x"}).status_code == 403
        confirmed = c.post("/v1/pairing/confirm", json={"code": bridge.codes[0][1]})
    assert confirmed.status_code == 200
    token = confirmed.json()["token"]
    with bridge.client(token=token) as c:
        answer = c.post("/v1/card/read", json={"timeout": 3})
    assert answer.status_code == 200, answer.text
    card = answer.json()
    assert card["name"] == "张伟" and card["id_number"].startswith("610104")
    assert "photo_wlt_base64" not in card and "raw_text_base64" not in card
    # the token is the origin's: another origin presenting it is refused
    with bridge.client(OTHER, token=token) as c:
        assert c.post("/v1/card/read").status_code == 403
    records = _audit(bridge)
    ops = [(r.target, r.detail["operation"], r.detail["outcome"]) for r in records]
    assert (APP, "read_card", "not_paired") in ops
    assert (APP, "read_card", "ok") in ops
    assert (OTHER, "read_card", "origin_not_allowed") in ops
    text = bridge.audit.path.read_text(encoding="utf-8")
    assert "张伟" not in text and card["id_number"] not in text and token not in text


def test_capture_returns_a_finished_page_and_its_digest(bridge):
    token = bridge.pair()
    with bridge.client(token=token) as c:
        answer = c.post("/v1/camera/capture", json={"mode": "document", "format": "jpeg"})
        pdf = c.post("/v1/camera/capture", json={"format": "pdf"})
    assert answer.status_code == 200, answer.text
    page = answer.json()
    data = base64.b64decode(page["data_base64"])
    assert data[:3] == b"\xff\xd8\xff" and page["media_type"] == "image/jpeg"
    assert page["sha256"] == hashlib.sha256(data).hexdigest()
    assert page["width"] > 500 and page["height"] > 500
    assert base64.b64decode(pdf.json()["data_base64"]).startswith(b"%PDF-")


def test_slip_and_pdf_printing(bridge):
    token = bridge.pair()
    data = {"ticket": "A017", "service": "综合受理", "waiting": 3}
    with bridge.client(token=token) as c:
        slip = c.post("/v1/printer/slip", json={"template": "ticket", "data": data})
        bad = c.post("/v1/printer/slip", json={"template": "ticket", "data": {"ticket": 1}})
        pdf_bytes = b"%PDF-1.4\n%test\n" + b"0" * 5000 + b"\n%%EOF\n"
        pdf = c.post("/v1/printer/pdf", content=pdf_bytes,
                     headers={"Content-Type": "application/pdf"})
        not_pdf = c.post("/v1/printer/pdf", content=b"<html>")
    assert slip.status_code == 200, slip.text
    assert b"A017" in bridge.emulator.wait_closed()
    assert bad.status_code == 400 and "小票数据有误" in bad.json()["message"]
    assert pdf.status_code == 200 and bridge.sink.next_job() == pdf_bytes
    assert not_pdf.status_code == 400


def test_rate_limit_per_origin(tmp_path, emulator):
    running = start_bridge(tmp_path, printer_uri=emulator.uri, a4_uri="pdf-file:/nonexistent",
                           limiter=RateLimiter(per_minute=60, burst=3),
                           origins=(APP, OTHER))
    try:
        with running.client() as c:
            codes = [c.get("/v1/status").status_code for _ in range(5)]
            limited = c.get("/v1/status")
        with running.client(OTHER) as c:
            other = c.get("/v1/status")
    finally:
        running.server.stop()
        running.hub.close()
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    assert int(limited.headers["retry-after"]) >= 1
    assert other.status_code == 200  # one page's loop does not block another


def test_events_need_the_token_and_say_device_states(bridge):
    token = bridge.pair()
    url = bridge.url.replace("http", "ws") + "/v1/events"
    with connect(url, origin=APP) as ws:
        ws.send(json.dumps({"token": token}))
        hello = json.loads(ws.recv(5))
        bridge.hub.probe_all()
        bridge.emulator.close()  # the receipt printer goes away
        bridge.hub.probe_all()
        printer = []
        while len(printer) < 2:  # other devices' states come too
            event = json.loads(ws.recv(5))
            if event["type"] == "state" and event["role"] == "receipt_printer":
                printer.append(event["ok"])
    assert hello["type"] == "hello"
    assert printer == [True, False]  # found, then lost
    with connect(url, origin=APP) as ws:
        ws.send(json.dumps({"token": "wrong"}))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(5)
        assert closed.value.rcvd.code == 4401  # not paired
    with pytest.raises(InvalidStatus):  # the handshake itself is refused (HTTP 403)
        with connect(url, origin=OTHER) as ws:
            ws.recv(2)


def test_openapi_document_lists_the_operations(bridge):
    with httpx.Client(base_url=bridge.url) as c:
        doc = c.get("/openapi.json").json()
    assert {"/v1/status", "/v1/card/read", "/v1/camera/capture", "/v1/scanner/scan",
            "/v1/printer/slip", "/v1/printer/pdf", "/v1/pairing"} <= set(doc["paths"])


def test_scan_through_the_bridge_with_sanes_test_feeder(tmp_path, sane_test_backend):
    feeder = "sane:test:1?read-return-value=Default&test-picture=Color pattern"
    running = start_bridge(tmp_path, printer_uri="escpos-sim:", a4_uri="pdf-file:/nonexistent",
                           scanner=feeder)
    try:
        token = running.pair()
        with running.client(token=token) as c:
            pdf = c.post("/v1/scanner/scan", json={"source": "adf", "format": "pdf"})
            pngs = c.post("/v1/scanner/scan", json={"source": "flatbed", "format": "png"})
            bad = c.post("/v1/scanner/scan", json={"source": "tray"})
    finally:
        running.server.stop()
        running.hub.close()
    assert pdf.status_code == 200, pdf.text
    (document,) = pdf.json()["pages"]
    assert base64.b64decode(document["data_base64"]).startswith(b"%PDF-")
    assert pngs.status_code == 200 and len(pngs.json()["pages"]) == 1
    assert bad.status_code == 400 and "source" in bad.json()["message"]
