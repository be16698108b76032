"""Files the applicant brings: JPEG, PNG, PDF, HEIC → page images for the pipeline.

Everything here parses outside bytes, so every failure becomes :class:`UnreadableFile`
with a message the clerk can act on; the fuzz tests hold it to that.

- JPEG/PNG/HEIC through Pillow (pillow-heif registers HEIC/HEIF), honouring the EXIF
  orientation a phone writes.
- PDF through pypdfium2 (PDFium, the renderer in Chrome), each page at ``dpi``.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from devices.errors import DeviceProtocolError

MAX_PIXELS = 60_000_000  # a 16 MP photo is far below; a decompression bomb is not
MAX_PDF_PAGES = 200


class UnreadableFile(DeviceProtocolError):
    """The file is not an image or PDF we can read, or it is damaged."""


@dataclass
class ImportedPage:
    image: np.ndarray  # BGR
    is_photo: bool  # a camera photo (look for the page in it) or a flat page (PDF/scan)
    label: str  # "photo.jpg", "contract.pdf#3"


def _register_heif() -> bool:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # optional on platforms without a wheel
        return False
    register_heif_opener()
    return True


HEIF_AVAILABLE = _register_heif()


def sniff(data: bytes) -> str:
    """'jpeg', 'png', 'pdf', 'heic' or '' from the first bytes (never the file name)."""
    head = data[:32]
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim"):
        return "heic"
    return ""


def import_bytes(data: bytes, label: str = "file", *, dpi: int = 200) -> list[ImportedPage]:
    kind = sniff(data)
    if kind == "pdf":
        return _pdf_pages(data, label, dpi)
    if kind in ("jpeg", "png", "heic"):
        if kind == "heic" and not HEIF_AVAILABLE:
            raise UnreadableFile("本机不支持 HEIC 照片：请让申请人另存为 JPEG 后再导入")
        return [ImportedPage(_decode_image(data, label), True, label)]
    raise UnreadableFile(
        f"无法识别文件“{label}”：只支持 JPEG、PNG、HEIC 照片和 PDF 文件",
        detail=f"unknown signature {data[:8]!r}",
    )


def import_file(path: Path, *, dpi: int = 200) -> list[ImportedPage]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"无法打开文件“{Path(path).name}”：{exc.strerror or exc}") from exc
    return import_bytes(data, Path(path).name, dpi=dpi)


def _decode_image(data: bytes, label: str) -> np.ndarray:
    damaged = UnreadableFile(f"图片“{label}”已损坏或不完整，无法读取：请重新拷贝")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise UnreadableFile(f"图片“{label}”尺寸过大（{img.width}×{img.height}）")
                img = ImageOps.exif_transpose(img)
                rgb = img.convert("RGB")
    except UnreadableFile:
        raise
    except (
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        TypeError,
        KeyError,
        IndexError,
        ZeroDivisionError,
        struct.error,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise damaged from exc
    if rgb.width < 8 or rgb.height < 8:
        raise UnreadableFile(f"图片“{label}”太小（{rgb.width}×{rgb.height}），不是材料照片")
    return cv2.cvtColor(np.asarray(rgb), cv2.COLOR_RGB2BGR)


def _pdf_pages(data: bytes, label: str, dpi: int) -> list[ImportedPage]:
    import pypdfium2 as pdfium  # loaded only when a PDF arrives

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        encrypted = "password" in str(exc).lower()
        message = "已加密，请让申请人提供未加密的文件" if encrypted else "已损坏"
        raise UnreadableFile(f"PDF 文件“{label}”{message}", detail=str(exc)) from exc
    pages: list[ImportedPage] = []
    try:
        count = len(doc)
        if count == 0:
            raise UnreadableFile(f"PDF 文件“{label}”没有页面")
        if count > MAX_PDF_PAGES:
            raise UnreadableFile(f"PDF 文件“{label}”共 {count} 页，超过 {MAX_PDF_PAGES} 页上限")
        for index in range(count):
            page = doc[index]
            try:
                width, height = page.get_size()
                scale = dpi / 72.0
                if width <= 0 or height <= 0 or width * height * scale * scale > MAX_PIXELS:
                    raise UnreadableFile(f"PDF 文件“{label}”第 {index + 1} 页尺寸异常")
                bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                rgb = np.array(bitmap.to_pil().convert("RGB"))
            except pdfium.PdfiumError as exc:
                raise UnreadableFile(f"PDF 文件“{label}”第 {index + 1} 页无法显示") from exc
            finally:
                page.close()
            image = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
            pages.append(ImportedPage(image, False, f"{label}#{index + 1}"))
    finally:
        doc.close()
    return pages
