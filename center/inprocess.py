"""Run a center inside the current process on a loopback port (``desk-app --demo``, tests).

``start_in_thread`` returns once the center answers ``/health``; ``stop()`` shuts uvicorn
down and waits for its thread.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from center.app import create_app


@dataclass
class RunningCenter:
    url: str  # e.g. http://127.0.0.1:43117 (no trailing slash, no /api/v1)
    server: uvicorn.Server
    thread: threading.Thread
    app: Any

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        self.app.state.center.engine.dispose()


def _wait_healthy(url: str, thread: threading.Thread, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("受理中心启动失败（服务线程已退出）")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"受理中心 {timeout:.0f} 秒内未就绪")


def start_in_thread(
    db_url: str,
    blob_dir: Path | None = None,
    port: int = 0,
    *,
    seed_demo: bool = True,
    clock: Any = None,
    timeout: float = 30.0,
    **app_options: Any,
) -> RunningCenter:
    """Start a center for ``db_url``; ``app_options`` go to ``create_app`` (catalog, ...)."""
    app = create_app(db_url, seed_demo=seed_demo, clock=clock, blob_dir=blob_dir, **app_options)
    # uvicorn binds the port itself: a socket bound by us and handed over with sockets=[...]
    # gets accepted connections without TCP_NODELAY here, which costs ~40 ms a request.
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    # uvicorn installs signal handlers only on the main thread; in a thread it must not.
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, name="desk-center", daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{_bound_port(server, thread, timeout)}"
        _wait_healthy(url, thread, timeout)
    except Exception:
        server.should_exit = True
        thread.join(5)
        app.state.center.engine.dispose()
        raise
    return RunningCenter(url, server, thread, app)


def _bound_port(server: uvicorn.Server, thread: threading.Thread, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("受理中心启动失败（端口无法监听）")
        if time.monotonic() > deadline:
            raise TimeoutError(f"受理中心 {timeout:.0f} 秒内未就绪")
        time.sleep(0.02)
    return int(server.servers[0].sockets[0].getsockname()[1])
