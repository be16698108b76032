"""Sending APDUs: the T=0 housekeeping (61xx GET RESPONSE, 6Cxx re-send) in one place."""

from __future__ import annotations

from collections.abc import Callable

from devices.errors import DeviceProtocolError

# Raw exchange: command bytes in, response bytes (data + SW1 SW2) out.
RawTransmit = Callable[[bytes], bytes]


class CardStatus(Exception):
    """A non-9000 status word, for the card logic to interpret (not shown to clerks)."""

    def __init__(self, sw: int) -> None:
        super().__init__(f"SW={sw:04X}")
        self.sw = sw


def select_by_name(name: bytes) -> bytes:
    return bytes((0x00, 0xA4, 0x04, 0x00, len(name))) + name + b"\x00"


def read_record(number: int, sfi: int = 0) -> bytes:
    """READ RECORD; with sfi=0 it reads from the currently selected EF."""
    p2 = (sfi << 3) | 0x04
    return bytes((0x00, 0xB2, number & 0xFF, p2 & 0xFF, 0x00))


class Channel:
    """Wraps a raw transmit; ``send`` returns data or raises ``CardStatus``."""

    def __init__(self, raw: RawTransmit) -> None:
        self._raw = raw

    def send(self, command: bytes) -> bytes:
        response = self._raw(command)
        data = b""
        for _ in range(16):  # bounded: a card answering 61xx forever is broken
            if len(response) < 2:
                raise DeviceProtocolError(
                    "卡片应答不完整：请取出卡片重新插入", detail=f"response {len(response)} B"
                )
            sw1, sw2 = response[-2], response[-1]
            data += response[:-2]
            if sw1 == 0x61:
                response = self._raw(bytes((0x00, 0xC0, 0x00, 0x00, sw2)))
                continue
            if sw1 == 0x6C and len(command) >= 5:
                response = self._raw(command[:-1] + bytes((sw2,)))
                continue
            if (sw1, sw2) != (0x90, 0x00):
                raise CardStatus((sw1 << 8) | sw2)
            return data
        raise DeviceProtocolError("卡片应答异常：请取出卡片重新插入", detail="endless 61xx/6Cxx")
