"""Walk the demo desk as a new clerk would, by keys, and screenshot every step.

    DISPLAY=:95 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/walk_clerk.py OUT_DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/walk_clerk.py OUT_DIR

Two applicants in a row (the second a refusal), a wrong card mid-case, going back a step.
Under xcb the whole screen is grabbed (window manager frames, dialogs, focus as they
are); offscreen, each top-level window is. Prints the keystrokes of each applicant.
The people and numbers are the simulator's invented ones.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo, for tests.*

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


class Walk:
    def __init__(self, out: Path) -> None:
        from PySide6.QtCore import QLocale

        from desk_app.services.demo import start_demo
        from desk_app.ui.shell.gui_main import install_translations
        from desk_app.ui.shell.main_window import MainWindow
        from desk_app.ui.shell.sync_bridge import SyncBridge
        from desk_app.ui.shell.tasks import TaskRunner
        from desk_app.ui.shell.theme import apply_theme

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.translators = install_translations(self.app, QLocale("zh_CN"))
        apply_theme(self.app)
        self.out = out
        self.desk = start_demo()
        bridge = SyncBridge(self.desk.services.outbox_summary)
        self.desk.services.add_sync_listener(bridge.on_sync_event)
        self.window = MainWindow(self.desk.services, TaskRunner(), bridge, speak=False)
        self.window.resize(1440, 860)
        self.window.show()
        self.keys: list[str] = []
        self.shots = 0
        self.xcb = QApplication.platformName() == "xcb"
        self.wait(1500)

    # --- driving ----------------------------------------------------------------------
    def wait(self, ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def until(self, test, timeout: float = 20.0, what: str = "") -> None:
        end = time.monotonic() + timeout
        while not test():
            if time.monotonic() > end:
                raise SystemExit(f"walk stuck: {what}")
            self.app.processEvents()
            time.sleep(0.02)

    def key(self, key, mods=Qt.KeyboardModifier.NoModifier, name: str = "") -> None:
        self.keys.append(name or str(key).split(".")[-1])
        target = QApplication.focusWidget() or QApplication.activeWindow() or self.window
        QTest.keyClick(target, key, mods)
        self.wait(150)

    def type(self, text: str) -> None:
        self.keys.append(f"«{text}»")
        QTest.keyClicks(QApplication.focusWidget(), text)
        self.wait(100)

    def shot(self, name: str) -> None:
        self.wait(300)
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        if self.xcb:
            QApplication.primaryScreen().grabWindow(0).save(str(path))
        else:
            (QApplication.activeModalWidget() or QApplication.activeWindow()
             or self.window).grab().save(str(path))
        focus = QApplication.focusWidget()
        print(f"  [{path.name}] focus: {type(focus).__name__ if focus else None} "
              f"{focus.objectName() if focus else ''}")

    def card(self, key: str) -> None:
        self.desk.services.config.devices["id_reader"] = f"sim:{key}"

    def sign(self) -> None:
        """The applicant, on the facing screen (not the clerk's keys)."""
        from tests.desk_app.ui.test_signature_pad import draw

        screen = self.window.customer.screen
        QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        draw(screen.pad, [(20, 40), (80, 90), (140, 30), (200, 100)])
        QTest.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
        self.wait(200)

    def answer_next_box(self, button, seen: list) -> None:
        """A question box runs its own event loop: answer it from a timer inside it."""
        from PySide6.QtCore import QTimer

        def poll() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(50, poll)
                return
            seen.append(box.text())
            self.shot("question")
            box.button(button).click()

        QTimer.singleShot(50, poll)

    def step(self) -> int:
        return self.window.stack.currentIndex()

    # --- the walk ---------------------------------------------------------------------
    def first_applicant(self) -> None:
        w = self.window
        print("applicant 1: 张伟, 居民身份证补领, accepted")
        self.card("zhang-wei")
        self.shot("start")
        self.key(Qt.Key.Key_F2, name="F2")
        self.until(lambda: self.step() == 1, what="card read → items")
        self.until(lambda: "居民户口簿" in w.applicant_page.licence_note.text(), what="licence")
        self.shot("items")
        self.type("sfzbl")
        self.shot("items-typed")
        self.key(Qt.Key.Key_Return, name="Enter")
        self.shot("form")
        self.type("13912345678")
        self.key(Qt.Key.Key_Return, name="Enter")
        self.key(Qt.Key.Key_1, name="1")
        self.shot("form-choice")
        self.key(Qt.Key.Key_1, name="1")
        self.until(lambda: self.step() == 3, what="materials")
        self.shot("materials")
        # going back: Ctrl+PgUp to the form, the answers are still there
        self.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier, "Ctrl+PgUp")
        assert w.form_host.view.values()["applicant.phone"] == "13912345678"
        self.shot("back-to-form")
        self.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, "Ctrl+PgDn")
        self.key(Qt.Key.Key_1, name="1")  # 扫描 → the capture screen opens
        host = w.materials_host
        self.until(lambda: host.dialog is not None and host.dialog.isVisible(), 10, "capture")
        self.wait(1500)
        self.shot("capture")
        self.key(Qt.Key.Key_F8, name="F8")
        self.until(lambda: host.dialog.screen.page_count(host.dialog.screen.current_key) == 1,
                   30, "captured page")
        self.shot("captured")
        self.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, "Ctrl+Enter")
        self.until(lambda: self.step() == 4, what="decision")
        w.activateWindow()
        self.wait(300)
        self.shot("materials-done-decision")
        self.key(Qt.Key.Key_Return, name="Enter")
        self.until(lambda: self.step() == 5, what="confirm")
        self.shot("confirm-waiting")
        self.sign()
        self.shot("confirm-signed")
        self.key(Qt.Key.Key_Return, name="Enter")
        self.until(lambda: w.case.sealed, what="sealed")
        self.until(lambda: getattr(w, "receipt_dialog", None) is not None
                   and w.receipt_dialog.isVisible(), 30, "receipt")
        w.receipt_dialog.activateWindow()
        self.wait(300)
        self.shot("receipt")
        self.key(Qt.Key.Key_Escape, name="Esc")
        print(f"  keys: {len(self.keys)}: {' '.join(self.keys)}")

    def second_applicant(self) -> None:
        w = self.window
        self.keys = []
        print("applicant 2: 李秀英; a wrong card mid-case (kept), then 不予受理")
        w.activateWindow()
        self.wait(300)
        self.key(Qt.Key.Key_F12, name="F12")
        self.until(lambda: not w.case.sealed and self.step() == 0, what="next applicant")
        self.shot("next-applicant")
        assert "签名" not in w.confirm_page.applicant_note.text()
        self.card("resident")
        self.key(Qt.Key.Key_F2, name="F2")
        self.until(lambda: self.step() == 1, what="second card → items")
        self.type("sbkbl")
        self.key(Qt.Key.Key_Return, name="Enter")
        self.shot("second-form")
        # the wrong card: someone else's lies on the reader now
        self.card("resident-male")
        seen: list[str] = []
        self.answer_next_box(QMessageBox.StandardButton.No, seen)
        self.key(Qt.Key.Key_F2, name="F2")
        self.until(lambda: seen, 15, "no question about the wrong card")
        self.wait(300)
        print(f"  wrong card asked: {seen[0]}")
        w.activateWindow()  # what a window manager does when the box closes
        self.wait(300)
        assert w.case.applicant["name"] == "李秀英"
        self.shot("after-wrong-card")
        self.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier, "Ctrl+D")
        self.key(Qt.Key.Key_5, name="5")
        self.key(Qt.Key.Key_Tab, name="Tab")
        self.keys.append("«不属于本窗口受理范围»")  # QTest cannot type CJK
        QApplication.focusWidget().insertPlainText("不属于本窗口受理范围")
        self.shot("refusal")
        self.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, "Ctrl+PgDn")
        self.until(lambda: self.step() == 5, what="refusal confirm")
        self.shot("refusal-confirm")
        self.sign()
        self.key(Qt.Key.Key_Return, name="Enter")
        self.until(lambda: w.case.sealed, what="refusal sealed")
        self.until(lambda: getattr(w, "notice_dialog", None) is not None
                   and w.notice_dialog.isVisible(), 30, "notice")
        self.wait(800)
        self.shot("refusal-notice")
        assert getattr(w, "receipt_dialog", None) is None or not w.receipt_dialog.isVisible()
        self.key(Qt.Key.Key_Escape, name="Esc")
        print(f"  keys: {len(self.keys)}: {' '.join(self.keys)}")

    def close(self) -> None:
        self.window.runner.wait()
        self.window.close()
        self.desk.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "walk-shots")
    out.mkdir(parents=True, exist_ok=True)
    walk = Walk(out)
    try:
        walk.first_applicant()
        walk.second_applicant()
    finally:
        walk.close()
    print(f"{walk.shots} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
