"""The photo on ID cards is WLT-compressed; only the vendor's library can decode it.

The format is not public, so there is no decoder of our own and never a stand-in
picture: with a library configured (``wlt=/path/libwlt.so`` on the device URI) the
photo is decoded; without one the identity carries the raw WLT bytes and says so.
Vendor libraries export ``int unpack(const uint8_t *wlt, uint8_t *bmp, int save)``
returning 1 on success and writing either a whole BMP file (``BM``…) or the bare
102×126 BGR pixels, bottom-up with rows padded to 4 bytes, which we wrap in a header.
"""

from __future__ import annotations

import ctypes
import dataclasses
import struct

from devices.cards.errors import ReaderConfigError
from devices.cards.identity import Identity, PhotoStatus
from devices.errors import DeviceProtocolError

WLT_LENGTH = 1024
WIDTH, HEIGHT = 102, 126
_ROW = (WIDTH * 3 + 3) & ~3
PIXELS_LENGTH = _ROW * HEIGHT
_OUT_CAPACITY = 64 * 1024


class WltDecoder:
    def __init__(self, library_path: str) -> None:
        try:
            self._lib = ctypes.CDLL(library_path)
            self._unpack = self._lib.unpack
        except (OSError, AttributeError) as exc:
            raise ReaderConfigError(
                f"无法加载身份证照片解码库 {library_path}：请检查 wlt= 配置的路径和库文件",
                detail=type(exc).__name__,
            ) from exc
        self._unpack.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int)
        self._unpack.restype = ctypes.c_int

    def decode(self, wlt: bytes) -> bytes:
        if len(wlt) != WLT_LENGTH:
            raise DeviceProtocolError("证件照片数据不完整：请重新读卡", detail=f"wlt {len(wlt)} B")
        out = ctypes.create_string_buffer(_OUT_CAPACITY)
        status = self._unpack(wlt, out, 0)
        if status != 1:
            raise DeviceProtocolError(
                "证件照片解码失败：可重新读卡，或不使用照片继续办理", detail=f"unpack={status}"
            )
        raw = out.raw
        if raw[:2] == b"BM":
            size = struct.unpack_from("<I", raw, 2)[0]
            if 54 <= size <= _OUT_CAPACITY:
                return raw[:size]
        return bmp_from_pixels(raw[:PIXELS_LENGTH])


def bmp_from_pixels(pixels: bytes) -> bytes:
    """A BMP file around 102×126 bottom-up BGR rows (the vendor libraries' bare output)."""
    header = struct.pack(
        "<2sIHHIIiiHHIIiiII",
        b"BM", 54 + len(pixels), 0, 0, 54,
        40, WIDTH, HEIGHT, 1, 24, 0, len(pixels), 3780, 3780, 0, 0,
    )  # fmt: skip
    return header + pixels


def attach_photo(identity: Identity, decoder: WltDecoder | None) -> Identity:
    """The identity with its photo status set; decoded only through the vendor library."""
    if not identity.photo_wlt:
        return dataclasses.replace(identity, photo_status=PhotoStatus.UNAVAILABLE)
    if decoder is None:
        return dataclasses.replace(identity, photo_status=PhotoStatus.WLT_ONLY)
    return dataclasses.replace(
        identity, photo_bmp=decoder.decode(identity.photo_wlt), photo_status=PhotoStatus.DECODED
    )
