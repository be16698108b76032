"""The other transports: a file/device node, a serial port (a real pty), the simulator."""

from __future__ import annotations

import os
import threading

import pytest
from escpos.printer import Dummy

from devices.errors import DeviceNotConnected
from devices.printer import PrinterConfigError, TextLine, open_printer, parse_printer_uri
from tests.support.escpos_decoder import decode


def test_file_transport_writes_the_slip_and_reports_status_unknown(tmp_path):
    out = tmp_path / "lp0"
    with open_printer(f"escpos-file:{out}?encoding=gbk") as printer:
        assert printer.status().answered is False
        assert "不回传状态" in printer.status().message()
        printer.print_slip(["收件回执", "。。。"])
    assert decode(out.read_bytes(), "gbk").texts == ["收件回执", "。。。"]


def test_missing_device_node_is_a_clear_error(tmp_path):
    with pytest.raises(DeviceNotConnected) as info:
        open_printer(f"escpos-file:{tmp_path}/no/such/lp0")
    assert "无法写入" in info.value.clerk_message


@pytest.mark.realstack
def test_serial_port_over_a_pty_carries_slip_and_status():
    master, slave = os.openpty()
    path = os.ttyname(slave)
    received = bytearray()
    stop = threading.Event()

    def printer_side():  # answers DLE EOT like a ready printer, keeps everything else
        os.set_blocking(master, False)
        while not stop.is_set():
            try:
                chunk = os.read(master, 4096)
            except BlockingIOError:
                stop.wait(0.01)
                continue
            except OSError:
                return
            received.extend(chunk)
            for i in range(len(chunk) - 2):
                if chunk[i : i + 2] == b"\x10\x04":
                    os.write(master, b"\x12")

    thread = threading.Thread(target=printer_side, daemon=True)
    thread.start()
    try:
        with open_printer(f"escpos-serial:{path}?baud=19200&flow=none&timeout=2") as printer:
            assert printer.status().ready
            printer.print_slip(["排队号 A0012", "请到 3 号窗口"])
        stop.wait(0.3)
    finally:
        stop.set()
        thread.join(2)
        os.close(master)
        os.close(slave)
    assert decode(bytes(received), "gb18030").texts == ["排队号 A0012", "请到 3 号窗口"]


def test_simulator_keeps_bytes_and_can_be_put_out_of_paper(tmp_path):
    out = tmp_path / "sim.bin"
    with open_printer(f"escpos-sim:{out}") as printer:
        printer.print_slip([TextLine("模拟打印")])
    assert decode(out.read_bytes(), "gb18030").texts == ["模拟打印"]
    with open_printer("escpos-sim:?state=cover_open") as printer:
        assert "盖未合上" in printer.status().message()
    with pytest.raises(PrinterConfigError):
        open_printer("escpos-sim:?state=on_fire")


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("lpt1", "无法识别的打印机地址"),
        ("escpos-tcp://:9100", "缺少主机名"),
        ("escpos-tcp://printer:99999", "超出范围"),
        ("escpos-usb:04b8", "厂商ID:产品ID"),
        ("escpos-serial:", "缺少设备路径"),
        ("escpos-tcp://p?encoding=utf8", "不支持的中文编码"),
        ("escpos-tcp://p?width=76", "58 或 80"),
        ("escpos-tcp://p?profile=nope", "未知的打印机型号配置"),
    ],
)
def test_bad_uris_say_what_to_fix(uri, words):
    with pytest.raises(PrinterConfigError) as info:
        parse_printer_uri(uri)
    assert words in info.value.clerk_message


def test_uri_options_override_the_profile():
    target = parse_printer_uri("escpos-usb:0416:5011?profile=big5-80&width=58&qr=raster&cutter=no")
    assert target.usb_ids == (0x0416, 0x5011)
    p = target.profile
    assert (p.encoding, p.paper_mm, p.chars_per_line, p.dots_per_line) == ("big5", 58, 32, 384)
    assert (p.qr, p.cutter) == ("raster", False)


def test_python_escpos_text_path_still_mangles_lone_punctuation():
    """Why devices.printer has its own encoder: if this starts failing, re-check the trap."""
    printer = Dummy()
    printer.text("。。。\n")
    assert b"???" in printer.output and b"\x1c&" not in printer.output
    assert "。".encode("gb18030") not in printer.output


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("escpos-serial:/dev/ttyS0?flow=magic", "flow="),
        ("escpos-usb:0416:5011?in_ep=zz", "十六进制端点号"),
        ("escpos-serial:/dev/ttyS0?baud=fast", "baud="),
    ],
)
def test_bad_transport_options_are_refused_before_opening(uri, words):
    with pytest.raises(PrinterConfigError) as info:
        open_printer(uri)
    assert words in info.value.clerk_message


def test_absent_usb_printer_is_a_clear_error():
    with pytest.raises(DeviceNotConnected) as info:
        open_printer("escpos-usb:0fff:0fff")
    assert "USB" in info.value.clerk_message


def test_newlines_inside_data_start_new_lines_instead_of_boxes(tmp_path):
    out = tmp_path / "lp0"
    with open_printer(f"escpos-file:{out}") as printer:
        result = printer.print_slip([TextLine("第一行\n第二行\r\n第三行")])
    assert decode(out.read_bytes(), "gb18030").texts == ["第一行", "第二行", "第三行"]
    assert result.replaced == 0
