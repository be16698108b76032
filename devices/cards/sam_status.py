"""Every GA 467 status byte (SW3) as an exception with a message the clerk can act on."""

from __future__ import annotations

from devices.cards import sam_frame as f
from devices.cards.errors import (
    CardReadError,
    NoCardError,
    SecurityModuleError,
    WrongCardError,
)
from devices.errors import DeviceError, DeviceProtocolError

_MESSAGES: dict[int, tuple[type[DeviceError], str]] = {
    f.SW_NOT_FOUND: (NoCardError, "未检测到证件：请将身份证平放在读卡区"),
    f.SW_SELECT_FAILED: (CardReadError, "选卡失败：请不要移动证件，拿开后重新平放"),
    f.SW_READ_FAILED: (CardReadError, "读卡失败：请拿开证件后重新平放，保持不动直到读取完成"),
    f.SW_AUTH_FAILED_1: (
        CardReadError,
        "证件认证失败：请重新放卡；多次失败说明证件可能损坏，请人工核验",
    ),
    f.SW_AUTH_FAILED_2: (
        CardReadError,
        "证件认证失败：请重新放卡；多次失败说明证件可能损坏，请人工核验",
    ),
    f.SW_WRONG_CARD: (WrongCardError, "这不是可读取的身份证件：请放置居民身份证或居住证"),
    f.SW_SAM_SELFTEST: (
        SecurityModuleError,
        "读卡器安全模块自检失败：请重新插拔读卡器，仍不行请联系设备维护人员",
    ),
    f.SW_SAM_UNAUTHORISED: (
        SecurityModuleError,
        "读卡器安全模块未授权：请联系设备供应商激活该读卡器",
    ),
    f.SW_CHECKSUM: (
        DeviceProtocolError,
        "读卡器收到的数据校验错误：请检查连接线和波特率设置后重试",
    ),
    f.SW_LENGTH: (
        DeviceProtocolError,
        "读卡器收到的数据长度错误：请检查连接线和波特率设置后重试",
    ),
    f.SW_BAD_COMMAND: (
        DeviceProtocolError,
        "读卡器不支持该命令：请确认设备型号，或在配置中换用厂商驱动",
    ),
}


def error_for(sw3: int, command: tuple[int, int]) -> DeviceError:
    """The exception for a failing status; unknown codes still name the code for support."""
    detail = f"cmd {command[0]:02X}/{command[1]:02X} SW3={sw3:02X}"
    if sw3 in _MESSAGES:
        cls, message = _MESSAGES[sw3]
        return cls(message, detail=detail)
    return DeviceProtocolError(
        f"读卡器返回未知状态（{sw3:02X}）：请重试，仍不行请联系设备维护人员", detail=detail
    )
