"""Test-side ESC/POS decoder: split a byte stream into commands, decode Chinese text.

Independent of the code under test (it knows the ESC/POS command set, not our
renderer), strict (an unknown command is an error, so stray bytes cannot hide), and
incremental (``parse`` stops before an incomplete trailing command, so the TCP
emulator can feed it chunk by chunk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ESC, GS, FS, DLE, LF = 0x1B, 0x1D, 0x1C, 0x10, 0x0A


class DecodeError(AssertionError):
    pass


@dataclass
class Command:
    name: str
    args: bytes = b""
    data: bytes = b""


@dataclass
class Line:
    text: str
    align: str
    bold: bool
    size: str
    hanzi: bool  # FS & was in force for every double-byte character of the line


@dataclass
class Decoded:
    commands: list[Command]
    lines: list[Line] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    qr_payloads: list[bytes] = field(default_factory=list)
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    # The slip from top to bottom: ("line", Line) or ("image", Image) items.
    flow: list[tuple[str, object]] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    def to_image(self, dots: int, font_path: str | None = None) -> Image.Image:
        """Draw the slip as the printer would (12×24 dot cells, Han 24×24)."""
        fonts = {scale: _font(font_path, 24 * scale) for scale in (1, 2, 3)}
        rows: list[Image.Image] = []
        for kind, item in self.flow:
            if kind == "image":
                rows.append(item.convert("L"))  # type: ignore[union-attr]
                continue
            line: Line = item  # type: ignore[assignment]
            scale = {"double": 2, "large": 3}.get(line.size, 1)
            row = Image.new("L", (dots, 30 * scale), 255)
            draw = ImageDraw.Draw(row)
            width = sum((12 if ord(c) < 128 else 24) * scale for c in line.text)
            x = {"left": 0, "center": (dots - width) // 2, "right": dots - width}[line.align]
            for ch in line.text:
                draw.text((x, 2), ch, font=fonts[scale], fill=0)
                x += (12 if ord(ch) < 128 else 24) * scale
            rows.append(row)
        height = sum(r.height for r in rows) + 20
        page = Image.new("L", (dots, height), 255)
        y = 10
        for r in rows:
            page.paste(r, (0, y))
            y += r.height
        return page


def _font(path: str | None, size: int):
    for candidate in (path, "/usr/share/fonts/truetype/arphic/uming.ttc"):
        if candidate and Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default()


def parse(data: bytes) -> tuple[list[Command], int]:
    """Commands in ``data`` and how many bytes they used (an incomplete tail is left)."""
    cmds: list[Command] = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        need = _length(data, i)
        if need is None:
            break
        if i + need > n:
            break
        chunk = data[i : i + need]
        cmds.append(_command(chunk))
        i += need
        del b
    return cmds, i


def _length(data: bytes, i: int) -> int | None:
    """Byte length of the command at ``i``; None if more bytes are needed to know."""
    b = data[i]
    rest = len(data) - i
    if b in (ESC, GS, FS, DLE) and rest < 2:
        return None
    if b == ESC:
        op = data[i + 1]
        if op == ord("@"):
            return 2
        if op in b"!Eaid-23M":
            return 2 if op in b"2" else 3
        raise DecodeError(f"unknown ESC {op:#x} at {i}")
    if b == GS:
        op = data[i + 1]
        if op == ord("!"):
            return 3
        if op == ord("V"):
            if rest < 3:
                return None
            return 3 if data[i + 2] in (0, 1, 48, 49) else 4
        if op == ord("v"):
            if rest < 8:
                return None
            width_bytes = data[i + 4] | data[i + 5] << 8
            height = data[i + 6] | data[i + 7] << 8
            return 8 + width_bytes * height
        if op == ord("("):
            if rest < 5:
                return None
            return 5 + (data[i + 3] | data[i + 4] << 8)
        raise DecodeError(f"unknown GS {op:#x} at {i}")
    if b == FS:
        if data[i + 1] in b"&.":
            return 2
        raise DecodeError(f"unknown FS {data[i + 1]:#x} at {i}")
    if b == DLE:
        if data[i + 1] == 0x04:
            return None if rest < 3 else 3
        raise DecodeError(f"unknown DLE {data[i + 1]:#x} at {i}")
    if b < 0x20 and b != LF:
        raise DecodeError(f"stray control byte {b:#x} at {i}")
    # Text run up to the next control byte (double-byte trail bytes are >= 0x30).
    j = i
    while j < len(data) and data[j] >= 0x20:
        j += 1
    return max(j - i, 1)


def _command(chunk: bytes) -> Command:
    b = chunk[0]
    if b == LF:
        return Command("LF")
    if b == ESC:
        return Command("ESC " + chr(chunk[1]), chunk[2:])
    if b == GS:
        op = chr(chunk[1])
        if op == "v":
            return Command("GS v0", chunk[2:8], chunk[8:])
        if op == "(":
            return Command("GS (" + chr(chunk[2]), chunk[5:7], chunk[7:])
        return Command("GS " + op, chunk[2:])
    if b == FS:
        return Command("FS " + chr(chunk[1]))
    if b == DLE:
        return Command("DLE EOT", chunk[2:])
    return Command("TEXT", data=chunk)


def decode(data: bytes, encoding: str) -> Decoded:
    cmds, used = parse(data)
    if used != len(data):
        raise DecodeError(f"incomplete command at the end ({len(data) - used} bytes)")
    out = Decoded(cmds)
    align, bold, size, hanzi = "left", False, "normal", False
    pending = bytearray()
    pending_outside_hanzi = False
    sizes = {0x00: "normal", 0x01: "tall", 0x10: "wide", 0x11: "double", 0x22: "large"}
    for c in cmds:
        if c.name == "TEXT":
            pending += c.data
            if not hanzi and any(x >= 0x80 for x in c.data):
                pending_outside_hanzi = True
        elif c.name == "LF":
            text = bytes(pending).decode(encoding)  # a strict decode: garbage fails
            line = Line(text, align, bold, size, not pending_outside_hanzi)
            out.lines.append(line)
            out.flow.append(("line", line))
            pending.clear()
            pending_outside_hanzi = False
        elif c.name == "FS &":
            hanzi = True
        elif c.name == "FS .":
            hanzi = False
        elif c.name == "ESC @":
            align, bold, size, hanzi = "left", False, "normal", False
        elif c.name == "ESC a":
            align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}[
                c.args[0]
            ]
        elif c.name == "ESC E":
            bold = bool(c.args[0])
        elif c.name == "ESC !":
            size = {0: "normal", 0x10: "tall", 0x20: "wide", 0x30: "double"}.get(
                c.args[0] & 0x30, "normal"
            )
        elif c.name == "GS !":
            size = sizes.get(c.args[0], f"custom{c.args[0]:#x}")
        elif c.name == "ESC d":
            for _ in range(c.args[0]):
                out.flow.append(("line", Line("", align, bold, size, True)))
        elif c.name == "GS V":
            out.cuts += 1
        elif c.name == "GS v0":
            out.images.append(_raster(c))
            out.flow.append(("image", out.images[-1]))
        elif c.name == "GS (k":
            cn, fn = c.args[0:1], c.args[1:2]
            if cn == b"1" and fn == b"P":
                out.qr_payloads.append(c.data[1:])  # data after m ('0')
        elif c.name == "DLE EOT":
            out.status_queries.append(c.args[0])
    if pending:
        raise DecodeError(f"text without a line feed at the end: {bytes(pending)!r}")
    return out


def _raster(c: Command) -> Image.Image:
    width_bytes = c.args[2] | c.args[3] << 8  # args: '0' m xL xH yL yH
    height = c.args[4] | c.args[5] << 8
    img = Image.frombytes("1", (width_bytes * 8, height), c.data)
    # ESC/POS raster: 1 = black dot; PIL "1": 1 = white. Invert.
    return Image.eval(img.convert("L"), lambda v: 255 - v)
