"""Guards the Qt binding itself: PySide6 6.12.0 on CPython 3.11 returned ``None`` from every
void method without taking a reference, so each ``label.setText(…)`` lowered None's
reference count by one until the interpreter aborted (``none_dealloc``) — minutes into a
clerk's day, or at the end of a test run. pyproject pins the binding below 6.12; this test
fails if a future bump brings the defect back on an interpreter where it matters.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton

CALLS = 2000


def test_void_methods_keep_none_and_bools_alive(qtbot):
    label, button = QLabel(), QPushButton()
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    button.setCheckable(True)
    button.clicked.connect(lambda: None)
    counts = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(CALLS):
        label.setText(str(i % 3))
        button.setEnabled(True)
        button.click()
        button.isChecked()
    drift = [now - before for now, before in zip(
        (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)), counts,
        strict=True)]
    # a few references may come or go (caches); a leak per call would show as thousands
    assert all(abs(d) < CALLS // 10 for d in drift), drift
