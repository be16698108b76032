"""Where the client keeps its config, data, logs and cache.

Paths come from platformdirs so Windows, UOS and Kylin each get their native
locations; tests point everything at a temporary folder through ``AppPaths.under``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "counter-desk"
APP_AUTHOR = "CounterDesk"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All four folders below one root (demo runs, tests, portable installs)."""
        return cls(root / "config", root / "data", root / "log", root / "cache")

    @property
    def config_file(self) -> Path:
        return self.config_dir / "machine.toml"

    @property
    def folders(self) -> list[Path]:
        return [self.config_dir, self.data_dir, self.log_dir, self.cache_dir]

    def ensure(self) -> AppPaths:
        for path in self.folders:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self

    def secure(self) -> int:
        """Owner-only modes (0700/0600) on what exists below the four folders (start-up)."""
        from desk_app.core.file_modes import tighten

        return tighten(self.folders)
