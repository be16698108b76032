"""``desk-app devices print-test / print-slip / printer-status`` and the doctor checks,
against the TCP printer emulator."""

from __future__ import annotations

import json

import pytest

from desk_app.cli import main
from tests.support.escpos_decoder import decode

pytestmark = pytest.mark.realstack

RECEIPT = {
    "case_number": "W03-20261121-0007",
    "items": ["个体工商户设立登记"],
    "applicant": {"name": "王小明", "id_number": "110101199003071234"},
    "materials": [{"name": "居民身份证", "count": 1}],
    "deferred": [{"name": "卫生许可证复印件", "due": "2026-12-01"}],
    "promised_date": "2026-12-03",
    "window": "综合受理3号窗",
    "clerk": "李芳",
    "qr_url": "https://zwfw.example.gov.cn/p?c=1",
}


def _config(tmp_path, uri: str):
    path = tmp_path / "machine.toml"
    path.write_text(f'[devices]\nreceipt_printer = "{uri}"\n', encoding="utf-8")
    return path


def test_print_test_prints_every_glyph_class_a_qr_and_a_cut(emulator, capsys):
    assert main(["devices", "print-test", "--device", f"{emulator.uri}?encoding=gbk"]) == 0
    decoded = decode(emulator.wait_closed(), "gbk")
    assert "，。、；：？！" in decoded.texts and "（）【】《》「」“”‘’" in decoded.texts
    assert "GBK 扩充：堃镕喆" in decoded.texts
    assert len(decoded.qr_payloads) == 1 and decoded.cuts == 1
    assert "已打印" in capsys.readouterr().out


def test_print_slip_from_a_bound_printer_and_a_data_file(emulator, tmp_path, capsys):
    data = tmp_path / "receipt.json"
    data.write_text(json.dumps(RECEIPT, ensure_ascii=False), encoding="utf-8")
    config = _config(tmp_path, emulator.uri)
    argv = ["--config", str(config), "devices", "print-slip", "--template", "receipt"]
    assert main([*argv, "--data", str(data)]) == 0
    texts = decode(emulator.wait_closed(), "gb18030").texts
    assert "申请人：王*明" in texts and "办件编号：W03-20261121-0007" in texts
    assert "打印后状态：打印机就绪" in capsys.readouterr().out


def test_print_slip_names_the_missing_field_and_prints_nothing(emulator, tmp_path, capsys):
    data = tmp_path / "ticket.json"
    data.write_text('{"ticket": "A0012", "service": "综合受理"}', encoding="utf-8")
    argv = ["devices", "print-slip", "--device", emulator.uri, "--template", "ticket"]
    assert main([*argv, "--data", str(data)]) == 2
    assert "waiting" in capsys.readouterr().err
    assert emulator.connections == 0


def test_out_of_paper_is_reported_and_exit_status_says_so(emulator, capsys):
    emulator.state = "paper_out"
    assert main(["devices", "printer-status", "--device", emulator.uri]) == 1
    assert "缺纸" in capsys.readouterr().out
    assert main(["devices", "print-test", "--device", emulator.uri]) == 1
    assert "未打印：打印机缺纸" in capsys.readouterr().err


def test_doctor_checks_the_bound_printer_and_the_notice_font(emulator, tmp_path, capsys):
    config = _config(tmp_path, emulator.uri)
    emulator.state = "cover_open"
    assert main(["--config", str(config), "doctor", "--json"]) == 1
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    printer = checks["小票打印机 receipt_printer"]
    assert not printer["ok"] and "盖未合上" in printer["message"]
    assert checks["A4 通知书中文字体"]["ok"]


def test_devices_list_shows_bound_printer_and_simulator(tmp_path, capsys):
    config = _config(tmp_path, "escpos-tcp://10.0.0.21:9100?width=58")
    assert main(["--config", str(config), "devices", "list", "--json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "printer"]
    bound = next(r for r in rows if r["bound_as"] == "receipt_printer")
    assert "10.0.0.21:9100" in bound["description"] and "58mm" in bound["description"]
    assert any(r["uri"] == "escpos-sim:" for r in rows)
