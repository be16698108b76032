"""The GUI's background update check (desk_app/ui/shell/update_notice.py) against a real signed
repository served on loopback, through the real TaskRunner (a Qt thread pool)."""

from __future__ import annotations

import socket
import tarfile
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from desk_app.core.updates.client import UpdateSettings
from desk_app.core.updates.install import pending_version, previous_dir, staged_dir
from desk_app.core.updates.service import UpdateService
from desk_app.ui.shell.tasks import TaskRunner
from desk_app.ui.shell.update_notice import UpdateNotice
from tests.desk_app.updates.conftest import publish

pytestmark = pytest.mark.realstack  # uvicorn serving a real TUF repository on loopback


class ThreadNoting(UpdateService):
    """The real service, noting which thread each check runs on."""

    threads: list[threading.Thread]

    def check_and_stage(self):
        self.threads.append(threading.current_thread())
        return super().check_and_stage()


def service_for(repo_url: str, trusted: Path, install: Path, state: Path) -> ThreadNoting:
    service = ThreadNoting(UpdateSettings(url=repo_url, trusted_root=trusted), state, install,
                           "0.1.0")
    service.threads = []
    return service


@pytest.fixture
def window(qtbot):
    host = QMainWindow()
    qtbot.addWidget(host)
    host.show()
    return host


def test_start_check_stages_quietly_and_installs_only_when_no_case_is_open(
        qtbot, window, update_repo, tiny_bundle, tmp_path):
    install = tiny_bundle("0.1.0")
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    service = service_for(update_repo.url, update_repo.trusted_root, install, tmp_path / "st")
    case = {"open": False, "sending": False}
    asked, installed = [], []
    runner = TaskRunner()
    notice = UpdateNotice(window.statusBar(), runner, service,
                          case_open=lambda: case["open"], outbox_sending=lambda: case["sending"],
                          ask=lambda v: asked.append(v) or True,
                          after_install=installed.append, start_delay_ms=10)
    qtbot.waitUntil(lambda: notice.checks_run == 1, timeout=60_000)
    assert service.threads and service.threads[0] is not threading.main_thread()
    assert notice.label.text() == "新版本 0.2.0 已下载" and notice.button.isVisible()
    assert pending_version(install) == "0.2.0"
    assert (install / "VERSION").read_text() == "0.1.0"  # staged beside, nothing swapped yet
    assert any(path.endswith("counter-desk-0.2.0.tar.gz") for path, _ in update_repo.requests_seen)

    case["open"] = True
    notice.button.click()
    assert "案件尚未完成" in window.statusBar().currentMessage() and not asked
    case.update(open=False, sending=True)
    notice.button.click()
    assert "正在向中心发送" in window.statusBar().currentMessage() and not asked
    assert (install / "VERSION").read_text() == "0.1.0"

    case["sending"] = False
    notice.button.click()
    assert asked == ["0.2.0"] and installed == ["0.2.0"]
    assert (install / "VERSION").read_text() == "0.2.0"
    assert (previous_dir(install) / "VERSION").read_text() == "0.1.0"
    assert not staged_dir(install).exists() and not notice.button.isVisible()
    runner.wait()


def test_a_check_due_during_a_case_waits_until_the_desk_is_idle(
        qtbot, window, update_repo, tiny_bundle, tmp_path):
    install = tiny_bundle("0.1.0")
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    service = service_for(update_repo.url, update_repo.trusted_root, install, tmp_path / "st")
    case = {"open": True}
    notice = UpdateNotice(window.statusBar(), TaskRunner(), service,
                          case_open=lambda: case["open"], outbox_sending=lambda: False,
                          start_delay_ms=10, idle_retry_ms=30)
    qtbot.wait(400)  # several retries fall due while the case stays open
    assert notice.checks_run == 0 and not update_repo.requests_seen
    case["open"] = False
    qtbot.waitUntil(lambda: notice.checks_run == 1, timeout=60_000)
    assert notice.staged_version == "0.2.0"


def test_declined_consent_keeps_the_running_version(qtbot, window, update_repo, tiny_bundle,
                                                    tmp_path):
    install = tiny_bundle("0.1.0")
    archive = tmp_path / "b.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tiny_bundle("0.3.0"), arcname=".")
    from desk_app.core.updates.install import stage

    stage(archive, install, "0.3.0")  # staged earlier by `desk-app update apply`
    service = service_for(update_repo.url, update_repo.trusted_root, install, tmp_path / "st")
    installed = []
    notice = UpdateNotice(window.statusBar(), TaskRunner(), service,
                          case_open=lambda: False, outbox_sending=lambda: False,
                          ask=lambda _v: False, after_install=installed.append,
                          start_delay_ms=3_600_000)
    assert notice.label.text() == "新版本 0.3.0 已下载"  # offered at start, before any check
    notice.button.click()
    assert not installed and (install / "VERSION").read_text() == "0.1.0"
    assert pending_version(install) == "0.3.0"


def test_unreachable_server_is_a_quiet_line_with_the_reason(qtbot, window, update_repo,
                                                            tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    service = service_for(f"http://127.0.0.1:{port}", update_repo.trusted_root,
                          tmp_path / "app", tmp_path / "st")
    notice = UpdateNotice(window.statusBar(), TaskRunner(), service,
                          case_open=lambda: False, outbox_sending=lambda: False,
                          start_delay_ms=10)
    qtbot.waitUntil(lambda: notice.checks_run == 1, timeout=60_000)
    assert notice.label.text() == "更新检查未成功" and not notice.button.isVisible()
    assert "无法连接更新服务器" in notice.label.toolTip()
    assert notice.timer.isActive()  # the next check is scheduled, not abandoned


def test_the_main_window_hook_runs_the_check_on_the_demo_desk(qtbot, update_repo, tiny_bundle,
                                                              tmp_path):
    from desk_app.services.demo import start_demo
    from desk_app.ui.shell.main_window import MainWindow
    from desk_app.ui.shell.sync_bridge import SyncBridge

    desk = start_demo()
    try:
        assert desk.services.updates is None  # the demo's machine.toml sets no [update] url
        install = tiny_bundle("0.1.0")
        publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
        desk.services.updates = service_for(update_repo.url, update_repo.trusted_root, install,
                                            tmp_path / "st")
        bridge = SyncBridge(desk.services.outbox_summary)
        window = MainWindow(desk.services, TaskRunner(), bridge, speak=False)
        qtbot.addWidget(window)
        notice = window.update_notice
        assert notice.guard.case_in_progress() is window.flow.in_progress()
        assert notice.guard.outbox_sending() is False
        notice.timer.start(10)
        qtbot.waitUntil(lambda: notice.checks_run == 1, timeout=60_000)
        assert notice.staged_version == "0.2.0"
        window.runner.wait()
        window.close()
    finally:
        desk.close()
