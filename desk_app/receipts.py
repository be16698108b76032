"""Papers for a sealed case: the receipt (收件回执) on the bound thermal printer, and the
A4 notice matching the decision, as a PDF for the preview dialog.

Called only after the outbox has sealed the case, so no paper exists for a case that
could still be lost. The data comes from the same CaseDraft the outbox sealed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from desk_app.core.case_model import CaseDraft
from desk_app.core.documents import DefectiveMaterial, build_receipt, render_notice
from desk_app.core.documents.from_case import notice_from_case, receipt_from_case
from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER, MachineConfig
from desk_app.ui_models import ReceiptPreview
from devices.printer.receipt_printer import open_printer
from forms.working_days import WorkingCalendar

PLEDGE_TEXT = ("本人承诺所提交的信息和材料真实、准确、完整，已知晓告知承诺的全部内容，"
               "愿意承担不实承诺的法律责任。")


class CasePapers:
    def __init__(self, config: MachineConfig, catalog, calendar: WorkingCalendar,
                 progress_url: str, clerk: str) -> None:
        self.config = config
        self.catalog = catalog
        self.calendar = calendar
        self.progress_url = progress_url.rstrip("/")
        self.clerk = clerk

    def item_names(self, draft: CaseDraft) -> dict[str, str]:
        return {c: self.catalog.item(c).name for c in draft.items if c in self.catalog.items}

    def promised_date(self, draft: CaseDraft, accepted: date) -> date | None:
        if draft.decision.kind in ("refuse", "incomplete"):
            return None
        days = [self.catalog.item(c).promised_days for c in draft.items
                if c in self.catalog.items]
        return self.calendar.add_working_days(accepted, max(days)) if days else None

    def print_receipt(self, draft: CaseDraft, number: str, provisional: bool,
                      accepted_at: datetime, reprint: bool = False) -> ReceiptPreview:
        data = receipt_from_case(
            draft, case_number=number, provisional=provisional, accepted_at=accepted_at,
            item_names=self.item_names(draft), window=self.config.window_name,
            clerk=self.clerk, qr_url=f"{self.progress_url}/{draft.uuid}",
            promised_date=self.promised_date(draft, accepted_at.date()),
            hall=self.config.hall_name, reprint=reprint)
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

    def notice_pdf(self, draft: CaseDraft, number: str, provisional: bool, issued: date,
                   missing: list[str], signature_png: bytes | None) -> tuple[str, bytes]:
        """The notice for the decision; 一次性告知书 lists every missing material at once."""
        data = notice_from_case(
            draft, case_number=number, provisional=provisional, issued_on=issued,
            item_names=self.item_names(draft), window=self.config.window_name,
            clerk=self.clerk, hall=self.config.hall_name,
            promised_date=self.promised_date(draft, issued),
            qr_url=f"{self.progress_url}/{draft.uuid}",
            pledge_text=PLEDGE_TEXT if draft.decision.kind == "accept_pledge" else "",
            signature_png=signature_png)
        if draft.decision.kind == "incomplete":
            data = replace(data, defects=[DefectiveMaterial(name, "未提交") for name in missing])
        return draft.decision.kind, render_notice(draft.decision.kind, data)
