"""Printer URIs, as bound in the machine config or typed by a technician.

    escpos-tcp://10.0.0.21:9100      network printer (raw TCP, port 9100 by default)
    escpos-serial:/dev/ttyS0?baud=9600   serial port (COM3 on Windows)
    escpos-usb:0x0416:0x5011         USB vendor:product id (hex)
    escpos-file:/dev/usb/lp0         a device node or file the bytes are written to
    escpos-win32:XP-80C              a Windows printer queue, sent RAW through the spooler
    escpos-sim:                      the simulator (``escpos-sim:/path/out.bin`` keeps bytes)

Every form takes ``?profile=generic-80&encoding=gb18030&width=80`` and the other
profile options (see ``profile.PrinterProfile.with_overrides``), plus ``timeout``
(seconds); serial: ``baud``, ``flow`` (dsrdtr|xonxoff|none); USB: ``in_ep``, ``out_ep``;
simulator: ``state`` (ready|paper_out|paper_low|cover_open).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

from devices.errors import DeviceError
from devices.printer.profile import PrinterProfile, ProfileError, resolve_profile

SCHEMES = ("escpos-tcp", "escpos-serial", "escpos-usb", "escpos-file", "escpos-win32", "escpos-sim")


class PrinterConfigError(DeviceError):
    """The printer URI or its profile options are wrong; the message says what to fix."""


@dataclass(frozen=True)
class PrinterTarget:
    scheme: str
    address: str  # host, device path, printer name; "" for the simulator without a file
    port: int = 0  # TCP port
    usb_ids: tuple[int, int] = (0, 0)
    options: dict[str, str] = field(default_factory=dict)
    profile: PrinterProfile | None = None

    @property
    def timeout(self) -> float:
        try:
            return max(0.2, min(float(self.options.get("timeout", "5")), 60.0))
        except ValueError:
            raise PrinterConfigError("timeout 参数应为秒数，例如 timeout=5") from None

    def describe(self) -> str:
        kind = {
            "escpos-tcp": f"网络小票打印机 {self.address}:{self.port}",
            "escpos-serial": f"串口小票打印机 {self.address}",
            "escpos-usb": f"USB 小票打印机 {self.usb_ids[0]:04x}:{self.usb_ids[1]:04x}",
            "escpos-file": f"小票打印机设备文件 {self.address}",
            "escpos-win32": f"Windows 打印队列 {self.address}",
            "escpos-sim": "模拟小票打印机",
        }[self.scheme]
        p = self.profile
        return f"{kind}（{p.paper_mm}mm，{p.encoding}）" if p else kind


def parse_printer_uri(uri: str) -> PrinterTarget:
    scheme, sep, rest = uri.strip().partition(":")
    if not sep or scheme not in SCHEMES:
        raise PrinterConfigError(
            f"无法识别的打印机地址 {uri!r}：应以 {', '.join(s + ':' for s in SCHEMES)} 开头"
        )
    rest, _, query = rest.partition("?")
    options = dict(parse_qsl(query, keep_blank_values=True))
    try:
        profile = resolve_profile(options)
    except ProfileError as exc:
        raise PrinterConfigError(f"打印机 {uri!r} 配置有误：{exc}") from None
    if scheme == "escpos-tcp":
        host, port = _host_port(rest, uri)
        return PrinterTarget(scheme, host, port=port, options=options, profile=profile)
    if scheme == "escpos-usb":
        return PrinterTarget(
            scheme, rest, usb_ids=_usb_ids(rest, uri), options=options, profile=profile
        )
    address = unquote(rest)
    if scheme in ("escpos-serial", "escpos-file", "escpos-win32") and not address:
        raise PrinterConfigError(f"打印机地址 {uri!r} 缺少设备路径或打印机名称")
    return PrinterTarget(scheme, address, options=options, profile=profile)


def _host_port(rest: str, uri: str) -> tuple[str, int]:
    hostport = rest.removeprefix("//").rstrip("/")
    if hostport.startswith("["):  # [IPv6]:port
        host, _, tail = hostport[1:].partition("]")
        port_text = tail.removeprefix(":")
    else:
        host, _, port_text = hostport.partition(":")
    if not host:
        raise PrinterConfigError(f"打印机地址 {uri!r} 缺少主机名，例如 escpos-tcp://10.0.0.21:9100")
    try:
        port = int(port_text) if port_text else 9100
    except ValueError:
        raise PrinterConfigError(f"打印机地址 {uri!r} 的端口不是数字") from None
    if not 0 < port < 65536:
        raise PrinterConfigError(f"打印机地址 {uri!r} 的端口 {port} 超出范围")
    return host, port


def _usb_ids(rest: str, uri: str) -> tuple[int, int]:
    parts = rest.split(":")
    try:
        if len(parts) != 2:
            raise ValueError
        vid, pid = (int(p, 16) for p in parts)
    except ValueError:
        raise PrinterConfigError(
            f"USB 打印机地址 {uri!r} 应为 escpos-usb:厂商ID:产品ID（十六进制），"
            "例如 escpos-usb:0416:5011"
        ) from None
    if not (0 <= vid <= 0xFFFF and 0 <= pid <= 0xFFFF):
        raise PrinterConfigError(f"USB 打印机地址 {uri!r} 的 ID 超出范围")
    return vid, pid
