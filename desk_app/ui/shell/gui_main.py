"""Starts the GUI: Qt application, translations, theme, then the main window.

``--demo`` builds a throw-away world (reference center in-process, demo data,
simulated devices, a signed-in demo clerk) so anyone can try a whole case.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.services.command_context import CommandContext
from desk_app.ui.shell.tasks import TaskRunner
from desk_app.ui.shell.theme import apply_theme

log = logging.getLogger(__name__)


def install_translations(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Source strings are zh_CN; other languages load resources/translations/*.qm.

    Qt's own button texts (OK, Cancel, Close…) come from Qt's catalog where one is
    installed, and for zh_CN from our small catalog, since PySide6-Essentials ships none.
    """
    from importlib import resources

    folder = str(resources.files("resources") / "translations")
    translators = []
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir) or (
            locale.name() == "zh_CN" and qt.load(locale, "qt_buttons", "_", folder)):
        app.installTranslator(qt)
        translators.append(qt)
    if locale.name() != "zh_CN":
        ours = QTranslator(app)
        if ours.load(locale, "counter_desk", "_", folder):
            app.installTranslator(ours)
            translators.append(ours)
    return translators


def clerk_text(exc: BaseException) -> str:
    from desk_app.services.desk_services import DeskServices

    return DeskServices.clerk_message(exc)


def sign_in(ctx: CommandContext, runner: TaskRunner, dialog=None):
    """Ask for the clerk's credentials until the center accepts them (or the clerk quits).

    The sign-in itself (center, catalog, calendar) runs on the task runner.
    """
    from desk_app.services.desk_context import DeskContext
    from desk_app.ui.shell.login_dialog import LoginDialog
    from desk_app.ui.shell.sign_in_flow import sign_in_with

    dialog = dialog or LoginDialog(ctx.config.window_name, ctx.config.center_url)
    return sign_in_with(
        dialog, runner,
        lambda username, password: DeskContext.start(ctx.paths, ctx.config,
                                                     username=username, password=password),
        clerk_text,
    )


def run_gui(ctx: CommandContext, *, demo: bool, ready_file: Path | None = None,
            language: str = "zh_CN") -> int:
    from desk_app.ui.shell.idle_lock import IdleLock
    from desk_app.ui.shell.main_window import MainWindow
    from desk_app.ui.shell.sync_bridge import SyncBridge

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("综窗受理台")
    install_translations(app, QLocale(language))
    apply_theme(app)
    quit_on_terminate(app)
    runner = TaskRunner()
    try:
        if demo:
            from desk_app.services.demo import start_demo

            desk = start_demo()
        else:
            desk = sign_in(ctx, runner)
    except Exception as exc:  # start-up problems are told in words, not a trace
        log.exception("start-up failed")
        QMessageBox.critical(None, "综窗受理台", f"无法启动：{clerk_text(exc)}")
        return 2
    if desk is None:
        return 0
    try:
        bridge = SyncBridge(desk.services.outbox_summary)
        desk.services.add_sync_listener(bridge.on_sync_event)
        window = MainWindow(desk.services, runner, bridge)
        window.show()
        lock = IdleLock(window, desk.services.check_password,
                        blank_customer=window.customer.welcome,
                        clerk_name=desk.services.clerk_name,
                        keep_visible=lambda: [window.customer.screen])
        lock.locked.connect(lambda: desk.services.record("lock"))
        lock.unlocked.connect(lambda: desk.services.record("unlock"))
        lock.start()
        if ready_file is not None:
            QTimer.singleShot(500, lambda: Path(ready_file).write_text("ready", encoding="utf-8"))
        return app.exec()
    finally:
        runner.drain()  # a seal or print in flight finishes before the outbox closes
        desk.close()


def quit_on_terminate(app: QApplication) -> None:
    """SIGTERM (logout, systemd, the demo's kill) ends the event loop like closing the
    window, so ``run_gui``'s ``finally`` closes the outbox and removes the demo folder.

    Python runs signal handlers only between bytecodes; while Qt waits in C the handler
    would wait too, so the signal's byte is written to a socket Qt watches.
    """
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGTERM, lambda *_: None)  # the wakeup byte does the work
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            data = reader.recv(64)
        except OSError:
            return
        if signal.SIGTERM in data:
            log.info("terminate signal: closing")
            app.quit()

    notifier.activated.connect(woken)
    app._terminate_sockets = (reader, writer, notifier)  # kept alive with the app
