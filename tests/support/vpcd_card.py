"""Virtual smart cards speaking the vsmartcard ``vpcd`` socket protocol.

pcscd loads the vpcd reader driver, which listens on a TCP port; a card "is inserted"
when one of these emulators connects and "removed" when it disconnects. Messages are
a 2-byte big-endian length and a payload; a 1-byte payload is a control code (0 power
off, 1 power on, 2 reset, 4 send the ATR), anything longer is a command APDU to answer.
TCP_QUICKACK is re-armed after every receive: without it delayed ACKs cost ~40 ms
an APDU against a fresh pcscd.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from datetime import date

from devices.cards.tlv import encode as tlv

Handler = Callable[[bytes], bytes]
SW_OK = b"\x90\x00"
SW_NOT_FOUND = b"\x6a\x82"
SW_NO_RECORD = b"\x6a\x83"
SW_INS = b"\x6d\x00"


class VirtualCard:
    def __init__(self, handler: Handler, atr: bytes = bytes.fromhex("3B8880010000000000000000")):
        self.handler = handler
        self.atr = atr
        self.apdus: list[bytes] = []
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self, port: int) -> None:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(None)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._sock.close()
            self._sock = None
        if self._thread is not None:
            self._thread.join(timeout=2)

    def remove_soon(self) -> None:
        """Pulled mid-command (from inside a handler): the connection just drops."""
        if self._sock is not None:
            self._sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> VirtualCard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def _recv(self, sock: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return data

    def _send(self, sock: socket.socket, payload: bytes) -> None:
        sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                (length,) = struct.unpack(">H", self._recv(sock, 2))
                message = self._recv(sock, length)
                if length == 1:
                    if message[0] == 4:
                        self._send(sock, self.atr)
                    continue
                self.apdus.append(message)
                answer = self.handler(message)
                if answer:
                    self._send(sock, answer)
        except (ConnectionError, OSError):
            return


class FileSystemCard:
    """A card answering SELECT by name / by FID and READ RECORD from dicts."""

    def __init__(self, apps: dict[bytes, bytes], files: dict[int, dict[int, bytes]]):
        self.apps = apps  # DF name → FCI
        self.files = files  # FID → record number → record bytes
        self.current: dict[int, bytes] | None = None
        self.sfi_files: dict[int, dict[int, bytes]] = {}
        self.gpo: bytes | None = None

    def __call__(self, apdu: bytes) -> bytes:
        cla, ins, p1, p2 = apdu[:4]
        if ins == 0xA4 and p1 == 0x04:
            name = apdu[5 : 5 + apdu[4]]
            return self.apps[name] + SW_OK if name in self.apps else SW_NOT_FOUND
        if ins == 0xA4 and p1 == 0x02:
            fid = int.from_bytes(apdu[5:7], "big")
            self.current = self.files.get(fid)
            return SW_OK if self.current is not None else SW_NOT_FOUND
        if ins == 0xB2:
            sfi = p2 >> 3
            records = self.sfi_files.get(sfi) if sfi else self.current
            if records is None or p1 not in records:
                return SW_NO_RECORD
            return records[p1] + SW_OK
        if ins == 0xA8 and cla == 0x80 and self.gpo is not None:
            return self.gpo + SW_OK
        return SW_INS


SSSE = b"sx1.sh." + "社会保障".encode("gbk")


def _bcd(d: date) -> bytes:
    return bytes.fromhex(d.strftime("%Y%m%d"))


class SocialSecurityCard(FileSystemCard):
    """SSSE on the deployed layout: EF05/EF06 read by SFI and record number from 1.

    Like a T=0 card it answers SELECT by name with ``61 xx`` (fetch with GET RESPONSE)
    and a READ RECORD whose Le is not the record length with ``6C xx`` (send again).
    """

    def __init__(self, ef05: dict[int, bytes], ef06: dict[int, bytes]):
        super().__init__({}, {0xEF05: ef05, 0xEF06: ef06})
        self.sfi_files = {5: ef05, 6: ef06}
        self._pending = b""

    def __call__(self, apdu: bytes) -> bytes:
        _cla, ins, p1, p2 = apdu[:4]
        if ins == 0xA4 and p1 == 0x04:
            if apdu[5 : 5 + apdu[4]] != SSSE:
                return SW_NOT_FOUND
            self._pending = tlv(0x6F, tlv(0x84, SSSE))
            return bytes((0x61, len(self._pending)))
        if ins == 0xC0:
            data, self._pending = self._pending[: apdu[4]], b""
            return data + SW_OK
        if ins == 0xB2 and p2 & 0x07 == 0x04:
            records = self.sfi_files.get(p2 >> 3) if p2 >> 3 else self.current
            if records is None:
                return SW_NOT_FOUND
            if p1 not in records:
                return SW_NO_RECORD
            if len(apdu) < 5 or apdu[4] != len(records[p1]):
                return bytes((0x6C, len(records[p1])))
            return records[p1] + SW_OK
        return super().__call__(apdu)


def _rec(tag: int, value: bytes) -> bytes:
    return bytes((tag, len(value))) + value


def social_security_card_v3(number: str = "610102200105160034") -> SocialSecurityCard:
    """A third-generation card (规范 3.00): ``tag len value`` records, BCD dates.

    EF06 record 3 holds a field we do not use (so 性别 is record 4), as on real cards.
    """
    name = "王小明".encode("gbk").ljust(30, b"\x00")
    ef05 = {
        1: _rec(0x01, bytes.fromhex("610100D15600000503A1B2C3D4E5F601")),
        2: _rec(0x02, b"3"),
        3: _rec(0x03, b"3.00"),
        4: _rec(0x04, bytes.fromhex("610100000000")),
        5: _rec(0x05, _bcd(date(2021, 3, 15))),
        6: _rec(0x06, _bcd(date(2031, 3, 15))),
        7: _rec(0x07, b"A61234567"),
    }
    ef06 = {
        1: _rec(0x08, number.encode()),
        2: _rec(0x09, name),
        3: _rec(0x4E, b"CHN"),  # not one of ours: identified (and skipped) by its tag
        4: _rec(0x0A, b"1"),
        5: _rec(0x0B, b"\x01"),
        6: _rec(0x0C, bytes.fromhex("610102")),
        7: _rec(0x0D, _bcd(date(2001, 5, 16))),
    }
    return SocialSecurityCard(ef05, ef06)


def social_security_card_v1() -> SocialSecurityCard:
    """A first-generation card (规范 1.00): bare values by position, ASCII dates, no 有效期."""
    ef05 = {1: bytes.fromhex("610000D15600000501000000000001"), 3: b"1.00",
            5: b"20090701", 7: b"610000123"}
    ef06 = {
        1: b"61010419560823038X",
        2: "马秀兰".encode("gbk").ljust(20, b" "),
        3: b"2",
        4: b"03",
        5: bytes.fromhex("610104"),
        6: b"19560823",
    }
    return SocialSecurityCard(ef05, ef06)


BANK_PAN = "6230580000123456787"  # Luhn-valid, fictional


def bank_card(*, track2_in_gpo: bool = False) -> FileSystemCard:
    """A UnionPay debit card: PPSE → AID → GPO (PDOL) → AFL → record with 57 and 5A."""
    aid = bytes.fromhex("A000000333010101")
    ppse_fci = tlv(
        0x6F,
        tlv(0x84, b"2PAY.SYS.DDF01")
        + tlv(
            0xA5,
            tlv(
                0xBF0C,
                tlv(0x61, tlv(0x4F, aid) + tlv(0x50, b"UnionPay Debit") + tlv(0x87, b"\x01")),
            ),
        ),
    )
    aid_fci = tlv(
        0x6F,
        tlv(0x84, aid)
        + tlv(
            0xA5, tlv(0x50, b"PBOC DEBIT") + tlv(0x9F38, bytes.fromhex("9F66049F02069F37045F2A02"))
        ),
    )
    track2 = bytes.fromhex(BANK_PAN + "D3012201" + "00000000F")
    card = FileSystemCard({b"2PAY.SYS.DDF01": ppse_fci, aid: aid_fci}, {})
    gpo_items = tlv(0x82, b"\x7c\x00") + tlv(0x94, bytes.fromhex("0801010010010200"))
    if track2_in_gpo:
        gpo_items += tlv(0x57, track2)
    card.gpo = tlv(0x77, gpo_items)
    card.sfi_files = {
        1: {1: tlv(0x70, tlv(0x9F08, b"\x00\x30"))},
        2: {
            1: tlv(0x70, tlv(0x57, track2) + tlv(0x5F24, bytes.fromhex("301231"))),
            2: tlv(0x70, tlv(0x5A, bytes.fromhex(BANK_PAN + "F"))),
        },
    }
    return card


def garbage_card(seed: int = 7) -> Handler:
    """Answers every command with 9000 and bytes that are not valid TLV or records."""
    import random

    rng = random.Random(seed)

    def answer(apdu: bytes) -> bytes:
        return bytes([0x6F, 0x82, 0xFF]) + bytes(rng.randrange(256) for _ in range(12)) + SW_OK

    return answer
