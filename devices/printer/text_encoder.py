"""Chinese text to printer bytes, one line at a time, always the same way.

Why our own encoder and not python-escpos's ``text()``: its "magic" encoder picks a
code page per character from the printer's single-byte tables; a Chinese punctuation
mark that stands without a Han character next to it (a line of "。。。" or "（）") is
then judged unencodable and printed as ``?``, and no Hanzi-mode command (FS &) is ever
sent, so double-byte text prints as pairs of Latin-1 glyphs on printers that start in
single-byte mode. Here every line is encoded whole with the profile's encoding
(GB18030/GBK/Big5) and, when the profile says so, wrapped in FS & … FS . — whatever
the line contains.

Characters the encoding cannot carry (and control characters, which could inject
printer commands) become a visible ``□`` and are counted; the count and the encoding
are logged, never the text, since lines carry names and ID numbers.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

FS_HANZI_ON = b"\x1c&"
FS_HANZI_OFF = b"\x1c."
REPLACEMENT = "□"  # in GB2312, GBK, GB18030 and Big5 alike
# A line must not start with these (Chinese line-breaking rule, 避头尾).
NO_LINE_START = set("，。、；：？！）」』】》〉”’…—·%,.;:?!)]}")


@dataclass(frozen=True)
class EncodedLine:
    data: bytes
    replaced: int  # characters shown as □ instead


class ChineseTextEncoder:
    def __init__(self, encoding: str, hanzi_mode: str = "fs") -> None:
        "".encode(encoding)  # LookupError early for a bad name
        self.encoding = encoding
        self.hanzi_mode = hanzi_mode
        self.total_replaced = 0

    def _char_bytes(self, ch: str) -> bytes | None:
        if unicodedata.category(ch) in ("Cc", "Cs", "Cf", "Co", "Cn"):
            return None
        try:
            return ch.encode(self.encoding)
        except UnicodeEncodeError:
            return None

    def clean(self, text: str) -> tuple[str, int]:
        """The text as it will print: unprintable characters replaced by □, and how many."""
        out: list[str] = []
        replaced = 0
        for ch in unicodedata.normalize("NFC", text):  # e + ◌́ → é, which GBK has
            if ch == "\t":
                out.append(" ")
            elif self._char_bytes(ch) is None:
                out.append(REPLACEMENT)
                replaced += 1
            else:
                out.append(ch)
        return "".join(out), replaced

    def encode_line(self, text: str) -> EncodedLine:
        """One printed line (no newline inside) as bytes, Hanzi mode around it if needed."""
        cleaned, replaced = self.clean(text)
        body = cleaned.encode(self.encoding)
        if self.hanzi_mode == "fs":
            body = FS_HANZI_ON + body + FS_HANZI_OFF
        if replaced:
            self.total_replaced += replaced
            log.warning("打印内容中有 %d 个字符无法用 %s 编码，已替换为 □", replaced, self.encoding)
        return EncodedLine(body + b"\n", replaced)

    def width(self, text: str) -> int:
        """Columns the text takes: a double-byte (or 4-byte GB18030) character takes two."""
        return sum(self.char_width(ch) for ch in text)

    def char_width(self, ch: str) -> int:
        data = self._char_bytes(ch)
        if data is None:
            data = REPLACEMENT.encode(self.encoding)
        return 1 if len(data) == 1 else 2

    def wrap(self, text: str, columns: int, indent: int = 0) -> list[str]:
        """Split one logical line into printed lines of at most ``columns`` columns.

        Continuation lines start with ``indent`` spaces. Closing punctuation never starts
        a line; an ASCII word is not split when the line has a space to break at.
        """
        columns = max(columns, 8)
        indent = min(max(indent, 0), columns // 2)
        lines: list[str] = []
        prefix = ""
        current = ""
        used = 0
        for ch in unicodedata.normalize("NFC", text).replace("\t", " "):
            w = self.char_width(ch)
            if used + w <= columns:
                current += ch
                used += w
                continue
            if ch == " ":  # break at the space itself and drop it
                lines.append((prefix + current).rstrip())
                prefix, current = " " * indent, ""
                used = indent
                continue
            keep, carry = _break_point(current, ch)
            if self.width(" " * indent + carry.lstrip(" ") + ch) > columns:
                keep, carry = current, ""
            lines.append((prefix + keep).rstrip())
            prefix, current = " " * indent, carry.lstrip(" ") + ch
            used = self.width(prefix + current)
        if current.strip() or not lines:
            lines.append((prefix + current).rstrip())
        return lines


def _break_point(current: str, nxt: str) -> tuple[str, str]:
    """Where to end ``current`` given that ``nxt`` does not fit: (kept, carried over)."""
    if nxt in NO_LINE_START and len(current.strip()) > 1:
        return current[:-1], current[-1]  # carry one character along with the punctuation
    if nxt.isascii() and nxt.isalnum() and current[-1:].isascii() and current[-1:].isalnum():
        space = current.rfind(" ")
        if space > 0 and current[:space].strip():
            return current[:space], current[space + 1 :]
    return current, ""
