"""Drawn parts of an A4 notice: the case-number QR code and barcode, the signature."""

from __future__ import annotations

import io

import qrcode
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer


class SignatureImageError(ValueError):
    """The signature image cannot be read; the notice is not printed without it."""


class QrFlowable(Flowable):
    """A vector QR code ``size`` points wide, drawn straight on the canvas.

    Not a reportlab ``Drawing``: its renderer names Helvetica on the page, which would
    then be an unembedded font in the notice. qrcode computes the matrix (UTF-8 data).
    """

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
        code.add_data(payload)
        code.make(fit=True)
        self.matrix = code.get_matrix()  # includes the 4-module quiet zone
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.size / n
        self.canv.setFillColorRGB(0, 0, 0)
        for row, bits in enumerate(self.matrix):
            col = 0
            while col < n:  # one rectangle per horizontal run of dark modules
                if not bits[col]:
                    col += 1
                    continue
                start = col
                while col < n and bits[col]:
                    col += 1
                y = self.size - (row + 1) * cell
                self.canv.rect(start * cell, y, (col - start) * cell, cell, stroke=0, fill=1)


def barcode(value: str) -> Code128 | Spacer:
    """Code 128 of the case number for scanners at the back office; ASCII numbers only."""
    if not value.isascii() or not value.isprintable():
        return Spacer(1, 1)
    return Code128(value, barHeight=9 * mm, barWidth=0.28 * mm, humanReadable=False)


def signature_image(png: bytes, max_width: float = 50 * mm, max_height: float = 20 * mm) -> Image:
    try:
        with PILImage.open(io.BytesIO(png)) as img:
            img.load()
            width, height = img.size
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise SignatureImageError("签名图片无法读取：请让申请人在签字屏上重新签名") from exc
    if width < 1 or height < 1:
        raise SignatureImageError("签名图片为空：请让申请人在签字屏上重新签名")
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)
