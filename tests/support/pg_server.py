"""A throw-away PostgreSQL server for the center's tests.

initdb + postgres from the Debian ``postgresql`` package (installer/debian/apt-test.txt)
in a temp dir, listening only on a unix socket in that dir. PostgreSQL refuses to run as
root, so as root it runs as the ``postgres`` user (or ``nobody``), which then owns the temp
dir. The postmaster is a direct child of the test process and gets SIGTERM when that process
dies (``setpriv --pdeathsig``), so even a killed test run leaves no server behind.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
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
    """The command prefix that drops root (PostgreSQL refuses it) and makes the server die
    with the test process (``--pdeathsig``), so a killed test run leaves no server behind."""
    prefix = ["setpriv", "--pdeathsig", "TERM"]
    if os.geteuid() != 0:
        return prefix, None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return [*prefix, f"--reuid={user}", f"--regid={user}", "--init-groups"], user
    raise RuntimeError("running as root without a postgres or nobody user")


@dataclass
class PgServer:
    root: Path
    port: int
    process: subprocess.Popen
    _names = count(1)

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
            connect_timeout=5,
        )

    def create_database(self, template: str | None = None) -> str:
        name = f"center_test_{next(self._names)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGQUIT)  # immediate shutdown: the data is throw-away
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def start(timeout: float = 60.0) -> PgServer:
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
    port = _free_port()
    log = (root / "server.log").open("wb")
    # Foreground postmaster as our child (not pg_ctl's daemon), listening on the socket only.
    process = subprocess.Popen(
        [
            *prefix,
            str(bin_dir / "postgres"),
            "-D",
            str(data),
            "-k",
            str(root / "sock"),
            "-p",
            str(port),
            "-c",
            "listen_addresses=",
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=60",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    server = PgServer(root, port, process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            text = (root / "server.log").read_text(errors="replace")[-2000:]
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL exited at start:\n{text}")
        try:
            server.connect().close()
            return server
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.1)
