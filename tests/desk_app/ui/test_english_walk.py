"""`--lang en`, walked through a whole demo case: the clerk's chrome is English everywhere.

What may stay Chinese is data: the catalog's item, material and field names and choices,
the applicant's and the clerk's names, the hall's window name. Everything else that is
Chinese on screen is a string the translation system never saw.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from desk_app.services.demo import start_demo
from desk_app.ui.shell.gui_main import install_translations
from desk_app.ui.shell.main_window import STEP_FORM, STEP_ITEMS, MainWindow
from desk_app.ui.shell.sync_bridge import SyncBridge
from desk_app.ui.shell.tasks import TaskRunner
from tests.desk_app.ui.test_english import CJK

# Still failing: device backends' own tooltips and the walk's list of catalog data (options,
# help, departments) are not complete yet; see the #18 report.
# Strict: the day the walk comes out clean this fails, and the mark must go (issue 18's
# remaining English: device backends' tooltips, form-check messages with a row or number).
pytestmark = [pytest.mark.realstack,
              pytest.mark.xfail(reason="walk not yet clean: see the comment above", strict=True)]


def shown_texts(root: QWidget) -> list[str]:
    """Every text the clerk can see on ``root`` now: labels, buttons, fields, lists, tables."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts += [w.placeholderText(), w.text()]
        if isinstance(w, QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTextBrowser):
            texts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount())
                      if w.horizontalHeaderItem(c)]
            texts += [w.item(r, c).text() for r in range(w.rowCount())
                      for c in range(w.columnCount()) if w.item(r, c)]
        if w.toolTip():
            texts.append(w.toolTip())
    return [t for t in texts if t]


def chinese_left(texts: list[str], data: set[str]) -> list[str]:
    """The texts still holding Chinese once every piece of data in them is taken out."""
    left = []
    for text in texts:
        rest = text
        for word in sorted(data, key=len, reverse=True):
            rest = rest.replace(word, "")
        if CJK.search(rest):
            left.append(text)
    return left


@pytest.fixture
def english_demo(qapp, qtbot):
    translators = install_translations(qapp, QLocale("en"))
    desk = start_demo()
    bridge = SyncBridge(desk.services.outbox_summary)
    desk.services.add_sync_listener(bridge.on_sync_event)
    window = MainWindow(desk.services, TaskRunner(), bridge, speak=False)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    yield window, desk
    window.runner.wait()
    window.close()
    desk.close()
    for translator in translators:
        qapp.removeTranslator(translator)


def catalog_words(desk) -> set[str]:
    catalog = desk.services.catalog
    words: set[str] = set()
    for item in catalog.items.values():
        words.add(item.name)
        words.update(m.name for m in item.materials)
        words.update(m.note for m in item.materials if m.note)
        for spec in item.fields:
            words.add(spec.label)
            words.update(str(c) for c in (getattr(spec, "choices", None) or ()))
    for spec in getattr(catalog, "shared_fields", {}).values():
        words.add(spec.label)
        words.update(str(c) for c in (getattr(spec, "choices", None) or ()))
    return {w for w in words if w}


def look(window, name: str, found: dict[str, list[str]], data: set[str]) -> None:
    found[name] = chinese_left(shown_texts(window), data)
    out = os.environ.get("DESK_SCREENSHOT_DIR")
    if out:
        window.grab().save(str(Path(out) / f"en-{name}.png"))


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_a_whole_case_in_english_shows_no_chinese_chrome(qtbot, english_demo):
    window, desk = english_demo
    data = catalog_words(desk) | {desk.services.clerk_name if hasattr(desk.services, "clerk_name")
                                  else "", "张敏", "综合受理1号窗"}
    found: dict[str, list[str]] = {}
    look(window, "applicant-empty", found, data)
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.applicant_page.name_edit.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == STEP_ITEMS, timeout=5000)
    applicant = window.applicant_page.applicant()
    data |= {applicant["name"], applicant.get("address", "")} - {""}
    window.go_to(0)
    look(window, "applicant-read", found, data)
    window.go_to(STEP_ITEMS)
    qtbot.keyClicks(window.item_page.query, "sfzbl")
    look(window, "items-search", found, data)
    qtbot.keyClick(window.item_page.query, Qt.Key.Key_Return)
    assert window.stack.currentIndex() == STEP_FORM
    look(window, "form", found, data)
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    look(window, "form-refused", found, data)
    for step in range(3, 6):
        window.go_to(step)
        look(window, f"step-{step}", found, data)
    left = {k: v for k, v in found.items() if v}
    if os.environ.get("WALK_DUMP"):
        import json
        Path(os.environ["WALK_DUMP"]).write_text(json.dumps(left, ensure_ascii=False, indent=1))
    assert left == {}
