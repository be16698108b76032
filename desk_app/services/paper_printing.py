"""Papers for a sealed case: the decision's slip (收件回执, or the 不予受理 slip) on the
bound thermal printer, and the A4 notice matching the decision, as a PDF for the preview.

Which papers a decision prints is ``core.case_flow.papers`` — here a 收件回执 for a
refusal or a 一次性告知 is refused outright, whoever asks. Called only after the outbox
has sealed the case, so no paper exists for a case that could still be lost. The data
comes from the same CaseDraft the outbox sealed. One slip at a time reaches a printer:
a walk-in's queue ticket (F9) never interleaves with a receipt printing.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from typing import Any

from desk_app.core.case_flow.papers import (
    RECEIPT,
    REFUSAL_SLIP,
    NoSuchPaper,
    require_paper,
    slip_for,
)
from desk_app.core.case_model import CaseDraft
from desk_app.core.documents import build_receipt, build_ticket, render_notice, ticket_from_json
from desk_app.core.documents.from_case import (
    Specs,
    notice_from_case,
    receipt_from_case,
    refusal_from_case,
)
from desk_app.core.documents.slips import build_refusal
from desk_app.core.machine_config import (
    ROLE_RECEIPT_PRINTER,
    ROLE_TICKET_PRINTER,
    MachineConfig,
)
from desk_app.services.view_data import ReceiptPreview
from devices.printer.slip import Slip
from forms.working_days import WorkingCalendar

PLEDGE_TEXT = ("本人承诺所提交的信息和材料真实、准确、完整，已知晓告知承诺的全部内容，"
               "愿意承担不实承诺的法律责任。")
__all__ = ["PLEDGE_TEXT", "CasePapers", "NoSuchPaper"]


class CasePapers:
    def __init__(self, config: MachineConfig, catalog, calendar: WorkingCalendar,
                 progress_url: str, clerk: str, guide_url: str = "",
                 send_slip=None) -> None:
        self.config = config
        self.catalog = catalog
        self.calendar = calendar
        self.progress_url = progress_url.rstrip("/")
        self.guide_url = (guide_url or progress_url.rsplit("/", 1)[0] + "/guide").rstrip("/")
        self.clerk = clerk
        self._printing = threading.Lock()  # one slip at a time per desk
        # the device hub's printer thread (DeskContext); None: open the printer here
        self.send_slip = send_slip

    def item_names(self, draft: CaseDraft) -> dict[str, str]:
        return {c: self.catalog.item(c).name for c in draft.items if c in self.catalog.items}

    def specs(self, draft: CaseDraft) -> Specs:
        """What the catalog asks of each material of the case's items."""
        return {(c, m.code): m for c in draft.items if c in self.catalog.items
                for m in self.catalog.item(c).materials}

    def promised_date(self, draft: CaseDraft, accepted: date) -> date | None:
        if draft.decision.kind in ("refuse", "incomplete"):
            return None
        days = [self.catalog.item(c).promised_days for c in draft.items
                if c in self.catalog.items]
        return self.calendar.add_working_days(accepted, max(days)) if days else None

    # thermal slips ------------------------------------------------------------------------
    def print_slip(self, draft: CaseDraft, number: str, provisional: bool,
                   at: datetime) -> ReceiptPreview | None:
        """The decision's slip: 收件回执, 不予受理告知单, or none (一次性告知)."""
        paper = slip_for(draft.decision.kind)
        if paper == RECEIPT:
            return self.print_receipt(draft, number, provisional, at)
        if paper == REFUSAL_SLIP:
            return self.print_refusal(draft, number, provisional, at)
        return None

    def print_receipt(self, draft: CaseDraft, number: str, provisional: bool,
                      accepted_at: datetime, reprint: bool = False) -> ReceiptPreview:
        require_paper(draft.decision.kind, RECEIPT)  # nothing received: no 收件回执
        data = receipt_from_case(
            draft, case_number=number, provisional=provisional, accepted_at=accepted_at,
            item_names=self.item_names(draft), window=self.config.window_name,
            clerk=self.clerk, qr_url=f"{self.progress_url}/{draft.uuid}",
            promised_date=self.promised_date(draft, accepted_at.date()),
            hall=self.config.hall_name, specs=self.specs(draft), reprint=reprint)
        return self._print(build_receipt(data), ROLE_RECEIPT_PRINTER)

    def print_refusal(self, draft: CaseDraft, number: str, provisional: bool,
                      refused_at: datetime) -> ReceiptPreview:
        require_paper(draft.decision.kind, REFUSAL_SLIP)
        data = refusal_from_case(
            draft, case_number=number, provisional=provisional, refused_at=refused_at,
            item_names=self.item_names(draft), window=self.config.window_name,
            clerk=self.clerk, guide_url=self.guide_for(draft), hall=self.config.hall_name)
        return self._print(build_refusal(data), ROLE_RECEIPT_PRINTER)

    def guide_for(self, draft: CaseDraft) -> str:
        return f"{self.guide_url}?items={','.join(draft.items)}"

    def print_ticket(self, view: dict[str, Any]) -> ReceiptPreview:
        """A walk-in's queue ticket (F9), as the center issued it: on the ticket printer
        when one is bound, else on the receipt printer — as a ticket, between slips."""
        data = ticket_from_json(view)
        data.hall = data.hall or self.config.hall_name
        if data.issued_at.tzinfo is not None:  # the center answers in UTC; the hall reads local
            data.issued_at = data.issued_at.astimezone()
        role = (ROLE_TICKET_PRINTER if self.config.devices.get(ROLE_TICKET_PRINTER)
                else ROLE_RECEIPT_PRINTER)
        return self._print(build_ticket(data), role)

    def _print(self, slip: Slip, role: str) -> ReceiptPreview:
        preview = ReceiptPreview(lines=slip.text().splitlines())
        uri = self.config.devices.get(role)
        if not uri:
            preview.warnings.append(f"未绑定{_ROLE_WORDS[role]}：请在 machine.toml 中配置 {role}")
            return preview
        if self.send_slip is not None and role == ROLE_RECEIPT_PRINTER:
            with self._printing:
                result = self.send_slip(slip)
        else:
            from devices.printer.receipt_printer import open_printer  # python-escpos: ~1 s

            with self._printing, open_printer(uri) as printer:
                result = printer.print_slip(slip)
        preview.printed_to = uri.split("?", 1)[0]
        if result.replaced:
            preview.warnings.append(result.clerk_note())
        return preview

    # A4 notices ---------------------------------------------------------------------------
    def notice_pdf(self, draft: CaseDraft, number: str, provisional: bool, issued: date,
                   missing: list[str], signature_png: bytes | None,
                   insufficient: dict[str, str] | None = None) -> tuple[str, bytes]:
        """The notice for the decision; 一次性告知书 lists at once every material that is
        not sufficient (with what is needed) and every missing one (with what it takes)."""
        data = notice_from_case(
            draft, case_number=number, provisional=provisional, issued_on=issued,
            item_names=self.item_names(draft), window=self.config.window_name,
            clerk=self.clerk, hall=self.config.hall_name,
            promised_date=self.promised_date(draft, issued),
            qr_url=(self.guide_for(draft) if draft.decision.kind in ("refuse", "incomplete")
                    else f"{self.progress_url}/{draft.uuid}"),
            pledge_text=PLEDGE_TEXT if draft.decision.kind == "accept_pledge" else "",
            signature_png=signature_png, specs=self.specs(draft), missing=missing,
            insufficient=insufficient)
        return draft.decision.kind, render_notice(draft.decision.kind, data)


_ROLE_WORDS = {ROLE_RECEIPT_PRINTER: "回执打印机", ROLE_TICKET_PRINTER: "号票打印机"}
