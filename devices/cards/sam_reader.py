"""ID card readers speaking GA 467 to their security module over serial / USB-CDC.

A read is find (20/01) → select (20/02) → read text and photo (30/01), then the
latest endorsed address (30/03) where the reader has it. Readers are flaky and
applicants move the card, so a failed select or read starts over from find until
the caller's deadline; a frame with a bad checksum is asked for again.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import serial

from devices.cards import sam_frame as f
from devices.cards.errors import CardReadError, NoCardError
from devices.cards.identity import Identity
from devices.cards.sam_status import error_for
from devices.cards.text_layout import TEXT_LENGTH, parse_address_record, parse_text
from devices.cards.wlt import WltDecoder, attach_photo
from devices.errors import DeviceNotConnected, DeviceProtocolError, DeviceTimeout

FIND_INTERVAL = 0.05  # between find-card polls while waiting for a card
_LINE_RETRIES = 2  # re-sends after a corrupt or truncated reply
_ADDRESS_TIMEOUT = 0.5  # 30/03 is optional; readers without it may stay silent
_GAP = 0.25  # silence inside a frame this long means it was cut off: ask again


def open_serial(port: str, baudrate: int) -> serial.SerialBase:
    try:
        return serial.serial_for_url(port, baudrate=baudrate, timeout=0.05, write_timeout=1.0)
    except (serial.SerialException, ValueError, OSError) as exc:
        raise DeviceNotConnected(
            f"无法打开读卡器串口 {port}：请检查读卡器 USB 线是否插好、端口号是否正确",
            detail=type(exc).__name__,
        ) from exc


class SamReader:
    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 115200,
        wlt: WltDecoder | None = None,
        read_address: bool = True,
        serial_factory: Callable[[str, int], serial.SerialBase] = open_serial,
    ) -> None:
        self.uri = f"sam:{port}?baud={baudrate}"
        self.port = port
        self._wlt = wlt
        self._read_address = read_address
        self._serial = serial_factory(port, baudrate)
        self._decoder = f.FrameDecoder()

    def close(self) -> None:
        self._serial.close()

    def __enter__(self) -> SamReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the link -----------------------------------------------------------------
    def _exchange(self, command: tuple[int, int], deadline: float) -> f.Reply:
        """Send a command and return its reply; garbled exchanges are tried again."""
        last_error: DeviceProtocolError | None = None
        for _ in range(_LINE_RETRIES + 1):
            self._serial.reset_input_buffer()
            self._decoder = f.FrameDecoder()
            try:
                self._serial.write(f.encode(*command))
                reply = f.parse_reply(self._receive(deadline, command))
            except f.FrameError as exc:  # we received a garbled reply
                last_error = exc
                continue
            except serial.SerialException as exc:
                raise DeviceNotConnected(
                    f"读卡器连接中断（{self.port}）：请检查 USB 线后重试",
                    detail=type(exc).__name__,
                ) from exc
            if reply.sw3 not in (f.SW_CHECKSUM, f.SW_LENGTH):
                return reply
            # the module received our command garbled: send it again
            last_error = DeviceProtocolError(
                error_for(reply.sw3, command).clerk_message, detail=f"SW3={reply.sw3:02X}"
            )
        assert last_error is not None
        raise last_error

    def _receive(self, deadline: float, command: tuple[int, int]) -> bytes:
        last_byte = time.monotonic()
        while True:
            waiting = self._serial.in_waiting
            chunk = self._serial.read(waiting or 1)
            now = time.monotonic()
            if chunk:
                last_byte = now
                frames = self._decoder.feed(chunk)
                if frames:
                    return frames[0]
            partial = self._decoder.pending
            if now >= deadline or (partial and now - last_byte > _GAP):
                if partial:
                    raise f.FrameError(
                        "读卡器应答不完整：请检查连接线后重试",
                        detail=f"cmd {command[0]:02X}/{command[1]:02X} truncated at {partial} B",
                    )
                raise DeviceTimeout(
                    f"读卡器无响应（{self.port}）：请检查读卡器电源和连接线，"
                    "并确认配置的串口和波特率正确",
                    detail=f"cmd {command[0]:02X}/{command[1]:02X} silent",
                )

    # --- the card -----------------------------------------------------------------
    def check(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        reply = self._exchange(f.SAM_ID, deadline)
        if reply.sw3 != f.SW_OK:
            raise error_for(reply.sw3, f.SAM_ID)
        return f"安全模块编号 {sam_id_text(reply.data)}"

    def read_identity(self, timeout: float) -> Identity:
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while True:
            try:
                return self._read_once(deadline)
            except (NoCardError, CardReadError) as exc:
                last = exc  # no card yet, or it moved: start over from find-card
            except (DeviceTimeout, DeviceProtocolError):
                # the deadline fell inside an exchange: what the card did last is the news
                if last is None or time.monotonic() < deadline:
                    raise
                raise last from None
            if time.monotonic() + FIND_INTERVAL >= deadline:
                assert last is not None
                raise last
            time.sleep(FIND_INTERVAL)

    def _read_once(self, deadline: float) -> Identity:
        for command, ok in ((f.FIND_CARD, f.SW_FOUND), (f.SELECT_CARD, f.SW_OK)):
            reply = self._exchange(command, deadline)
            if reply.sw3 != ok:
                raise error_for(reply.sw3, command)
        reply = self._exchange(f.READ_TEXT_PHOTO, deadline)
        if reply.sw3 != f.SW_OK:
            raise error_for(reply.sw3, f.READ_TEXT_PHOTO)
        text, photo = split_text_photo(reply.data)
        identity = parse_text(text, photo_wlt=photo, source=self.uri)
        if self._read_address:
            address = self._latest_address(deadline)
            if address:
                identity = _with_address(identity, address)
        return attach_photo(identity, self._wlt)

    def _latest_address(self, deadline: float) -> str:
        """30/03, best effort: readers without it answer an error or nothing at all."""
        short = min(deadline, time.monotonic() + _ADDRESS_TIMEOUT)
        try:
            reply = self._exchange(f.READ_LATEST_ADDRESS, short)
        except (DeviceTimeout, DeviceProtocolError):
            return ""
        if reply.sw3 != f.SW_OK:
            return ""
        return parse_address_record(reply.data)


def split_text_photo(data: bytes) -> tuple[bytes, bytes]:
    """30/01 data: text length (2, BE), photo length (2, BE), text, photo."""
    if len(data) < 4:
        raise DeviceProtocolError("读卡数据不完整：请重新放卡", detail=f"30/01 data {len(data)} B")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    if text_len != TEXT_LENGTH or len(data) != 4 + text_len + photo_len:
        raise DeviceProtocolError(
            "读卡数据不完整：请重新放卡",
            detail=f"30/01 lengths text={text_len} photo={photo_len} got={len(data)}",
        )
    return data[4 : 4 + text_len], data[4 + text_len :]


def sam_id_text(data: bytes) -> str:
    """12/FF: the module's number as printed on its label (hex if the layout is unknown)."""
    if len(data) == 16:
        a = int.from_bytes(data[0:2], "little")
        b = int.from_bytes(data[2:4], "little")
        c = int.from_bytes(data[4:8], "little")
        d = int.from_bytes(data[8:12], "little")
        e = int.from_bytes(data[12:16], "little")
        return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"
    return data.hex().upper()


def _with_address(identity: Identity, address: str) -> Identity:
    return dataclasses.replace(identity, latest_address=address)
