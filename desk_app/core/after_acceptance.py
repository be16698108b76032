"""What the after-acceptance panels (本窗口办件, 出件, 邮寄, 窗口概况) call, Qt-free: the
window's cases, finding one by a receipt's QR seen by the document camera, the handover and
mail, and the dashboard's figures. Everything here may block (network, camera): the panels
run it through the task runner, never on the GUI thread.
"""

from __future__ import annotations

import tempfile
import uuid as uuid_lib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desk_app.core.handover import Collector, Handover
from desk_app.core.window_cases import (
    CenterCaseCache,
    WindowCase,
    case_cache_path,
    find,
    window_cases,
)
from devices.camera.barcodes import decode_codes


class AfterAcceptance:
    def __init__(
        self,
        *,
        outbox: Any,
        sync: Any,
        cache: CenterCaseCache,
        calendar: Any,
        catalog: Any,
        window_id: str,
        read_identity: Callable[[], Any],
        open_camera: Callable[[], Any] | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.outbox, self.sync, self.cache = outbox, sync, cache
        self.calendar, self.catalog, self.window_id = calendar, catalog, window_id
        self.read_identity, self.open_camera, self.today = read_identity, open_camera, today
        self.handover = Handover(outbox, sync.client)

    @classmethod
    def of(cls, services: Any) -> AfterAcceptance:
        """Built from the desk's services (``desk_app.desk_services.DeskServices``)."""
        cache = services.sync.case_cache
        if cache is None:  # a desk built without one (tests): a cache of this run only
            cache = CenterCaseCache(case_cache_path(Path(tempfile.mkdtemp(prefix="cases-"))))
        return cls(
            outbox=services.outbox,
            sync=services.sync,
            cache=cache,
            calendar=services.calendar,
            catalog=services.catalog,
            window_id=services.config.window_id,
            read_identity=services.read_identity,
            open_camera=services.camera_factory(),
        )

    def cases(self, pull: bool = True) -> list[WindowCase]:
        """The window's cases, newest first; ``pull`` asks the center for changes first."""
        if pull:
            self.sync.refresh_statuses()
        return window_cases(
            self.outbox, self.cache, self.window_id, self.calendar, self.catalog, self.today()
        )

    def find(self, cases: list[WindowCase], text: str) -> list[WindowCase]:
        return find(cases, text)

    def code_in_view(self) -> str | None:
        """The first code the document camera sees (a receipt's QR), or None."""
        if self.open_camera is None:
            return None
        camera = self.open_camera()
        try:
            frame = camera.capture_still()
        finally:
            camera.close()
        codes = decode_codes(frame)
        return codes[0].text if codes else None

    def collector(self, case: WindowCase, identity: Any, *, as_agent: bool,
                  proxy_blobs: tuple[str, ...] = ()) -> Collector:
        return self.handover.collector(
            case.uuid, identity.name, identity.id_number, as_agent=as_agent,
            proxy_blobs=proxy_blobs,
        )

    def hand_over(self, case: WindowCase, collector: Collector) -> dict[str, Any]:
        return self.handover.hand_over(case.number, collector, str(uuid_lib.uuid4()))

    def mail(self, case: WindowCase, waybill: str, carrier: str) -> dict[str, Any]:
        return self.handover.mail(case.number, waybill, carrier, str(uuid_lib.uuid4()))

    def stats(self, day: date | None = None) -> dict[str, Any]:
        return self.sync.client.window_stats((day or self.today()).isoformat())
