"""The bridge's server: uvicorn on 127.0.0.1 only, in a thread of the desk (or of
``desk-app bridge``), over the hub it is given."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import uvicorn

from desk_app.core.bridge.app import BridgeContext, create_app
from desk_app.core.bridge.notices import BridgeNotices
from desk_app.core.bridge.pairing import PairingBook
from desk_app.core.bridge.rate_limit import RateLimiter
from desk_app.core.bridge.settings import BridgeSettings
from desk_app.core.hardware.device_hub import DeviceHub

log = logging.getLogger(__name__)
HOST = "127.0.0.1"  # never another interface: the bridge is for this machine's browser


class BridgeServer:
    def __init__(self, hub: DeviceHub, settings: BridgeSettings, *,
                 show_code: Callable[[str, str], None] = lambda _o, _c: None,
                 audit=None, clerk: str = "",
                 limiter: RateLimiter | None = None) -> None:
        self.settings = settings
        self.notices = BridgeNotices()
        self.notices.add_listener(show_code)
        self.pairing = PairingBook(self.notices.show)
        self._audit = audit
        self._clerk = clerk or "bridge"
        self.ctx = BridgeContext(hub=hub, pairing=self.pairing, allow=settings.allowed_origins,
                                 audit=self._record, limiter=limiter or RateLimiter(),
                                 card_digest=audit.card_digest if audit else (lambda _n: ""))
        config = uvicorn.Config(create_app(self.ctx), host=HOST, port=settings.port,
                                log_level="warning", access_log=False, lifespan="off",
                                ws="websockets-sansio", server_header=False)
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self._thread: threading.Thread | None = None

    def _record(self, origin: str, operation: str, outcome: str, extra: dict) -> None:
        if self._audit is None:
            return
        detail = {"operation": operation, "outcome": outcome,
                  **{k: v for k, v in extra.items() if v not in ("", None)}}
        try:
            self._audit.record("bridge", clerk=self._clerk, target=origin or "-", detail=detail)
        except Exception:  # an audit failure is logged; the page gets its answer
            log.exception("bridge audit record failed")

    @property
    def port(self) -> int:
        return self.ctx.port

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        self._thread = threading.Thread(target=self._server.run, name="device-bridge",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"柜台设备服务未能在 {HOST}:{self.settings.port} 启动"
                                   "（端口被占用？）")
            time.sleep(0.02)
        self.ctx.port = self._server.servers[0].sockets[0].getsockname()[1]
        log.info("device bridge on %s", self.url)

    def stop(self, timeout: float = 5.0) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
