"""Shapes shared by ``desk-app devices list`` and ``desk-app doctor``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class DeviceListing:
    kind: str  # "card", "camera", "scanner", "printer"
    uri: str  # what --device accepts
    description: str  # human words, e.g. "模拟读卡器（居民身份证）"
    bound_as: str = ""  # the config name it is bound to, if any


@dataclass
class DoctorCheck:
    name: str  # e.g. "读卡器 id_reader"
    ok: bool
    message: str  # what is wrong and what to do, in words a technician acts on
    warning: bool = False
