"""One theme: every colour and size in resources/themes/counter.qss, and that file parses.

Code names a look (objectName, the "state" property, qproperty-*), never a colour: a grep
over desk_app/ui refuses inline style sheets, hex colours and literal QColors. Qt reports a
bad style sheet only as a warning on first polish ("Could not parse application stylesheet",
"Unknown property …", "… does not have a property named …"), so the parse test catches
Qt's messages while real widgets of every themed kind are polished.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QPushButton

from desk_app.ui.widgets.themed import set_state

UI = Path(__file__).resolve().parents[3] / "desk_app" / "ui"
THEME_MODULE = UI / "shell" / "theme.py"  # the one place that hands the QSS to Qt
FORBIDDEN = {
    "an inline style sheet (give the widget an objectName or a state)": re.compile(
        r"\.setStyleSheet\("),
    "a hex colour (put it in the QSS)": re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b"),
    "a literal QColor (a qproperty the theme sets)": re.compile(r"QColor\(\s*(?:\d|[\"'])"),
    # a rich-text colour is fine when it is the theme's, interpolated: color:{key_colour}
    "a CSS colour or font size in code": re.compile(r"\b(?:color|font-size)\s*:\s*(?!\{)"),
}


def qss_text() -> str:
    return (resources.files("resources") / "themes" / "counter.qss").read_text(encoding="utf-8")


def offences(path: Path) -> Iterator[str]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("  # ", 1)[0]
        for what, pattern in FORBIDDEN.items():
            if pattern.search(code) and not (path == THEME_MODULE and "setStyleSheet" in code):
                yield f"{path.relative_to(UI.parent.parent)}:{number}: {what}: {line.strip()}"


def test_no_colour_or_inline_style_outside_the_theme():
    found = [o for path in sorted(UI.rglob("*.py")) for o in offences(path)]
    assert found == [], "\n".join(found)


def test_the_grep_sees_what_it_refuses(tmp_path):
    sample = UI / "_theme_sample_for_test.py"  # offences() reports paths under desk_app/ui
    sample.write_text('w.setStyleSheet("color: #c0392b;")\nQColor(30, 30, 30)\n',
                      encoding="utf-8")
    try:
        kinds = {o.split(": ")[1] for o in offences(sample)}
    finally:
        sample.unlink()
    assert kinds == set(FORBIDDEN)


@contextmanager
def qt_warnings() -> Iterator[list[str]]:
    caught: list[str] = []

    def handler(kind, _context, message) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg):
            caught.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield caught
    finally:
        qInstallMessageHandler(previous)


def polish_every_themed_kind(qtbot) -> None:
    """One real widget of each kind a rule (and each qproperty) of the QSS addresses."""
    from desk_app.ui.applicant_screen.customer_screen import CustomerScreen
    from desk_app.ui.capture.materials_screen import PreviewView
    from desk_app.ui.shell.idle_lock import LockOverlay

    window = QMainWindow()
    qtbot.addWidget(window)
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    preview = PreviewView()
    qtbot.addWidget(preview)
    LockOverlay(window)
    for top in (window, screen, preview):
        for widget in [top, *top.findChildren(QLabel), *top.findChildren(QPushButton)]:
            widget.ensurePolished()
        top.grab()


def test_the_theme_parses_and_names_only_real_properties(qtbot):
    app = QApplication.instance()
    with qt_warnings() as caught:
        app.setStyleSheet(qss_text())
        polish_every_themed_kind(qtbot)
    assert caught == []


def test_a_broken_theme_is_caught(qtbot):
    app = QApplication.instance()
    try:
        with qt_warnings() as caught:
            app.setStyleSheet(qss_text() + "\nQLabel { colr: red; }\nQLabel#x { color: ")
            polish_every_themed_kind(qtbot)
    finally:
        app.setStyleSheet(qss_text())
    assert any("Could not parse" in m for m in caught), caught


def test_every_qproperty_in_the_theme_is_declared_in_the_ui():
    declared = {m for path in UI.rglob("*.py")
                for m in re.findall(r'colour_property\("(\w+)"', path.read_text("utf-8"))}
    used = set(re.findall(r"qproperty-(\w+)", qss_text()))
    assert used and used <= declared, used - declared


def colour_of(label: QLabel) -> str:
    return label.palette().color(label.foregroundRole()).name()


def test_named_states_give_one_red_one_amber_one_green(qtbot):
    labels = {}
    for state in ("", "ok", "warn", "error"):
        label = QLabel("状态")
        qtbot.addWidget(label)
        label.ensurePolished()
        set_state(label, state)
        labels[state] = colour_of(label)
    assert len(set(labels.values())) == 4
    hint = QLabel("提示", objectName="hint")
    qtbot.addWidget(hint)
    hint.ensurePolished()
    plain_hint = colour_of(hint)
    set_state(hint, "error")  # a hint turned error reads as every other error
    assert colour_of(hint) == labels["error"] != plain_hint
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(200, 40)
    before = edit.grab().toImage()
    set_state(edit, "error")
    assert edit.grab().toImage() != before  # the refused field is marked


def dominant(image: QImage) -> QColor:
    """The commonest colour of a row just inside the border: the button's face, no text."""
    counts: dict[int, int] = {}
    for x in range(8, image.width() - 8):
        pixel = image.pixel(x, 5)
        counts[pixel] = counts.get(pixel, 0) + 1
    return QColor.fromRgb(max(counts, key=counts.get))


@pytest.mark.parametrize("kind", ["primary", "default"])
def test_a_disabled_primary_button_looks_like_any_disabled_button(qtbot, kind):
    def button(name: str, enabled: bool, default: bool = False) -> QImage:
        b = QPushButton("下一步", objectName=name)
        b.setDefault(default)
        b.setEnabled(enabled)
        b.resize(160, 40)
        qtbot.addWidget(b)
        return b.grab().toImage()

    is_default = kind == "default"
    enabled = dominant(button("primary" if not is_default else "", True, is_default))
    disabled = dominant(button("primary" if not is_default else "", False, is_default))
    ordinary_disabled = dominant(button("", False))
    assert enabled.saturation() > 100  # the action colour
    assert disabled == ordinary_disabled and disabled.saturation() < 40
