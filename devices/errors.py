"""The one exception family every driver raises.

A clerk (or a field technician) reads ``clerk_message``; it says what to do in
Chinese ("读卡器未连接：请检查 USB 线"), never a stack trace. ``detail`` is for the log
and must not carry personal data.
"""


class DeviceError(Exception):
    """A device failed in a way the clerk can act on."""

    def __init__(self, clerk_message: str, *, detail: str = "") -> None:
        super().__init__(clerk_message)
        self.clerk_message = clerk_message
        self.detail = detail


class DeviceNotConnected(DeviceError):
    """The device is absent, unplugged or its port cannot be opened."""


class DeviceTimeout(DeviceError):
    """The device did not answer in time."""


class DeviceProtocolError(DeviceError):
    """The device answered with bytes we cannot make sense of."""


class DeviceBusy(DeviceError):
    """The device is in use by another program or worker."""
