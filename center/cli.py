"""``desk-center``: run the reference acceptance center.

desk-center serve --db sqlite:///center.db --port 8600 [--host 127.0.0.1] [--blob-dir DIR]
desk-center add-clerk --db URL USERNAME --name 姓名 [--area-prefix 610100] [--password-stdin]
    [--role clerk|approver|hall_manager|trainer|technician] [--hall H01] [--windows W01,W02]
desk-center backoffice --db URL --as approver01 event|list|show …  (center.backoffice_cli)
desk-center serve … --simulate-backoffice [SECONDS]  (demo cases walk their life on their own)
desk-center purge --db URL [--blob-dir DIR] [--idempotency-days 30]   (nightly clean-up)
desk-center keys init --key-file FILE | keys rotate --key-file FILE --db URL
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
    serve.add_argument(
        "--key-file", type=Path, help="keys for personal fields (see desk-center keys init)"
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (more than 1: PostgreSQL only)"
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
    purge = sub.add_parser(
        "purge", help="remove expired sessions, old idempotency records, abandoned uploads"
    )
    purge.add_argument("--db", default=DEFAULT_DB, help="database URL (as for serve)")
    purge.add_argument("--blob-dir", type=Path, help="folder for material files (as for serve)")
    purge.add_argument(
        "--idempotency-days", type=int, default=30, help="keep replayable answers this long"
    )
    purge.add_argument(
        "--partial-hours", type=float, default=24.0, help="an upload idle this long is abandoned"
    )
    keys = sub.add_parser("keys", help="create or rotate the keys of personal fields")
    keys.add_argument("action", choices=("init", "rotate"))
    keys.add_argument("--key-file", type=Path, required=True, help="the key file (mode 0600)")
    keys.add_argument("--db", default=DEFAULT_DB, help="database to rewrap (rotate)")
    return parser


def keys_command(args: argparse.Namespace) -> int:
    import os

    from sqlalchemy.exc import SQLAlchemyError

    from center.db import make_engine, migrate, session_factory
    from center.field_crypto import CenterKeys, KeyError_
    from center.personal_fields import rewrap_all

    def write(path: Path, keys: CenterKeys) -> None:
        temporary = path.with_name(path.name + ".new")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(keys.to_json())
        os.replace(temporary, path)

    try:
        if args.action == "init":
            if args.key_file.exists():
                print(f"密钥文件已存在，未覆盖：{args.key_file}", file=sys.stderr)
                return 2
            write(args.key_file, CenterKeys.generate())
            print(f"已生成中心密钥文件 {args.key_file}（请备份，并与数据库分开存放）")
            return 0
        old = CenterKeys.from_json(args.key_file.read_text(encoding="utf-8"))
        new_id = f"k{len(old.keks) + 1}"
        while new_id in old.keks:
            new_id += "x"
        rotated = old.with_new_active(new_id)
        write(args.key_file, rotated)  # first: a crash after it leaves every row openable
        engine = make_engine(args.db)
        try:
            migrate(engine)
            with session_factory(engine).begin() as db:
                count = rewrap_all(db, rotated)
        finally:
            engine.dispose()
    except (KeyError_, OSError) as exc:
        print(f"密钥操作失败：{exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    print(f"已启用新密钥 {new_id}，重新封装 {count} 项；旧密钥仍保留在文件中，可在备份后删除")
    return 0


def purge_command(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy.exc import SQLAlchemyError

    from center.app import default_blob_dir
    from center.blob_store import BlobStore
    from center.db import make_engine, migrate, session_factory
    from center.purge import purge

    try:
        engine = make_engine(args.db)
        try:
            migrate(engine)
            store = BlobStore(
                args.blob_dir or default_blob_dir(args.db),
                partial_ttl=timedelta(hours=args.partial_hours),
            )
            done = purge(
                session_factory(engine),
                store,
                datetime.now(UTC),
                idempotency_days=args.idempotency_days,
            )
        finally:
            engine.dispose()
    except SQLAlchemyError as exc:
        print(f"无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    print(done.summary())
    return 0


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


def serve_workers(args: argparse.Namespace) -> int:
    import os

    import uvicorn
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from center import workers
    from center.app import create_app, default_blob_dir
    from center.db import normalise_url
    from center.field_crypto import KEY_FILE_ENV, KeyError_

    if make_url(normalise_url(args.db)).get_backend_name() != "postgresql":
        print("多进程（--workers 大于 1）仅支持 PostgreSQL 数据库", file=sys.stderr)
        return 2
    blob_dir = (args.blob_dir or default_blob_dir(args.db)).resolve()
    try:  # migrate, seed and seal once, here, before any worker starts
        app = create_app(
            args.db, seed_demo=not args.no_demo, blob_dir=blob_dir, key_file=args.key_file
        )
        app.state.center.engine.dispose()
    except KeyError_ as exc:
        print(f"受理中心无法取得密钥：{exc}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, OSError) as exc:
        print(f"受理中心无法打开数据库：{type(exc).__name__}，请检查 --db 参数", file=sys.stderr)
        return 2
    os.environ[workers.ENV_DB] = args.db
    os.environ[workers.ENV_BLOBS] = str(blob_dir)
    key_file = args.key_file or os.environ.get(KEY_FILE_ENV)
    fallback = blob_dir.with_name(blob_dir.name + ".keys.json")
    if key_file or fallback.exists():
        os.environ[workers.ENV_KEYS] = str(Path(key_file).resolve() if key_file else fallback)
    uvicorn.run(
        "center.workers:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "add-clerk":
        return add_clerk_command(args)
    if args.command == "backoffice":
        return backoffice_cli.run(args)
    if args.command == "purge":
        return purge_command(args)
    if args.command == "keys":
        return keys_command(args)
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from center import access_log
    from center.app import create_app
    from center.field_crypto import KeyError_

    if args.workers > 1:
        return serve_workers(args)
    try:
        app = create_app(
            args.db, seed_demo=not args.no_demo, blob_dir=args.blob_dir, key_file=args.key_file
        )
    except KeyError_ as exc:
        print(f"受理中心无法取得密钥：{exc}", file=sys.stderr)
        return 2
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
