"""BER-TLV as EMV/PBOC cards use it (ISO 7816-4 / EMV Book 3 annex B).

Our own small decoder rather than a library: the ones on PyPI either raise assorted
exceptions on malformed input or drop duplicate tags; a card reader needs "any bytes
give a tree or a ``TlvError``", and forty lines give exactly that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from devices.cards.errors import CardDataError

MAX_DEPTH = 8


class TlvError(CardDataError):
    """Malformed TLV data from a card."""


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    children: tuple[Tlv, ...] = field(default=())

    @property
    def constructed(self) -> bool:
        first = self.tag
        while first > 0xFF:
            first >>= 8
        return bool(first & 0x20)


def _error(detail: str) -> TlvError:
    return TlvError("卡片数据格式错误：请取出卡片重新插入，仍不行请换卡", detail=detail)


def parse(data: bytes, depth: int = 0) -> list[Tlv]:
    """All TLVs in ``data``; constructed ones parsed recursively. 00/FF padding skipped."""
    if depth > MAX_DEPTH:
        raise _error("tlv nested too deep")
    items: list[Tlv] = []
    i, n = 0, len(data)
    while i < n:
        if data[i] in (0x00, 0xFF):
            i += 1
            continue
        tag = data[i]
        i += 1
        if tag & 0x1F == 0x1F:
            while True:
                if i >= n or tag > 0xFFFFFF:
                    raise _error("tlv tag runs past the end")
                tag = (tag << 8) | data[i]
                i += 1
                if not data[i - 1] & 0x80:
                    break
        if i >= n:
            raise _error("tlv length missing")
        length = data[i]
        i += 1
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 3 or i + count > n:
                raise _error("tlv bad long length")
            length = int.from_bytes(data[i : i + count], "big")
            i += count
        if i + length > n:
            raise _error("tlv value runs past the end")
        value = bytes(data[i : i + length])
        i += length
        item = Tlv(tag, value)
        if item.constructed:
            item = Tlv(tag, value, tuple(parse(value, depth + 1)))
        items.append(item)
    return items


def walk(items: list[Tlv] | tuple[Tlv, ...]) -> Iterator[Tlv]:
    for item in items:
        yield item
        yield from walk(item.children)


def find(items: list[Tlv] | tuple[Tlv, ...], tag: int) -> bytes | None:
    """The first value with ``tag`` anywhere in the tree."""
    for item in walk(items):
        if item.tag == tag:
            return item.value
    return None


def find_all(items: list[Tlv] | tuple[Tlv, ...], tag: int) -> list[bytes]:
    return [item.value for item in walk(items) if item.tag == tag]


def encode(tag: int, value: bytes) -> bytes:
    """One TLV (used by the card emulators in the tests and to build PDOL data)."""
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes((n,))
    elif n <= 0xFF:
        length = b"\x81" + bytes((n,))
    else:
        length = b"\x82" + n.to_bytes(2, "big")
    return tag_bytes + length + value


def parse_dol(dol: bytes) -> list[tuple[int, int]]:
    """A data object list (PDOL, CDOL): (tag, length) pairs without values."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(dol)
    while i < n:
        tag = dol[i]
        i += 1
        if tag & 0x1F == 0x1F:
            while True:
                if i >= n or tag > 0xFFFFFF:
                    raise _error("dol tag runs past the end")
                tag = (tag << 8) | dol[i]
                i += 1
                if not dol[i - 1] & 0x80:
                    break
        if i >= n:
            raise _error("dol length missing")
        out.append((tag, dol[i]))
        i += 1
    return out
