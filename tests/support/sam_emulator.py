"""An emulated GA 467 reader module on the master side of a pseudo-terminal.

The driver under test opens the slave side with pyserial, exactly as it opens
/dev/ttyUSB0. The emulator parses command frames itself (not with the driver's codec,
so a symmetric bug in the codec cannot hide) and answers like a reader would, with
knobs for the failures readers show in the field.
"""

from __future__ import annotations

import os
import select
import threading
import time
import tty
from dataclasses import dataclass, field

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"


def reply_frame(sw3: int, data: bytes = b"") -> bytes:
    body = b"\x00\x00" + bytes([sw3]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    chk = 0
    for b in length + body:
        chk ^= b
    return PREAMBLE + length + body + bytes([chk])


@dataclass
class Behaviour:
    text: bytes | None = None  # 256-byte card text; None = no card on the reader
    photo: bytes = bytes(range(256)) * 4  # 1024 opaque WLT bytes
    latest_address: bytes | None = None  # 30/03 record, None = card has none (SW 0x91)
    address_supported: bool = True  # False: the reader ignores 30/03 (silent)
    select_failures: int = 0  # moving card: this many selects answer 0x81
    read_failures: int = 0  # this many reads answer 0x41
    corrupt_replies: int = 0  # this many replies carry a wrong checksum
    garbled_commands: int = 0  # this many commands are "received garbled" (SW3 0x10)
    truncated_replies: int = 0  # this many replies are cut off half-way
    silent: bool = False  # the reader answers nothing at all
    forced_status: int | None = None  # answer every command with this SW3
    baud: int = 0  # >0: pace output as a serial line at this rate (10 bits a byte)
    sam_id: bytes = bytes.fromhex("0500010002000000E80300000A000000B4000000")[:16]
    log: list[tuple[int, int]] = field(default_factory=list)


class SamEmulator:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self._master, self._slave = os.openpty()
        tty.setraw(self._master)
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        os.close(self._master)
        os.close(self._slave)

    def __enter__(self) -> SamEmulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        buf = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                buf += os.read(self._master, 4096)
            except OSError:
                return
            while True:
                start = buf.find(PREAMBLE)
                if start < 0 or len(buf) < start + 7:
                    break
                length = int.from_bytes(buf[start + 5 : start + 7], "big")
                end = start + 7 + length
                if len(buf) < end:
                    break
                frame, buf = buf[start:end], buf[end:]
                chk = 0
                for b in frame[5:-1]:
                    chk ^= b
                if chk != frame[-1]:
                    self._send(reply_frame(0x10))
                    continue
                self._answer(frame[7], frame[8])

    def _answer(self, cmd: int, para: int) -> None:
        b = self.behaviour
        b.log.append((cmd, para))
        if b.silent:
            return
        if b.garbled_commands:
            b.garbled_commands -= 1
            self._send(reply_frame(0x10))
            return
        if b.forced_status is not None:
            self._send(reply_frame(b.forced_status))
            return
        if (cmd, para) == (0x12, 0xFF):
            self._send(reply_frame(0x90, b.sam_id))
        elif (cmd, para) == (0x20, 0x01):
            if b.text is None:
                self._send(reply_frame(0x80, b"\x00" * 4))
            else:
                self._send(reply_frame(0x9F, b"\x00" * 4))
        elif (cmd, para) == (0x20, 0x02):
            if b.text is None:
                self._send(reply_frame(0x80))
            elif b.select_failures:
                b.select_failures -= 1
                self._send(reply_frame(0x81))
            else:
                self._send(reply_frame(0x90, b"\x00" * 8))
        elif (cmd, para) == (0x30, 0x01):
            if b.text is None:
                self._send(reply_frame(0x80))
            elif b.read_failures:
                b.read_failures -= 1
                self._send(reply_frame(0x41))
            else:
                data = len(b.text).to_bytes(2, "big") + len(b.photo).to_bytes(2, "big")
                self._send(reply_frame(0x90, data + b.text + b.photo))
        elif (cmd, para) == (0x30, 0x03):
            if not b.address_supported:
                return
            if b.latest_address is None:
                self._send(reply_frame(0x91))
            else:
                self._send(reply_frame(0x90, b.latest_address))
        else:
            self._send(reply_frame(0x21))

    def _send(self, frame: bytes) -> None:
        b = self.behaviour
        if b.corrupt_replies:
            b.corrupt_replies -= 1
            frame = frame[:-1] + bytes([frame[-1] ^ 0xFF])
        elif b.truncated_replies:
            b.truncated_replies -= 1
            frame = frame[: len(frame) // 2]
        if not b.baud:
            os.write(self._master, frame)
            return
        # pace like a UART: 10 bits per byte, in 32-byte bursts (a USB-serial packet)
        per_byte = 10 / b.baud
        started = time.perf_counter()
        for i in range(0, len(frame), 32):
            chunk = frame[i : i + 32]
            delay = started + (i + len(chunk)) * per_byte - time.perf_counter()
            if delay > 0:
                time.sleep(delay)  # the chunk's last bit arrives only now
            os.write(self._master, chunk)
