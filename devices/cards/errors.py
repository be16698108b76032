"""Card-reader failures, each a ``devices.errors.DeviceError`` with a clerk message.

The generic kinds (not connected, timeout, protocol) come from ``devices.errors``;
the ones below are specific to reading cards and tell the clerk what to do with the
card itself ("请将身份证平放在读卡区").
"""

from __future__ import annotations

from devices.errors import DeviceError, DeviceProtocolError


class NoCardError(DeviceError):
    """No card on the reader (or it was taken away before it could be read)."""


class CardReadError(DeviceError):
    """A card was found but could not be read; usually moving it or re-placing helps."""


class WrongCardError(DeviceError):
    """The card on the reader is not the kind this reader/command reads."""


class SecurityModuleError(DeviceError):
    """The reader's security module (SAM) failed its self-test or is not authorised."""


class CardDataError(DeviceProtocolError):
    """The card's data could not be decoded (corrupt text, impossible dates...)."""


class ReaderConfigError(DeviceError):
    """The device URI or its options are wrong; the message names what to fix."""
