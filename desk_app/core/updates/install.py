"""Put a verified bundle in place at the next start, and keep the previous one.

Beside the install folder ``D`` (same filesystem, so each step is one rename)::

    D.new/        the verified, unpacked next version (``stage``), with VERSION_FILE
    D.previous/   the version before the last install, for one technician rollback

``apply_staged`` runs at start-up, after the clerk agreed, and only when the guard says
no case is open and the outbox is not sending: an install never cuts a case in half.
The folder must be writable by the account that runs the client (see installer/README).
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

VERSION_FILE = "counter-desk-version.json"


class InstallError(Exception):
    """An install or rollback step could not run; the message says why (Chinese)."""


@dataclass(frozen=True)
class ApplyGuard:
    """What the running client knows: the GUI passes its own answers in."""

    case_in_progress: Callable[[], bool]
    outbox_sending: Callable[[], bool]

    def blocked_reason(self) -> str | None:
        if self.case_in_progress():
            return "正在受理的案件尚未完成，本次不安装更新。"
        if self.outbox_sending():
            return "发件箱正在向中心发送案件，本次不安装更新。"
        return None


def staged_dir(install_dir: Path) -> Path:
    return install_dir.with_name(install_dir.name + ".new")


def previous_dir(install_dir: Path) -> Path:
    return install_dir.with_name(install_dir.name + ".previous")


def check_writable(install_dir: Path) -> str | None:
    """Why this account cannot update ``install_dir`` in place, or None when it can.

    Staging writes ``D.new`` beside ``D`` and installing renames ``D``, so the folder that
    holds ``D`` must take a new entry. A probe file is created there for real: ``os.access``
    says yes to root on a read-only mount, and no to an ACL that would allow it.
    """
    parent = install_dir.parent
    advice = (
        f"本机账户不能写入安装位置 {parent}，无法自更新。"
        f"请技术人员让受理台账户可写该目录（例如 chown -R 账户 {install_dir} "
        f"{parent}，或安装到账户可写的位置），"
        "或以管理员身份运行 desk-app update apply --now --yes。"
    )
    if not parent.is_dir():
        return f"安装位置 {parent} 不存在或不是目录，无法自更新。"
    if install_dir.exists() and not install_dir.is_dir():
        return f"安装目录 {install_dir} 不是目录，无法自更新。"
    try:
        with tempfile.NamedTemporaryFile(dir=parent, prefix=f".{install_dir.name}.probe-"):
            pass
    except OSError:
        return advice
    if install_dir.is_dir() and not os.access(install_dir, os.W_OK | os.X_OK):
        return advice  # its folders must be writable: the next update deletes them
    return None


def stage(archive: Path, install_dir: Path, version: str) -> Path:
    """Unpack a verified archive to ``D.new`` (replacing an older staged one)."""
    problem = check_writable(install_dir)
    if problem:
        raise InstallError(problem)
    target = staged_dir(install_dir)
    work = target.with_name(target.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")  # no absolute paths, links out, devices
        (work / VERSION_FILE).write_text(json.dumps({"version": version}), encoding="utf-8")
    except (OSError, tarfile.TarError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise InstallError(f"解压更新失败：{exc}") from exc
    shutil.rmtree(target, ignore_errors=True)
    work.rename(target)
    return target


def pending_version(install_dir: Path) -> str | None:
    """The staged version waiting for consent at start-up, if any."""
    marker = staged_dir(install_dir) / VERSION_FILE
    try:
        return str(json.loads(marker.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def apply_staged(install_dir: Path, guard: ApplyGuard) -> str:
    """Swap ``D.new`` in: ``D`` → ``D.previous``, ``D.new`` → ``D``. Returns the version."""
    version = pending_version(install_dir)
    if version is None:
        raise InstallError("没有已下载待安装的更新。")
    reason = guard.blocked_reason() or check_writable(install_dir)
    if reason:
        raise InstallError(reason)
    previous = previous_dir(install_dir)
    try:
        shutil.rmtree(previous, ignore_errors=True)
        if install_dir.exists():
            install_dir.rename(previous)
        staged_dir(install_dir).rename(install_dir)
    except OSError as exc:
        if not install_dir.exists() and previous.exists():
            previous.rename(install_dir)  # put the running version back
        raise InstallError(f"安装更新失败（{install_dir} 不可写？）：{exc}") from exc
    return version


def rollback(install_dir: Path) -> None:
    """Swap ``D`` and ``D.previous`` (running it twice undoes it)."""
    previous = previous_dir(install_dir)
    if not previous.is_dir():
        raise InstallError(f"没有可回退的上一版本（{previous} 不存在）。")
    problem = check_writable(install_dir)
    if problem:
        raise InstallError(problem)
    swap = install_dir.with_name(install_dir.name + ".swap")
    try:
        install_dir.rename(swap)
        previous.rename(install_dir)
        swap.rename(previous)
    except OSError as exc:
        raise InstallError(f"回退失败：{exc}") from exc
