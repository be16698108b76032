"""A case's life after the counter: the statuses the center reports and their Chinese names.

Shared by the center (which moves a case through them) and the desk (which shows them), so a
status is named the same on both sides. The order of ``LIFE`` is the usual path.
"""

from __future__ import annotations

LIFE: tuple[tuple[str, str], ...] = (
    ("accepted", "已受理"),
    ("in_review", "审批中"),
    ("correction_requested", "待补正"),
    ("approved", "办结（准予许可）"),
    ("denied", "办结（不予许可）"),
    ("ready", "待领取"),
    ("collected", "已领取"),
    ("mailed", "已寄出"),
    ("refused", "不予受理"),
    ("incomplete", "一次性告知"),
)
LABELS: dict[str, str] = dict(LIFE)
# Nothing more happens to these: the desk stops asking the center about them.
FINAL = frozenset({"collected", "mailed", "refused", "incomplete"})
# Still running against the promised date (a decided case is no longer overdue).
RUNNING = frozenset({"accepted", "in_review", "correction_requested"})


def label(status: str) -> str:
    """The Chinese name of ``status``; an unknown one (a newer center) is shown as it is."""
    return LABELS.get(status, status)
