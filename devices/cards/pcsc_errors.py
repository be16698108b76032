"""PC/SC result codes as clerk messages."""

from __future__ import annotations

from smartcard import scard

from devices.cards.errors import CardReadError, NoCardError
from devices.errors import DeviceBusy, DeviceError, DeviceNotConnected, DeviceTimeout

_U32 = 0xFFFFFFFF


def code(hresult: int) -> int:
    return hresult & _U32


def _c(name: str) -> int:
    return getattr(scard, name) & _U32


_MESSAGES: dict[int, tuple[type[DeviceError], str]] = {
    _c("SCARD_E_NO_SERVICE"): (
        DeviceNotConnected,
        "智能卡服务未运行：Linux 请启动 pcscd 服务，Windows 请启动“Smart Card”服务",
    ),
    _c("SCARD_E_SERVICE_STOPPED"): (
        DeviceNotConnected,
        "智能卡服务已停止：请重新启动 pcscd / Smart Card 服务后重试",
    ),
    _c("SCARD_E_NO_READERS_AVAILABLE"): (
        DeviceNotConnected,
        "未检测到智能卡读卡器：请检查读卡器 USB 线",
    ),
    _c("SCARD_E_UNKNOWN_READER"): (
        DeviceNotConnected,
        "读卡器已断开：请检查读卡器 USB 线后重试",
    ),
    _c("SCARD_E_READER_UNAVAILABLE"): (
        DeviceNotConnected,
        "读卡器已断开：请检查读卡器 USB 线后重试",
    ),
    _c("SCARD_E_TIMEOUT"): (NoCardError, "未检测到卡片：请将社保卡或银行卡插入读卡器"),
    _c("SCARD_E_NO_SMARTCARD"): (NoCardError, "未检测到卡片：请将社保卡或银行卡插入读卡器"),
    _c("SCARD_W_REMOVED_CARD"): (
        CardReadError,
        "卡片在读取过程中被拔出：请重新插入卡片，读取完成前不要拔卡",
    ),
    _c("SCARD_W_RESET_CARD"): (CardReadError, "卡片被其他程序复位：请重试"),
    _c("SCARD_W_UNRESPONSIVE_CARD"): (
        CardReadError,
        "卡片无响应：请取出卡片，确认芯片朝向正确后重新插入；仍不行说明芯片可能损坏",
    ),
    _c("SCARD_W_UNPOWERED_CARD"): (
        CardReadError,
        "卡片无响应：请取出卡片，确认芯片朝向正确后重新插入；仍不行说明芯片可能损坏",
    ),
    _c("SCARD_E_SHARING_VIOLATION"): (
        DeviceBusy,
        "读卡器正被其他程序占用：请关闭其他读卡软件后重试",
    ),
    _c("SCARD_E_NOT_TRANSACTED"): (
        CardReadError,
        "与卡片通信失败：请取出卡片重新插入",
    ),
    _c("SCARD_E_COMM_DATA_LOST"): (
        CardReadError,
        "与卡片通信失败：请取出卡片重新插入",
    ),
    _c("SCARD_E_PROTO_MISMATCH"): (
        CardReadError,
        "卡片无响应：无法与卡片建立通信，请确认芯片朝向正确后重新插入；"
        "仍不行说明芯片可能损坏或读卡器不支持此卡",
    ),
}


def error_for(hresult: int, during: str) -> DeviceError:
    value = code(hresult)
    detail = f"{during}: {value:08X}"
    if value in _MESSAGES:
        cls, message = _MESSAGES[value]
        return cls(message, detail=detail)
    if value == _c("SCARD_E_CANCELLED"):
        return DeviceTimeout("读卡已取消", detail=detail)
    return DeviceError(f"智能卡读卡器错误（{value:08X}）：请重新插拔读卡器后重试", detail=detail)
