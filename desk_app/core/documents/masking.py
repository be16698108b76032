"""Masks for personal data on paper that leaves the desk (receipts, tickets, notices).

The same rules as the hall-facing screen (``desk_app.ui.masking``), kept here because
core code may not import the UI: the applicant sees one masking everywhere.
"""

from __future__ import annotations


def mask_name(value: str) -> str:
    value = value.strip()
    if len(value) <= 1:
        return value
    if len(value) == 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def mask_id_number(value: str) -> str:
    value = value.strip()
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
