"""``desk-app cases …``: this window's cases for technicians, as the 本窗口办件 panel shows
them (the outbox merged with the center's rows last pulled), without personal data in clear.

- ``list [--json] [--status S] [--today YYYY-MM-DD]``: newest first, days left, overdue;
- ``show NUMBER [--json]``: one case (official or provisional number, or the receipt's QR
  text) with its local queue state.
Offline: both read only what is on this machine (no sign-in needed).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta

from desk_app.core.calendar_cache import CalendarCache
from desk_app.core.keystore import Keystore, KeystoreError
from desk_app.core.sending.outbox import EntryNotFound, Outbox, OutboxError
from desk_app.core.window_day.window_cases import (
    CenterCaseCache,
    case_cache_path,
    find,
    window_cases,
)
from desk_app.services.command_context import CommandContext

EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("cases", help="this window's cases (no personal data)")
    sub = parser.add_subparsers(dest="cases_command", required=True)
    listing = sub.add_parser("list", help="newest first, with working days left")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--status", help="only this status (e.g. ready, in_review)")
    listing.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    listing.set_defaults(func=cmd_list)
    show = sub.add_parser("show", help="one case by its number or receipt QR text")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    show.set_defaults(func=cmd_show)


def _offline(_arg):
    raise ConnectionError("the CLI reads only the local copies")


def _catalog(ctx: CommandContext):
    from desk_app.core.catalog_cache import CatalogCache, CatalogUnavailable

    try:
        return CatalogCache(ctx.paths.cache_dir, _offline).load().catalog
    except CatalogUnavailable:
        return None  # item names fall back to their codes


def _cases(ctx: CommandContext, today: date | None):
    today = today or date.today()
    outbox = Outbox.open(
        ctx.paths, Keystore(), purge_after=timedelta(days=ctx.config.purge_after_days)
    )
    try:
        calendar = CalendarCache(ctx.paths.cache_dir, _offline).load(())
        cache = CenterCaseCache(case_cache_path(ctx.paths.cache_dir))
        return window_cases(outbox, cache, ctx.config.window_id, calendar, _catalog(ctx), today)
    finally:
        outbox.close()


def _line(case) -> str:
    days = "" if case.days_left is None else f"剩 {case.days_left} 个工作日"
    flag = "【超期】" if case.overdue else ""
    owed = f" 容缺待补 {len(case.deferred_owed)} 项" if case.deferred_owed else ""
    return (f"{case.number}  {case.applicant_masked}  {case.status_label}  "
            f"{'、'.join(case.item_names)}  {days}{flag}{owed}")


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        cases = _cases(ctx, args.today)
    except (KeystoreError, OutboxError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.status:
        cases = [c for c in cases if c.status == args.status]
    if args.json:
        print(json.dumps([c.to_dict() for c in cases], ensure_ascii=False, indent=2))
    else:
        for case in cases:
            print(_line(case))
        print(f"共 {len(cases)} 件，超期 {sum(c.overdue for c in cases)} 件")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        found = find(_cases(ctx, args.today), args.number)
        if len(found) != 1:
            print(f"错误：本窗口没有编号为 {args.number} 的办件" if not found
                  else f"错误：{args.number} 对应多件办件，请输入完整编号", file=sys.stderr)
            return EXIT_ERROR
        view = found[0].to_dict()
        if found[0].local:
            outbox = Outbox.open(ctx.paths, Keystore())
            try:
                entry = outbox.get(found[0].uuid)
                view["queue"] = {"state": entry.state, "attempts": entry.attempts,
                                 "last_error": entry.last_error,
                                 "sealed_at": entry.sealed_at.isoformat()}
            except EntryNotFound:
                pass
            finally:
                outbox.close()
    except (KeystoreError, OutboxError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        print(_line(found[0]))
        for owed in found[0].deferred_owed:
            print(f"  容缺待补：{owed.name}（{owed.due_date or '未定期限'}）")
    return 0
