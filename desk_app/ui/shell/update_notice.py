"""The quiet update notice in the status strip, and the background check behind it.

A check runs shortly after start and then every few hours, always through the task
runner (it talks to the update server and unpacks a bundle); a check that falls due
while a case is open waits until the desk is idle (no case open). When a new version is
downloaded and verified, the strip shows one line and an 安装更新 button; nothing pops
up in front of the clerk or the applicant. Installing asks the clerk first, and is
refused while a case is open or the outbox is sending a case (``ApplyGuard``). The new
version runs from the next start: the client closes after installing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QStatusBar

from desk_app.core.updates.client import UpdateError
from desk_app.core.updates.install import ApplyGuard, InstallError
from desk_app.core.updates.service import Offer, UpdateService
from desk_app.ui.widgets.themed import set_state

START_DELAY_MS = 60_000  # let sign-in, catalog and the first sync go first
INTERVAL_MS = 4 * 60 * 60 * 1000
IDLE_RETRY_MS = 60_000  # a check due during a case is retried this often until idle


class UpdateNotice(QObject):
    def __init__(self, bar: QStatusBar, runner, service: UpdateService, *,
                 case_open: Callable[[], bool], outbox_sending: Callable[[], bool],
                 ask: Callable[[str], bool] | None = None,
                 after_install: Callable[[str], None] | None = None,
                 start_delay_ms: int = START_DELAY_MS, interval_ms: int = INTERVAL_MS,
                 idle_retry_ms: int = IDLE_RETRY_MS) -> None:
        super().__init__(bar)
        self.runner, self.service = runner, service
        self.guard = ApplyGuard(case_open, outbox_sending)
        self._ask = ask or self.ask_clerk
        self._after_install = after_install or self.close_for_restart
        self.interval_ms, self.idle_retry_ms = interval_ms, idle_retry_ms
        self.checking = False
        self.staged_version: str | None = None
        self.checks_run = 0
        self.label = QLabel()
        self.label.setObjectName("updateState")
        self.button = QPushButton(self.tr("安装更新"))
        self.button.setObjectName("updateInstall")
        self.button.clicked.connect(self.install)
        for widget in (self.label, self.button):
            widget.hide()
            bar.addPermanentWidget(widget)
        self.bar = bar
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_when_idle)
        self.timer.start(start_delay_ms)
        pending = service.pending()  # downloaded earlier (a check, or `update apply`)
        if pending:
            self._show_staged(pending)

    @classmethod
    def attach(cls, window) -> UpdateNotice | None:
        """The main window's hook: None where machine.toml sets no ``[update] url``."""
        service = getattr(window.services, "updates", None)
        if service is None:
            return None
        return cls(window.statusBar(), window.runner, service,
                   case_open=window.flow.in_progress,
                   outbox_sending=lambda: window.services.outbox_summary().sending > 0)

    # checking --------------------------------------------------------------------------
    def check_when_idle(self) -> None:
        if self.checking:
            return
        if self.guard.case_in_progress():
            self.timer.start(self.idle_retry_ms)
            return
        self.checking = True
        self.runner.run(self.service.check_and_stage, self._checked, self._check_failed)

    def _checked(self, offer: Offer) -> None:
        self.checking = False
        self.checks_run += 1
        self.timer.start(self.interval_ms)
        if offer.version is None:
            if not self.staged_version:
                self.label.hide()
        elif offer.staged:
            self._show_staged(offer.version)
        else:
            self.label.setText(self.tr("有新版本 %1").replace("%1", offer.version))
            self.label.setToolTip(offer.note)
            self._show(state="warn", button=False)

    def _check_failed(self, exc: BaseException) -> None:
        self.checking = False
        self.checks_run += 1
        self.timer.start(self.interval_ms)
        if self.staged_version:
            return  # what is already staged stays offered
        known = isinstance(exc, UpdateError | InstallError)
        self.label.setText(self.tr("更新检查未成功"))
        self.label.setToolTip(str(exc) if known else self.tr("检查更新时出错，请联系技术人员。"))
        self._show(state="warn", button=False)

    # installing ------------------------------------------------------------------------
    def install(self) -> None:
        version = self.staged_version
        if not version:
            return
        reason = self.guard.blocked_reason()
        if reason:
            self.bar.showMessage(reason + self.tr("请在空闲时再安装。"), 10_000)
            return
        if not self._ask(version):
            return
        # Renames beside the install folder, on this thread: between the guard and the swap
        # the clerk cannot open a case.
        try:
            installed = self.service.apply(self.guard)
        except (InstallError, OSError) as exc:
            self.bar.showMessage(str(exc), 15_000)
            return
        self.staged_version = None
        self.button.hide()
        self.label.setText(self.tr("已安装 %1，重新打开受理台后生效").replace("%1", installed))
        self._after_install(installed)

    def ask_clerk(self, version: str) -> bool:
        answer = QMessageBox.question(
            self.bar.window(), self.tr("安装更新"),
            self.tr("安装新版本 %1？安装后受理台会关闭，重新打开即为新版本。")
            .replace("%1", version),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def close_for_restart(self, version: str) -> None:
        QMessageBox.information(self.bar.window(), self.tr("安装更新"),
                                self.tr("已安装 %1，受理台现在关闭，请重新打开。")
                                .replace("%1", version))
        QApplication.quit()

    # showing ---------------------------------------------------------------------------
    def _show_staged(self, version: str) -> None:
        self.staged_version = version
        self.label.setText(self.tr("新版本 %1 已下载").replace("%1", version))
        self.label.setToolTip(self.tr("已验证签名。空闲时（没有正在受理的案件）可点“安装更新”。"))
        self._show(state="ok", button=True)

    def _show(self, *, state: str, button: bool) -> None:
        set_state(self.label, state)
        self.label.show()
        self.button.setVisible(button)
