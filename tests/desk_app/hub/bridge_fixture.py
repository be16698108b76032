"""A running bridge over a real hub: simulated card, simulated camera, the TCP receipt
printer emulator and a raw-PDF A4 printer, with a real audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from desk_app.core.audit import AuditLog, load_audit_key
from desk_app.core.bridge.server import BridgeServer
from desk_app.core.bridge.settings import BridgeSettings
from desk_app.core.hardware.device_hub import DeviceHub
from desk_app.core.machine_config import (
    ROLE_A4_PRINTER,
    ROLE_CAMERA,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
)

APP = "http://app.test:8080"
OTHER = "http://other.test:8080"


@dataclass
class RunningBridge:
    server: BridgeServer
    hub: DeviceHub
    audit: AuditLog
    codes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, origin: str | None = APP, token: str | None = None) -> httpx.Client:
        headers = {}
        if origin:
            headers["Origin"] = origin
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)

    def pair(self, origin: str = APP) -> str:
        with self.client(origin) as c:
            assert c.post("/v1/pairing").status_code == 200
            code = next(code for o, code in reversed(self.codes) if o == origin)
            answer = c.post("/v1/pairing/confirm", json={"code": code})
            assert answer.status_code == 200, answer.text
            return answer.json()["token"]


def start_bridge(tmp_path, *, printer_uri: str, a4_uri: str, origins=(APP,),
                 reader: str = "sim:zhang-wei", limiter=None,
                 scanner: str = "") -> RunningBridge:
    hub = DeviceHub({
        **({ROLE_SCANNER: scanner} if scanner else {}),
        ROLE_ID_READER: reader,
        ROLE_CAMERA: "camera-sim:?seed=3&width=1600&height=1200&frames_per_image=5",
        ROLE_RECEIPT_PRINTER: printer_uri,
        ROLE_A4_PRINTER: a4_uri,
    })
    audit = AuditLog.in_data_dir(tmp_path, id_key=load_audit_key(create=True), window="W01")
    codes: list[tuple[str, str]] = []
    server = BridgeServer(hub, BridgeSettings(True, 0, frozenset(origins)),
                          show_code=lambda origin, code: codes.append((origin, code)),
                          audit=audit, clerk="clerk01", limiter=limiter)
    server.start()
    return RunningBridge(server, hub, audit, codes)
