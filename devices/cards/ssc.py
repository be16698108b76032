"""The social security card (社会保障卡): SSSE application, files EF05 and EF06.

Select the application by its DF name ``sx1.sh.社会保障`` (GBK), then read records
1…N of each file by SFI, as deployed readers do: EF05 ``00B2 nn 2C`` (1 卡识别码, 2 卡类别,
3 规范版本, 4 初始化机构编号, 5 发卡日期, 6 卡有效期, 7 卡号) and EF06 ``00B2 nn 34``
(1 社会保障号码, 2 姓名, then 性别 at 3 on 1.0 cards but 4 on 2.0/3.0, 民族, 出生地,
出生日期). On 2.0/3.0 each value is found by its header tag (08 号码, 09 姓名, 0A 性别,
0B 民族, 0C 出生地, 0D 出生日期), on 1.0 by position. 6Cxx/61xx are handled by the
channel. Reading needs no PSAM for these basic fields.

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

from devices.cards.apdu import CardStatus, Channel, read_record
from devices.cards.errors import CardDataError, WrongCardError
from devices.cards.identity import Identity, IdType

SSSE_NAME = b"sx1.sh." + "社会保障".encode("gbk")
SFI_CARD, SFI_HOLDER = 5, 6  # EF05, EF06
CARD_RECORDS = (0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07)  # EF05: record n holds tag n
HOLDER_RECORDS = (0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D)  # EF06 tags (2.0/3.0 record headers)
# 规范 1.0 EF06 records carry no usable tag: the field is the record's position
_V1_HOLDER_BY_POSITION = {1: 0x08, 2: 0x09, 3: 0x0A, 4: 0x0B, 5: 0x0C, 6: 0x0D}
_HOLDER_READS = 8  # records 1..7 on 2.0/3.0 (one more field sits at 3); bounded
_OPTIONAL = {0x01, 0x02, 0x04, 0x06, 0x0C}
_NUMBER = re.compile(r"[0-9A-Z]{15,20}")  # usually the 18-character citizen ID number
_REQUIRED_MSG = "社会保障卡信息不完整：请取出卡片重新插入，仍不行请人工录入"


def _select_ssse() -> bytes:
    # as deployed readers send it (00A404000F + name); the card answers 61xx or 9000
    return bytes((0x00, 0xA4, 0x04, 0x00, len(SSSE_NAME))) + SSSE_NAME


def read_files(channel: Channel) -> tuple[dict[int, bytes], dict[int, bytes]]:
    """EF05 and EF06 records by record number (from 1); WrongCardError without SSSE."""
    try:
        channel.send(_select_ssse())
    except CardStatus as exc:
        raise WrongCardError(
            "这张卡不是社会保障卡：请放入社保卡，身份证请放在身份证读卡区",
            detail=f"select SSSE {exc.sw:04X}",
        ) from exc
    files: list[dict[int, bytes]] = []
    for sfi, count in ((SFI_CARD, len(CARD_RECORDS)), (SFI_HOLDER, _HOLDER_READS - 1)):
        records: dict[int, bytes] = {}
        for number in range(1, count + 1):
            try:
                records[number] = channel.send(read_record(number, sfi))
            except CardStatus as exc:
                if exc.sw == 0x6A82:  # no such file: not a readable social security card
                    raise CardDataError(_REQUIRED_MSG, detail=f"sfi {sfi} {exc.sw:04X}") from exc
                if sfi == SFI_HOLDER and exc.sw == 0x6A83 and number > 6:
                    break  # 1.0 cards end at record 6
        files.append(records)
    return files[0], files[1]


def _header(data: bytes) -> tuple[int, bytes] | None:
    """``tag len value`` when the record starts with a consistent header."""
    if len(data) >= 2 and data[1] == len(data) - 2:
        return data[0], data[2:]
    return None


def records_by_tag(ef05: dict[int, bytes], ef06: dict[int, bytes]) -> dict[int, bytes]:
    """Raw values keyed by tag: by header tag on 2.0/3.0 cards, by position on 1.0."""
    out: dict[int, bytes] = {}
    for number, data in ef05.items():
        head = _header(data)
        out[number] = head[1] if head and head[0] == number else data
    version = out.get(0x03, b"").lstrip(b"\x00")[:1]
    v1 = version == b"1"
    for number, data in sorted(ef06.items()):
        head = _header(data)
        if not v1 and head and head[0] in HOLDER_RECORDS:
            out.setdefault(head[0], head[1])
        elif v1 and number in _V1_HOLDER_BY_POSITION:
            tag = _V1_HOLDER_BY_POSITION[number]
            out[tag] = head[1] if head and head[0] == tag else data
    return out


def read_records(channel: Channel) -> dict[int, bytes]:
    """Raw record values by tag (01…07 card, 08…0D holder)."""
    records = records_by_tag(*read_files(channel))
    wanted = (*CARD_RECORDS, *HOLDER_RECORDS)
    missing = [t for t in wanted if t not in records and t not in _OPTIONAL]
    if missing:
        raise CardDataError(_REQUIRED_MSG, detail=f"records missing {bytes(missing).hex()}")
    return records


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
