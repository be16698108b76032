"""Papers for a case: thermal slips (queue ticket, 收件回执) and A4 notices (PDF).

Give raw values; masking happens inside. The lead's entry points:

- ``build_receipt(ReceiptData) -> Slip`` and ``build_ticket(TicketData) -> Slip``,
  then ``devices.printer.open_printer(uri).print_slip(slip)``;
- ``render_notice(kind, NoticeData) -> bytes`` (PDF), kinds in ``NOTICE_KINDS``
  (the case model's decision kinds plus ``"materials"``);
- ``receipt_from_case`` / ``notice_from_case`` turn a sealed ``CaseDraft`` into that data.
"""

from desk_app.core.documents.data_files import DataFileError, receipt_from_json, ticket_from_json
from desk_app.core.documents.from_case import notice_from_case, receipt_from_case
from desk_app.core.documents.models import (
    DefectiveMaterial,
    DeferredMaterial,
    MaterialLine,
    NoticeData,
    Person,
    ReceiptData,
    TicketData,
)
from desk_app.core.documents.notices import NOTICE_KINDS, NoticeError, render_notice
from desk_app.core.documents.pdf_fonts import CjkFonts, FontMissing, load_cjk_fonts
from desk_app.core.documents.pdf_parts import SignatureImageError
from desk_app.core.documents.slips import build_receipt, build_ticket
from desk_app.core.documents.template_files import TemplateError

__all__ = [
    "NOTICE_KINDS",
    "CjkFonts",
    "DataFileError",
    "DefectiveMaterial",
    "DeferredMaterial",
    "FontMissing",
    "MaterialLine",
    "NoticeData",
    "NoticeError",
    "Person",
    "ReceiptData",
    "SignatureImageError",
    "TemplateError",
    "TicketData",
    "build_receipt",
    "build_ticket",
    "load_cjk_fonts",
    "notice_from_case",
    "receipt_from_case",
    "receipt_from_json",
    "render_notice",
    "ticket_from_json",
]
