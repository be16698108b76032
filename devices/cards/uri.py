"""Open a card reader from its URI, and list the readers this machine has.

    sam:/dev/ttyUSB0?baud=115200[&wlt=/opt/vendor/libwlt.so][&address=0]
    pcsc:<reader name or part of it>
    termb:/opt/vendor/libtermb.so?port=1001[&encoding=gbk]
    sdtapi:/opt/vendor/libsdtapi.so?port=1001[&wlt=/opt/vendor/libwlt.so]
    sim:<identity>          (see ``simulator.SIM_IDENTITIES``; sim:none has no card)

A technician types these after ``--device``; the machine config binds names to them.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from devices.cards.errors import ReaderConfigError
from devices.cards.reader import CardReader, ReaderInfo
from devices.cards.simulator import SimReader, simulator_readers
from devices.cards.wlt import WltDecoder
from devices.errors import DeviceError

CARD_SCHEMES = ("sam", "pcsc", "termb", "sdtapi", "sim")
_SERIAL_PREFIXES = ("/dev/ttyUSB", "/dev/ttyACM", "COM")


def split_uri(uri: str) -> tuple[str, str, dict[str, str]]:
    """'sam:/dev/ttyUSB0?baud=9600' → ('sam', '/dev/ttyUSB0', {'baud': '9600'})."""
    scheme, sep, rest = uri.partition(":")
    if not sep or scheme not in CARD_SCHEMES:
        raise ReaderConfigError(
            f"无法识别的读卡器地址“{uri}”：应以 {'、'.join(s + ':' for s in CARD_SCHEMES)} 开头"
        )
    target, _, query = rest.partition("?")
    options = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    return scheme, target, options


def is_card_uri(uri: str) -> bool:
    return uri.partition(":")[0] in CARD_SCHEMES and ":" in uri


def _int_option(options: dict[str, str], key: str, default: int, uri: str) -> int:
    try:
        return int(options.get(key, default))
    except ValueError as exc:
        raise ReaderConfigError(f"读卡器地址“{uri}”中的 {key} 应为整数") from exc


def _wlt(options: dict[str, str]) -> WltDecoder | None:
    path = options.get("wlt", "")
    return WltDecoder(path) if path else None


def open_reader(uri: str) -> CardReader:
    """A ready reader for the URI; raises DeviceError subclasses (ReaderConfigError for typos)."""
    scheme, target, options = split_uri(uri)
    if scheme == "sim":
        try:
            latency = float(options.get("latency", "0") or 0)
        except ValueError as exc:
            raise ReaderConfigError(f"读卡器地址“{uri}”中的 latency 应为秒数") from exc
        return SimReader(target or "resident", latency=latency)
    if not target:
        raise ReaderConfigError(f"读卡器地址“{uri}”缺少{_TARGET_NAMES[scheme]}")
    if scheme == "sam":
        from devices.cards.sam_reader import SamReader

        return SamReader(
            target,
            baudrate=_int_option(options, "baud", 115200, uri),
            wlt=_wlt(options),
            read_address=options.get("address", "1") != "0",
        )
    if scheme == "pcsc":
        from devices.cards.pcsc_reader import PcscReader

        return PcscReader(target)
    from devices.cards.vendor_lib import SdtapiReader, TermbReader

    port = _int_option(options, "port", 1001, uri)
    if scheme == "termb":
        return TermbReader(target, port=port, encoding=options.get("encoding", "gbk"))
    return SdtapiReader(target, port=port, wlt=_wlt(options))


_TARGET_NAMES = {
    "sam": "串口名（如 /dev/ttyUSB0 或 COM3）",
    "pcsc": "读卡器名称（可用名称的一部分）",
    "termb": "厂商动态库路径",
    "sdtapi": "厂商动态库路径",
}


def enumerate_readers() -> list[ReaderInfo]:
    """Simulators, PC/SC readers and the serial ports an ID reader may sit on.

    Vendor libraries cannot be discovered (the path is per machine), so they only
    appear once bound in the config.
    """
    rows = simulator_readers()
    try:
        from devices.cards.pcsc_reader import pcsc_readers

        rows.extend(pcsc_readers())
    except DeviceError:
        pass  # no PC/SC service on this machine: nothing to list
    from serial.tools import list_ports

    for port in list_ports.comports():
        if port.device.startswith(_SERIAL_PREFIXES):
            rows.append(
                ReaderInfo(
                    f"sam:{port.device}?baud=115200",
                    f"串口 {port.device}（{port.description}），若是身份证阅读器可用此地址",
                )
            )
    return rows
