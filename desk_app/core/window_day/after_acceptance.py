"""What the after-acceptance panels (本窗口办件, 出件, 邮寄, 窗口概况) call, Qt-free: the
window's cases, finding one by a receipt's QR seen by the document camera, the handover and
mail, and the dashboard's figures. Everything here may block (network, camera): the panels
run it through the task runner, never on the GUI thread.
"""

from __future__ import annotations

import tempfile
import uuid as uuid_lib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk_app.core.case_model import SupplementDraft
from desk_app.core.center_errors import Transient
from desk_app.core.crypto import sha256_hex
from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER
from desk_app.core.sending.outbox_entries import OutboxError
from desk_app.core.window_day.center_record import draft_from_paper, holder_rows
from desk_app.core.window_day.handover import Collector, Handover, Outcome
from desk_app.core.window_day.window_cases import (
    CenterCaseCache,
    WindowCase,
    case_cache_path,
    find,
    window_case,
    window_cases,
)
from devices.camera.barcodes import decode_codes
from devices.printer.receipt_printer import open_printer
from devices.printer.slip import Cut, Feed, Slip, TextLine
from forms.vocabulary import FINAL_STATUSES as FINAL


@dataclass(frozen=True)
class CardCases:
    cases: list[WindowCase]
    from_center: bool  # False: the center did not answer, only this desk's own are listed


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
        papers: Any = None,
        printer_uri: str = "",
    ) -> None:
        self.outbox, self.sync, self.cache = outbox, sync, cache
        self.calendar, self.catalog, self.window_id = calendar, catalog, window_id
        self.read_identity, self.open_camera, self.today = read_identity, open_camera, today
        self.handover = Handover(outbox, sync.client, window_id, sync.wake)
        self.papers, self.printer_uri = papers, printer_uri

    @classmethod
    def of(cls, services: Any) -> AfterAcceptance:
        """Built from the desk's services (``desk_app.services.desk_services.DeskServices``)."""
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
            papers=services.papers,
            printer_uri=services.config.devices.get(ROLE_RECEIPT_PRINTER, ""),
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

    def cases_of_card(self, cases: list[WindowCase]) -> CardCases:
        """Read the card on the reader: its holder's open cases — those held here (keyed
        hash against the local records) and the hall's at the center (its keyed hash);
        the number is never shown. Offline: the local ones, and ``from_center`` False."""
        identity = self.read_identity()
        mine = set(self.handover.cases_of([c.uuid for c in cases if c.local], identity.id_number))
        found = {c.uuid: c for c in cases if c.uuid in mine and c.status not in FINAL}
        try:
            rows = holder_rows(self.sync.client.cases_of_holder(identity.id_number))
        except Transient:  # offline: what this desk holds (a refusal, e.g. 429, is shown)
            return CardCases(list(found.values()), from_center=False)
        today = self.today()
        for row in rows:
            known = next((c for c in cases if c.uuid == row["uuid"]), None)
            found[row["uuid"]] = known or window_case(
                {**row, "official": True, "local": False}, self.calendar, self.catalog, today)
        ordered = sorted(found.values(), key=lambda c: c.received_at, reverse=True)
        return CardCases(ordered, from_center=True)

    def still(self) -> Any:
        """One still from the document camera (opened for it and closed after)."""
        camera = self.open_camera()
        try:
            return camera.capture_still()
        finally:
            camera.close()

    def code_in_view(self) -> str | None:
        """The first code the document camera sees (a receipt's QR), or None."""
        if self.open_camera is None:
            return None
        codes = decode_codes(self.still())
        return codes[0].text if codes else None

    def collector(self, case: WindowCase, identity: Any, *, as_agent: bool,
                  proxy_letter: bytes | None = None) -> Collector:
        return self.handover.collector(
            case.uuid, identity.name, identity.id_number, as_agent=as_agent,
            proxy_letter=proxy_letter,
        )

    def hand_over(self, case: WindowCase, collector: Collector, signature_png: bytes) -> Outcome:
        return self.handover.hand_over(case.uuid, case.number, collector, signature_png,
                                       str(uuid_lib.uuid4()), status=case.status)

    def mail(self, case: WindowCase, waybill: str, carrier: str) -> Outcome:
        return self.handover.mail(case.uuid, case.number, waybill, carrier,
                                  str(uuid_lib.uuid4()), status=case.status)

    # ---- 容缺补交, 补打, slips ----------------------------------------------------------
    def supplement(self, case: WindowCase, material_code: str, data: bytes) -> list[str]:
        """Seal a deferred material of a case held here (sent like a case, exactly once);
        the 补交回执's lines. After the due date it is still taken, marked 逾期."""
        owed = next((d for d in case.deferred_owed if d.material_code == material_code), None)
        if owed is None:
            raise OutboxError("该材料不是本办件待补交的容缺材料。")
        request = self.outbox.record(case.uuid)["request"]
        item = next(m["item_code"] for m in request["materials"]
                    if m["material_code"] == material_code)
        digest = sha256_hex(data)
        sealed = self.outbox.seal_supplement(
            SupplementDraft(str(uuid_lib.uuid4()), case.uuid, item, material_code, [digest]),
            {digest: data},
        )
        late = owed.days_left is not None and owed.days_left < 0
        return [
            "补 交 回 执",
            f"办件编号：{case.number}",
            f"补交材料：{owed.name}",
            f"补交编号：{sealed.provisional_number}",
            f"补交时间：{datetime.now().strftime('%Y-%m-%d %H:%M')}",
            f"应补交日期：{owed.due_date or '—'}" + ("（逾期补交）" if late else ""),
        ]

    def reprint(self, case: WindowCase) -> Any:
        """The case's 收件回执 again, marked 补打: from the local record while kept, else
        from the center's record of the case (``GET /cases/{number}/paper``)."""
        if self.papers is None:
            raise OutboxError("未配置回执打印，无法补打回执。")
        if case.local:
            entry = self.outbox.get(case.uuid)
            return self.papers.print_receipt(
                self.outbox.draft(case.uuid), entry.official_number or entry.provisional_number,
                not entry.official_number, entry.sealed_at.astimezone(), reprint=True)
        if not case.official:
            raise OutboxError("该办件尚未取得正式编号，且本机已无记录，无法补打回执。")
        try:
            paper = self.sync.client.case_paper(case.number)
        except Transient as exc:
            raise OutboxError("本机已不保存该办件的记录，中心暂时连不上：请联网后再补打。") from exc
        draft, accepted_at = draft_from_paper(paper)
        return self.papers.print_receipt(draft, case.number, False, accepted_at, reprint=True)

    def print_lines(self, lines: list[str]) -> str:
        """A plain slip (补交回执, 领取凭证, address label) on the receipt printer."""
        if not self.printer_uri:
            raise OutboxError("未绑定回执打印机：请在 machine.toml 中配置 receipt_printer")
        slip = Slip("receipt", [TextLine(lines[0], align="center", bold=True, size="double"),
                                *(TextLine(line) for line in lines[1:]), Feed(3), Cut()])
        with open_printer(self.printer_uri) as printer:
            printer.print_slip(slip)
        return self.printer_uri.split("?", 1)[0]

    def stats(self, day: date | None = None) -> dict[str, Any]:
        return self.sync.client.window_stats((day or self.today()).isoformat())
