"""The receipt printer the application talks to: print a slip, ask its status, close.

Not thread-safe, like every driver: the application gives each printer one worker
thread. Every blocking call is bounded by the URI's ``timeout`` (seconds, default 5).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError

from devices.errors import DeviceError, DeviceNotConnected, DeviceTimeout
from devices.printer.profile import PrinterProfile
from devices.printer.render import render_slip
from devices.printer.slip import Slip, SlipCommand, TextLine
from devices.printer.status import QUERIES, PrinterStatus, apply_status, status_query
from devices.printer.transports import open_escpos
from devices.printer.uri import PrinterTarget, parse_printer_uri

log = logging.getLogger(__name__)
STATUS_TIMEOUT = 1.5  # seconds to wait for one DLE EOT answer
# Connections that carry no replies back: status is unknown, not an error.
_NO_REPLIES = ("escpos-file", "escpos-win32")


class PrinterNotReady(DeviceError):
    """The printer answered that it cannot print now (paper out, cover open…)."""

    def __init__(self, status: PrinterStatus) -> None:
        super().__init__(status.message(), detail="printer not ready")
        self.status = status


@dataclass(frozen=True)
class PrintResult:
    bytes_sent: int
    replaced: int  # characters printed as □ because the printer's encoding lacks them

    def clerk_note(self) -> str:
        if self.replaced:
            return f"已打印；{self.replaced} 个字符打印机无法显示，已印为 □，请手写补正"
        return "已打印"


class ReceiptPrinter:
    def __init__(self, device: Escpos, target: PrinterTarget) -> None:
        assert target.profile is not None
        self._device = device
        self.target = target
        self.profile: PrinterProfile = target.profile

    def __enter__(self) -> ReceiptPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def answers_status(self) -> bool:
        return self.target.scheme not in _NO_REPLIES

    def print_slip(
        self, slip: Slip | Iterable[SlipCommand | str], *, check_status: bool = True
    ) -> PrintResult:
        """Render and send one slip. Plain strings become left-aligned lines.

        With ``check_status`` a printer that says it cannot print (no paper, cover open)
        gets nothing and ``PrinterNotReady`` tells the clerk why; the slip can be sent again.
        """
        if not isinstance(slip, Slip):
            commands = [TextLine(c) if isinstance(c, str) else c for c in slip]
            slip = Slip("lines", commands)
        rendered = render_slip(slip, self.profile)
        if check_status and self.answers_status:
            status = self.status()
            if status.answered and not status.ready:
                raise PrinterNotReady(status)
        self._send(rendered.data)
        log.info("小票已发送：%s，%d 字节", slip.kind, len(rendered.data))
        return PrintResult(len(rendered.data), rendered.replaced)

    def status(self) -> PrinterStatus:
        """Ask DLE EOT 1–4. A printer that does not answer gives ``answered=False``."""
        result = PrinterStatus()
        if not self.answers_status:
            return PrinterStatus(answered=False)
        for query in QUERIES:
            self._send(status_query(query))
            reply = self._read_reply()
            if not reply:
                log.info("打印机未应答状态查询 DLE EOT %d", query)
                return PrinterStatus(answered=False)
            apply_status(result, query, reply)
        return result

    def close(self) -> None:
        try:
            self._device.close()
        except (OSError, EscposError) as exc:  # closing a dead link must not hide the cause
            log.info("关闭打印机连接时出错：%s", type(exc).__name__)

    def _send(self, data: bytes) -> None:
        try:
            self._device._raw(data)
        except TimeoutError as exc:
            raise DeviceTimeout(
                f"{self.target.describe()} 长时间无响应：请检查打印机是否卡纸或离线",
                detail=type(exc).__name__,
            ) from None
        except (OSError, EscposError) as exc:
            raise DeviceNotConnected(
                f"{self.target.describe()} 连接中断：请检查连接线与电源后重新打印",
                detail=type(exc).__name__,
            ) from None

    def _read_reply(self) -> bytes:
        conn = getattr(self._device, "device", None)
        try:
            if self.target.scheme == "escpos-tcp" and isinstance(conn, socket.socket):
                conn.settimeout(STATUS_TIMEOUT)
                try:
                    return conn.recv(16)
                finally:
                    conn.settimeout(self.target.timeout)
            if self.target.scheme == "escpos-serial" and conn is not None:
                # python-escpos reads 16 bytes, i.e. always waits out the timeout; one will do.
                conn.timeout = STATUS_TIMEOUT
                try:
                    return bytes(conn.read(1))
                finally:
                    conn.timeout = self.target.timeout
            return bytes(self._device._read() or b"")
        except (TimeoutError, NotImplementedError):
            return b""
        except (OSError, EscposError) as exc:
            if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
                return b""  # pyusb's USBTimeoutError
            raise DeviceNotConnected(
                f"{self.target.describe()} 连接中断：请检查连接线与电源",
                detail=type(exc).__name__,
            ) from None


def open_printer(uri: str) -> ReceiptPrinter:
    """Open the printer at ``uri`` (see ``devices.printer.uri``); raises ``DeviceError``."""
    target = parse_printer_uri(uri)
    return ReceiptPrinter(open_escpos(target), target)
