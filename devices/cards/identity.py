"""The typed result of reading an identity card.

One ``Identity`` class covers the resident card, the 'J' residence permit for
Hong Kong/Macau/Taiwan residents, the old and the 2023 foreigner permanent residence
cards ('I' and 'Y') and the social security card: the fields they share are plain
attributes, the layout-specific ones are optional. Values are kept as on the card
(codes, ISO dates) and decoded names are offered beside them.

Personal data: ``repr`` shows only the card kind, so an identity that lands in a log
line leaks nothing; displays facing the hall use ``masked_name``/``masked_id_number``.
"""

from __future__ import annotations

import base64
import enum
from dataclasses import dataclass, field
from datetime import date

from devices.cards import ethnic, id_number


class IdType(enum.StrEnum):
    RESIDENT = "resident"  # 居民身份证
    HMT_RESIDENCE = "J"  # 港澳台居民居住证
    FOREIGNER_OLD = "I"  # 外国人永久居留身份证（2017 版）
    FOREIGNER_2023 = "Y"  # 外国人永久居留身份证（2023 版）
    SOCIAL_SECURITY = "ssc"  # 社会保障卡

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's marker, without Qt
    """lupdate collects (context, text) for the window, which shows it translated; devices
    imports nothing of the project, so it has its own copy of forms.vocabulary's marker."""
    return text


# The words the clerk reads about a card (context "Identity"): the window translates them.
_TYPE_LABELS = {
    IdType.RESIDENT: QT_TRANSLATE_NOOP("Identity", "居民身份证"),
    IdType.HMT_RESIDENCE: QT_TRANSLATE_NOOP("Identity", "港澳台居民居住证"),
    IdType.FOREIGNER_OLD: QT_TRANSLATE_NOOP("Identity", "外国人永久居留身份证（旧版）"),
    IdType.FOREIGNER_2023: QT_TRANSLATE_NOOP("Identity", "外国人永久居留身份证（2023版）"),
    IdType.SOCIAL_SECURITY: QT_TRANSLATE_NOOP("Identity", "社会保障卡"),
}

SEX_NAMES = {"0": QT_TRANSLATE_NOOP("Identity", "未知"), "1": QT_TRANSLATE_NOOP("Identity", "男"),
             "2": QT_TRANSLATE_NOOP("Identity", "女"), "9": QT_TRANSLATE_NOOP("Identity", "未说明")}
EXPIRED = QT_TRANSLATE_NOOP("Identity", "证件已过期（有效期至 %1），请申请人提供有效证件")
NOT_YET_VALID = QT_TRANSLATE_NOOP("Identity", "证件尚未生效（%1 起有效），请核对")
NUMBER_FAILS = QT_TRANSLATE_NOOP("Identity", "证件号码校验不通过，请核对原件或人工录入")
ETHNIC_UNKNOWN = QT_TRANSLATE_NOOP("Identity", "民族代码无法识别，请人工核对")


class Validity(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    UNKNOWN = "unknown"


class PhotoStatus(enum.StrEnum):
    DECODED = "decoded"  # photo_bmp holds a picture made by the vendor's WLT library
    WLT_ONLY = "wlt_only"  # raw WLT bytes only: no decoder configured
    UNAVAILABLE = "unavailable"  # this reader/card gives no photo


@dataclass(frozen=True, repr=False)
class Identity:
    id_type: IdType
    name: str  # Chinese name (for 'I' the Chinese name, may be empty)
    sex_code: str  # '1' male, '2' female, '0'/'9' as GB/T 2261.1
    birth_date: date | None
    id_number: str  # citizen ID number, permit number or social security number
    address: str = ""
    ethnic_code: str = ""  # GB/T 3304 two-digit code
    issuer: str = ""  # 签发机关 (or the 'I' card's authority code)
    valid_from: date | None = None
    valid_to: date | None = None  # None with long_term=True means 长期
    long_term: bool = False
    english_name: str = ""
    nationality: str = ""  # ISO 3166-1 alpha-3 as on foreigner cards
    travel_permit_number: str = ""  # 'J': 通行证号码
    issue_count: str = ""  # 'J': 签发次数; 'Y': 换证次数
    card_version: str = ""  # 'I': 证件版本; social security card: 规范版本
    previous_number: str = ""  # 'Y': link to the old permit number
    card_number: str = ""  # social security card: 卡号
    latest_address: str = ""  # 30/03: the address endorsed after issue, if any
    raw_text: bytes = b""  # the 256 bytes as read (for audit and re-parsing)
    photo_wlt: bytes = b""  # opaque WLT bytes, only the vendor's library decodes them
    photo_bmp: bytes = b""  # decoded by the vendor's WLT library, never synthesised
    photo_status: PhotoStatus = PhotoStatus.UNAVAILABLE
    source: str = ""  # which reader produced it, e.g. "sam:/dev/ttyUSB0"
    extra: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:  # logs: never personal data
        return f"<Identity {self.id_type.value} photo={self.photo_status.value}>"

    __str__ = __repr__

    @property
    def sex_name(self) -> str:
        return SEX_NAMES.get(self.sex_code, "")

    @property
    def ethnic_name(self) -> str:
        return ethnic.ethnic_name(self.ethnic_code) if self.ethnic_code else ""

    @property
    def id_number_checks(self) -> bool:
        """GB 11643 check; the 'I' card's 15-character permit number has no such check."""
        if self.id_type is IdType.FOREIGNER_OLD:
            return len(self.id_number) == 15 and self.id_number[:3].isalpha()
        return id_number.is_valid(self.id_number)

    @property
    def current_address(self) -> str:
        return self.latest_address or self.address

    def validity(self, today: date) -> Validity:
        if self.valid_from is None and self.valid_to is None and not self.long_term:
            return Validity.UNKNOWN
        if self.valid_from and today < self.valid_from:
            return Validity.NOT_YET_VALID
        if self.valid_to and not self.long_term and today > self.valid_to:
            return Validity.EXPIRED
        return Validity.VALID

    def warnings(self, today: date) -> list[str]:
        """What the clerk must look at before accepting the card, in Chinese."""
        return [text.replace("%1", date_text) for text, date_text in self.warning_notes(today)]

    def warning_notes(self, today: date) -> list[tuple[str, str]]:
        """``warnings`` unfilled: (marked text, the date for its %1), for the window to
        translate before filling."""
        notes = []
        state = self.validity(today)
        if state is Validity.EXPIRED:
            notes.append((EXPIRED, f"{self.valid_to:%Y.%m.%d}"))
        elif state is Validity.NOT_YET_VALID:
            notes.append((NOT_YET_VALID, f"{self.valid_from:%Y.%m.%d}"))
        if self.id_number and not self.id_number_checks:
            notes.append((NUMBER_FAILS, ""))
        if self.ethnic_code and not self.ethnic_name:
            notes.append((ETHNIC_UNKNOWN, ""))
        return notes

    def masked_id_number(self) -> str:
        """First 4 and last 4 kept: 610104199001011234 → 6101**********1234."""
        return mask_middle(self.id_number, keep_head=4, keep_tail=4)

    def masked_name(self) -> str:
        """First character kept: 张三 → 张*, 欧阳娜娜 → 欧***; English names by word."""
        return mask_name(self.name or self.english_name)

    def to_prefill(self) -> dict[str, str]:
        """The keys form prefill bindings use; dates ISO, codes decoded to names."""
        return {
            "card.name": self.name or self.english_name,
            "card.id_number": self.id_number,
            "card.sex": self.sex_name,
            "card.birth_date": self.birth_date.isoformat() if self.birth_date else "",
            "card.address": self.current_address,
            "card.ethnic": self.ethnic_name,
            "card.valid_from": self.valid_from.isoformat() if self.valid_from else "",
            "card.valid_to": "长期" if self.long_term else _iso(self.valid_to),
            "card.issuer": self.issuer,
            "card.id_type": self.id_type.label,
        }

    def to_json_dict(self, today: date) -> dict[str, object]:
        """Everything, English keys: values as on the card plus decoded names."""
        return {
            "id_type": self.id_type.value,
            "id_type_name": self.id_type.label,
            "name": self.name,
            "english_name": self.english_name,
            "sex": self.sex_code,
            "sex_name": self.sex_name,
            "ethnic": self.ethnic_code,
            "ethnic_name": self.ethnic_name,
            "birth_date": _iso(self.birth_date),
            "address": self.address,
            "latest_address": self.latest_address,
            "id_number": self.id_number,
            "id_number_valid": self.id_number_checks,
            "issuer": self.issuer,
            "valid_from": _iso(self.valid_from),
            "valid_to": "长期" if self.long_term else _iso(self.valid_to),
            "validity": self.validity(today).value,
            "warnings": self.warnings(today),
            "nationality": self.nationality,
            "travel_permit_number": self.travel_permit_number,
            "issue_count": self.issue_count,
            "card_version": self.card_version,
            "previous_number": self.previous_number,
            "card_number": self.card_number,
            "photo_status": self.photo_status.value,
            "photo_wlt_base64": base64.b64encode(self.photo_wlt).decode("ascii"),
            "photo_bmp_base64": base64.b64encode(self.photo_bmp).decode("ascii"),
            "raw_text_base64": base64.b64encode(self.raw_text).decode("ascii"),
            "source": self.source,
            **{f"extra_{k}": v for k, v in self.extra.items()},
        }


@dataclass(frozen=True, repr=False)
class BankCard:
    """A bank card's number (PAN) read over EMV/PBOC, for subsidy payouts."""

    pan: str
    expiry: str = ""  # YYMM from track 2 or tag 5F24, '' when the card does not say
    aid: str = ""  # the application that gave it, hex
    label: str = ""  # application label (50) as the card names itself
    source: str = ""

    def __repr__(self) -> str:
        return f"<BankCard {self.masked_pan()}>"

    __str__ = __repr__

    def masked_pan(self) -> str:
        """First 6 (the issuer) and last 4 kept: 6222021234567890123 → 622202*********0123."""
        return mask_middle(self.pan, keep_head=6, keep_tail=4)

    def luhn_ok(self) -> bool:
        digits = [int(c) for c in self.pan if c.isdigit()]
        if len(digits) != len(self.pan) or len(digits) < 12:
            return False
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        return total % 10 == 0


def mask_middle(value: str, *, keep_head: int, keep_tail: int) -> str:
    if len(value) <= keep_head + keep_tail:
        return "*" * len(value)
    hidden = len(value) - keep_head - keep_tail
    return value[:keep_head] + "*" * hidden + value[-keep_tail:]


def mask_name(name: str) -> str:
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return " ".join(w[:1] + "*" * (len(w) - 1) for w in name.split())
    return name[0] + "*" * (len(name) - 1)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
