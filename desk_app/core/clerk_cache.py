"""Offline sign-in: clerks who signed in online recently may sign in with the center down.

After a successful online login the client calls ``remember``; the file
(``clerk-cache.json`` in the data dir, mode 0600) keeps the clerk's username, name, id
and window and an Argon2id verifier of the password — never the password. Offline,
``verify_offline`` accepts the same password for ``max_age`` (7 days by default), so an
account removed at the center stops working offline within that time. Five wrong
passwords lock offline sign-in for that username until an online login succeeds; the
counter is kept in the file so restarting the client does not reset it. A clock set
back (an entry dated in the future) counts as expired, so it cannot stretch ``max_age``.

A missing, unreadable or garbage file is "no cache": the clerk needs the network, and
the next online login writes a fresh file.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error, InvalidHashError

CACHE_FILE = "clerk-cache.json"
FORMAT_VERSION = 1
MAX_FAILURES = 5
CLOCK_SKEW = timedelta(minutes=5)


class ClerkCacheError(Exception):
    """The cache file cannot be written; online sign-in still works (log it, go on)."""

    @property
    def clerk_message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class CachedClerk:
    username: str
    name: str
    clerk_id: str
    window_id: str
    cached_at: datetime


@dataclass
class _Entry:
    clerk: CachedClerk
    verifier: str
    failures: int

    def to_json(self) -> dict:
        c = self.clerk
        return {"name": c.name, "clerk_id": c.clerk_id, "window_id": c.window_id,
                "cached_at": c.cached_at.isoformat(), "verifier": self.verifier,
                "failures": self.failures}

    @classmethod
    def from_json(cls, username: str, data: object) -> _Entry | None:
        if not isinstance(data, dict):
            return None
        texts = ("name", "clerk_id", "window_id", "cached_at", "verifier")
        failures = data.get("failures")
        if (not all(isinstance(data.get(k), str) for k in texts)
                or not isinstance(failures, int) or isinstance(failures, bool)
                or not data["verifier"].startswith("$argon2")):
            return None
        try:
            cached_at = datetime.fromisoformat(data["cached_at"])
        except ValueError:
            return None
        if cached_at.tzinfo is None:
            return None
        clerk = CachedClerk(username=username, name=data["name"], clerk_id=data["clerk_id"],
                            window_id=data["window_id"], cached_at=cached_at)
        return cls(clerk=clerk, verifier=data["verifier"], failures=max(0, failures))


class ClerkCache:
    """``hasher``: argon2-cffi's ``PasswordHasher`` (its defaults suit a desk; tests go cheaper)."""

    def __init__(self, path: Path, *, max_age: timedelta = timedelta(days=7),
                 hasher: PasswordHasher | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.path = path
        self.max_age = max_age
        self._hasher = hasher or PasswordHasher()
        self._clock = clock
        self._lock = threading.Lock()
        self._dummy = ""  # made on first need: hashing costs ~0.5 s at desk parameters

    @classmethod
    def in_data_dir(cls, data_dir: Path, **kwargs) -> ClerkCache:
        return cls(data_dir / CACHE_FILE, **kwargs)

    # after an online login ---------------------------------------------------------------
    def remember(self, *, username: str, password: str, name: str, clerk_id: str,
                 window_id: str) -> CachedClerk:
        """Call after the center accepted these credentials: refresh the entry, clear locks.

        Raises ``ClerkCacheError`` when the file cannot be written: the online session is
        fine, only offline sign-in will not know this clerk.
        """
        clerk = CachedClerk(username=username, name=name, clerk_id=clerk_id,
                            window_id=window_id, cached_at=self._clock())
        verifier = self._hasher.hash(password)
        with self._lock:
            entries = self._fresh(self._load())
            entries[username] = _Entry(clerk=clerk, verifier=verifier, failures=0)
            self._save(entries)
        return clerk

    def forget(self, username: str) -> None:
        """The center refused this account (password changed, account removed): drop it."""
        with self._lock:
            entries = self._load()
            if entries.pop(username, None) is not None:
                self._save(entries)

    # with the center unreachable ---------------------------------------------------------
    def verify_offline(self, username: str, password: str) -> CachedClerk | None:
        """The cached clerk when the password matches a fresh, unlocked entry; else None."""
        with self._lock:
            entries = self._load()
            entry = entries.get(username)
            if entry is None or not self._usable(entry):
                # Unknown usernames still pay for one verification: timing tells nothing.
                self._dummy = self._dummy or self._hasher.hash("counter-desk-offline-dummy")
                self._check(self._dummy, password)
                return None
            if self._check(entry.verifier, password):
                if entry.failures:
                    entry.failures = 0
                    self._save(entries)
                return entry.clerk
            entry.failures += 1
            try:
                self._save(entries)
            except ClerkCacheError:
                pass  # refused either way; the count is best effort on a full disk
            return None

    def refusal(self, username: str) -> str:
        """Why offline sign-in would not let this username in, in words for the clerk."""
        with self._lock:
            entry = self._load().get(username)
        if entry is None:
            return "网络不通，且本机没有该工号的离线登录记录：请在网络恢复后登录。"
        if entry.failures >= MAX_FAILURES:
            return (f"离线登录已锁定（连续 {MAX_FAILURES} 次密码错误）："
                    "请在网络恢复后在线登录解锁。")
        if not self._fresh_enough(entry):
            days = self.max_age.days
            return (f"离线登录记录已超过 {days} 天：请在网络恢复后在线登录。")
        left = MAX_FAILURES - entry.failures
        return f"工号或密码错误（离线登录还可再试 {left} 次）。"

    # internals -------------------------------------------------------------------------
    def _check(self, verifier: str, password: str) -> bool:
        try:
            return self._hasher.verify(verifier, password)
        except (Argon2Error, InvalidHashError):  # mismatch, or a damaged verifier
            return False

    def _fresh_enough(self, entry: _Entry) -> bool:
        age = self._clock() - entry.clerk.cached_at
        return -CLOCK_SKEW <= age <= self.max_age

    def _usable(self, entry: _Entry) -> bool:
        return entry.failures < MAX_FAILURES and self._fresh_enough(entry)

    def _fresh(self, entries: dict[str, _Entry]) -> dict[str, _Entry]:
        """Expired entries are dropped when the file is next written (locked ones stay)."""
        return {u: e for u, e in entries.items()
                if self._fresh_enough(e) or e.failures >= MAX_FAILURES}

    def _load(self) -> dict[str, _Entry]:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            return {}
        clerks = data.get("clerks")
        if not isinstance(clerks, dict):
            return {}
        entries = {}
        for username, raw in clerks.items():
            entry = _Entry.from_json(username, raw)
            if entry is not None:
                entries[username] = entry
        return entries

    def _save(self, entries: dict[str, _Entry]) -> None:
        """Atomic replace, so a crash leaves the old file or the new one, never half."""
        body = {"version": FORMAT_VERSION,
                "clerks": {u: e.to_json() for u, e in entries.items()}}
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                if os.write(fd, data) != len(data):
                    raise OSError("short write")
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
        except OSError as exc:
            raise ClerkCacheError(f"无法保存离线登录记录（{exc.strerror or exc}）："
                                  "请检查磁盘空间和数据目录权限。") from exc
