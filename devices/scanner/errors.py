"""Scanner failures in the words a clerk acts on (the SANE/TWAIN status, translated)."""

from __future__ import annotations

from devices.errors import DeviceBusy, DeviceError


class PaperJam(DeviceError):
    """The document feeder jammed."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "扫描仪卡纸：请打开进纸器盖，取出卡住的纸张，整理好后重新扫描", detail=detail
        )


class NoPaper(DeviceError):
    """The feeder is empty (or the flatbed has nothing to scan)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("进纸器中没有纸：请把材料正面朝下放入进纸器后重新扫描", detail=detail)


class CoverOpen(DeviceError):
    """The lid or the feeder cover is open."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("扫描仪盖板打开：请合上盖板后重新扫描", detail=detail)


class ScannerBusy(DeviceBusy):
    def __init__(self, detail: str = "") -> None:
        super().__init__("扫描仪正被其他程序使用：请关闭其他扫描软件后重试", detail=detail)
