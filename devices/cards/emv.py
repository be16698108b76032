"""The bank card number over EMV / PBOC (UnionPay): for subsidy payouts, shown masked.

PPSE (contactless) or PSE (contact) directory → the application's AID (or a list of
well-known AIDs when the card has no directory) → SELECT → GET PROCESSING OPTIONS with
the PDOL filled → READ RECORD over the AFL, until tag 5A (PAN) or 57 (track 2
equivalent) turns up. qPBOC cards may return the track 2 already in the GPO answer.
Nothing is written to the card and no transaction is made.
"""

from __future__ import annotations

from datetime import date

from devices.cards import tlv
from devices.cards.apdu import CardStatus, Channel, read_record, select_by_name
from devices.cards.errors import CardDataError, WrongCardError
from devices.cards.identity import BankCard

PPSE = b"2PAY.SYS.DDF01"
PSE = b"1PAY.SYS.DDF01"
KNOWN_AIDS = tuple(
    bytes.fromhex(a)
    for a in (
        "A000000333010101",  # UnionPay debit (借记)
        "A000000333010102",  # UnionPay credit (贷记)
        "A000000333010103",  # UnionPay quasi-credit (准贷记)
        "A0000000031010",  # Visa
        "A0000000041010",  # Mastercard
    )
)
_NOT_BANK = "这张卡没有银行卡应用：请确认放入的是银行卡（带银联标识的芯片卡）"


def _directory_aids(channel: Channel) -> list[bytes]:
    for name in (PPSE, PSE):
        try:
            fci = tlv.parse(channel.send(select_by_name(name)))
        except CardStatus:
            continue
        aids = tlv.find_all(fci, 0x4F)
        if aids:
            return aids
        sfi = tlv.find(fci, 0x88)  # PSE: the directory is in records of this SFI
        if sfi:
            found: list[bytes] = []
            for number in range(1, 11):
                try:
                    found += tlv.find_all(
                        tlv.parse(channel.send(read_record(number, sfi[0]))), 0x4F
                    )
                except CardStatus:
                    break
            if found:
                return found
    return []


def _pdol_data(pdol: bytes | None, today: date) -> bytes:
    """Values for the terminal data the card asks for: a zero-amount enquiry in CNY."""
    known = {
        0x9F66: bytes.fromhex("26000000"),  # TTQ: qPBOC, online capable
        0x9F02: bytes(6),  # amount 0
        0x9F03: bytes(6),
        0x5F2A: bytes.fromhex("0156"),  # CNY
        0x9F1A: bytes.fromhex("0156"),  # China
        0x9A: bytes.fromhex(today.strftime("%y%m%d")),
        0x9C: b"\x31",  # balance enquiry
        0x9F37: bytes.fromhex("12345678"),  # unpredictable number (no cryptogram is used)
    }
    out = b""
    for tag, length in tlv.parse_dol(pdol or b""):
        value = known.get(tag, b"")
        out += value[:length].ljust(length, b"\x00")
    return out


def _afl_entries(afl: bytes) -> list[tuple[int, int, int]]:
    out = []
    for i in range(0, len(afl) - len(afl) % 4, 4):
        sfi, first, last = afl[i] >> 3, afl[i + 1], afl[i + 2]
        if 1 <= sfi <= 30 and 1 <= first <= last:
            out.append((sfi, first, last))
    return out


def card_from_tags(items: list[tlv.Tlv], aid: bytes, label: str, source: str) -> BankCard | None:
    pan_raw = tlv.find(items, 0x5A)
    track2 = tlv.find(items, 0x57)
    expiry = ""
    pan = ""
    if pan_raw:
        pan = pan_raw.hex().upper().rstrip("F")
    if track2:
        digits = track2.hex().upper()
        head, sep, rest = digits.partition("D")
        if sep:
            pan = pan or head
            expiry = rest[:4]
    if not pan:
        return None
    if not pan.isdigit() or not 12 <= len(pan) <= 19:
        raise CardDataError("银行卡号无法识别：请换一张卡或人工录入", detail=f"pan len {len(pan)}")
    exp_tag = tlv.find(items, 0x5F24)
    if exp_tag and len(exp_tag) == 3:
        expiry = exp_tag.hex()[:4]
    return BankCard(pan=pan, expiry=expiry, aid=aid.hex().upper(), label=label, source=source)


def read_bank_card(channel: Channel, *, today: date, source: str = "") -> BankCard:
    aids = _directory_aids(channel) or list(KNOWN_AIDS)
    for aid in aids:
        try:
            fci = tlv.parse(channel.send(select_by_name(aid)))
        except CardStatus:
            continue
        label = (tlv.find(fci, 0x50) or b"").decode("ascii", "replace").strip()
        try:
            gpo_data = _pdol_data(tlv.find(fci, 0x9F38), today)
            command = bytes((0x80, 0xA8, 0x00, 0x00, len(gpo_data) + 2, 0x83, len(gpo_data)))
            gpo = channel.send(command + gpo_data + b"\x00")
        except CardStatus as exc:
            raise WrongCardError(_NOT_BANK, detail=f"gpo {exc.sw:04X}") from exc
        if gpo[:1] == b"\x80":  # format 1: AIP(2) + AFL
            items: list[tlv.Tlv] = []
            afl = gpo[4:] if len(gpo) > 4 and gpo[1] == len(gpo) - 2 else b""
        else:
            items = tlv.parse(gpo)
            afl = tlv.find(items, 0x94) or b""
        card = card_from_tags(items, aid, label, source)
        if card:
            return card
        for sfi, first, last in _afl_entries(afl):
            for number in range(first, last + 1):
                try:
                    record = tlv.parse(channel.send(read_record(number, sfi)))
                except CardStatus:
                    continue
                card = card_from_tags(record, aid, label, source)
                if card:
                    return card
        raise CardDataError(
            "读不到银行卡号：请换一张卡或人工录入", detail=f"aid {aid.hex()} without 5A/57"
        )
    raise WrongCardError(_NOT_BANK, detail="no payment application")
