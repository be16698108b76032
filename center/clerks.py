"""Clerk accounts for a center run without demo data (``desk-center add-clerk``)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from center.models import Clerk
from center.roles import ALL_WINDOWS, PERMISSIONS

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
AREA_PREFIX = re.compile(r"^[0-9]{6}$")
PLACE_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")  # a hall or window id
MIN_PASSWORD = 8


class ClerkError(ValueError):
    """A clerk that cannot be added; the message is for the administrator, in Chinese."""


def add_clerk(
    sessions: sessionmaker[Session],
    hasher: PasswordHasher,
    username: str,
    name: str,
    password: str,
    area_prefix: str,
    *,
    role: str = "clerk",
    hall_id: str = "H01",
    windows: list[str] | None = None,
) -> int:
    windows = list(windows) if windows else [ALL_WINDOWS]
    if not USERNAME.match(username):
        raise ClerkError("用户名须为 2–64 位字母、数字或 _ . -")
    if not name.strip() or len(name) > 64:
        raise ClerkError("姓名不能为空，且不超过 64 个字符")
    if len(password) < MIN_PASSWORD:
        raise ClerkError(f"密码至少 {MIN_PASSWORD} 位")
    if not AREA_PREFIX.match(area_prefix):
        raise ClerkError("区划前缀须为 6 位数字（行政区划代码），用作办件编号的开头")
    if role not in PERMISSIONS:
        raise ClerkError(f"角色须为以下之一：{'、'.join(PERMISSIONS)}")
    if not PLACE_ID.match(hall_id):
        raise ClerkError("大厅编号须为 1–32 位字母、数字或 _ -")
    if any(w != ALL_WINDOWS and not PLACE_ID.match(w) for w in windows):
        raise ClerkError("窗口编号须为 1–32 位字母、数字或 _ -（或 * 表示本大厅任一窗口）")
    with sessions.begin() as db:
        if db.scalar(select(Clerk.id).where(Clerk.username == username)) is not None:
            raise ClerkError(f"用户名 {username} 已存在")
        clerk = Clerk(
            username=username,
            name=name.strip(),
            password_hash=hasher.hash(password),
            area_prefix=area_prefix,
            role=role,
            hall_id=hall_id,
            windows=windows,
        )
        db.add(clerk)
        db.flush()
        return clerk.id
