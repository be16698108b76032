"""``desk-app doctor``'s checks of the machine itself: center, keyring, disk, outbox,
screens, voice and the A4 printer. Each answers with one ``DoctorCheck`` line a
technician can act on; a fault (not a warning) makes doctor exit non-zero.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from desk_app.core.doctor_report import DoctorCheck
from desk_app.core.machine_config import ConfigError
from desk_app.services.command_context import CommandContext

CENTER_TIMEOUT = (3.0, 5.0)
MAX_SKEW_SECONDS = 120  # receipts, promised dates and session expiry follow the clock
CERT_WARN_DAYS = 14
DISK_FAULT_BYTES = 500 * 1024**2  # about a day of scans at a busy window
DISK_WARN_BYTES = 2 * 1024**3
PROBE_TIMEOUT = 30.0
STALE_PENDING_HOURS = 24


def center_checks(ctx: CommandContext, *, now=lambda: datetime.now(UTC)) -> list[DoctorCheck]:
    from desk_app.core.center_client import CenterClient
    from desk_app.core.center_errors import (
        BadCredentials,
        CenterError,
        NotFound,
        Rejected,
        TlsError,
    )

    config = ctx.config
    if not config.center_url:
        return []  # doctor's config check already says the desk is offline-only
    try:
        client = CenterClient(config.center_url, ca_bundle=config.ca_bundle or None,
                              timeout=CENTER_TIMEOUT, deadline=10.0,
                              allow_insecure_http=config.allow_insecure_http)
    except ConfigError as exc:
        return [DoctorCheck("受理中心地址", False, str(exc))]
    checks = [DoctorCheck("受理中心地址", False, w, warning=True) for w in client.address_warnings]
    try:
        try:
            health, clock = client.health_and_clock()
        except TlsError as exc:
            return [*checks, DoctorCheck("受理中心 TLS 证书", False, str(exc))]
        except CenterError as exc:
            return [*checks, DoctorCheck("受理中心连接", False,
                                         f"{config.center_url} 无法访问：{exc}")]
        version = health.get("version", "")
        checks.append(DoctorCheck("受理中心连接", True,
                                  f"{config.center_url} 可访问（版本 {version or '未知'}）"))
        if urlsplit(config.center_url).scheme == "https":
            checks.append(certificate_check(config.center_url, config.ca_bundle or None, now()))
        checks.append(clock_check(clock, now()))
        try:  # no credentials: a working endpoint refuses them, it does not say 404
            client._json("POST", "/sessions", json_body={}, auth=False)
        except (BadCredentials, Rejected):
            checks.append(DoctorCheck("受理中心登录接口", True, "登录接口正常应答"))
        except NotFound:
            checks.append(DoctorCheck("受理中心登录接口", False,
                                      "受理中心没有登录接口（/api/v1/sessions）："
                                      "[center] url 可能指向了其他服务"))
        except CenterError as exc:
            checks.append(DoctorCheck("受理中心登录接口", False, f"登录接口异常：{exc}"))
        else:
            checks.append(DoctorCheck("受理中心登录接口", False,
                                      "登录接口接受了空的登录请求：受理中心配置异常"))
    finally:
        client.close()
    return checks


def clock_check(center_time: datetime | None, local: datetime) -> DoctorCheck:
    if center_time is None:
        return DoctorCheck("本机时钟", False, "受理中心应答中没有时间（Date），无法核对本机时钟",
                           warning=True)
    skew = (local - center_time).total_seconds()
    words = f"本机比受理中心{'快' if skew > 0 else '慢'} {abs(skew):.0f} 秒"
    if abs(skew) >= MAX_SKEW_SECONDS:
        return DoctorCheck("本机时钟", False,
                           f"{words}：受理时间、承诺期限和登录有效期会出错，请校准系统时间（NTP）")
    return DoctorCheck("本机时钟", True, words)


def certificate_check(url: str, ca_bundle: str | None, now: datetime) -> DoctorCheck:
    """The chain verified (health got through); here: whose it is and how long it lasts."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context(cafile=ca_bundle)
    try:
        with socket.create_connection((host, port), timeout=CENTER_TIMEOUT[0]) as raw, \
                context.wrap_socket(raw, server_hostname=host) as tls:
            cert = tls.getpeercert()
            version = tls.version()
    except (OSError, ssl.SSLError) as exc:
        return DoctorCheck("受理中心 TLS 证书", False, f"无法检查证书：{type(exc).__name__}")
    expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(cert["notAfter"]), UTC)
    issuer = dict(item[0] for item in cert.get("issuer", ()))
    days = (expires - now).days
    words = (f"证书有效（{version}，签发者 {issuer.get('commonName', '未知')}，"
             f"{expires:%Y-%m-%d} 到期，剩 {days} 天）")
    if days < CERT_WARN_DAYS:
        return DoctorCheck("受理中心 TLS 证书", True, f"{words}：请尽快更换证书", warning=True)
    return DoctorCheck("受理中心 TLS 证书", True, words)


def keyring_check() -> DoctorCheck:
    import keyring
    from keyring.errors import KeyringError

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name.split(".") or "null" in name.lower():
        return DoctorCheck("系统密钥环", False,
                           "本机没有可用的系统密钥环（Secret Service / 凭据管理器）："
                           "无法登录，也无法解密待发送队列；请安装并启用 gnome-keyring 等密钥服务")
    try:
        keyring.get_password("counter-desk", "doctor-probe")
    except KeyringError as exc:
        return DoctorCheck("系统密钥环", False, f"系统密钥环无法访问（{type(exc).__name__}）："
                           "请解锁密钥环或检查密钥服务")
    return DoctorCheck("系统密钥环", True, f"可用（{type(backend).__name__}）")


def disk_check(folder: Path, fault_below: int = DISK_FAULT_BYTES,
               warn_below: int = DISK_WARN_BYTES) -> DoctorCheck:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    words = f"{folder} 所在磁盘剩余 {free / 1024**3:.1f} GB"
    if free < fault_below:
        return DoctorCheck("磁盘空间", False, f"{words}：不足以保存材料扫描件，请清理磁盘")
    if free < warn_below:
        return DoctorCheck("磁盘空间", True, f"{words}：空间偏少，请及时清理", warning=True)
    return DoctorCheck("磁盘空间", True, words)


def outbox_check(ctx: CommandContext, *, now=lambda: datetime.now(UTC)) -> DoctorCheck:
    from desk_app.core.keystore import Keystore, KeystoreError
    from desk_app.core.sending.outbox import Outbox
    from desk_app.core.sending.outbox_entries import OutboxError
    from desk_app.core.sending.outbox_integrity import DB_NAME, held_marker

    root = ctx.paths.data_dir / "outbox"
    if not (root / DB_NAME).exists() and not held_marker(root).exists():
        return DoctorCheck("待发送队列", True, "尚无待发送队列（新安装，首次受理时建立）")
    try:
        outbox = Outbox.open(ctx.paths, Keystore())
    except (KeystoreError, OutboxError) as exc:
        return DoctorCheck("待发送队列", False, str(exc))
    try:
        counts = outbox.counts()
        oldest = outbox.oldest_pending()
    finally:
        outbox.close()
    words = (f"完好：待发送 {counts['pending']}，需处理 {counts['needs_attention']}，"
             f"已完成 {counts['done']}")
    if counts["needs_attention"]:
        return DoctorCheck("待发送队列", True, f"{words}；有被受理中心退回的办件，请在发件箱处理",
                           warning=True)
    waited = (now() - oldest.sealed_at).total_seconds() if oldest is not None else 0
    if waited > STALE_PENDING_HOURS * 3600:
        return DoctorCheck("待发送队列", True, f"{words}；最早的一件已等待超过 "
                           f"{STALE_PENDING_HOURS} 小时，请检查网络", warning=True)
    return DoctorCheck("待发送队列", True, words)


def screen_and_printer_checks(env: dict[str, str] | None = None) -> list[DoctorCheck]:
    """Asked of Qt in a child process (see ``desk_app.ui.shell.doctor_probe``)."""
    command = ([sys.executable, "--doctor-probe"] if getattr(sys, "frozen", False)
               else [sys.executable, "-m", "desk_app.ui.shell.doctor_probe"])
    try:
        done = subprocess.run(command,
                              capture_output=True, text=True, timeout=PROBE_TIMEOUT,
                              env=env)
        seen = json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired, ValueError):
        seen = None
    if not isinstance(seen, dict):
        why = "没有图形界面或无法连接显示器"
        return [DoctorCheck("申请人显示器", False, f"无法检查显示器（{why}）", warning=True),
                DoctorCheck("A4 打印机", False, f"无法检查打印机（{why}）", warning=True)]
    return [monitor_check(seen), a4_printer_check(seen)]


def monitor_check(seen: dict) -> DoctorCheck:
    if seen.get("platform") in ("offscreen", "minimal"):
        return DoctorCheck("申请人显示器", False,
                           f"无法检查显示器（图形平台 {seen.get('platform')}）", warning=True)
    screens = seen.get("screens", [])
    if len(screens) < 2:
        return DoctorCheck("申请人显示器", False,
                           "只检测到一个显示器：申请人确认和签名将显示为普通窗口（Ctrl+Shift+K）；"
                           "请接好面向申请人的第二显示器并设为扩展模式", warning=True)
    other = next((s for s in screens if not s.get("primary")), screens[1])
    size = f"{other.get('width')}×{other.get('height')}"
    return DoctorCheck("申请人显示器", True, f"共 {len(screens)} 个显示器，申请人屏为 "
                       f"{other.get('name') or '第二显示器'}（{size}）")


def a4_printer_check(seen: dict) -> DoctorCheck:
    printers = seen.get("printers", [])
    if not printers:
        return DoctorCheck("A4 打印机", False,
                           "系统中没有打印机：受理通知书只能另存为 PDF；"
                           "请在系统打印设置（CUPS）中添加 A4 打印机")
    a4 = [p for p in printers if p.get("a4")]
    if not a4:
        names = "、".join(p.get("name", "") for p in printers)
        return DoctorCheck("A4 打印机", False, f"打印机 {names} 都不支持 A4 纸")
    default = next((p for p in a4 if p.get("default")), None)
    if default is None:
        return DoctorCheck("A4 打印机", True,
                           f"可用 A4 打印机：{a4[0]['name']}（未设为默认打印机）", warning=True)
    return DoctorCheck("A4 打印机", True, f"默认打印机 {default['name']} 支持 A4")


def voice_check() -> DoctorCheck:
    """Speak a word into a file with the voice the customer screen uses (``cmn``)."""
    program = shutil.which("espeak-ng")
    if program is None:
        return DoctorCheck("语音提示", False, "未安装 espeak-ng：申请人屏没有语音提示（适老化），"
                           "请安装 espeak-ng", warning=True)
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "probe.wav"
        try:
            done = subprocess.run([program, "-v", "cmn", "-w", str(wav), "--stdin"],
                                  input="您好".encode(), capture_output=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return DoctorCheck("语音提示", False, f"espeak-ng 无法运行（{type(exc).__name__}）",
                               warning=True)
        size = wav.stat().st_size if wav.exists() else 0
    if done.returncode != 0 or size <= 44:  # a WAV header alone is 44 bytes
        return DoctorCheck("语音提示", False, "espeak-ng 没有普通话语音（cmn）："
                           "请安装 espeak-ng-data", warning=True)
    return DoctorCheck("语音提示", True, f"普通话语音可用（espeak-ng，{size // 1024} KB 测试音频）")


def machine_checks(ctx: CommandContext) -> list[DoctorCheck]:
    return [
        *center_checks(ctx),
        keyring_check(),
        disk_check(ctx.paths.data_dir),
        outbox_check(ctx),
        *screen_and_printer_checks(dict(os.environ)),
        voice_check(),
    ]
