"""Scanners on Linux through SANE (python-sane), flatbed and document feeder.

A SANE handle is used from one thread only: each scanner owns a single worker thread
that opens the device and runs every call, so the caller can give up after
``timeout`` (the scan is then cancelled with ``sane_cancel``, which SANE allows from
another thread) instead of hanging with the scanner.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import cv2
import numpy as np

from devices.errors import DeviceError, DeviceNotConnected, DeviceProtocolError, DeviceTimeout
from devices.scanner.base import ScanSettings
from devices.scanner.errors import CoverOpen, NoPaper, PaperJam, ScannerBusy

_init_lock = threading.Lock()
_initialised = False


def _sane():
    """The python-sane module, initialised once per process (SANE's own rule)."""
    global _initialised
    try:
        import sane
    except ImportError as exc:  # pragma: no cover - python-sane is a dependency on Linux
        raise DeviceNotConnected("本机未安装 SANE 扫描支持（python-sane）") from exc
    with _init_lock:
        if not _initialised:
            sane.init()
            _initialised = True
    return sane


def _set_sigpipe(disposition: int) -> None:
    if hasattr(signal, "SIGPIPE"):
        libc = ctypes.CDLL(None)
        libc.signal.restype = ctypes.c_void_p
        libc.signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
        libc.signal(int(signal.SIGPIPE), disposition)


def _with_sane_sigpipe(fn, *args):
    """Run a SANE scan with SIGPIPE at its default action, then ignore it again.

    SANE backends (the ``test`` backend's forked reader among them) need the default: a
    reader that ignores EPIPE never notices a cancelled scan and hangs it. Python, on
    the other hand, must ignore SIGPIPE, or the next write to a closed pipe or socket
    anywhere in the client kills the process. libc's signal() works from this worker
    thread, where Python's may not.
    """
    _set_sigpipe(0)  # SIG_DFL
    try:
        return fn(*args)
    finally:
        _set_sigpipe(1)  # SIG_IGN


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


def list_sane_devices(local_only: bool = True) -> list[tuple[str, str]]:
    """(SANE device name, description) of the scanners SANE can see.

    Local only by default: probing the network for scanners takes seconds; a network
    scanner is still used by binding its ``sane:`` URI.
    """
    sane = _sane()
    return [
        (name, f"{vendor} {model}（{kind}）")
        for name, vendor, model, kind in sane.get_devices(localOnly=local_only)
    ]


def _coerce(value: str):
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


class SaneScanner:
    def __init__(
        self,
        device_name: str,
        *,
        options: dict[str, str] | None = None,
        uri: str = "",
        open_timeout: float = 15.0,
    ) -> None:
        self.device_name = device_name
        self.uri = uri or f"sane:{device_name}"
        self.description = f"扫描仪 {device_name}"
        self.options = dict(options or {})
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sane")
        self._dev = None
        try:
            self._call(self._open, open_timeout)
        except DeviceError:
            self._worker.shutdown(wait=False)
            raise

    def _call(self, fn, timeout: float, *args):
        future = self._worker.submit(fn, *args)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout as exc:
            if self._dev is not None:
                try:
                    self._dev.cancel()  # unblocks sane_read in the worker
                except Exception:  # best effort: the timeout is what we report
                    pass
            raise DeviceTimeout(
                "扫描仪长时间没有响应：请检查扫描仪是否开机、是否卡纸", detail=f"{self.uri} timeout"
            ) from exc

    def _open(self) -> None:
        sane = _sane()
        try:
            self._dev = sane.open(self.device_name)
        except sane._sane.error as exc:
            # the dll backend answers "invalid argument" or "not supported" for unknown names
            if any(w in str(exc).lower() for w in ("invalid argument", "not supported")):
                raise DeviceNotConnected(
                    f"找不到扫描仪 {self.device_name}：请检查 USB 线和电源，"
                    "或运行 desk-app devices list 查看可用设备",
                    detail=str(exc),
                ) from exc
            raise translate_sane_error(exc) from exc
        try:
            for name, value in self.options.items():
                self._set(name.replace("-", "_"), _coerce(value))
        except DeviceError:
            self._dev.close()  # else the device stays claimed ("busy") for everyone
            self._dev = None
            raise

    def _set(self, attr: str, value) -> None:
        if attr not in self._dev.opt:  # python-sane would silently keep it as a Python attr
            raise DeviceProtocolError(f"扫描仪没有选项 {attr.replace('_', '-')}，不支持该设置")
        try:
            setattr(self._dev, attr, value)
        except (AttributeError, ValueError, TypeError) as exc:
            raise DeviceProtocolError(
                f"扫描仪不支持设置 {attr} = {value}", detail=str(exc)
            ) from exc
        except Exception as exc:  # _sane.error
            raise translate_sane_error(exc) from exc

    def set_option(self, name: str, value: str | int | float, timeout: float = 10.0) -> None:
        """Set a SANE option by its ``scanimage -A`` name (e.g. ``"read-delay"``)."""
        self._call(self._set, timeout, name.replace("-", "_"), value)

    def _source_value(self, source: str) -> str | None:
        constraint = self._dev["source"].constraint if "source" in self._dev.opt else None
        if not constraint:
            return None
        if source == "flatbed":
            return next((c for c in constraint if "flatbed" in c.lower()), constraint[0])
        for c in constraint:
            low = c.lower()
            if "feeder" in low or "adf" in low:
                return c
        raise DeviceError("这台扫描仪没有自动进纸器：请改用平板扫描")

    def _scan(self, settings: ScanSettings) -> list[np.ndarray]:
        sane = _sane()
        dev = self._dev
        if "mode" in dev.opt:
            modes = dev["mode"].constraint or []
            wanted = "color" if settings.colour else "gray"
            match = next((m for m in modes if m.lower().startswith(wanted)), None)
            if match:
                self._set("mode", match)
        if "resolution" in dev.opt:
            self._set("resolution", settings.dpi)
        source = self._source_value(settings.source)
        if source is not None:
            self._set("source", source)
        pages: list[np.ndarray] = []
        try:
            if settings.source == "adf":
                for image in dev.multi_scan():  # stops when the feeder runs empty
                    pages.append(_to_bgr(image))
                if not pages:
                    raise NoPaper("feeder empty at start")
            else:
                pages.append(_to_bgr(dev.scan()))
        except sane._sane.error as exc:
            dev.cancel()
            error = translate_sane_error(exc)
            error.partial_pages = pages  # pages fed before a jam are kept, not lost
            raise error from exc
        return pages

    def scan(
        self, settings: ScanSettings | None = None, timeout: float = 120.0
    ) -> list[np.ndarray]:
        return self._call(_with_sane_sigpipe, timeout, self._scan, settings or ScanSettings())

    def close(self) -> None:
        def _close() -> None:
            if self._dev is not None:
                self._dev.close()
                self._dev = None

        try:
            self._call(_with_sane_sigpipe, 5.0, _close)
        finally:
            self._worker.shutdown(wait=False)


def _to_bgr(image) -> np.ndarray:
    if image.mode in ("1", "L", "I", "I;16"):
        return np.asarray(image.convert("L"))
    return cv2.cvtColor(np.asarray(image.convert("RGB")), cv2.COLOR_RGB2BGR)
