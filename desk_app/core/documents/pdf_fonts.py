"""CJK fonts that reportlab can embed, found on this machine, with per-glyph fallback.

reportlab embeds only TrueType-outline fonts (``glyf``); Noto Sans/Serif CJK ship as
CFF-outline OpenType, which reportlab refuses, so notices use AR PL UMing (a Ming/Song
face, the style official papers use; Debian ``fonts-arphic-uming``) with Droid Sans
Fallback (``fonts-droid-fallback``) for what UMing lacks, e.g. CJK Extension A name
characters. On Windows the system's SimSun (``simsun.ttc``) takes UMing's place.
Characters no font has become a visible □ and are counted, never silently dropped.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

MISSING = "□"
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
# (registered name, file, subfont index) in order of preference.
PRIMARY_CANDIDATES = (
    ("CD-UMing", Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    ("CD-SimSun", _WINDOWS_FONTS / "simsun.ttc", 0),
    ("CD-Droid", Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
)
FALLBACK_CANDIDATES = (
    ("CD-Droid", Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    ("CD-DroidFB", Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"), 0),
    ("CD-SimSunExtB", _WINDOWS_FONTS / "simsunb.ttf", 0),
)


class FontMissing(RuntimeError):
    """No embeddable CJK font on this machine; the message says what to install."""


@dataclass
class CjkFonts:
    """The fonts a notice uses; counts missing glyphs per render, so one per thread."""

    primary: str
    fallbacks: list[str]
    _coverage: dict[str, set[int]]
    missing_count: int = 0

    def markup(self, text: str) -> str:
        """``text`` as reportlab paragraph markup, each run in a font that has its glyphs."""
        out: list[str] = []
        run_font, run = self.primary, ""
        for ch in text:
            font = self._font_for(ch)
            if font is None:
                self.missing_count += 1
                font, ch = self.primary, MISSING
            if font != run_font and run:
                out.append(self._wrap(run_font, run))
                run = ""
            run_font = font
            run += ch
        if run:
            out.append(self._wrap(run_font, run))
        return "".join(out)

    def plain(self, text: str) -> str:
        """For canvas strings (one font): characters the primary lacks become □."""
        covered = self._coverage[self.primary]
        cleaned = "".join(ch if ord(ch) in covered or ch.isspace() else MISSING for ch in text)
        self.missing_count += sum(1 for a, b in zip(text, cleaned, strict=True) if a != b)
        return cleaned

    def _font_for(self, ch: str) -> str | None:
        code = ord(ch)
        if ch.isspace() or code in self._coverage[self.primary]:
            return self.primary
        for name in self.fallbacks:
            if code in self._coverage[name]:
                return name
        return None

    def _wrap(self, font: str, run: str) -> str:
        text = escape(run)
        return text if font == self.primary else f'<font name="{font}">{text}</font>'


def load_cjk_fonts(
    primary: tuple[tuple[str, Path, int], ...] = PRIMARY_CANDIDATES,
    fallback: tuple[tuple[str, Path, int], ...] = FALLBACK_CANDIDATES,
) -> CjkFonts:
    coverage: dict[str, set[int]] = {}
    chosen = _first_loadable(primary, coverage)
    if chosen is None:
        raise FontMissing(
            "找不到可嵌入 PDF 的中文字体：请安装 fonts-arphic-uming（Linux）或确认系统有宋体"
        )
    fallbacks = []
    for candidate in fallback:
        if candidate[0] != chosen and _register(candidate, coverage):
            fallbacks.append(candidate[0])
    return CjkFonts(chosen, fallbacks, coverage)


def _first_loadable(candidates, coverage: dict[str, set[int]]) -> str | None:
    for candidate in candidates:
        if _register(candidate, coverage):
            return candidate[0]
    return None


def _register(candidate: tuple[str, Path, int], coverage: dict[str, set[int]]) -> bool:
    name, path, index = candidate
    if not path.exists():
        return False
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        font = pdfmetrics.getFont(name)
    except (TTFError, OSError) as exc:
        log.warning("字体 %s 无法嵌入：%s", path, exc)
        return False
    coverage[name] = set(font.face.charToGlyph)
    return True
