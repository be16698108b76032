"""Checks for the numbers and values a clerk types: each returns a typed result, never raises.

- GB 11643-1999 citizen ID number: birth date, sequence (odd = male), ISO 7064 MOD 11-2
  check character (python-stdnum); region and sequence 000 only warn; 15 digits convert.
- GB 32100-2015 unified social credit code: alphabet and check character. Legacy codes
  can fail the check and are still real, so a bad check char is a *warning*.
- Mainland mobile (1[3-9]x, 11 digits) and landline (area code 0xx/0xxx + 7–8 digits,
  optional extension) numbers; dates (ISO or 2024年1月2日) and ranges; money in yuan.
Messages are Chinese, for the clerk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from stdnum.cn import ric, uscc

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 2260 province-level codes (first two digits of every division code)
PROVINCE_PREFIXES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83",  # 81/82/83: 港澳台居民居住证
})


@dataclass(frozen=True)
class Check:
    """Outcome of a validator. ``ok`` False blocks; a ``warning`` informs but lets it pass."""

    ok: bool
    message: str = ""
    warning: str = ""
    value: object = None  # the normalised value when ok (e.g. upper-case ID, Decimal)


def ok(value: object, warning: str = "") -> Check:
    return Check(True, "", warning, value)


def fail(message: str) -> Check:
    return Check(False, message)


@dataclass(frozen=True)
class IdNumberInfo:
    region: str
    birth_date: date
    sex: str  # "男" | "女"
    number: str = ""  # the normalised 18-character number
    number15: str = ""  # the 15-digit first-generation number as typed, when it was one


def normalize_code(text: str) -> str:
    """What a clerk types or pastes: full-width to ASCII, spaces out, letters upper-case."""
    folded = unicodedata.normalize("NFKC", text) if isinstance(text, str) else ""
    return "".join(folded.split()).upper()


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2, from python-stdnum (the card readers use the same call)."""
    return ric.calc_check_digit(first17 + "0")


def parse_id_number(text: str, *, today: date | None = None,
                    region_known: Callable[[str], bool] | None = None) -> Check:
    """Validate a GB 11643 number; ``value`` is an :class:`IdNumberInfo` when ok.

    Blocks only what is certainly wrong: length, characters, check character, a birth
    date that cannot be. The unusual but real only warns: sequence 000, a region code
    not (or no longer) in GB 2260, a 15-digit first-generation number (converted to 18).
    81/82/83 (港澳台居民居住证) are ordinary prefixes. ``region_known`` (optional) tells
    whether a 6-digit prefix is a known division; without it only the province is looked at.
    """
    s = normalize_code(text)
    number15 = ""
    if re.fullmatch(r"[0-9]{15}", s):
        number15, s = s, s[:6] + "19" + s[6:]
        s += id_check_char(s)
    if not re.fullmatch(r"[0-9]{17}[0-9X]", s):
        return fail("身份证号应为 18 位：17 位数字加 1 位数字或 X（一代证为 15 位数字）")
    try:
        birth = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return fail("身份证号中的出生日期不存在")
    today = today or date.today()
    if birth > today or birth.year < 1880:
        return fail("身份证号中的出生日期不合理")
    if id_check_char(s[:17]) != s[17]:
        return fail("身份证号校验位不对，请核对是否输错")
    warnings = []
    if number15:
        warnings.append(f"这是 15 位一代身份证号，已转换为 18 位：{s}（原号 {number15}）")
    if s[:2] not in PROVINCE_PREFIXES:
        warnings.append("身份证号前两位不是现行省级行政区划代码，请核对证件")
    elif region_known is not None and not region_known(s[:6]):
        warnings.append("身份证号前六位不在现行行政区划中（可能是已撤销的旧区划），请核对证件")
    if s[14:17] == "000":
        warnings.append("身份证号顺序码为 000，少见但确有此号，请核对证件")
    sex = "男" if int(s[16]) % 2 else "女"
    info = IdNumberInfo(region=s[:6], birth_date=birth, sex=sex, number=s, number15=number15)
    return Check(True, warning="；".join(warnings), value=info)


def uscc_check_char(first17: str) -> str:
    return uscc.calc_check_digit(first17)


def check_uscc(text: str) -> Check:
    """GB 32100: wrong shape blocks; a wrong check character only warns (legacy codes).

    Typed with spaces or hyphens (``91 110000 600037341L``) is the same code.
    """
    s = normalize_code(text).replace("-", "")
    if len(s) != 18:
        return fail("统一社会信用代码应为 18 位")
    bad = sorted({c for c in s if c not in USCC_ALPHABET})
    if bad:
        return fail(f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、Z、S、V）")
    if uscc_check_char(s[:17]) != s[17]:
        return ok(s, warning="统一社会信用代码校验位不符，请核对；早期赋码可能如此，可继续")
    return ok(s)


_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# area codes: 010 and 02x are three digits (Beijing, the big cities), all others four
_LANDLINE = re.compile(r"(010|02[0-9]|0[3-9][0-9]{2})-?([2-9][0-9]{6,7})(?:-([0-9]{1,6}))?")


def check_phone(text: str, *, allow_landline: bool = True) -> Check:
    """A mainland mobile or (optionally) landline number; value is the normalised number."""
    s = re.sub(r"[\s()（）]", "", text) if isinstance(text, str) else ""
    if s.startswith("+86"):
        s = s[3:]
    elif s.startswith("0086"):
        s = s[4:]
    if _MOBILE.fullmatch(s):
        return ok(s)
    if allow_landline:
        m = _LANDLINE.fullmatch(s)
        if m:
            area, number, ext = m.groups()
            return ok(f"{area}-{number}" + (f"-{ext}" if ext else ""))
        return fail("电话号码格式不对：手机为 11 位（1 开头），座机为区号-号码，如 029-87654321")
    return fail("手机号应为 11 位数字，以 13–19 开头")


_CN_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")


def parse_date(text: str, *, earliest: date | None = None, latest: date | None = None) -> Check:
    """``2024-01-02``, ``2024/1/2``, ``2024.01.02``, ``2024年1月2日`` or ``20240102``."""
    s = text.strip() if isinstance(text, str) else ""
    m = _CN_DATE.fullmatch(s)
    if m is None and re.fullmatch(r"\d{8}", s):
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m is None:
        return fail("日期格式不对，请按 2024-01-31 填写")
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return fail("日期不存在，请核对年月日")
    if earliest is not None and d < earliest:
        return fail(f"日期不能早于 {earliest.isoformat()}")
    if latest is not None and d > latest:
        return fail(f"日期不能晚于 {latest.isoformat()}")
    return ok(d)


def check_date_range(start: date, end: date) -> Check:
    if end < start:
        return fail("结束日期不能早于开始日期")
    return ok((start, end))


_MONEY = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,2})?")
MONEY_MAX = Decimal("1000000000000")  # a trillion yuan: anything above is a typing slip


def parse_money(text: str, *, minimum: Decimal | None = Decimal(0)) -> Check:
    """Yuan with at most 2 decimals (thousands separators allowed); value is a Decimal."""
    if not isinstance(text, str):
        return fail("金额格式不对")
    s = text.strip().replace("，", ",").removeprefix("¥").removeprefix("￥").removesuffix("元")
    s = s.strip()
    negative = s.startswith("-")
    body = s[1:] if negative else s
    if not _MONEY.fullmatch(body):
        return fail("金额格式不对：请填写数字，最多两位小数，如 1200.50")
    try:
        amount = Decimal(body.replace(",", ""))
    except InvalidOperation:
        return fail("金额格式不对")
    amount = -amount if negative else amount
    if minimum is not None and amount < minimum:
        return fail(f"金额不能小于 {minimum}")
    if abs(amount) >= MONEY_MAX:
        return fail("金额过大，请核对")
    return ok(amount.quantize(Decimal("0.01")))
