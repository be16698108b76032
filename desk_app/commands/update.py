"""``desk-app update …``: signed updates from ``[update] url`` in machine.toml.

- ``check``: is a newer version on offer (exit 0), or the reason it cannot tell (exit 2);
- ``apply``: download (resuming), verify and unpack beside the install folder; the client
  installs it at its next start with the clerk's consent. ``--now --yes`` installs at once
  when no client is running (technician's visit);
- ``rollback``: go back to the version kept from before the last install.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app import __version__
from desk_app.core.file_lock import FileLock
from desk_app.core.updates.client import UpdateClient, UpdateError
from desk_app.core.updates.install import (
    ApplyGuard,
    InstallError,
    apply_staged,
    check_writable,
    rollback,
    stage,
)
from desk_app.core.updates.service import install_dir_from, settings_from
from desk_app.services.command_context import CommandContext

EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("update", help="signed updates of this client")
    sub = parser.add_subparsers(dest="update_command", required=True)
    sub.add_parser("check", help="is a newer version published?").set_defaults(func=cmd_check)
    apply = sub.add_parser("apply", help="download and verify; install at the next start")
    apply.add_argument("--now", action="store_true", help="install now (no client running)")
    apply.add_argument("--yes", action="store_true", help="do not ask before installing")
    apply.set_defaults(func=cmd_apply)
    sub.add_parser("rollback", help="back to the previous version").set_defaults(func=cmd_rollback)


def install_dir(ctx: CommandContext) -> Path | None:
    return install_dir_from(ctx.config.update)


def _client(ctx: CommandContext) -> UpdateClient:
    return UpdateClient(settings_from(ctx.config.update), ctx.paths.data_dir / "updates",
                        __version__)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_ERROR


def cmd_check(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        newer = _client(ctx).check()
    except UpdateError as exc:
        return _fail(str(exc))
    if newer is None:
        print(f"当前版本 {__version__} 已是最新。")
    else:
        print(f"有新版本 {newer}（当前 {__version__}），可运行 desk-app update apply 下载。")
    return 0


def cmd_apply(args: argparse.Namespace, ctx: CommandContext) -> int:
    folder = install_dir(ctx)
    if folder is None:
        return _fail(
            "未设置安装目录：请在 machine.toml 的 [update] install_dir 填写"
            "（源码运行时无法自更新）。"
        )
    problem = check_writable(folder)
    if problem:
        return _fail(problem)
    try:
        client = _client(ctx)
        newer = client.check()
        if newer is None:
            print(f"当前版本 {__version__} 已是最新。")
            return 0
        staged = stage(client.download(), folder, newer)
    except (UpdateError, InstallError) as exc:
        return _fail(str(exc))
    print(f"新版本 {newer} 已下载并验证签名：{staged}")
    if not args.now:
        print("受理台下次启动时会询问是否安装。")
        return 0
    if not args.yes and input(f"现在安装 {newer} 到 {folder}？[y/N] ").strip().lower() != "y":
        print("未安装；下次启动时会再询问。")
        return 0
    lock = FileLock(_outbox_lock(ctx))
    if not lock.try_acquire():
        return _fail(
            "受理台正在运行（可能正在受理或发送案件），请关闭后再安装，或在下次启动时安装。"
        )
    try:
        version = apply_staged(folder, ApplyGuard(lambda: False, lambda: False))
    except InstallError as exc:
        return _fail(str(exc))
    finally:
        lock.release()
    print(f"已安装 {version}；上一版本保留在 {folder}.previous，")
    print("可用 desk-app update rollback 回退。")
    return 0


def _outbox_lock(ctx: CommandContext) -> Path:
    folder = ctx.paths.data_dir / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "outbox.lock"  # held by the running client (see core/outbox.py)


def cmd_rollback(args: argparse.Namespace, ctx: CommandContext) -> int:
    folder = install_dir(ctx)
    if folder is None:
        return _fail("未设置安装目录：请在 machine.toml 的 [update] install_dir 填写。")
    try:
        rollback(folder)
    except InstallError as exc:
        return _fail(str(exc))
    print(f"已回退：{folder} 现为上一版本（再运行一次可撤销回退）。")
    return 0
