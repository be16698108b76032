"""The process that talks to SANE: one per open scanner, run as
``python -m devices.scanner.sane_helper FD CLIENT_PID``.

SANE backends are not kept in the client's own process:
- a backend call that never returns (a cancelled feeder scan, a wedged USB scanner)
  would otherwise hold a thread the client cannot kill, and keep it from exiting;
  a process can be killed and started again;
- backends fork readers and need SIGPIPE at its default action, which would let any
  write to a closed socket elsewhere in the client kill the whole client;
- a crashing backend costs one scan, not the counter.

Requests and replies are pickled tuples on a socketpair inherited as ``FD`` (stdout is
left to backends that print). Pages go back one message each, so a jam after page 3
still delivers pages 1–3, and no message holds a whole feeder's worth of images.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

import numpy as np

from devices.errors import DeviceError, DeviceNotConnected, DeviceProtocolError
from devices.scanner.base import ScanSettings
from devices.scanner.errors import CoverOpen, NoPaper, PaperJam, ScannerBusy


def translate_sane_error(exc: Exception) -> DeviceError:
    """SANE status text (``sane_strstatus``) → the clerk's words."""
    text = str(exc)
    low = text.lower()
    if "jammed" in low:
        return PaperJam(text)
    if "out of documents" in low or "no documents" in low:
        return NoPaper(text)
    if "cover is open" in low:
        return CoverOpen(text)
    if "busy" in low:
        return ScannerBusy(text)
    if "access" in low and "denied" in low:
        return DeviceError("没有权限使用扫描仪：请让管理员把当前用户加入 scanner 组", detail=text)
    if "i/o" in low:
        return DeviceNotConnected("扫描仪通信出错：请检查 USB 线和电源后重试", detail=text)
    if "cancel" in low:
        return DeviceError("扫描已取消", detail=text)
    if "out of memory" in low:
        return DeviceError("扫描图像过大，内存不足：请降低分辨率后重试", detail=text)
    return DeviceProtocolError(f"扫描仪报告错误：{text}", detail=text)


def coerce_option(value):
    """URI option values arrive as text; SANE wants ints and floats as numbers."""
    if not isinstance(value, str):
        return value
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


def to_bgr(image) -> np.ndarray:
    """A PIL image from python-sane → the greyscale or BGR array the pipeline takes."""
    if image.mode in ("1", "L", "I", "I;16"):
        return np.asarray(image.convert("L"))
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


class SaneSession:
    """The SANE side of one scanner; every method runs in the helper process."""

    def __init__(self, sane) -> None:
        self.sane = sane
        self.dev = None

    def open(self, device_name: str, options: dict) -> None:
        try:
            self.dev = self.sane.open(device_name)
        except self.sane._sane.error as exc:
            # the dll backend answers "invalid argument" or "not supported" for unknown names
            if any(w in str(exc).lower() for w in ("invalid argument", "not supported")):
                raise DeviceNotConnected(
                    f"找不到扫描仪 {device_name}：请检查 USB 线和电源，"
                    "或运行 desk-app devices list 查看可用设备",
                    detail=str(exc),
                ) from exc
            raise translate_sane_error(exc) from exc
        try:
            for name, value in options.items():
                self.set(name, value)
        except DeviceError:
            self.close()  # else the device stays claimed ("busy") for everyone
            raise

    def set(self, name: str, value) -> None:
        attr = name.replace("-", "_")
        if attr not in self.dev.opt:  # python-sane would silently keep it as a Python attr
            raise DeviceProtocolError(f"扫描仪没有选项 {name}，不支持该设置")
        try:
            setattr(self.dev, attr, coerce_option(value))
        except (AttributeError, ValueError, TypeError) as exc:
            raise DeviceProtocolError(
                f"扫描仪不支持设置 {name} = {value}", detail=str(exc)
            ) from exc
        except self.sane._sane.error as exc:
            raise translate_sane_error(exc) from exc

    def _source_value(self, source: str) -> str | None:
        constraint = self.dev["source"].constraint if "source" in self.dev.opt else None
        if not constraint:
            return None
        if source == "flatbed":
            return next((c for c in constraint if "flatbed" in c.lower()), constraint[0])
        for c in constraint:
            if "feeder" in c.lower() or "adf" in c.lower():
                return c
        raise DeviceError("这台扫描仪没有自动进纸器：请改用平板扫描")

    def scan(self, settings: ScanSettings, send_page) -> None:
        dev = self.dev
        if "mode" in dev.opt:
            wanted = "color" if settings.colour else "gray"
            modes = dev["mode"].constraint or []
            match = next((m for m in modes if m.lower().startswith(wanted)), None)
            if match:
                self.set("mode", match)
        if "resolution" in dev.opt:
            self.set("resolution", settings.dpi)
        source = self._source_value(settings.source)
        if source is not None:
            self.set("source", source)
        fed = 0
        try:
            if settings.source == "adf":
                for image in dev.multi_scan():  # stops when the feeder runs empty
                    send_page(to_bgr(image))
                    fed += 1
                if not fed:
                    raise NoPaper("feeder empty at start")
            else:
                send_page(to_bgr(dev.scan()))
        except self.sane._sane.error as exc:
            dev.cancel()
            raise translate_sane_error(exc) from exc

    def close(self) -> None:
        if self.dev is not None:
            self.dev.close()
            self.dev = None


def serve(conn: Connection) -> None:
    try:
        import sane  # python-sane: only ever imported in this process
    except ImportError:
        sane = None
    else:
        sane.init()
    session = SaneSession(sane)
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the client closed or died: nothing more to do
            break
        verb, args = request[0], request[1:]
        try:
            if sane is None:
                raise DeviceNotConnected("本机未安装 SANE 扫描支持（python-sane）")
            if verb == "open":
                session.open(*args)
                conn.send(("ok", None))
            elif verb == "set":
                session.set(*args)
                conn.send(("ok", None))
            elif verb == "scan":
                session.scan(args[0], lambda page: conn.send(("page", page)))
                conn.send(("ok", None))
            elif verb == "list":
                devices = [
                    (name, f"{vendor} {model}（{kind}）")
                    for name, vendor, model, kind in sane.get_devices(localOnly=args[0])
                ]
                conn.send(("ok", devices))
            elif verb == "close":
                session.close()
                conn.send(("ok", None))
                break
            else:
                conn.send(("error", "DeviceProtocolError", f"扫描进程不认识的请求 {verb}", ""))
        except DeviceError as exc:
            conn.send(("error", type(exc).__name__, exc.clerk_message, exc.detail))


def _exit_with_parent(parent: int) -> None:
    """Leave as soon as the client is gone, even in the middle of a stuck backend call,
    so no orphan keeps the scanner claimed. (PR_SET_PDEATHSIG would fire when the
    client *thread* that started us ends, which a pooled worker thread does.)"""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str]) -> int:
    _exit_with_parent(int(argv[2]))
    # Backends' forked readers must die of SIGPIPE when a cancelled scan closes their
    # pipe; Python starts with it ignored.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    serve(Connection(int(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
