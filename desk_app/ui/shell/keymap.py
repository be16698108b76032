"""One key map for the clerk's window: the shortcuts, and the key names that button labels
show, come from here so a label can never name a key that does something else."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    "add_item": "Insert",             # take the item and keep choosing (Enter takes, moves on)
    "window_cases": "F10",        # 本窗口办件 (出件, 邮寄, 容缺补交, 补打)
    "dashboard": "Ctrl+Shift+D",  # 窗口概况
}
# on the materials page (and in a form's choice): 1–5 pick the n-th way offered
CHOICE_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4,
               Qt.Key.Key_5: 5}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
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


def choice_number(event) -> int:
    """1–5 for a bare number key (main row or keypad), else 0."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return CHOICE_KEYS.get(event.key(), 0) if mods == Qt.KeyboardModifier.NoModifier else 0


def is_enter(event) -> bool:
    return event.key() in ENTER_KEYS and not (
        event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                             | Qt.KeyboardModifier.ShiftModifier))


def numbered(n: int, text: str) -> str:
    """``1 纸质原件``: the label says which number key picks it."""
    return f"{n} {text}" if n <= len(CHOICE_KEYS) else text
