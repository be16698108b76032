"""Screenshot the screens whose look the theme decides, to compare before and after a change.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/shoot_theme.py OUT_DIR

The clerk's main window (demo desk), the applicant screen (summary, then the 确认无误 button
disabled after a tap), the resubmit dialog with its problem fields, an error message and a
disabled default button, the form with a field error, the idle lock after a wrong password.
The people and numbers are invented.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo, for tests.*

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget


def settle(app: QApplication, ms: int = 300) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    widget.raise_()
    settle(app)
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    from desk_app.ui.shell.gui_main import install_translations
    from desk_app.ui.shell.theme import apply_theme

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translations(app, QLocale("zh_CN"))  # noqa: F841 (kept alive)
    apply_theme(app)
    shoot_main_window(app, out)
    shoot_applicant_screen(app, out)
    shoot_form_errors(app, out)
    shoot_idle_lock(app, out)
    shoot_resubmit_and_banner(app, out)


def shoot_main_window(app: QApplication, out: Path) -> None:
    from desk_app.services.demo import start_demo
    from desk_app.ui.shell.main_window import MainWindow
    from desk_app.ui.shell.sync_bridge import SyncBridge
    from desk_app.ui.shell.tasks import TaskRunner

    desk = start_demo()
    bridge = SyncBridge(desk.services.outbox_summary)
    desk.services.add_sync_listener(bridge.on_sync_event)
    window = MainWindow(desk.services, TaskRunner(), bridge, speak=False)
    window.resize(1440, 860)
    shoot(app, window, out / "main-window.png")
    settle(app, 1200)
    shoot(app, window, out / "main-window-settled.png")
    window.hide()


def shoot_applicant_screen(app: QApplication, out: Path) -> None:
    from desk_app.ui.applicant_screen.customer_screen import CustomerScreen, ScreenSummary

    screen = CustomerScreen(window_name="3 号综合窗口")
    screen.resize(1280, 800)
    screen.show_confirm(ScreenSummary(
        "李秀英", "610102195203150421", ["城乡居民基本养老保险待遇申领", "高龄津贴申领"],
        ["居民身份证（原件核验）", "户口簿"], "2026-12-04", phone="13912345678"))
    shoot(app, screen, out / "applicant-confirm.png")
    screen.confirm_button.click()  # 确认无误: both buttons go disabled, a message shows
    shoot(app, screen, out / "applicant-confirm-disabled.png")
    screen.show_sign()
    screen.done_button.click()  # nothing signed: the error message
    shoot(app, screen, out / "applicant-sign-error.png")
    screen.show_rating()
    shoot(app, screen, out / "applicant-rating.png")
    screen.hide()


def shoot_form_errors(app: QApplication, out: Path) -> None:
    from desk_app.ui.steps.form_view import FormView
    from forms.catalog import load_catalog
    from forms.regions import RegionIndex

    catalog = load_catalog()
    view = FormView(catalog, RegionIndex())
    view.resize(900, 640)
    code = next(i.code for i in catalog.items.values() if i.name == "居民身份证补领")
    view.show_items([code], {"card.name": "张三", "card.id_number": "11010519491231002X"})
    view.problems()  # reveals every missing field's message
    shoot(app, view, out / "form-errors.png")
    view.hide()


def shoot_idle_lock(app: QApplication, out: Path) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    from desk_app.ui.shell.idle_lock import IdleLock

    window = QMainWindow()
    window.setCentralWidget(QLabel("受理中"))
    window.resize(900, 600)
    window.show()
    lock = IdleLock(window, check=lambda p: p == "right", timeout_ms=60_000,
                    blank_customer=lambda: None, clerk_name="张敏")
    lock.start()
    lock.lock()
    settle(app)
    lock.overlay.password.setText("wrong")
    lock.overlay.password.returnPressed.emit()
    settle(app)
    shoot(app, window, out / "idle-lock-error.png")
    lock.stop()
    window.hide()


def shoot_resubmit_and_banner(app: QApplication, out: Path) -> None:
    import tempfile

    from desk_app.core.app_paths import AppPaths
    from desk_app.core.keystore import Keystore
    from desk_app.core.sending.outbox import Outbox
    from desk_app.ui.outbox.resubmit_dialog import ResubmitDialog
    from tests.support.case_factory import make_case

    root = Path(tempfile.mkdtemp(prefix="shoot-theme-"))
    outbox = Outbox.open(AppPaths.under(root).ensure(), Keystore())
    draft, blobs = make_case(random.Random(21))
    draft.form = {"note": "演示", "count": 3}
    outbox.seal(draft, blobs)
    outbox.mark_sending(draft.uuid)
    outbox.mark_needs_attention(  # the center's answer as the outbox keeps it
        draft.uuid, "办件有误；items[0]：事项编码不存在；applicant.phone：电话号码格式不正确")
    dialog = ResubmitDialog(outbox, draft.uuid)
    dialog.set_form_text("count", "五")
    dialog.submit_button.click()  # a bad value: the error message
    shoot(app, dialog, out / "resubmit-error.png")
    dialog.submit_button.setEnabled(False)  # the default button, disabled
    shoot(app, dialog, out / "resubmit-disabled-default.png")
    dialog.hide()
    outbox.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shoot-theme"))
