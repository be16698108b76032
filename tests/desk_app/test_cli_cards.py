"""``desk-app devices read-card / list`` and ``doctor`` for card readers, end to end."""

from __future__ import annotations

import base64
import json

import pytest

from desk_app.cli import main
from desk_app.core.machine_config import MachineConfig
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.text_layout import build_text
from tests.support.sam_emulator import Behaviour, SamEmulator


@pytest.fixture
def config_path(tmp_path):
    path = tmp_path / "machine.toml"
    MachineConfig(devices={"id_reader": "sim:resident", "broken": "sam:/dev/ttyUSB-gone"}).save(
        path
    )
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_read_card_by_bound_name_as_json(capsys, config_path):
    code, out, _ = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "id_reader", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["name"] == "李秀英"
    assert data["id_number"] == "610103198503120421"
    assert data["id_number_valid"] is True
    assert data["sex"] == "2" and data["sex_name"] == "女"
    assert data["ethnic"] == "01" and data["ethnic_name"] == "汉族"
    assert data["birth_date"] == "1985-03-12"
    assert data["id_type"] == "resident" and data["validity"] == "valid"
    assert data["photo_status"] == "unavailable" and data["photo_wlt_base64"] == ""
    assert base64.b64decode(data["raw_text_base64"]) == build_text(SIM_IDENTITIES["resident"][1])


@pytest.mark.realstack
def test_read_card_from_an_ad_hoc_sam_uri(capsys, config_path):
    with SamEmulator(Behaviour(text=build_text(SIM_IDENTITIES["hmt"][1]))) as emu:
        code, out, _ = run(capsys, "--config", str(config_path), "devices", "read-card",
                           "--device", f"sam:{emu.port}?baud=115200", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["id_type"] == "J" and data["travel_permit_number"] == "H60123456"
    assert len(base64.b64decode(data["photo_wlt_base64"])) == 1024
    assert data["photo_status"] == "wlt_only"


def test_expired_card_is_flagged_in_text_output(capsys, config_path):
    code, out, _ = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "sim:expired")  # fmt: skip
    assert code == 0
    assert "card.name        刘洋" in out
    assert "注意：证件已过期" in out


def test_failures_give_chinese_messages_and_exit_2(capsys, config_path):
    code, _, err = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "sim:none", "--timeout", "0.1")  # fmt: skip
    assert code == 2 and "请将身份证平放在读卡区" in err
    code, _, err = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "scanner")  # fmt: skip
    assert code == 2 and "id_reader" in err
    code, _, err = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "sim:nobody")  # fmt: skip
    assert code == 2 and "resident" in err
    code, _, err = run(capsys, "--config", str(config_path), "devices", "read-card",
                       "--device", "sim:resident", "--bank")  # fmt: skip
    assert code == 2 and "pcsc:" in err


def test_devices_list_shows_simulators_and_bindings(capsys, config_path):
    code, out, _ = run(capsys, "--config", str(config_path), "devices", "list", "--json")
    assert code == 0
    rows = {r["uri"]: r for r in json.loads(out) if r["kind"] == "card"}
    assert rows["sim:resident"]["bound_as"] == "id_reader"
    assert "sim:foreigner-2023" in rows and "sim:none" in rows
    assert rows["sam:/dev/ttyUSB-gone"]["bound_as"] == "broken"


def test_doctor_checks_each_bound_reader(capsys, config_path):
    code, out, _ = run(capsys, "--config", str(config_path), "doctor", "--json")
    checks = {c["name"]: c for c in json.loads(out)}
    assert checks["读卡器 id_reader"]["ok"] is True
    broken = checks["读卡器 broken"]
    assert broken["ok"] is False and "USB" in broken["message"]
    assert code == 1


@pytest.mark.realstack
def test_doctor_reports_sam_id_of_a_working_serial_reader(capsys, tmp_path):
    with SamEmulator(Behaviour(text=None)) as emu:
        path = tmp_path / "machine.toml"
        MachineConfig(devices={"id_reader": f"sam:{emu.port}"}).save(path)
        _, out, _ = run(capsys, "--config", str(path), "doctor", "--json")
    check = next(c for c in json.loads(out) if c["name"] == "读卡器 id_reader")
    assert check["ok"] is True and "安全模块编号" in check["message"]
