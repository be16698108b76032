"""What a slip is made of, independent of any printer: lines, rules, QR codes, cuts.

``desk_app.core.documents`` builds these from templates; ``render.render_slip`` turns
them into ESC/POS bytes for one printer profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ALIGNMENTS = ("left", "center", "right")
SIZES = ("normal", "tall", "wide", "double", "large")  # ×2 tall/wide/both; large: ×3 (GS !)


@dataclass(frozen=True)
class TextLine:
    """One logical line; wrapped at the paper width, continuation lines indented."""

    text: str
    align: str = "left"
    bold: bool = False
    size: str = "normal"
    indent: int = 0

    def __post_init__(self) -> None:
        if self.align not in ALIGNMENTS:
            raise ValueError(f"对齐方式 {self.align!r} 无效：可选 {', '.join(ALIGNMENTS)}")
        if self.size not in SIZES:
            raise ValueError(f"字号 {self.size!r} 无效：可选 {', '.join(SIZES)}")


@dataclass(frozen=True)
class Columns:
    """Left text and right text on one line (right-aligned), e.g. a material and its count."""

    left: str
    right: str
    indent: int = 0


@dataclass(frozen=True)
class TableRow:
    """One row of a table: the first cell takes what the fixed-width cells leave.

    ``widths`` are the columns of the cells after the first (single-byte columns; a Han
    character takes two), ``aligns`` one per cell. Each cell wraps inside its column.
    When the first cell would get fewer than ``min_first`` columns (a 58 mm slip), it
    gets whole lines of its own and the other cells follow on the next line, right
    aligned — a long material name is wrapped, never cut.
    """

    cells: tuple[str, ...]
    widths: tuple[int, ...]
    aligns: tuple[str, ...] = ()
    indent: int = 0  # continuation lines of the first cell
    min_first: int = 16

    def __post_init__(self) -> None:
        if len(self.widths) != len(self.cells) - 1 or any(w < 2 for w in self.widths):
            raise ValueError(
                f"表格行有 {len(self.cells)} 格，应给出 {len(self.cells) - 1} 个列宽（≥2）")
        if self.aligns and (len(self.aligns) != len(self.cells)
                            or any(a not in ("left", "right") for a in self.aligns)):
            raise ValueError("表格行的对齐方式应为每格一个 left/right")


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class QRCode:
    payload: str
    caption: str = ""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    pass


SlipCommand = TextLine | Columns | TableRow | Rule | QRCode | Feed | Cut


@dataclass
class Slip:
    kind: str  # "receipt", "ticket", "test"
    commands: list[SlipCommand] = field(default_factory=list)

    def text(self) -> str:
        """Plain text of the slip (for previews and re-print lists; not for logs)."""
        out: list[str] = []
        for cmd in self.commands:
            if isinstance(cmd, TextLine):
                out.append(cmd.text)
            elif isinstance(cmd, Columns):
                out.append(f"{cmd.left}  {cmd.right}")
            elif isinstance(cmd, TableRow):
                out.append("  ".join(c for c in cmd.cells if c))
            elif isinstance(cmd, QRCode):
                out.append(f"[二维码] {cmd.caption}".rstrip())
        return "\n".join(out)
