"""A throw-away PostgreSQL server for the center's tests.

initdb + pg_ctl from the Debian ``postgresql`` package (installer/debian/apt-test.txt)
into a temp dir, listening only on a unix socket in that dir. PostgreSQL refuses to run as
root, so as root the server runs as the ``postgres`` user (or ``nobody``) which then owns
the temp dir.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import psycopg


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    # Only used to name the socket file (.s.PGSQL.<port>); no TCP listener is opened.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[list[str], str | None]:
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    raise RuntimeError("running as root without a postgres or nobody user")


@dataclass
class PgServer:
    bin_dir: Path
    root: Path
    port: int
    prefix: list[str]
    _names = count(1)

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self, template: str | None = None) -> str:
        name = f"center_test_{next(self._names)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start() -> PgServer:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found under /usr/lib/postgresql")
    prefix, user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="center-pg-"))
    (root / "sock").mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (root, root / "sock"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    data = root / "data"
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = (
        f"-k {root / 'sock'} -p {port} -c listen_addresses='' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
    )
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "-l",
            str(root / "server.log"),
            "start",
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    return PgServer(bin_dir, root, port, prefix)
