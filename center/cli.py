"""``desk-center``: run the reference acceptance center.

desk-center serve --db sqlite:///center.db --port 8600 [--host 127.0.0.1] [--blob-dir DIR]
desk-center add-clerk --db URL USERNAME --name 姓名 [--area-prefix 610100] [--password-stdin]
    [--role clerk|approver|hall_manager|trainer|technician] [--hall H01] [--windows W01,W02]
desk-center backoffice --db URL --as approver01 event|list|show …  (center.backoffice_cli)
desk-center serve … --simulate-backoffice [SECONDS]  (demo cases walk their life on their own)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from center import backoffice_cli

DEFAULT_DB = "sqlite:///desk-center.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-center",
        description="综窗受理中心参考实现 (API v1) — reference acceptance center",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the center over HTTP")
    serve.add_argument(
        "--db",
        default=DEFAULT_DB,
        help="database URL: sqlite:///FILE (default %(default)s) or postgresql://USER@HOST/DB",
    )
    serve.add_argument("--port", type=int, default=8600)
    serve.add_argument("--host", default="127.0.0.1", help="bind address (default loopback)")
    serve.add_argument(
        "--blob-dir", type=Path, help="folder for material files (default: next to the DB)"
    )
    serve.add_argument(
        "--no-demo", action="store_true", help="do not seed demo clerks, licences, pre-applications"
    )
    serve.add_argument(
        "--simulate-backoffice",
        type=float,
        nargs="?",
        const=5.0,
        default=None,
        metavar="SECONDS",
        help="approve and ready each case on its own, one step every SECONDS (default 5)",
    )
    add = sub.add_parser(
        "add-clerk", help="create a clerk account (for a center without demo data)"
    )
    add.add_argument("--db", default=DEFAULT_DB, help="database URL (as for serve)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the clerk's name as printed on notices")
    add.add_argument("--area-prefix", default="610100", help="6-digit prefix of case numbers")
    add.add_argument(
        "--role",
        default="clerk",
        choices=("clerk", "approver", "hall_manager", "trainer", "technician"),
        help="what the account may do (default %(default)s)",
    )
    add.add_argument("--hall", default="H01", help="the hall the account belongs to")
    add.add_argument(
        "--windows", default="*", help="comma-separated windows it may sign in at (* = any)"
    )
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (scripts)"
    )
    backoffice_cli.add_parser(sub, DEFAULT_DB)
    return parser


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("密码：")
    if getpass.getpass("再次输入密码：") != first:
        raise ValueError("两次输入的密码不一致")
    return first


def add_clerk_command(args: argparse.Namespace) -> int:
    from argon2 import PasswordHasher
    from sqlalchemy.exc import SQLAlchemyError

    from center.clerks import ClerkError, add_clerk
    from center.db import make_engine, migrate, session_factory

    try:
        password = _read_password(args.password_stdin)
        engine = make_engine(args.db)
        try:
            migrate(engine)
            clerk_id = add_clerk(
                session_factory(engine),
                PasswordHasher(),
                args.username,
                args.name,
                password,
                args.area_prefix,
                role=args.role,
                hall_id=args.hall,
                windows=[w.strip() for w in args.windows.split(",") if w.strip()],
            )
        finally:
            engine.dispose()
    except (ClerkError, ValueError) as exc:
        print(f"无法添加窗口人员：{exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    print(f"已添加窗口人员 {args.username}（编号 {clerk_id}）")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "add-clerk":
        return add_clerk_command(args)
    if args.command == "backoffice":
        return backoffice_cli.run(args)
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from center import access_log
    from center.app import create_app

    try:
        app = create_app(args.db, seed_demo=not args.no_demo, blob_dir=args.blob_dir)
    except (SQLAlchemyError, OSError) as exc:
        print(f"受理中心无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="info")
    server = uvicorn.Server(config)
    access_log.install()  # after uvicorn configured logging, before the first request
    simulator = None
    if args.simulate_backoffice is not None:
        from center.backoffice import BackofficeSimulator

        simulator = BackofficeSimulator(app.state.center, delay=args.simulate_backoffice)
        simulator.start()
    try:
        server.run()
    finally:
        if simulator:
            simulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
