"""``desk-app audit …``: read and check this desk's audit trail (``audit.jsonl``).

- ``verify [--json]``: check the hash chain; prints the head (sequence and hash) to note
  down, so a later check can tell if newer records were cut off. Exit 0 when intact (a
  torn last write from a crash is reported but is not tampering), 1 when tampered.
- ``show [--since YYYY-MM-DD] [--json]``: the records (no personal data in them).
- ``find-card [--on YYYY-MM-DD] [--json]``: was this ID card read (that day)? The ID
  number is read from standard input, never from the command line (shell history and
  process lists would keep it); needs this machine's audit key in the OS keyring.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date

from desk_app.core.audit import AuditError, AuditLog, AuditRecord, load_audit_key
from desk_app.services.command_context import CommandContext

EXIT_TAMPERED = 1
EXIT_ERROR = 2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text!r}") from exc


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="the audit trail of logins, card reads, prints")
    sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = sub.add_parser("verify", help="check the hash chain for tampering")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)
    show = sub.add_parser("show", help="list records (no personal data)")
    show.add_argument("--since", type=_day, help="from this day on (YYYY-MM-DD)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)
    find = sub.add_parser("find-card", help="was a card read? (ID number on stdin)")
    find.add_argument("--on", type=_day, help="only that day (YYYY-MM-DD)")
    find.add_argument("--json", action="store_true")
    find.set_defaults(func=cmd_find_card)


def _log(ctx: CommandContext, id_key: bytes | None = None) -> AuditLog:
    return AuditLog.in_data_dir(ctx.paths.data_dir, id_key=id_key)


def _line(record: AuditRecord) -> str:
    detail = " ".join(f"{k}={v}" for k, v in record.detail.items())
    target = record.target
    if target.startswith("hmac-sha256:"):
        target = target[:24] + "…"  # the full value only matters to find-card
    return (f"{record.seq:>6} {record.at} {record.window:<5} {record.clerk:<10} "
            f"{record.action:<13} {target} {detail}").rstrip()


def cmd_verify(args: argparse.Namespace, ctx: CommandContext) -> int:
    log = _log(ctx)
    try:
        problems = log.verify()
        seq, head = log.head()
    except AuditError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    tampered = any(p.tampering for p in problems)
    if args.json:
        print(json.dumps({"file": str(log.path), "intact": not tampered, "head_seq": seq,
                          "head_hash": head,
                          "problems": [asdict(p) | {"tampering": p.tampering}
                                       for p in problems]},
                         ensure_ascii=False, indent=2))
        return EXIT_TAMPERED if tampered else 0
    if not log.path.exists():
        print(f"尚无审计记录（{log.path}）。")
        return 0
    for problem in problems:
        label = "警告" if not problem.tampering else "问题"
        print(f"{label}：{problem.message}")
    verdict = "审计记录被改动或删减！" if tampered else "审计记录完整。"
    print(f"{verdict} 最新序号 {seq}，链尾哈希 {head}")
    print("请记下链尾哈希：下次核对时若序号变小或哈希对不上，说明最新记录被删除。")
    return EXIT_TAMPERED if tampered else 0


def cmd_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        records = list(_log(ctx).records(since=args.since))
    except AuditError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("没有符合条件的审计记录。")
    for record in records:
        print(_line(record))
    return 0


def cmd_find_card(args: argparse.Namespace, ctx: CommandContext) -> int:
    if sys.stdin.isatty():
        print("请输入证件号码后回车：", file=sys.stderr, end="", flush=True)
    id_number = sys.stdin.readline().strip()
    if not id_number:
        print("错误：未输入证件号码（从标准输入读取）。", file=sys.stderr)
        return EXIT_ERROR
    try:
        log = _log(ctx, load_audit_key(create=False))
        found = log.matches_card(id_number, on=args.on)
    except AuditError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps([asdict(r) for r in found], ensure_ascii=False, indent=2))
        return 0
    when = f"{args.on.isoformat()} " if args.on else ""
    if not found:
        print(f"{when}没有该证件的读卡记录。")
    for record in found:
        print(_line(record))
    return 0
