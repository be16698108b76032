"""Look and feel: large, clear type for the counter (QSS lives in resources/themes)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
                "PingFang SC"]


def apply_theme(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(12)
    app.setFont(font)
    qss = resources.files("resources") / "themes" / "counter.qss"
    app.setStyleSheet(qss.read_text(encoding="utf-8"))
