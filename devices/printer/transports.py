"""python-escpos printer objects for each URI scheme, plus the simulator.

Everything here only opens connections; talking to the printer is ``ReceiptPrinter``'s.
"""

from __future__ import annotations

from pathlib import Path

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy

from devices.errors import DeviceNotConnected
from devices.printer.render import escpos_profile
from devices.printer.uri import PrinterConfigError, PrinterTarget

# Status bytes (DLE EOT 1..4) the simulator answers for each state it can be put in.
_SIM_STATES = {
    "ready": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12},
    "paper_out": {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72},
    "paper_low": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E},
    "cover_open": {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12},
}


class SimulatedEscpos(Dummy):
    """A printer in memory (and optionally a file) that answers status like a real one."""

    def __init__(self, path: str = "", state: str = "ready", **kwargs) -> None:
        super().__init__(**kwargs)
        if state not in _SIM_STATES:
            raise PrinterConfigError(
                f"模拟打印机状态 {state!r} 无效：可选 {', '.join(_SIM_STATES)}"
            )
        self.path = Path(path) if path else None
        self.state = state
        self._pending: list[int] = []

    def _raw(self, msg: bytes) -> None:
        # Answer status queries the way a printer does: one byte per DLE EOT n.
        for i in range(len(msg) - 2):
            if msg[i : i + 2] == b"\x10\x04" and msg[i + 2] in (1, 2, 3, 4):
                self._pending.append(_SIM_STATES[self.state][msg[i + 2]])
        super()._raw(msg)
        if self.path is not None:
            with self.path.open("ab") as fh:
                fh.write(msg)

    def _read(self) -> bytes:
        reply, self._pending = bytes(self._pending), []
        return reply


def open_escpos(target: PrinterTarget) -> Escpos:
    """An opened python-escpos printer for ``target``; clerk-readable errors."""
    assert target.profile is not None
    try:
        if target.scheme == "escpos-sim":
            printer: Escpos = SimulatedEscpos(target.address, target.options.get("state", "ready"))
        elif target.scheme == "escpos-tcp":
            from escpos.printer import Network

            printer = Network(target.address, target.port, timeout=target.timeout)
        elif target.scheme == "escpos-serial":
            from escpos.printer import Serial

            baud = _int(target.options.get("baud", "9600"), "baud")
            flow = target.options.get("flow", "dsrdtr")
            if flow not in ("dsrdtr", "xonxoff", "none"):
                raise PrinterConfigError(f"flow={flow!r} 无效：可选 dsrdtr、xonxoff 或 none")
            printer = Serial(
                target.address,
                baudrate=baud,
                timeout=target.timeout,
                dsrdtr=flow == "dsrdtr",
                xonxoff=flow == "xonxoff",
            )
        elif target.scheme == "escpos-usb":
            from escpos.printer import Usb

            vid, pid = target.usb_ids
            # Endpoints differ by maker (Epson 0x82/0x01, many Chinese models 0x81/0x03).
            printer = Usb(
                vid,
                pid,
                timeout=int(target.timeout * 1000),
                in_ep=_hex(target.options.get("in_ep", "0x82"), "in_ep"),
                out_ep=_hex(target.options.get("out_ep", "0x01"), "out_ep"),
            )
        elif target.scheme == "escpos-file":
            from escpos.printer import File

            printer = File(target.address)
        else:
            from escpos.printer import Win32Raw

            printer = Win32Raw(target.address)
        printer.profile = escpos_profile(target.profile)
        printer.open()
    except RuntimeError as exc:  # python-escpos: the optional library is missing
        raise DeviceNotConnected(
            f"{target.describe()} 无法使用：缺少驱动库（{exc}）", detail=str(exc)
        ) from None
    except (EscposError, OSError, ValueError) as exc:
        raise DeviceNotConnected(_open_hint(target), detail=f"{type(exc).__name__}") from None
    return printer


def _open_hint(target: PrinterTarget) -> str:
    where = target.describe()
    return {
        "escpos-tcp": f"无法连接{where}：请检查网线、打印机电源和 IP 地址",
        "escpos-serial": f"无法打开{where}：请检查串口线、端口号和是否被其他程序占用",
        "escpos-usb": f"找不到{where}：请检查 USB 线和电源，Linux 下还需 USB 访问权限",
        "escpos-file": f"无法写入{where}：请检查设备是否存在及写入权限",
        "escpos-win32": f"找不到{where}：请在 Windows 打印机列表中核对名称",
    }.get(target.scheme, f"无法打开{where}")


def _hex(text: str, key: str) -> int:
    try:
        value = int(text, 16)
    except ValueError:
        raise PrinterConfigError(f"参数 {key}={text!r} 应为十六进制端点号，如 0x81") from None
    if not 0 <= value <= 0xFF:
        raise PrinterConfigError(f"参数 {key}={text!r} 超出范围")
    return value


def _int(text: str, key: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise PrinterConfigError(f"参数 {key}={text!r} 应为整数") from None
