"""A ``Slip`` to ESC/POS bytes for one printer profile.

python-escpos builds the commands (init, styles, native QR, raster images, cut) into
its ``Dummy`` printer; text goes through our ``ChineseTextEncoder`` (see there why).
Rendering the whole slip first means a slip that cannot be built (a QR too long for
the paper) fails before a single byte reaches the printer: no half receipts.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import qrcode
from escpos.capabilities import get_profile
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from devices.printer.profile import PrinterProfile
from devices.printer.slip import Columns, Cut, Feed, QRCode, Rule, Slip, TableRow, TextLine
from devices.printer.text_encoder import ChineseTextEncoder

MAX_QR_BYTES = 600  # well inside every printer's QR buffer; progress URLs are far shorter


class SlipError(ValueError):
    """The slip cannot be printed on this printer as it is; the message says why."""


@dataclass(frozen=True)
class RenderedSlip:
    data: bytes
    replaced: int  # characters printed as □ (outside the printer's encoding)


def escpos_profile(profile: PrinterProfile):
    """python-escpos's capability profile with our paper width filled in."""
    caps = get_profile(None)
    caps.profile_data = copy.deepcopy(caps.profile_data)
    caps.profile_data["media"] = {
        "dpi": 203,
        "width": {"mm": profile.paper_mm, "pixels": profile.dots_per_line},
    }
    return caps


def render_slip(slip: Slip, profile: PrinterProfile) -> RenderedSlip:
    encoder = ChineseTextEncoder(profile.encoding, profile.hanzi_mode)
    out = Dummy()
    out.profile = escpos_profile(profile)
    out.hw("INIT")
    for cmd in slip.commands:
        if isinstance(cmd, TextLine):
            _text(out, encoder, profile, cmd)
        elif isinstance(cmd, Columns):
            _columns(out, encoder, profile, cmd)
        elif isinstance(cmd, TableRow):
            for line in table_lines(encoder, profile.chars_per_line, cmd):
                out._raw(encoder.encode_line(line).data)
        elif isinstance(cmd, Rule):
            _rule(out, encoder, profile, cmd)
        elif isinstance(cmd, QRCode):
            _qr(out, encoder, profile, cmd)
        elif isinstance(cmd, Feed):
            out._raw(b"\n" * max(0, min(cmd.lines, 20)))
        elif isinstance(cmd, Cut):
            if profile.cutter:
                out.cut()
            else:  # no cutter: feed the slip past the tear bar
                out._raw(b"\n" * 4)
    return RenderedSlip(out.output, encoder.total_replaced)


def _text(out: Dummy, enc: ChineseTextEncoder, profile: PrinterProfile, cmd: TextLine) -> None:
    scale = {"wide": 2, "double": 2, "large": 3}.get(cmd.size, 1)
    styled = cmd.align != "left" or cmd.bold or cmd.size != "normal"
    if styled:
        out.set(align=cmd.align, bold=cmd.bold)
        if cmd.size == "large":
            out.set(custom_size=True, width=3, height=3)
        elif cmd.size != "normal":
            out.set(double_width=scale == 2, double_height=cmd.size in ("tall", "double"))
    for part in cmd.text.replace("\r\n", "\n").split("\n"):  # a newline in data starts a line
        for line in enc.wrap(part, profile.chars_per_line // scale, cmd.indent):
            out._raw(enc.encode_line(line).data)
    if styled:  # back to the state every other command assumes
        out.set(align="left", bold=False, normal_textsize=True)


def _columns(out: Dummy, enc: ChineseTextEncoder, profile: PrinterProfile, cmd: Columns) -> None:
    columns = profile.chars_per_line
    right = enc.clean(" ".join(cmd.right.split()))[0]
    right_w = enc.width(right)
    left = " ".join(cmd.left.splitlines())
    left_lines = enc.wrap(left, max(columns - right_w - 1, columns // 2), cmd.indent)
    last = left_lines[-1]
    gap = columns - enc.width(last) - right_w
    lines = left_lines[:-1]
    if gap >= 1:
        lines.append(last + " " * gap + right)
    else:
        lines += [last, " " * max(columns - right_w, 0) + right]
    for line in lines:
        out._raw(enc.encode_line(line).data)


def table_lines(enc: ChineseTextEncoder, columns: int, row: TableRow) -> list[str]:
    """The printed lines of one table row; every line exactly fits the paper."""
    aligns = list(row.aligns or ("left",) * len(row.cells))
    cells = [enc.clean(" ".join(c.split()))[0] for c in row.cells]
    widths = list(row.widths)
    first = columns - sum(widths) - len(widths)  # one space before each fixed column
    # empty trailing cells lend their room to the last filled one (免于提交（电子证照）
    # has no count and no pages, and then fits on one line)
    last = max((i for i, c in enumerate(cells) if c), default=0)
    if 0 < last < len(cells) - 1 and aligns[last] == "left":
        widths[last - 1] += sum(widths[last:]) + len(widths[last:])
        cells, aligns, widths = cells[:last + 1], aligns[:last + 1], widths[:last]
    if first >= row.min_first:
        return _cells_side_by_side(enc, [first, *widths], cells, aligns, row.indent)
    # too narrow: the first cell on lines of its own, the others right-aligned below
    out = enc.wrap(cells[0], columns, row.indent) if cells[0] else []
    if any(cells[1:]):
        margin = " " * (columns - sum(widths) - len(widths) + 1)  # columns line up row to row
        lines = _cells_side_by_side(enc, widths, cells[1:], aligns[1:], 0)
        out += [(margin + line).rstrip() for line in lines]
    return out


def _cells_side_by_side(enc: ChineseTextEncoder, widths: list[int], cells: list[str],
                        aligns: list[str], indent: int) -> list[str]:
    wrapped = [_wrap_cell(enc, c, w, indent if i == 0 else 0) if c else [""]
               for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
    height = max(len(w) for w in wrapped)
    lines = []
    for n in range(height):
        parts = []
        for lines_of, width, align in zip(wrapped, widths, aligns, strict=True):
            text = lines_of[n] if n < len(lines_of) else ""
            pad = " " * max(width - enc.width(text), 0)
            parts.append(pad + text if align == "right" else text + pad)
        lines.append(" ".join(parts).rstrip())
    return lines


def _wrap_cell(enc: ChineseTextEncoder, text: str, width: int, indent: int) -> list[str]:
    """Wrapped to the column; a word wider than a narrow column is split, never let out."""
    out: list[str] = []
    for line in enc.wrap(text, width, indent) if width >= 8 else [text]:
        while enc.width(line) > width:
            cut, used = 0, 0
            while cut < len(line) and used + enc.char_width(line[cut]) <= width:
                used += enc.char_width(line[cut])
                cut += 1
            cut = max(cut, 1)
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        out.append(line)
    return out


def _rule(out: Dummy, enc: ChineseTextEncoder, profile: PrinterProfile, cmd: Rule) -> None:
    char = cmd.char[:1] or "-"
    out._raw(enc.encode_line(char * (profile.chars_per_line // enc.char_width(char))).data)


def _qr(out: Dummy, enc: ChineseTextEncoder, profile: PrinterProfile, cmd: QRCode) -> None:
    payload = cmd.payload.encode("utf-8")
    if not payload:
        raise SlipError("二维码内容为空：请检查办件查询地址配置")
    if len(payload) > MAX_QR_BYTES:
        raise SlipError(f"二维码内容过长（{len(payload)} 字节，最多 {MAX_QR_BYTES}）")
    out.set(align="center")
    if profile.qr == "native":
        out.qr(cmd.payload, native=True, size=profile.qr_module_dots, ec=QR_ECLEVEL_M)
        out._raw(b"\n")
    else:
        out.image(qr_raster(cmd.payload, profile), impl="bitImageRaster")
    if cmd.caption:
        for line in enc.wrap(cmd.caption, profile.chars_per_line):
            out._raw(enc.encode_line(line).data)
    out.set(align="left")


def qr_raster(payload: str, profile: PrinterProfile) -> Image.Image:
    """The QR as a 1-bit image the paper's full width, the code centred in it.

    Centred by padding rather than ESC a, since not every printer aligns raster images.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    modules = code.modules_count + 2 * code.border
    box = min(profile.qr_module_dots, profile.dots_per_line // modules)
    if box < 2:
        raise SlipError("二维码内容过长，本打印机纸宽印不下：请缩短办件查询地址")
    code.box_size = box
    img = code.make_image().get_image().convert("1")
    canvas = Image.new("1", (profile.dots_per_line, img.height), 1)
    canvas.paste(img, ((profile.dots_per_line - img.width) // 2, 0))
    return canvas
