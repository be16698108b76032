"""GA 467 frames between the host and a reader's security module (SAM).

Command: ``AA AA AA 96 69 | LEN(2, BE) | CMD PARA data | CHK``;
reply:   ``AA AA AA 96 69 | LEN(2, BE) | SW1 SW2 SW3 data | CHK``;
LEN counts the bytes after itself including CHK; CHK is the XOR of LEN..last data.
``FrameDecoder`` is fed bytes as they arrive (serial links deliver them piecemeal
and sometimes with line noise before the preamble) and yields whole frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from devices.errors import DeviceProtocolError

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
MAX_LENGTH = 4096  # the largest reply (30/10 with fingerprints) is ~2.3 kB

# Commands (CMD, PARA)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_LATEST_ADDRESS = (0x30, 0x03)
RESET_SAM = (0x10, 0xFF)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)

# SW3 status codes
SW_OK = 0x90
SW_FOUND = 0x9F
SW_NOT_FOUND = 0x80
SW_SELECT_FAILED = 0x81
SW_READ_FAILED = 0x41
SW_AUTH_FAILED_1 = 0x31
SW_AUTH_FAILED_2 = 0x32
SW_WRONG_CARD = 0x40
SW_SAM_SELFTEST = 0x60
SW_SAM_UNAUTHORISED = 0x66
SW_CHECKSUM = 0x10
SW_LENGTH = 0x11
SW_BAD_COMMAND = 0x21
SW_NO_ADDRESS = 0x91  # 30/03: the card carries no endorsed address


class FrameError(DeviceProtocolError):
    """Bytes on the line that are not a valid frame (bad checksum, impossible length)."""


def xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def encode(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A command frame."""
    body = bytes((cmd, para)) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes((xor(length + body),))


def encode_reply(sw3: int, data: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    """A reply frame (what the reader sends; used by emulators and tests)."""
    return encode(sw1, sw2, bytes((sw3,)) + data)


@dataclass(frozen=True)
class Reply:
    sw1: int
    sw2: int
    sw3: int
    data: bytes


def parse_reply(payload: bytes) -> Reply:
    """A checked frame payload (LEN..CHK stripped) as a reply."""
    if len(payload) < 3:
        raise FrameError(
            "读卡器应答不完整：请检查连接线后重试", detail=f"reply payload {len(payload)} B"
        )
    return Reply(payload[0], payload[1], payload[2], bytes(payload[3:]))


class FrameDecoder:
    """Incremental decoder: ``feed`` bytes, get back the payloads of complete frames.

    Garbage before a preamble is skipped. A frame whose checksum is wrong or whose
    length is impossible raises ``FrameError`` and the decoder resynchronises on the
    next preamble, so one bad frame does not poison the link.
    """

    def __init__(self) -> None:
        self._buf = bytearray()

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while True:
            start = self._buf.find(PREAMBLE)
            if start < 0:
                # keep a possible partial preamble at the end
                del self._buf[: max(0, len(self._buf) - (len(PREAMBLE) - 1))]
                return frames
            del self._buf[:start]
            if len(self._buf) < len(PREAMBLE) + 2:
                return frames
            length = int.from_bytes(self._buf[5:7], "big")
            if length < 2 or length > MAX_LENGTH:
                del self._buf[: len(PREAMBLE)]
                raise FrameError(
                    "读卡器数据错误：请重试，仍不行请重新插拔读卡器",
                    detail=f"impossible frame length {length}",
                )
            end = len(PREAMBLE) + 2 + length
            if len(self._buf) < end:
                return frames
            frame = bytes(self._buf[:end])
            del self._buf[:end]
            if xor(frame[5:-1]) != frame[-1]:
                raise FrameError(
                    "读卡器数据校验错误：请重试，仍不行请检查连接线",
                    detail="frame checksum mismatch",
                )
            frames.append(frame[7:-1])
