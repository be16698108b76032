"""The pages of one material, and the single PDF it becomes.

Pages are kept encoded (JPEG/PNG bytes, ~0.1–0.5 MB each), never as decoded arrays,
so twenty 16 MP captures stay far below the memory budget. Rotating a page does not
re-encode it: the rotation is written as the PDF page's /Rotate, so the embedded
image stays exactly the bytes that were captured (img2pdf embeds JPEG and PNG data
without recompression).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

import img2pdf
import pikepdf
from cryptography.hazmat.primitives import hashes

from devices.camera.pipeline import ProcessedPage


@dataclass
class CapturedPage:
    page: ProcessedPage
    rotation: int = 0  # extra clockwise rotation chosen after capture (0/90/180/270)
    source: str = ""  # "camera:0", "file:scan.pdf#2"... (no personal data)


@dataclass
class MaterialDocument:
    """What a material slot hands to the case: one PDF and its digests."""

    pdf: bytes
    sha256: str
    sm3: str
    page_count: int

    @property
    def size_bytes(self) -> int:
        return len(self.pdf)


def sm3_hex(data: bytes) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def digests(data: bytes) -> tuple[str, str]:
    return hashlib.sha256(data).hexdigest(), sm3_hex(data)


@dataclass
class MaterialPages:
    """An ordered list of pages the clerk can reorder, rotate, delete and retake."""

    pages: list[CapturedPage] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pages)

    def add(self, page: ProcessedPage, source: str = "") -> int:
        self.pages.append(CapturedPage(page, 0, source))
        return len(self.pages) - 1

    def replace(self, index: int, page: ProcessedPage, source: str = "") -> None:
        """Retake: the new capture takes the old page's place."""
        self._check(index)
        self.pages[index] = CapturedPage(page, 0, source)

    def delete(self, index: int) -> None:
        self._check(index)
        del self.pages[index]

    def move(self, index: int, new_index: int) -> None:
        self._check(index)
        if not 0 <= new_index < len(self.pages):
            raise IndexError(f"page position {new_index} out of range")
        self.pages.insert(new_index, self.pages.pop(index))

    def rotate(self, index: int, degrees: int = 90) -> int:
        self._check(index)
        if degrees % 90:
            raise ValueError("pages rotate in quarter turns")
        entry = self.pages[index]
        entry.rotation = (entry.rotation + degrees) % 360
        return entry.rotation

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            raise IndexError(f"no page {index + 1} (material has {len(self.pages)})")

    def to_document(self) -> MaterialDocument:
        if not self.pages:
            raise ValueError("a material needs at least one page")
        layout = img2pdf.get_fixed_dpi_layout_fun((self.pages[0].page.dpi,) * 2)
        raw = img2pdf.convert([p.page.data for p in self.pages], layout_fun=layout)
        if any(p.rotation for p in self.pages):
            with pikepdf.open(io.BytesIO(raw)) as pdf:
                for entry, pdf_page in zip(self.pages, pdf.pages, strict=True):
                    if entry.rotation:
                        pdf_page.Rotate = entry.rotation
                out = io.BytesIO()
                pdf.save(out, deterministic_id=True)  # no random /ID in what is digested
                raw = out.getvalue()
        sha, sm3 = digests(raw)
        return MaterialDocument(raw, sha, sm3, len(self.pages))
