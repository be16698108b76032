"""``desk-center backoffice``: the back office's events from a shell, acting as an account.

desk-center backoffice --db URL --as approver01 event NUMBER start_review|approve|... [--note T]
desk-center backoffice --db URL --as approver01 list [--window W01] [--status in_review]
desk-center backoffice --db URL --as approver01 show NUMBER

Whoever can run this can open the database anyway; ``--as`` names the account recorded on
the timeline, and that account's role must allow the event (as over the API).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from center.case_life import EVENTS

EXIT_REFUSED = 3  # the event is not allowed (role, status, missing note): 3, as a 409/403


def add_parser(sub: Any, default_db: str) -> None:
    bo = sub.add_parser("backoffice", help="post a case's back-office events from a shell")
    bo.add_argument("--db", default=default_db, help="database URL (as for serve)")
    bo.add_argument("--as", dest="actor", default="approver01", help="the account acting")
    acts = bo.add_subparsers(dest="action", required=True)
    event = acts.add_parser("event", help="move a case: " + ", ".join(EVENTS))
    event.add_argument("number")
    event.add_argument("event", choices=sorted(EVENTS))
    event.add_argument("--note", default="", help="decision text, what to correct, …")
    event.add_argument("--waybill", help="for mailed: the waybill number")
    event.add_argument("--carrier", help="for mailed: the carrier")
    listing = acts.add_parser("list", help="cases, newest first (masked)")
    listing.add_argument("--window")
    listing.add_argument("--status", help="a status or several, comma-separated")
    listing.add_argument("--limit", type=int, default=50)
    show = acts.add_parser("show", help="one case with its timeline")
    show.add_argument("number")


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from center.backoffice import acting_as
    from center.case_life import EventIn, apply_event
    from center.case_listing import list_cases
    from center.case_service import case_view
    from center.db import make_engine, migrate, session_factory
    from center.models import Case
    from center.problems import Problem
    from center.timekeeping import system_clock

    try:
        engine = make_engine(args.db)
        migrate(engine)
    except (SQLAlchemyError, OSError) as exc:
        print(f"无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    try:
        with session_factory(engine)() as db:
            who = acting_as(db, args.actor)
            if args.action == "list":
                _print(
                    list_cases(db, who, window=args.window, status=args.status, limit=args.limit)
                )
                return 0
            case = db.scalar(
                select(Case).where(Case.number == args.number, Case.hall_id == who.hall_id)
            )
            if case is None:
                print(f"没有编号为 {args.number} 的办件", file=sys.stderr)
                return 2
            if args.action == "event":
                body = EventIn(
                    event=args.event, note=args.note, waybill=args.waybill, carrier=args.carrier
                )
                apply_event(db, case, who, body, system_clock())
                db.commit()
            _print(case_view(case))
            return 0
    except LookupError as exc:
        print(f"{exc}（--as 须是中心已有的账号）", file=sys.stderr)
        return 2
    except Problem as refused:
        print(f"未执行：{refused.detail}", file=sys.stderr)
        for error in refused.extras.get("errors", []):
            print(f"  {error.get('field')}: {error.get('message')}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        engine.dispose()
