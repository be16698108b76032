"""``desk-app outbox …``: the queue of sealed cases, for technicians and scripts.

- ``status [--json]``: counts per state, oldest unsent case, last contact with the center;
- ``list [--json]``: every entry without personal data (numbers, state, the center's reason);
- ``retry [UUID]``: make one entry (or every waiting one) due now;
- ``recover``: rebuild a lost or damaged queue database from the sealed records;
- ``export FILE`` / ``import FILE``: carry unsent cases to a connected client, encrypted
  with a passphrase (asked for, or read from the variable named by ``--passphrase-env``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_app.core.keystore import Keystore, KeystoreError
from desk_app.core.sending.outbox import Outbox, OutboxEntry, OutboxError
from desk_app.core.sending.sync import LAST_CONTACT_KEY
from desk_app.services.command_context import CommandContext

EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("outbox", help="the queue of cases waiting for the center")
    sub = parser.add_subparsers(dest="outbox_command", required=True)
    status = sub.add_parser("status", help="counts per state, oldest pending, last contact")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
    listing = sub.add_parser("list", help="every entry (no personal data)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)
    retry = sub.add_parser("retry", help="send again now (one UUID, or all waiting)")
    retry.add_argument("uuid", nargs="?", default="all")
    retry.set_defaults(func=cmd_retry)
    recover = sub.add_parser("recover", help="rebuild a lost or damaged queue database")
    recover.set_defaults(func=cmd_recover)
    for name, func, text in (
        ("export", cmd_export, "write unsent cases to an encrypted file"),
        ("import", cmd_import, "queue the cases of an export file here"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("file", type=Path)
        cmd.add_argument("--passphrase-env", help="read the passphrase from this variable")
        cmd.set_defaults(func=func)


def _open(ctx: CommandContext) -> Outbox:
    return Outbox.open(
        ctx.paths, Keystore(), purge_after=timedelta(days=ctx.config.purge_after_days)
    )


def _run(action):
    """Open the outbox, run, and turn clerk-facing errors into a message and exit code 2."""

    def wrapper(args: argparse.Namespace, ctx: CommandContext) -> int:
        try:
            outbox = _open(ctx)
        except (KeystoreError, OutboxError) as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_ERROR
        try:
            return action(args, outbox, ctx)
        except (KeystoreError, OutboxError) as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_ERROR
        finally:
            outbox.close()

    return wrapper


def _entry_view(entry: OutboxEntry) -> dict:
    return {
        "uuid": entry.uuid,
        "kind": entry.kind,
        "provisional_number": entry.provisional_number,
        "official_number": entry.official_number,
        "state": entry.state,
        "center_status": entry.center_status,
        "sealed_at": entry.sealed_at.isoformat(),
        "attempts": entry.attempts,
        "last_error": entry.last_error,
        "purged": entry.purged,
    }


@_run
def cmd_status(args: argparse.Namespace, outbox: Outbox, _ctx: CommandContext) -> int:
    counts = outbox.counts()
    oldest = outbox.oldest_pending()
    last = outbox.meta(LAST_CONTACT_KEY)
    report = {
        "counts": counts,
        "oldest_pending": None,
        "last_contact": last,
    }
    if oldest is not None:
        age = datetime.now(UTC) - oldest.sealed_at
        report["oldest_pending"] = {
            "uuid": oldest.uuid,
            "provisional_number": oldest.provisional_number,
            "sealed_at": oldest.sealed_at.isoformat(),
            "age_seconds": int(age.total_seconds()),
        }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(
        f"待发送 {counts['pending']}  发送中 {counts['sending']}  "
        f"需处理 {counts['needs_attention']}  已完成 {counts['done']}"
    )
    if oldest is not None:
        hours = report["oldest_pending"]["age_seconds"] / 3600
        print(f"最早待发送：{oldest.provisional_number}（已等待 {hours:.1f} 小时）")
    print(f"最近一次联系受理中心：{last or '从未'}")
    return 0


@_run
def cmd_list(args: argparse.Namespace, outbox: Outbox, _ctx: CommandContext) -> int:
    rows = [_entry_view(e) for e in outbox.list_entries()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("队列为空。")
    for row in rows:
        number = row["official_number"] or row["provisional_number"]
        reason = f"  {row['last_error']}" if row["last_error"] else ""
        print(f"{row['state']:<16} {row['kind']:<10} {number:<24} {row['uuid']}{reason}")
    return 0


@_run
def cmd_retry(args: argparse.Namespace, outbox: Outbox, _ctx: CommandContext) -> int:
    count = outbox.retry(args.uuid)
    print(f"已安排立即重新发送 {count} 件；客户端运行时将在一分钟内发送。")
    return 0


def _passphrase(args: argparse.Namespace, confirm: bool) -> str:
    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env)
        if value is None:
            raise OutboxError(f"环境变量 {args.passphrase_env} 未设置。")
        return value
    first = getpass.getpass("导出口令：")
    if confirm and getpass.getpass("再次输入口令：") != first:
        raise OutboxError("两次输入的口令不一致。")
    return first


@_run
def cmd_export(args: argparse.Namespace, outbox: Outbox, ctx: CommandContext) -> int:
    from desk_app.core.sending.outbox_transfer import export_queue

    count = export_queue(outbox, args.file, _passphrase(args, confirm=True))
    print(f"已导出 {count} 件待发送办件到 {args.file}（已加密）。")
    return _audited(ctx, "export", args.file, {"cases": count})


@_run
def cmd_import(args: argparse.Namespace, outbox: Outbox, ctx: CommandContext) -> int:
    from desk_app.core.sending.outbox_transfer import import_queue

    result = import_queue(outbox, args.file, _passphrase(args, confirm=False))
    print(f"已导入 {result.imported} 件，跳过已有的 {result.skipped} 件。")
    return _audited(ctx, "import", args.file,
                    {"cases": result.imported, "skipped": result.skipped})


def _audited(ctx: CommandContext, action: str, file: Path, detail: dict) -> int:
    """The file's name and the count go into the audit trail, never its contents."""
    from desk_app.commands.cli_audit import AuditUnavailable, record

    try:
        record(ctx, action, target=file.name, detail=detail)
    except AuditUnavailable as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    return 0


def cmd_recover(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desk_app.core.sending.outbox_recovery import recover

    try:
        result = recover(ctx.paths, Keystore())
    except (KeystoreError, OutboxError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    if not result.needed:
        print("待发送队列数据库完好，无需恢复。")
        return 0
    print(f"已从封存记录恢复 {result.restored} 件待发送办件。")
    if result.incomplete:
        print(f"另有 {result.incomplete} 件缺少材料文件，已列为“需处理”。")
    if result.unreadable:
        print(f"{len(result.unreadable)} 份封存记录无法读取（已损坏或密钥不同），保留原处未删除。")
    if result.set_aside_to is not None:
        print(f"损坏的数据库已移至 {result.set_aside_to}（未删除）。")
    return 0
