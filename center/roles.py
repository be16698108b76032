"""Who may do what at the center: five roles, each a fixed set of permissions.

A session acts for one clerk at one window of one hall (bound at login); the routers ask
``require`` for the permission an endpoint needs and then scope what they touch to the
session's window (acting) or hall (reading).
"""

from __future__ import annotations

from fastapi import Depends

from center.auth import current_session
from center.models import ClerkSession
from center.problems import Problem

CLERK, APPROVER, HALL_MANAGER, TRAINER, TECHNICIAN = (
    "clerk",
    "approver",
    "hall_manager",
    "trainer",
    "technician",
)
ROLE_NAMES = {
    CLERK: "窗口人员",
    APPROVER: "审批人员",
    HALL_MANAGER: "大厅负责人",
    TRAINER: "培训讲师",
    TECHNICIAN: "技术支持",
}
ALL_WINDOWS = "*"  # in a clerk's window list: any window of the clerk's hall

FILE_CASES = "file_cases"  # submit cases, supplements and ratings for the session's window
READ_CASES = "read_cases"  # read the cases of the session's hall
QUEUE = "queue"  # issue, call, recall, skip, transfer tickets of the session's window
QUEUE_HALL = "queue_hall"  # recall, skip, transfer any ticket of the hall
LOOKUP_PERSONAL = "lookup_personal"  # licences and pre-applications of applicants
REFERENCE = "reference"  # catalog, calendar, blobs' existence
REVIEW = "review_cases"  # back-office events: start review, correction, approve/deny, result
HAND_OUT = "hand_out"  # clerk events on a case: correction received, handed over, mailed
READ_HALL = "read_hall"  # list and count the cases of every window of the hall

PERMISSIONS: dict[str, frozenset[str]] = {
    CLERK: frozenset({FILE_CASES, READ_CASES, QUEUE, LOOKUP_PERSONAL, REFERENCE, HAND_OUT}),
    TRAINER: frozenset({FILE_CASES, READ_CASES, QUEUE, LOOKUP_PERSONAL, REFERENCE, HAND_OUT}),
    APPROVER: frozenset({READ_CASES, REFERENCE, REVIEW, READ_HALL}),
    HALL_MANAGER: frozenset({READ_CASES, QUEUE, QUEUE_HALL, REFERENCE, READ_HALL}),
    TECHNICIAN: frozenset({REFERENCE}),
}


def may(who: ClerkSession, permission: str) -> bool:
    return permission in PERMISSIONS.get(who.clerk.role, frozenset())


def window_allowed(windows: list[str], window_id: str) -> bool:
    return ALL_WINDOWS in windows or window_id in windows


def require(permission: str):
    """A dependency: the caller's session, refused with 403 if its role lacks ``permission``."""

    # async: no I/O here, and a plain def would cost a thread-pool hop per request
    async def dependency(who: ClerkSession = Depends(current_session)) -> ClerkSession:  # noqa: B008
        if not may(who, permission):
            role = ROLE_NAMES.get(who.clerk.role, who.clerk.role)
            raise Problem(403, "forbidden", f"当前账号角色（{role}）无权进行此操作")
        return who

    return dependency


def same_window(who: ClerkSession, window_id: str | None, what: str) -> None:
    """Refuse acting on something of another window (403, naming both windows)."""
    if window_id != who.window_id:
        raise Problem(
            403,
            "other-window",
            f"{what}属于 {window_id or '其他'} 窗口，本次登录的窗口是 {who.window_id}，不能操作",
        )
