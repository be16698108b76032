"""The one place the window translates words that were marked elsewhere.

A constant marked with ``QT_TRANSLATE_NOOP(context, text)`` — in ``forms.vocabulary``
(material modes and forms, decisions, case statuses) or in a UI module — is collected by
lupdate under ``context``; shown, it goes through ``translated(context, text)`` here.
Elsewhere tr() and translate() take literals only (tests/desk_app/ui/test_translations.py
fails on anything else), so lupdate sees every string the clerk can read.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forms.form_session import REQUIRED_CHOICE, REQUIRED_ENTRY
from forms.vocabulary import EXEMPT_WORDS, CaseStatus, DecisionKind, MaterialForm, MaterialMode

# Between the parts of a list the clerk reads (items, modes): 、 in Chinese, ", " in English.
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Words", "、")


def translated(context: str, marked: str) -> str:
    """``marked`` (a QT_TRANSLATE_NOOP constant of ``context``) in the UI language."""
    return QCoreApplication.translate(context, marked)


def said(vocabulary: type[StrEnum], value: str) -> str:
    """The clerk's word for a wire ``value`` of a ``forms.vocabulary`` enum; an unknown value
    (a newer catalog or center) is shown as it is."""
    try:
        member = vocabulary(value)
    except ValueError:
        return value
    return translated(vocabulary.__name__, member.label)  # type: ignore[attr-defined]


def mode(value: str) -> str:
    return said(MaterialMode, value)


def exempt_mode(value: str) -> str:
    """免于提交（电子证照） for an exempt mode, the mode's word otherwise."""
    if value in {m.value for m in MaterialMode if m.exempt}:
        return translated("MaterialMode", EXEMPT_WORDS).replace("%1", mode(value))
    return mode(value)


def material_form(value: str) -> str:
    return said(MaterialForm, value)


def status(value: str) -> str:
    return said(CaseStatus, value)


def decision(value: str) -> str:
    return said(DecisionKind, value)


def decision_choice(kind: DecisionKind) -> str:
    return translated("DecisionKind", kind.choice)


def notice_title(value: str) -> str:
    try:
        return translated("DecisionKind", DecisionKind(value).notice_title)
    except ValueError:
        return value


def listed(parts) -> str:
    return translated("Words", LIST_SEPARATOR).join(parts)


# Between sentences run together on one line (problems, notes): ；in Chinese, "; " in English.
SENTENCE_SEPARATOR = QT_TRANSLATE_NOOP("Words", "；")


def sentences(parts) -> str:
    return translated("Words", SENTENCE_SEPARATOR).join(parts)


def field_error(message: str, label: str) -> str:
    """A form field's message: the required-field ones translated around the catalog's
    ``label``; a catalog check's own message is catalog data, shown as it is."""
    for asks in (REQUIRED_ENTRY, REQUIRED_CHOICE):
        if message == asks.replace("%1", label):
            return translated("FormSession", asks).replace("%1", label)
    return message
