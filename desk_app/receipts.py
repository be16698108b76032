"""The receipt (收件回执) for a sealed case: built from the template, sent to the bound
thermal printer, and returned as a preview for the clerk's screen.

Called only after the outbox has sealed the case, so a receipt never exists for a
case that could still be lost.
"""

from __future__ import annotations

from datetime import date, datetime

from desk_app.case_state import CaseState
from desk_app.core.documents import (
    DeferredMaterial,
    MaterialLine,
    Person,
    ReceiptData,
    build_receipt,
)
from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER, MachineConfig
from desk_app.ui_models import ReceiptPreview
from devices.printer.receipt_printer import open_printer
from forms.working_days import WorkingCalendar

MODE_NAMES = {"paper": "纸质", "scan": "扫描", "upload": "电子文件", "licence": "电子证照",
              "shared": "共享数据", "pledge": "告知承诺", "deferred": "容缺后补"}


class ReceiptPrinting:
    def __init__(self, config: MachineConfig, catalog, calendar: WorkingCalendar,
                 progress_url: str) -> None:
        self.config = config
        self.catalog = catalog
        self.calendar = calendar
        self.progress_url = progress_url.rstrip("/")

    def promised_date(self, item_codes: list[str], accepted: date) -> date | None:
        days = [self.catalog.item(c).promised_days for c in item_codes if c in self.catalog.items]
        if not days:
            return None
        return self.calendar.add_working_days(accepted, max(days))

    def receipt_data(self, case: CaseState, case_number: str, provisional: bool,
                     accepted_at: datetime, clerk: str) -> ReceiptData:
        received = [m for m in case.materials if m.get("mode") != "deferred"]
        owed = [m for m in case.materials if m.get("mode") == "deferred" and m.get("due_date")]
        return ReceiptData(
            case_number=case_number,
            items=[self.catalog.item(c).name if c in self.catalog.items else c
                   for c in case.item_codes],
            applicant=Person(case.applicant.get("name", ""), case.applicant.get("id_number", "")),
            materials=[MaterialLine(m["name"], max(1, int(m.get("pages") or 1)),
                                    mode=MODE_NAMES.get(m.get("mode", ""), ""))
                       for m in received],
            deferred=[DeferredMaterial(m["name"], m["due_date"]) for m in owed],
            window=self.config.window_name,
            clerk=clerk,
            qr_url=f"{self.progress_url}/{case.uuid}",
            accepted_at=accepted_at,
            provisional=provisional,
            promised_date=self.promised_date(case.item_codes, accepted_at.date()),
            hall=self.config.hall_name,
        )

    def print_receipt(self, case: CaseState, sealed, clerk: str) -> ReceiptPreview:
        number = case.official_number or sealed.provisional_number
        data = self.receipt_data(case, number, not case.official_number,
                                 sealed.sealed_at.astimezone(), clerk)
        slip = build_receipt(data)
        preview = ReceiptPreview(lines=slip.text().splitlines())
        uri = self.config.devices.get(ROLE_RECEIPT_PRINTER)
        if not uri:
            preview.warnings.append("未绑定回执打印机：请在 machine.toml 中配置 receipt_printer")
            return preview
        with open_printer(uri) as printer:
            result = printer.print_slip(slip)
        preview.printed_to = uri.split("?", 1)[0]
        if result.replaced:
            preview.warnings.append(result.clerk_note())
        return preview
