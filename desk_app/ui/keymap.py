"""One key map for the clerk's window: the shortcuts, and the key names that button labels
show, come from here so a label can never name a key that does something else."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

KEYS = {
    "next_step": "Ctrl+PgDown",
    "previous_step": "Ctrl+PgUp",
    "new_case": "Ctrl+N",
    "decide_now": "Ctrl+D",      # 不予受理 / 一次性告知 straight from any step
    "read_card": "F2",
    "read_agent_card": "F3",
    "capture": "F4",
    "call_next": "F5",
    "outbox": "F11",
    "next_applicant": "F12",
    "seal": "Ctrl+Return",
    "notice": "Ctrl+P",
    "customer_screen": "Ctrl+Shift+K",
    "swap_parents": "Ctrl+Shift+S",   # 出生一件事: the card holder is the other parent
}
# shown in labels the way the clerk reads the keyboard
_SHOWN = {"Ctrl+Return": "Ctrl+Enter"}


def key_name(action: str) -> str:
    key = KEYS[action]
    return _SHOWN.get(key, key)


def with_key(text: str, action: str) -> str:
    """``保存`` + ``seal`` → ``保存 (Ctrl+Enter)``."""
    return f"{text} ({key_name(action)})"


def bind(action: str, parent: QWidget, slot) -> QShortcut:
    return QShortcut(QKeySequence(KEYS[action]), parent, activated=slot)
