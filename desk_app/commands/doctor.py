"""``desk-app doctor``: check config, center, the machine, and every bound device.

Exit 0 when nothing is faulty (warnings allowed), 1 when something is.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from desk_app.commands.devices import kind_modules
from desk_app.core.doctor_report import DoctorCheck
from desk_app.services.command_context import CommandContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("doctor", help="check this machine's config and devices")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_doctor)


def config_checks(ctx: CommandContext) -> list[DoctorCheck]:
    checks = []
    source = ctx.config.source
    if source is None or not source.exists():
        checks.append(
            DoctorCheck(
                "配置文件",
                False,
                f"未找到配置文件 {source}：请按 README 创建 machine.toml",
                warning=True,
            )
        )
    else:
        checks.append(DoctorCheck("配置文件", True, f"已读取 {source}"))
    if not ctx.config.center_url:
        checks.append(
            DoctorCheck(
                "受理中心地址",
                False,
                "未配置 [center] url：案件只能离线暂存，无法上报",
                warning=True,
            )
        )
    return checks


def run_doctor(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desk_app.commands.doctor_checks import machine_checks

    checks = config_checks(ctx) + machine_checks(ctx)
    for module in kind_modules():
        checks.extend(module.doctor_checks(ctx))
    failed = [c for c in checks if not c.ok and not c.warning]
    if args.json:
        print(json.dumps([asdict(c) for c in checks], ensure_ascii=False, indent=2))
    else:
        for c in checks:
            mark = "正常" if c.ok else ("提醒" if c.warning else "故障")
            print(f"[{mark}] {c.name}: {c.message}")
        print(f"共 {len(checks)} 项检查，{len(failed)} 项故障。")
    return 1 if failed else 0
