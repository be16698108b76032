"""A real update repository (tufup keys and signed metadata) built per test, served
as static files by uvicorn on loopback, and a small real bundle of this application.

The server reads files from disk on every request, so a test attacks the repository by
editing its files while the server runs. ``requests_seen`` records each request's path
and ``Range`` header (to see a resumed download).
"""

from __future__ import annotations

import random
import shutil
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from desk_app.core.updates.publish import add_version, init_repository

PROJECT = Path(__file__).resolve().parents[3]


@dataclass
class ServedRepo:
    root: Path  # what is served: metadata/ and targets/
    keys: Path
    root_keys: Path
    trusted_root: Path  # copy of 1.root.json, as shipped with the package
    url: str = ""
    requests_seen: list[tuple[str, str]] = field(default_factory=list)

    def archive(self, version: str) -> Path:
        return self.root / "targets" / f"counter-desk-{version}.tar.gz"


class _Recording:
    def __init__(self, app, seen: list) -> None:
        self.app, self.seen = app, seen

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            self.seen.append((scope["path"], headers.get(b"range", b"").decode()))
        await self.app(scope, receive, send)


def serve(directory: Path, seen: list):
    static = StaticFiles(directory=directory, check_dir=False)
    app = _Recording(Starlette(routes=[Mount("/", app=static)]), seen)  # 404s as responses
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "static server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def make_bundle(folder: Path, version: str) -> Path:
    """The application's own source as a runnable folder, reporting ``version``."""
    for package in ("desk_app", "devices", "forms"):
        shutil.copytree(
            PROJECT / package,
            folder / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
    init = folder / "desk_app" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    init.write_text(text.replace('__version__ = "0.1.0"', f'__version__ = "{version}"'))
    launcher = folder / "desk-app"
    launcher.write_text(
        "#!/bin/sh\n"
        'here=$(dirname "$(readlink -f "$0")")\n'
        f'PYTHONPATH="$here" exec {sys.executable} -P -m desk_app.cli "$@"\n'
    )
    launcher.chmod(0o755)
    return folder


@pytest.fixture
def update_repo(tmp_path: Path):
    """An initialized repository (no version yet), served on loopback."""
    root = tmp_path / "served"
    keys, root_keys = tmp_path / "keys", tmp_path / "offline-root"
    anchor = init_repository(root, keys, root_keys)
    trusted = tmp_path / "update-root.json"
    shutil.copyfile(anchor, trusted)
    repo = ServedRepo(root, keys, root_keys, trusted)
    server, thread, repo.url = serve(root, repo.requests_seen)
    yield repo
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def tiny_bundle(tmp_path: Path):
    """A few files standing for a bundle (attack tests need bytes, not a runnable app)."""

    def build(version: str, size: int = 200_000) -> Path:
        folder = tmp_path / f"bundle-{version}"
        folder.mkdir()
        (folder / "VERSION").write_text(version)
        # incompressible, so the archive is big enough to be cut in halves
        (folder / "payload.bin").write_bytes(random.Random(version).randbytes(size))
        return folder

    return build


def publish(repo: ServedRepo, bundle: Path, version: str, **kw) -> Path:
    return add_version(repo.root, repo.keys, bundle, version, **kw)
