"""Per-printer profile: paper, columns, Chinese encoding, Hanzi mode, cutter, QR style.

Thermal printers sold in China differ in exactly these points, and a wrong value is
what turns a receipt into garbage. A machine binds its printer by URI and may override
any field there (``?encoding=big5&width=58``), so a technician fixes a printer without
a new release.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

ENCODINGS = ("gb18030", "gbk", "big5")
HANZI_MODES = ("fs", "none")  # "fs": FS & before and FS . after every line
QR_STYLES = ("native", "raster")


class ProfileError(ValueError):
    """A profile name or override is unknown or out of range; the message says which."""


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    paper_mm: int  # 58 or 80
    chars_per_line: int  # single-byte columns in font A (a Han character takes two)
    dots_per_line: int  # printable width in dots, for raster images
    encoding: str = "gb18030"
    hanzi_mode: str = "fs"
    cutter: bool = True
    qr: str = "native"
    qr_module_dots: int = 6  # size of one QR module in dots

    def __post_init__(self) -> None:
        if self.paper_mm not in (58, 80):
            raise ProfileError(f"纸宽只能是 58 或 80（毫米），不是 {self.paper_mm}")
        if not 16 <= self.chars_per_line <= 64:
            raise ProfileError(f"每行字符数 {self.chars_per_line} 不合理（应在 16–64 之间）")
        if not 192 <= self.dots_per_line <= 832:
            raise ProfileError(f"每行点数 {self.dots_per_line} 不合理（应在 192–832 之间）")
        if self.encoding not in ENCODINGS:
            raise ProfileError(f"不支持的中文编码 {self.encoding!r}：可选 {', '.join(ENCODINGS)}")
        if self.hanzi_mode not in HANZI_MODES:
            raise ProfileError(f"汉字模式 {self.hanzi_mode!r} 无效：可选 fs（FS & / FS .）或 none")
        if self.qr not in QR_STYLES:
            raise ProfileError(f"二维码方式 {self.qr!r} 无效：可选 native 或 raster")
        if not 1 <= self.qr_module_dots <= 16:
            raise ProfileError(f"二维码模块大小 {self.qr_module_dots} 无效（1–16 点）")

    def with_overrides(self, options: dict[str, str]) -> PrinterProfile:
        """Apply URI query options (``encoding``, ``width``, ``chars``, ``dots``, ``hanzi``,
        ``cutter``, ``qr``, ``qr_size``); unknown keys are ignored here (transport options)."""
        changes: dict[str, object] = {}
        if "width" in options:
            paper = _int_option(options, "width")
            if paper not in (58, 80):
                raise ProfileError(f"width 只能是 58 或 80（毫米），不是 {paper}")
            base = BUILTIN_PROFILES["generic-58" if paper == 58 else "generic-80"]
            changes.update(
                paper_mm=paper, chars_per_line=base.chars_per_line, dots_per_line=base.dots_per_line
            )
        if "chars" in options:
            changes["chars_per_line"] = _int_option(options, "chars")
        if "dots" in options:
            changes["dots_per_line"] = _int_option(options, "dots")
        if "encoding" in options:
            changes["encoding"] = options["encoding"].strip().lower()
        if "hanzi" in options:
            changes["hanzi_mode"] = options["hanzi"].strip().lower()
        if "cutter" in options:
            changes["cutter"] = _bool_option(options, "cutter")
        if "qr" in options:
            changes["qr"] = options["qr"].strip().lower()
        if "qr_size" in options:
            changes["qr_module_dots"] = _int_option(options, "qr_size")
        return dataclasses.replace(self, **changes) if changes else self


def _int_option(options: dict[str, str], key: str) -> int:
    try:
        return int(options[key])
    except ValueError:
        raise ProfileError(f"参数 {key}={options[key]!r} 应为整数") from None


def _bool_option(options: dict[str, str], key: str) -> bool:
    value = options[key].strip().lower()
    if value in ("1", "yes", "true", "on"):
        return True
    if value in ("0", "no", "false", "off"):
        return False
    raise ProfileError(f"参数 {key}={options[key]!r} 应为 yes 或 no")


# Typical hardware: 80 mm heads have 576 dots and 48 font-A columns, 58 mm heads 384 and 32.
BUILTIN_PROFILES: dict[str, PrinterProfile] = {
    p.name: p
    for p in (
        PrinterProfile("generic-80", 80, 48, 576),
        PrinterProfile("generic-58", 58, 32, 384, cutter=False, qr="raster", qr_module_dots=5),
        # Printers whose firmware starts in Chinese mode and treat FS & as garbage.
        PrinterProfile("cn-default-80", 80, 48, 576, hanzi_mode="none"),
        PrinterProfile("big5-80", 80, 48, 576, encoding="big5"),
        PrinterProfile(
            "gbk-58", 58, 32, 384, encoding="gbk", cutter=False, qr="raster", qr_module_dots=5
        ),
    )
}
DEFAULT_PROFILE = "generic-80"


def resolve_profile(options: dict[str, str]) -> PrinterProfile:
    """The named profile (``profile=``, default generic-80) with the other options applied."""
    name = options.get("profile", DEFAULT_PROFILE)
    try:
        base = BUILTIN_PROFILES[name]
    except KeyError:
        known = ", ".join(BUILTIN_PROFILES)
        raise ProfileError(f"未知的打印机型号配置 {name!r}：可选 {known}") from None
    return base.with_overrides(options)
