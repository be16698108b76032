"""``[bridge]`` in machine.toml: enabled, port, allowed_origins."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.bridge.policy import BadOrigin, normalise_origin
from desk_app.core.machine_config import ConfigError, MachineConfig

DEFAULT_PORT = 17990


@dataclass(frozen=True)
class BridgeSettings:
    enabled: bool = False
    port: int = DEFAULT_PORT
    allowed_origins: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, config: MachineConfig) -> BridgeSettings:
        raw = config.bridge
        where = f"配置文件 {config.source or 'machine.toml'} 的 [bridge]"
        enabled = raw.get("enabled", False)
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}：enabled 应为 true 或 false")
        port = raw.get("port", DEFAULT_PORT)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise ConfigError(f"{where}：port 应为 1–65535 的端口号")
        origins = raw.get("allowed_origins", [])
        if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
            raise ConfigError(f'{where}：allowed_origins 应为列表，如 ["https://zwfw.example.gov.cn"]')
        normalised = set()
        for origin in origins:
            try:
                normalised.add(normalise_origin(origin))
            except BadOrigin:
                raise ConfigError(f"{where}：“{origin}”不是网页来源（应为 https://主机[:端口]，"
                                  "不带路径）") from None
        return cls(enabled, port, frozenset(normalised))
