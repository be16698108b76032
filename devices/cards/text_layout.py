"""The 256-byte text record of GA 467 cards (UCS-2LE) in its four layouts.

Bytes 248–249 tell the layouts apart: 'J' (HK/Macau/Taiwan residence permit),
'I' (foreigner permanent residence card, 2017), 'Y' (the 2023 foreigner card);
anything else (spaces, zeros) is the resident card. Offsets follow ``docs`` in
the domain brief; each field is trimmed of the card's space/NUL padding.
"""

from __future__ import annotations

from datetime import date

from devices.cards.errors import CardDataError
from devices.cards.identity import Identity, IdType

TEXT_LENGTH = 256
LONG_TERM = "长期"


def _field(text: bytes, start: int, end: int) -> str:
    try:
        value = text[start:end].decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise CardDataError(
            "身份证信息无法识别：请重新放卡读取", detail=f"bad UCS-2 at {start}-{end}"
        ) from exc
    if any(ord(c) < 0x20 and c != "\0" for c in value):
        raise CardDataError(
            "身份证信息无法识别：请重新放卡读取", detail=f"control chars at {start}-{end}"
        )
    return value.replace("\0", " ").strip()


def parse_card_date(value: str, what: str) -> date | None:
    """'20200131' → date; '' → None; anything else a CardDataError naming the field."""
    if not value:
        return None
    if len(value) == 8 and value.isascii() and value.isdigit():
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        except ValueError:
            pass
    raise CardDataError(
        f"证件上的{what}无法识别：请重新读卡，仍不行请人工录入", detail=f"bad {what} date"
    )


def _validity(text: bytes) -> tuple[date | None, date | None, bool]:
    start = parse_card_date(_field(text, 188, 204), "有效期起始日期")
    end_raw = _field(text, 204, 220)
    if end_raw == LONG_TERM:
        return start, None, True
    return start, parse_card_date(end_raw, "有效期截止日期"), False


def layout_of(text: bytes) -> IdType:
    marker = text[248:250]
    return {
        b"J\0": IdType.HMT_RESIDENCE,
        b"I\0": IdType.FOREIGNER_OLD,
        b"Y\0": IdType.FOREIGNER_2023,
    }.get(marker, IdType.RESIDENT)


def parse_text(text: bytes, *, photo_wlt: bytes = b"", source: str = "") -> Identity:
    """Decode the 256-byte text record; raises CardDataError for anything unreadable."""
    if len(text) != TEXT_LENGTH:
        raise CardDataError(
            "身份证信息不完整：请将证件平放在读卡区后重新读取",
            detail=f"text record is {len(text)} bytes, expected {TEXT_LENGTH}",
        )
    kind = layout_of(text)
    common = {"raw_text": bytes(text), "photo_wlt": photo_wlt, "source": source}
    if kind is IdType.FOREIGNER_OLD:
        start, end, long_term = _validity(text)
        return Identity(
            id_type=kind,
            name=_field(text, 158, 188),
            english_name=_field(text, 0, 120),
            sex_code=_field(text, 120, 122),
            id_number=_field(text, 122, 152),
            nationality=_field(text, 152, 158),
            valid_from=start,
            valid_to=end,
            long_term=long_term,
            birth_date=parse_card_date(_field(text, 220, 236), "出生日期"),
            card_version=_field(text, 236, 240),
            issuer=_field(text, 240, 248),
            **common,
        )
    if kind is IdType.FOREIGNER_2023:
        start, end, long_term = _validity(text)
        # The English name runs on from 52–121 into 220–241; join before trimming.
        english = _field(text[52:122] + text[220:242], 0, 92)
        return Identity(
            id_type=kind,
            name=_field(text, 0, 30),
            sex_code=_field(text, 30, 32),
            issue_count=_field(text, 32, 36),
            birth_date=parse_card_date(_field(text, 36, 52), "出生日期"),
            english_name=english,
            id_number=_field(text, 122, 158),
            valid_from=start,
            valid_to=end,
            long_term=long_term,
            nationality=_field(text, 242, 248),
            previous_number=_field(text, 250, 256),
            **common,
        )
    start, end, long_term = _validity(text)
    fields = {
        "id_type": kind,
        "name": _field(text, 0, 30),
        "sex_code": _field(text, 30, 32),
        "ethnic_code": _field(text, 32, 36),
        "birth_date": parse_card_date(_field(text, 36, 52), "出生日期"),
        "address": _field(text, 52, 122),
        "id_number": _field(text, 122, 158),
        "issuer": _field(text, 158, 188),
        "valid_from": start,
        "valid_to": end,
        "long_term": long_term,
    }
    if kind is IdType.HMT_RESIDENCE:
        fields["travel_permit_number"] = _field(text, 220, 238)
        fields["issue_count"] = _field(text, 238, 242)
    return Identity(**fields, **common)


def parse_address_record(data: bytes) -> str:
    """The 30/03 latest-address record: UCS-2LE, padded; empty when never endorsed."""
    if len(data) % 2:
        raise CardDataError("最新住址信息不完整：请重新读卡", detail=f"odd length {len(data)}")
    return _field(data, 0, len(data))


def _pad(value: str, start: int, end: int) -> bytes:
    raw = value.encode("utf-16-le")
    size = end - start
    if len(raw) > size:
        raise ValueError(f"field too long for {start}-{end}")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def build_text(identity: Identity) -> bytes:
    """The inverse of ``parse_text``: how a card of that layout stores the identity.

    Used by the simulator and the reader emulators in the tests, so the bytes they
    serve are laid out exactly as a card's.
    """
    buf = bytearray(_pad("", 0, TEXT_LENGTH))

    def put(value: str, start: int, end: int) -> None:
        buf[start:end] = _pad(value, start, end)

    def iso8(value: date | None) -> str:
        return value.strftime("%Y%m%d") if value else ""

    end_text = LONG_TERM if identity.long_term else iso8(identity.valid_to)
    put(iso8(identity.valid_from), 188, 204)
    put(end_text, 204, 220)
    kind = identity.id_type
    if kind is IdType.FOREIGNER_OLD:
        put(identity.english_name, 0, 120)
        put(identity.sex_code, 120, 122)
        put(identity.id_number, 122, 152)
        put(identity.nationality, 152, 158)
        put(identity.name, 158, 188)
        put(iso8(identity.birth_date), 220, 236)
        put(identity.card_version, 236, 240)
        put(identity.issuer, 240, 248)
        put("I", 248, 250)
        return bytes(buf)
    if kind is IdType.FOREIGNER_2023:
        english1, english2 = identity.english_name[:35], identity.english_name[35:]
        put(identity.name, 0, 30)
        put(identity.sex_code, 30, 32)
        put(identity.issue_count, 32, 36)
        put(iso8(identity.birth_date), 36, 52)
        put(english1, 52, 122)
        put(identity.id_number, 122, 158)
        put(english2, 220, 242)
        put(identity.nationality, 242, 248)
        put("Y", 248, 250)
        put(identity.previous_number, 250, 256)
        return bytes(buf)
    put(identity.name, 0, 30)
    put(identity.sex_code, 30, 32)
    put(identity.ethnic_code, 32, 36)
    put(iso8(identity.birth_date), 36, 52)
    put(identity.address, 52, 122)
    put(identity.id_number, 122, 158)
    put(identity.issuer, 158, 188)
    if kind is IdType.HMT_RESIDENCE:
        put(identity.travel_permit_number, 220, 238)
        put(identity.issue_count, 238, 242)
        put("J", 248, 250)
    return bytes(buf)
