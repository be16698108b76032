"""How code asks the theme (resources/themes/counter.qss) for a look, without naming a colour.

A widget's look that changes (an error, a warning, a field the center refused) is a named
state, ``set_state(label, "error")``, matched in QSS by ``[state="error"]``. Qt applies a
changed property only after a re-polish, hence the unpolish/polish pair.

Colours a widget paints itself (the lock's cover, the signature's ink, the camera outline)
are Qt properties the theme sets with ``qproperty-<name>``; ``colour_property`` makes one.
"""

from __future__ import annotations

from PySide6.QtCore import Property, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget


def set_state(widget: QWidget, state: str) -> None:
    """Give ``widget`` the theme's look for ``state`` ("" for none), re-polished at once."""
    if widget.property("state") == state:
        return
    widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def colour_property(name: str, fallback: Qt.GlobalColor) -> Property:
    """A QColor Qt property the theme sets (``qproperty-<name>``); ``fallback`` until it does.

    Declared on the class, so QSS finds it in the meta-object; repaints when it changes.
    """
    attribute = f"_themed_{name}"

    def get(self: QWidget) -> QColor:
        self.ensurePolished()  # read before the first show: the theme has set it by then
        return getattr(self, attribute, QColor(fallback))

    def put(self: QWidget, colour: QColor) -> None:
        setattr(self, attribute, QColor(colour))
        self.update()

    return Property(QColor, get, put)
