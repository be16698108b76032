"""One object for "is there a new version, fetch it, install it": shared by the CLI and
the GUI's background check.

Where things are comes from ``[update]`` in machine.toml: ``url``, ``trusted_root`` (the
``update-root.json`` shipped in the bundle) and ``install_dir`` (a frozen bundle's own
folder when not set; a source checkout cannot update itself). Every method blocks on the
network or the disk: the GUI calls them through its task runner, never on its own thread.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.updates.client import UpdateClient, UpdateSettings
from desk_app.core.updates.install import (
    ApplyGuard,
    InstallError,
    apply_staged,
    check_writable,
    pending_version,
    stage,
)

TRUSTED_ROOT_NAME = "update-root.json"  # in the bundle's _internal/ (see the spec)


def install_dir_from(update: dict[str, str]) -> Path | None:
    configured = update.get("install_dir", "")
    if configured:
        return Path(configured)
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its own folder
        return Path(sys.executable).resolve().parent
    return None


def shipped_root(folder: Path | None) -> Path | None:
    """The bundle's own ``update-root.json``: PyInstaller 6 puts data files in the bundle's
    contents folder (``_internal``, ``sys._MEIPASS``), an older layout at its top."""
    candidates = [Path(sys._MEIPASS)] if hasattr(sys, "_MEIPASS") else []
    if folder is not None:
        candidates += [folder, folder / "_internal"]
    paths = [c / TRUSTED_ROOT_NAME for c in candidates]
    return next((p for p in paths if p.is_file()), paths[0] if paths else None)


def settings_from(update: dict[str, str]) -> UpdateSettings:
    root = update.get("trusted_root", "")
    trusted = Path(root) if root else shipped_root(install_dir_from(update))
    return UpdateSettings(url=update.get("url", ""), trusted_root=trusted)


@dataclass(frozen=True)
class Offer:
    """What a check found: ``version`` None means this one is the newest.

    ``staged`` is set once the new version is downloaded, verified and unpacked beside
    the install folder; ``note`` says why it was not (no install folder, not writable).
    """

    version: str | None
    staged: bool = False
    note: str = ""


class UpdateService:
    def __init__(self, settings: UpdateSettings, state_dir: Path, install_dir: Path | None,
                 current_version: str) -> None:
        self.settings = settings
        self.state_dir = state_dir
        self.install_dir = install_dir
        self.current_version = current_version

    @classmethod
    def from_config(cls, update: dict[str, str], data_dir: Path,
                    current_version: str) -> UpdateService | None:
        """None when ``[update] url`` is not set: that machine never checks."""
        if not update.get("url"):
            return None
        return cls(settings_from(update), data_dir / "updates", install_dir_from(update),
                   current_version)

    def client(self) -> UpdateClient:
        return UpdateClient(self.settings, self.state_dir, self.current_version)

    def pending(self) -> str | None:
        """A version already staged (by an earlier check or ``update apply``)."""
        return pending_version(self.install_dir) if self.install_dir else None

    def check_and_stage(self) -> Offer:
        """Check; when newer, download (resuming), verify and stage it.

        Raises UpdateError (network, signatures) or InstallError (unpacking).
        """
        client = self.client()
        newer = client.check()
        if newer is None:
            return Offer(None)
        if newer == self.pending():
            return Offer(newer, staged=True)
        if self.install_dir is None:
            return Offer(newer, note="源码运行，无法自更新：请技术人员安装新版本的安装包。")
        problem = check_writable(self.install_dir)
        if problem:
            return Offer(newer, note=problem)
        stage(client.download(), self.install_dir, newer)
        return Offer(newer, staged=True)

    def apply(self, guard: ApplyGuard) -> str:
        """Install the staged version (InstallError says why not). Returns its version."""
        if self.install_dir is None:
            raise InstallError("未设置安装目录，无法安装更新。")
        return apply_staged(self.install_dir, guard)
