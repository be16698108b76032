"""The technician's test slip: every class of glyph a receipt uses, a QR code, a cut.

Each line stands alone so a garbled class is easy to spot: single-byte text, common
and rare Han, full-width punctuation on its own (the classic "???" failure), brackets
and symbols, the encoding's own extras, and a column ruler to check the width setting.
Every character on it is in the profile's encoding, so any □ or garbage on the paper
is the printer's doing, not the slip's.
"""

from __future__ import annotations

from datetime import datetime

from devices.printer.profile import PrinterProfile
from devices.printer.slip import Columns, Cut, QRCode, Rule, Slip, TextLine

TEST_QR = "https://example.gov.cn/counter-desk/print-test?t=1"

# In GB2312, GBK, GB18030 and Big5 alike.
COMMON_LINES = (
    "ASCII: ABCxyz 0123456789 !#$%&*+-/=?@",
    "，。、；：？！",
    "（）【】《》「」“”‘’",
    "……——·",
    "×÷± ℃ ①②③ ↑↓ ■□●○",
)
# Labels in the script the encoding carries: Big5 printers have no simplified Han.
SCRIPTS = {
    "simplified": {
        "title": "打印测试",
        "mode": "汉字模式",
        "bold": "加粗：收件回执",
        "center": "居中",
        "right": "靠右",
        "left_col": "左列文字",
        "right_col": "右列",
        "qr": "二维码（{qr}）：扫码应显示测试地址",
    },
    "traditional": {
        "title": "列印測試",
        "mode": "漢字模式",
        "bold": "粗體：收件回執",
        "center": "置中",
        "right": "靠右",
        "left_col": "左欄文字",
        "right_col": "右欄",
        "qr": "二維碼（{qr}）：掃描應顯示測試網址",
    },
}
ENCODING_LINES = {
    "gb18030": ("常用汉字：受理申请材料证明", "GBK 扩充：堃镕喆", "GB18030 四字节：𠀀"),
    "gbk": ("常用汉字：受理申请材料证明", "GBK 扩充：堃镕喆"),
    "big5": ("常用漢字：受理申請材料證明", "繁體：辦證審批業務"),
}


def ruler(columns: int) -> str:
    return "".join(str(i % 10) for i in range(1, columns + 1))


def build_test_slip(profile: PrinterProfile, when: datetime | None = None) -> Slip:
    words = SCRIPTS["traditional" if profile.encoding == "big5" else "simplified"]
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    commands = [
        TextLine(words["title"], align="center", size="double", bold=True),
        TextLine(
            f"{profile.name} {profile.paper_mm}mm {profile.encoding} "
            f"{words['mode']} {profile.hanzi_mode}",
            align="center",
        ),
        Rule(),
        *(TextLine(line) for line in COMMON_LINES),
        *(TextLine(line) for line in ENCODING_LINES[profile.encoding]),
        TextLine(words["bold"], bold=True),
        TextLine(words["center"], align="center"),
        TextLine(words["right"], align="right"),
        Columns(words["left_col"], words["right_col"]),
        TextLine(ruler(profile.chars_per_line)),
        Rule("="),
        QRCode(TEST_QR, caption=words["qr"].format(qr=profile.qr)),
        TextLine(stamp, align="center"),
        Cut(),
    ]
    return Slip("test", commands)
