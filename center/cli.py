"""``desk-center``: run the reference acceptance center.

desk-center serve --db sqlite:///center.db --port 8600 [--host 127.0.0.1] [--blob-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
