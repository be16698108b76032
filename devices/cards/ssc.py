"""The social security card (社会保障卡): SSSE application, files EF05 and EF06.

Select the application by its DF name ``sx1.sh.社会保障`` (GBK), then read records by
number (P2=04) from EF05 (card: 01 识别码, 03 规范版本, 04 发卡机构, 05 发卡日期,
06 有效期, 07 卡号) and EF06 (holder: 08 社会保障号码, 09 姓名, 0A 性别, 0B 民族,
0C 出生地, 0D 出生日期). Reading needs no PSAM for these basic fields.

Two layouts are seen in the field and both are accepted field by field:
- v1 (规范 1.00, first-generation cards): the record holds the bare value; name in
  20 bytes GBK; ethnic as two ASCII digits; dates as eight ASCII digits; often no
  有效期 record (answered 6A83).
- v2/v3 (规范 2.00 / 3.00): each record is ``tag len value``; name in 30 bytes GBK;
  ethnic a binary byte; dates BCD ``YYYYMMDD``; 有效期 present.
"""

from __future__ import annotations

import re
from datetime import date

from devices.cards.apdu import CardStatus, Channel, read_record, select_by_name, select_file
from devices.cards.errors import CardDataError, WrongCardError
from devices.cards.identity import Identity, IdType

SSSE_NAME = b"sx1.sh." + "社会保障".encode("gbk")
EF_CARD, EF_HOLDER = 0xEF05, 0xEF06
CARD_RECORDS = (0x01, 0x03, 0x04, 0x05, 0x06, 0x07)
HOLDER_RECORDS = (0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D)
_OPTIONAL = {0x01, 0x04, 0x06, 0x0C}
_NUMBER = re.compile(r"[0-9A-Z]{15,20}")  # usually the 18-character citizen ID number
_REQUIRED_MSG = "社会保障卡信息不完整：请取出卡片重新插入，仍不行请人工录入"


def read_records(channel: Channel) -> dict[int, bytes]:
    """Raw record values by tag; raises WrongCardError if the card has no SSSE."""
    try:
        channel.send(select_by_name(SSSE_NAME))
    except CardStatus as exc:
        raise WrongCardError(
            "这张卡不是社会保障卡：请放入社保卡，身份证请放在身份证读卡区",
            detail=f"select SSSE {exc.sw:04X}",
        ) from exc
    records: dict[int, bytes] = {}
    for fid, tags in ((EF_CARD, CARD_RECORDS), (EF_HOLDER, HOLDER_RECORDS)):
        try:
            channel.send(select_file(fid))
        except CardStatus as exc:
            raise CardDataError(_REQUIRED_MSG, detail=f"select {fid:04X} {exc.sw:04X}") from exc
        for tag in tags:
            try:
                records[tag] = _strip_header(tag, channel.send(read_record(tag)))
            except CardStatus as exc:
                if tag not in _OPTIONAL:
                    raise CardDataError(
                        _REQUIRED_MSG, detail=f"record {tag:02X} {exc.sw:04X}"
                    ) from exc
    return records


def _strip_header(tag: int, data: bytes) -> bytes:
    """v2/v3 records start with their own tag and length; v1 records do not."""
    if len(data) >= 2 and data[0] == tag and data[1] == len(data) - 2:
        return data[2:]
    return data


def _text(value: bytes, what: str) -> str:
    try:
        text = value.rstrip(b"\x00\xff ").decode("gbk")
    except UnicodeDecodeError as exc:
        raise CardDataError(
            f"社会保障卡上的{what}无法识别：请人工录入", detail=f"{what} not GBK"
        ) from exc
    if any(ord(c) < 0x20 for c in text):
        raise CardDataError(f"社会保障卡上的{what}无法识别：请人工录入", detail=f"{what} ctrl")
    return text.strip()


def _date(value: bytes | None, what: str) -> date | None:
    """Eight ASCII digits (v1) or four BCD bytes (v2/v3); all-zero means not set."""
    if not value or value.strip(b"\x00\xff ") == b"":
        return None
    if len(value) == 8 and value.isdigit():
        digits = value.decode("ascii")
    elif len(value) == 4:
        digits = value.hex()
    else:
        raise CardDataError(f"社会保障卡上的{what}无法识别：请人工录入", detail=f"{what} len")
    if digits.isdigit() and digits != "00000000":
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            pass
    raise CardDataError(f"社会保障卡上的{what}无法识别：请人工录入", detail=f"{what} value")


def _ethnic(value: bytes) -> str:
    if len(value) == 1:
        return f"{value[0]:02d}" if value[0] else ""
    text = value.rstrip(b"\x00 ").decode("ascii", "replace")
    return f"{int(text):02d}" if text.isdigit() and len(text) <= 2 else ""


def _sex(value: bytes) -> str:
    if len(value) == 1 and value[0] in (1, 2):
        return str(value[0])
    text = value.decode("ascii", "replace").strip("\x00 ")
    return text if text in ("0", "1", "2", "9") else ""


def parse_records(records: dict[int, bytes], *, source: str = "") -> Identity:
    """The identity from raw record values (any layout); CardDataError when unusable."""
    version = _text(records.get(0x03, b""), "规范版本")
    number = _text(records.get(0x08, b""), "社会保障号码").upper()
    name = _text(records.get(0x09, b""), "姓名")
    if not number or not name:
        raise CardDataError(_REQUIRED_MSG, detail="ssc without number or name")
    if not _NUMBER.fullmatch(number):
        raise CardDataError(
            "社会保障卡上的社会保障号码无法识别：请人工录入", detail=f"number len {len(number)}"
        )
    return Identity(
        id_type=IdType.SOCIAL_SECURITY,
        name=name,
        sex_code=_sex(records.get(0x0A, b"")),
        ethnic_code=_ethnic(records.get(0x0B, b"")),
        birth_date=_date(records.get(0x0D), "出生日期"),
        id_number=number,
        valid_from=_date(records.get(0x05), "发卡日期"),
        valid_to=_date(records.get(0x06), "有效期"),
        card_number=_text(records.get(0x07, b""), "卡号"),
        card_version=version,
        source=source,
        extra={
            "card_id": records.get(0x01, b"").hex().upper(),
            "issuer_code": records.get(0x04, b"").hex().upper(),
            "birthplace_code": records.get(0x0C, b"").hex().upper(),
        },
    )


def read_social_security_card(channel: Channel, *, source: str = "") -> Identity:
    return parse_records(read_records(channel), source=source)
