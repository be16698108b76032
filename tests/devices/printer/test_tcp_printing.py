"""Slips sent by python-escpos over a real TCP socket, decoded back and checked."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.errors import DeviceNotConnected
from devices.printer import (
    Columns,
    Cut,
    PrinterNotReady,
    QRCode,
    Rule,
    Slip,
    TextLine,
    open_printer,
)
from tests.support.escpos_decoder import decode

pytestmark = pytest.mark.realstack

LINES = [
    "。。。",  # punctuation alone: python-escpos's own text path prints these as ?
    "（）",
    "——",
    "“受理”、《通知》；：？！……",
    "1101**********123X",
    "ABC abc 0123456789 !@#$%",
    "",
]


def _print(uri: str, commands, emulator) -> tuple[bytes, object]:
    with open_printer(uri) as printer:
        result = printer.print_slip(Slip("test", list(commands)))
    return emulator.wait_closed(), result


@pytest.mark.parametrize(
    ("encoding", "extra"),
    [
        ("gb18030", "收件回执 生僻字：𠀀𪚥"),
        ("gbk", "收件回执 申请人：张*"),
        ("big5", "收件回執 申請人：張*"),
    ],
)
def test_every_line_prints_in_hanzi_mode_and_decodes(emulator, encoding, extra):
    lines = [*LINES, extra]
    data, result = _print(
        f"{emulator.uri}?encoding={encoding}", [TextLine(t) for t in lines], emulator
    )
    decoded = decode(data, encoding)
    assert decoded.texts == lines
    assert all(line.hanzi for line in decoded.lines)
    assert decoded.status_queries == [1, 2, 3, 4]  # asked before printing
    assert result.replaced == 0


def test_characters_outside_the_encoding_print_as_boxes_and_are_logged(emulator, caplog):
    data, result = _print(f"{emulator.uri}?encoding=big5", [TextLine("收件回执：王小明")], emulator)
    assert decode(data, "big5").texts == ["收件回□：王小明"]
    assert result.replaced == 1 and "□" in result.clerk_note()
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "1 个字符无法用 big5 编码" in logged and "王小明" not in logged


def test_hanzi_mode_none_sends_no_fs_commands(emulator):
    data, _ = _print(f"{emulator.uri}?hanzi=none", [TextLine("。。。"), TextLine("办件")], emulator)
    decoded = decode(data, "gb18030")
    assert decoded.texts == ["。。。", "办件"]
    assert not any(c.name.startswith("FS") for c in decoded.commands)


def test_styles_columns_rule_native_qr_and_cut(emulator):
    url = "https://zwfw.example.gov.cn/progress?case=W03-20261121-0007"
    commands = [
        TextLine("A0012", align="center", size="double", bold=True),
        Rule("="),
        Columns("居民身份证复印件", "×2"),
        QRCode(url, caption="扫码查询办理进度"),
        Cut(),
    ]
    data, _ = _print(emulator.uri, commands, emulator)
    decoded = decode(data, "gb18030")
    title = decoded.lines[0]
    assert (title.text, title.align, title.size, title.bold) == ("A0012", "center", "double", True)
    assert decoded.lines[1].text == "=" * 48
    row = decoded.lines[2].text
    assert row.startswith("居民身份证复印件") and row.endswith("×2")
    assert len(row.encode("gbk")) == 48  # right column flush with the paper edge
    assert decoded.qr_payloads == [url.encode()]
    assert decoded.lines[-1].text == "扫码查询办理进度"
    assert decoded.cuts == 1


def test_raster_qr_scans_back_to_the_payload(emulator):
    url = "https://zwfw.example.gov.cn/progress?case=临W03-20261121-0007"
    data, _ = _print(f"{emulator.uri}?qr=raster&width=58", [QRCode(url)], emulator)
    decoded = decode(data, "gb18030")
    assert decoded.qr_payloads == []
    (image,) = decoded.images
    assert image.width == 384
    bordered = cv2.copyMakeBorder(np.array(image), 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(bordered)
    assert points is not None and text == url


def test_long_lines_wrap_at_the_paper_width(emulator):
    long = "申请材料：" + "营业执照副本复印件、法定代表人身份证明书、" * 4 + "。"
    data, _ = _print(f"{emulator.uri}?width=58", [TextLine(long, indent=2)], emulator)
    decoded = decode(data, "gb18030")
    assert len(decoded.lines) > 1
    assert all(len(t.encode("gbk")) <= 32 for t in decoded.texts)
    assert "".join(t.strip() for t in decoded.texts) == long
    assert not any(t.strip().startswith(("，", "。", "、")) for t in decoded.texts)


@pytest.mark.parametrize(
    ("state", "words"),
    [("paper_out", "缺纸"), ("cover_open", "盖未合上"), ("cutter_jam", "切刀")],
)
def test_printer_that_cannot_print_gets_nothing_and_says_why(emulator, state, words):
    emulator.state = state
    with open_printer(emulator.uri) as printer:
        status = printer.status()
        assert not status.ready and words in status.message()
        with pytest.raises(PrinterNotReady) as info:
            printer.print_slip([TextLine("收件回执")])
    assert words in info.value.clerk_message
    decoded = decode(emulator.wait_closed(), "gb18030")
    assert decoded.lines == [] and set(decoded.status_queries) == {1, 2, 3, 4}


def test_paper_low_still_prints_with_a_warning(emulator):
    emulator.state = "paper_low"
    with open_printer(emulator.uri) as printer:
        status = printer.status()
        printer.print_slip([TextLine("排队号 A0012")])
    assert status.ready and "纸卷将尽" in status.message()
    assert decode(emulator.wait_closed(), "gb18030").texts == ["排队号 A0012"]


def test_printer_that_never_answers_status_still_prints(emulator):
    emulator.answer_status = False
    with open_printer(emulator.uri) as printer:
        assert printer.status().answered is False
        printer.print_slip([TextLine("测试")], check_status=False)
    assert decode(emulator.wait_closed(), "gb18030").texts == ["测试"]


def test_no_printer_listening_is_a_clear_error():
    emu_port = _free_port()
    with pytest.raises(DeviceNotConnected) as info:
        open_printer(f"escpos-tcp://127.0.0.1:{emu_port}?timeout=1")
    assert "无法连接" in info.value.clerk_message and "IP" in info.value.clerk_message


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
