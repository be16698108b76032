"""What every sub-command gets: the paths and the machine config, built once."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import MachineConfig


@dataclass
class CommandContext:
    paths: AppPaths
    config: MachineConfig

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CommandContext:
        root = getattr(args, "data_root", None)
        paths = AppPaths.under(root) if root else AppPaths.default()
        config_path = getattr(args, "config", None) or paths.config_file
        return cls(paths=paths, config=MachineConfig.load(config_path))
