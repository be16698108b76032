"""``desk-app doctor`` checks the machine: center (reference center, a skewed clock, a
real TLS server), keyring, disk, outbox, screens (Xvfb with one and two screens), voice
(espeak-ng) and the A4 printer; faults make a non-zero exit."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from desk_app.cli import main
from desk_app.commands.doctor_checks import (
    a4_printer_check,
    center_checks,
    clock_check,
    disk_check,
    outbox_check,
    screen_and_printer_checks,
    voice_check,
)
from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.machine_config import MachineConfig
from desk_app.core.sending.outbox import Outbox
from desk_app.services.command_context import CommandContext
from tests.desk_app.core.test_center_client_tls import tls_server as tls_server
from tests.desk_app.ui.test_demo_on_xvfb import free_display
from tests.support.case_factory import make_case
from tests.support.lying_center import LyingCenter

pytestmark = pytest.mark.realstack


def ctx_for(tmp_path, **config) -> CommandContext:
    paths = AppPaths.under(tmp_path / "root").ensure()
    return CommandContext(paths=paths, config=MachineConfig(**config))


def doctor(tmp_path, capsys, config: MachineConfig):
    path = tmp_path / "machine.toml"
    config.save(path)
    code = main(["--config", str(path), "--data-root", str(tmp_path / "root"), "doctor",
                 "--json"])
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    return code, checks


def faults(checks) -> set[str]:
    return {name for name, c in checks.items() if not c["ok"] and not c["warning"]}


def test_against_the_reference_center(tmp_path, live_center, capsys):
    center = live_center
    code, checks = doctor(tmp_path, capsys, MachineConfig(center_url=center.url))
    assert checks["受理中心连接"]["ok"] and center.url in checks["受理中心连接"]["message"]
    assert checks["本机时钟"]["ok"] and "秒" in checks["本机时钟"]["message"]
    assert checks["受理中心登录接口"]["ok"]
    assert checks["系统密钥环"]["ok"]  # the suite's in-memory keyring
    assert checks["待发送队列"]["ok"] and checks["磁盘空间"]["ok"]
    assert code == (1 if faults(checks) else 0)


def test_unreachable_center_and_no_keyring_are_faults(tmp_path, capsys):
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        code, checks = doctor(tmp_path, capsys, MachineConfig(center_url="http://127.0.0.1:9"))
    finally:
        keyring.set_keyring(previous)
    assert code == 1
    assert {"受理中心连接", "系统密钥环"} <= faults(checks)
    assert "无法登录" in checks["系统密钥环"]["message"]


def test_a_skewed_center_clock_is_a_fault(tmp_path):
    lying = LyingCenter("skewed", clock_offset=-600)  # the center is 10 minutes behind
    try:
        checks = {c.name: c for c in center_checks(ctx_for(tmp_path, center_url=lying.url))}
    finally:
        lying.close()
    clock = checks["本机时钟"]
    assert not clock.ok and not clock.warning
    assert "本机比受理中心快 6" in clock.message and "NTP" in clock.message
    assert not checks["受理中心登录接口"].ok  # this server has no POST /sessions


def test_clock_skew_threshold():
    now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    assert clock_check(now - timedelta(seconds=119), now).ok
    assert not clock_check(now + timedelta(seconds=120), now).ok
    assert clock_check(None, now).warning


def test_tls_center_with_its_ca_and_without(tmp_path, tls_server):
    url, ca_file = tls_server
    good = {c.name: c for c in center_checks(ctx_for(tmp_path, center_url=url,
                                                     ca_bundle=str(ca_file)))}
    cert = good["受理中心 TLS 证书"]
    assert cert.ok and "Counter Desk Test CA" in cert.message
    assert cert.warning  # the test certificate lasts one day: doctor says renew it
    unknown = {c.name: c for c in center_checks(ctx_for(tmp_path, center_url=url))}
    assert not unknown["受理中心 TLS 证书"].ok
    missing = center_checks(ctx_for(tmp_path, center_url=url,
                                    ca_bundle=str(tmp_path / "gone.pem")))
    assert [(c.name, c.ok) for c in missing] == [("受理中心地址", False)]
    assert "gone.pem 不存在" in missing[0].message


def test_plain_http_elsewhere_is_a_fault_and_allowed_is_a_warning(tmp_path):
    [refused] = center_checks(ctx_for(tmp_path, center_url="http://zwfw.example.gov.cn"))
    assert not refused.ok and not refused.warning and "allow_insecure_http" in refused.message


def test_disk_thresholds_on_the_real_disk(tmp_path):
    assert disk_check(tmp_path, fault_below=0, warn_below=0).ok
    full = disk_check(tmp_path, fault_below=1 << 60, warn_below=1 << 60)
    assert not full.ok and "请清理磁盘" in full.message


def test_outbox_health(tmp_path):
    ctx = ctx_for(tmp_path)
    assert outbox_check(ctx).ok  # new install
    outbox = Outbox.open(ctx.paths, Keystore())
    outbox.seal(*make_case(random.Random(3)))
    outbox.close()
    healthy = outbox_check(ctx)
    assert healthy.ok and "待发送 1" in healthy.message
    later = outbox_check(ctx, now=lambda: datetime.now(UTC) + timedelta(days=2))
    assert later.warning and "检查网络" in later.message
    (ctx.paths.data_dir / "outbox" / "outbox.sqlite3").write_bytes(b"")
    emptied = outbox_check(ctx)
    assert not emptied.ok and "desk-app outbox recover" in emptied.message


@pytest.fixture
def xvfb_screens(request):
    number = free_display()
    screens = []
    for index, size in enumerate(request.param):
        screens += ["-screen", str(index), f"{size}x24"]
    proc = subprocess.Popen(["Xvfb", f":{number}", *screens, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        assert proc.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    proc.terminate()
    proc.wait(10)


@pytest.mark.parametrize("xvfb_screens", [("1280x800",)], indirect=True)
def test_one_monitor_is_a_warning(xvfb_screens):
    monitor, _printer = screen_and_printer_checks(xvfb_screens)
    assert monitor.warning and "只检测到一个显示器" in monitor.message


@pytest.mark.parametrize("xvfb_screens", [("1280x800", "1024x768")], indirect=True)
def test_two_monitors_name_the_applicants_one(xvfb_screens):
    monitor, _printer = screen_and_printer_checks(xvfb_screens)
    assert monitor.ok and not monitor.warning and "1024×768" in monitor.message


def test_no_display_is_said_not_crashed():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    monitor, printer = screen_and_printer_checks({**env, "QT_QPA_PLATFORM": "xcb"})
    assert monitor.warning and printer.warning and "无法检查" in monitor.message


def test_a4_printer_verdicts():
    assert not a4_printer_check({"printers": []}).ok
    assert not a4_printer_check({"printers": [{"name": "Label", "a4": False}]}).ok
    assert a4_printer_check({"printers": [{"name": "HP", "a4": True}]}).warning
    best = a4_printer_check({"printers": [{"name": "HP", "a4": True, "default": True}]})
    assert best.ok and not best.warning and "HP" in best.message


def test_voice_is_really_synthesised():
    check = voice_check()
    assert check.ok and "KB" in check.message


def test_the_frozen_bundle_probe_entry_answers_the_same():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desk_app.cli", "--doctor-probe"],
                          capture_output=True, text=True, env=env, timeout=60)
    seen = json.loads(done.stdout)
    assert seen["platform"] == "offscreen" and len(seen["screens"]) == 1
