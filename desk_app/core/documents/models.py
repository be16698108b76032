"""The data a slip or notice is made from: plain values, given raw (unmasked).

Masking is the documents' job, not the caller's: a receipt masks the applicant's name
and ID number itself, so no caller can forget to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Person:
    name: str
    id_number: str = ""


@dataclass
class MaterialLine:
    """One material as the papers list it (a bundle's shared material is one line)."""

    name: str
    count: int = 1  # 份数 handed over; 0 for an exempt material
    form: str = ""  # the 形式 column: 原件 / 复印件 / 原件或复印件, or 免于提交（电子证照）
    mode: str = ""  # how it was received: ``forms.vocabulary.MaterialMode`` label (现场扫描…)
    pages: int = 0  # pages captured (scan/upload); 0 when nothing was captured


@dataclass
class DeferredMaterial:
    name: str
    due: date


@dataclass
class DefectiveMaterial:
    """One line of a 一次性告知书: a missing or defective material and what to do."""

    name: str
    problem: str  # e.g. "未提交", "复印件不清晰，请提交原件"


@dataclass
class ReceiptData:
    case_number: str
    items: list[str]
    applicant: Person
    materials: list[MaterialLine]
    window: str
    clerk: str
    qr_url: str
    accepted_at: datetime
    provisional: bool = False  # offline: a provisional number until the center assigns one
    deferred: list[DeferredMaterial] = field(default_factory=list)
    promised_date: date | None = None
    hall: str = ""
    agent: Person | None = None
    reprint: bool = False  # printed again from the case (e.g. with the official number)


@dataclass
class RefusalData:
    """The slip of a 不予受理: no material was received, so it is no 收件回执."""

    case_number: str
    items: list[str]
    applicant: Person
    reason: str
    window: str
    clerk: str
    guide_url: str  # the items' 办事指南, for what the applicant would need
    refused_at: datetime
    provisional: bool = False
    hall: str = ""
    agent: Person | None = None


@dataclass
class TicketData:
    ticket: str
    service: str
    waiting: int
    issued_at: datetime
    hall: str = ""
    window_hint: str = ""  # e.g. "请留意叫号，到综合受理窗口办理"


@dataclass
class NoticeData:
    case_number: str
    items: list[str]
    applicant: Person
    window: str
    clerk: str
    issued_on: date
    authority: str = ""  # the issuing body, e.g. "某某市政务服务中心"
    hall: str = ""
    provisional: bool = False
    submitted_on: date | None = None
    promised_date: date | None = None
    reason: str = ""  # 不予受理: why (≤ 200 characters)
    defects: list[DefectiveMaterial] = field(default_factory=list)
    deferred: list[DeferredMaterial] = field(default_factory=list)
    materials: list[MaterialLine] = field(default_factory=list)
    pledge_text: str = ""  # 告知承诺书: what the applicant pledges
    signature_png: bytes | None = None  # the applicant's signature, once signed
    qr_url: str = ""  # progress page; the case number is encoded when empty
