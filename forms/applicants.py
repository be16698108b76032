"""Who applies: the one vocabulary of applicant kinds and ID types, and the number check
of each ID type. The desk, its payload (API v1 ``applicant``/``agent``) and the center all
use these values; the readers in ``devices.cards`` return the same codes for the cards
they read ("resident", "J", "I", "Y"), so a card read needs no translation.

Number checks follow the published layouts:
- 居民身份证 and 港澳台居民居住证 ('J', region 810000/820000/830000): GB 11643-1999,
  ISO 7064 MOD 11-2 check character.
- 外国人永久居留身份证 2023 版 ('Y'): 18 characters beginning with 9, same MOD 11-2 check
  (公安部 2023 年第 XX 号公告: the new card "与居民身份证号码编码规则一致").
- 外国人永久居留身份证 2017 版 ('I'): 15 characters, 3-letter ISO 3166 nationality, 4-digit
  受理地, YYMMDD birth date, 2-digit sequence; no published check character.
- 护照 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证: shape only.
- 统一社会信用代码: GB 32100-2015 (a wrong check character only warns, legacy codes exist).
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime

from forms.validators import check_uscc, id_check_char, parse_id_number


class ApplicantKind(enum.StrEnum):
    PERSON = "person"  # 自然人
    LEGAL_PERSON = "legal_person"  # 法人
    ORGANISATION = "organisation"  # 其他组织

    @property
    def label(self) -> str:
        return {"person": "自然人", "legal_person": "法人", "organisation": "其他组织"}[self]

    @property
    def catalog_type(self) -> str:
        """The item's ``applicant_types`` value that admits this kind."""
        return {"person": "natural_person", "legal_person": "legal_person",
                "organisation": "other_organisation"}[self]

    @property
    def is_entity(self) -> bool:
        return self is not ApplicantKind.PERSON


class IdType(enum.StrEnum):
    RESIDENT = "resident"
    HMT_RESIDENCE = "J"
    FOREIGNER_OLD = "I"
    FOREIGNER_2023 = "Y"
    PASSPORT = "passport"
    HK_MACAU_PERMIT = "hk_macau_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    USCC = "uscc"

    @property
    def label(self) -> str:
        return ID_TYPE_LABELS[self]

    @property
    def for_person(self) -> bool:
        return self is not IdType.USCC


ID_TYPE_LABELS = {
    IdType.RESIDENT: "居民身份证",
    IdType.HMT_RESIDENCE: "港澳台居民居住证",
    IdType.FOREIGNER_OLD: "外国人永久居留身份证（旧版）",
    IdType.FOREIGNER_2023: "外国人永久居留身份证（2023版）",
    IdType.PASSPORT: "护照",
    IdType.HK_MACAU_PERMIT: "港澳居民来往内地通行证",
    IdType.TAIWAN_PERMIT: "台湾居民来往大陆通行证",
    IdType.USCC: "统一社会信用代码",
}
PERSON_ID_TYPES = tuple(t for t in IdType if t.for_person)
# the social security card is read by the same readers but identifies by a resident number
CARD_TYPE_ALIASES = {"ssc": IdType.RESIDENT}

_HMT_REGIONS = ("810000", "820000", "830000")
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_HK_MACAU = re.compile(r"[HM][0-9]{8}([0-9]{2})?")
_TAIWAN = re.compile(r"[0-9]{8}([0-9]{2}[A-Z]?)?")
_FOREIGNER_OLD = re.compile(r"[A-Z]{3}[0-9]{12}")


def id_type_of(value: str) -> IdType | None:
    """The ID type for a stored or read code (None when it is not one of ours)."""
    if value in CARD_TYPE_ALIASES:
        return CARD_TYPE_ALIASES[value]
    try:
        return IdType(value)
    except ValueError:
        return None


def normalise_number(number: str) -> str:
    return number.strip().upper().replace(" ", "") if isinstance(number, str) else ""


def _mod11_number(s: str, what: str, first: str | tuple[str, ...]) -> str | None:
    if not re.fullmatch(r"[0-9]{17}[0-9X]", s):
        return f"{what}号码应为 18 位：17 位数字加 1 位数字或 X"
    if not s.startswith(first):
        return None  # the caller words the wrong-prefix message
    try:
        birth = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return f"{what}号码中的出生日期不存在"
    if birth > date.today() or birth.year < 1880:
        return f"{what}号码中的出生日期不合理"
    if id_check_char(s[:17]) != s[17]:
        return f"{what}号码校验位不对，请核对是否输错"
    return None


def check_number(id_type: str, number: str) -> str | None:
    """A Chinese message when ``number`` is wrong for ``id_type``, else None."""
    kind = id_type_of(id_type)
    s = normalise_number(number)
    if kind is None:
        return f"证件类型“{id_type[:32]}”不在可受理的证件类型中"
    if not s:
        return f"请填写{kind.label}号码"
    if kind is IdType.RESIDENT:
        result = parse_id_number(s)
        return None if result.ok else result.message
    if kind is IdType.HMT_RESIDENCE:
        if s[:6] not in _HMT_REGIONS and re.fullmatch(r"[0-9]{17}[0-9X]", s):
            return "港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头"
        return _mod11_number(s, "港澳台居民居住证", _HMT_REGIONS)
    if kind is IdType.FOREIGNER_2023:
        if not s.startswith("9") and re.fullmatch(r"[0-9]{17}[0-9X]", s):
            return "2023 版外国人永久居留身份证号码应以 9 开头"
        return _mod11_number(s, "外国人永久居留身份证", "9")
    if kind is IdType.FOREIGNER_OLD:
        if not _FOREIGNER_OLD.fullmatch(s):
            return "旧版外国人永久居留身份证号码应为 15 位：3 位国籍字母加 12 位数字"
        try:
            datetime.strptime(s[7:13], "%y%m%d")
        except ValueError:
            return "旧版外国人永久居留身份证号码中的出生日期不存在"
        return None
    if kind is IdType.PASSPORT:
        return None if _PASSPORT.fullmatch(s) else "护照号码应为 5–17 位字母或数字"
    if kind is IdType.HK_MACAU_PERMIT:
        ok = _HK_MACAU.fullmatch(s)
        return None if ok else "港澳居民来往内地通行证号码应为 H 或 M 加 8 位（或 10 位）数字"
    if kind is IdType.TAIWAN_PERMIT:
        ok = _TAIWAN.fullmatch(s)
        return None if ok else "台湾居民来往大陆通行证号码应为 8 位数字（旧证 10 位）"
    result = check_uscc(s)  # IdType.USCC
    return None if result.ok else result.message


def sex_code_of(id_type: str, number: str) -> str | None:
    """'1' (男) / '2' (女) from an 18-digit number's sequence digit; None when unknown."""
    kind = id_type_of(id_type)
    s = normalise_number(number)
    if kind in (IdType.RESIDENT, IdType.HMT_RESIDENCE, IdType.FOREIGNER_2023) and \
            re.fullmatch(r"[0-9]{17}[0-9X]", s):
        return "1" if int(s[16]) % 2 else "2"
    return None
