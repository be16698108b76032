"""``desk-app bridge``: the device bridge on its own, for a counter without the desk open.

Serves ``[bridge]`` of machine.toml on 127.0.0.1 over a device hub of the bound devices,
prints each pairing code for the technician, and runs until Ctrl+C / SIGTERM.
``desk-app bridge --forget ORIGIN`` removes an origin's pairing.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from desk_app.services.command_context import CommandContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bridge", help="柜台设备服务：供网页版受理平台使用本机设备")
    parser.add_argument("--port", type=int, help="端口（默认取 machine.toml [bridge] port）")
    parser.add_argument("--forget", metavar="ORIGIN", help="取消该网页来源的配对")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from dataclasses import replace

    from desk_app.core.audit import AuditError, AuditLog, load_audit_key
    from desk_app.core.bridge.pairing import PairingBook
    from desk_app.core.bridge.policy import BadOrigin, normalise_origin
    from desk_app.core.bridge.server import BridgeServer
    from desk_app.core.bridge.settings import BridgeSettings
    from desk_app.core.hardware.device_hub import DeviceHub
    from desk_app.core.machine_config import ConfigError

    if args.forget:
        try:
            origin = normalise_origin(args.forget)
        except BadOrigin:
            print(f"“{args.forget}”不是网页来源（应为 https://主机[:端口]）", file=sys.stderr)
            return 2
        PairingBook(lambda _o, _c: None).forget(origin)
        print(f"已取消配对：{origin}")
        return 0
    try:
        settings = BridgeSettings.from_config(ctx.config)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.port is not None:
        settings = replace(settings, port=args.port)
    if not settings.allowed_origins:
        print("machine.toml 的 [bridge] 未配置 allowed_origins：没有网页可以使用本机设备",
              file=sys.stderr)
        return 2
    ctx.paths.ensure()
    try:  # without the audit trail no page may use a device
        audit = AuditLog.in_data_dir(ctx.paths.data_dir, id_key=load_audit_key(create=True),
                                     window=ctx.config.window_id)
    except AuditError as exc:
        print(f"柜台设备服务未启动：{exc}", file=sys.stderr)
        return 2

    def show_code(origin: str, code: str) -> None:
        print(f"配对码 {code}：来源 {origin}（5 分钟内有效，请在该网页中输入）", flush=True)

    hub = DeviceHub(ctx.config.devices)
    hub.start_probing()
    hub.start_card_watch()
    server = BridgeServer(hub, settings, show_code=show_code, audit=audit, clerk="bridge")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        server.start()
        print(f"柜台设备服务已启动：{server.url}（允许来源：{'、'.join(sorted(settings.allowed_origins))}）",
              flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    except RuntimeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        server.stop()
        hub.close()
    return 0
