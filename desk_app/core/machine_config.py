"""The machine's config: which center, which window, which devices.

One TOML file per counter machine (``machine.toml`` in the platform config dir, or
``desk-app --config PATH``). Devices are bound by name to a URI; a command that takes
``--device`` accepts either a bound name or an ad-hoc URI so a technician can try a
device without editing the file. Example::

    [center]
    url = "https://zwfw.example.gov.cn"
    ca_bundle = "/etc/counter-desk/ca.pem"   # empty: the system's CA store

    [window]
    id = "W03"
    name = "综合受理3号窗"
    hall = "市民中心政务服务大厅"

    [devices]
    id_reader = "sam:/dev/ttyUSB0?baud=115200"
    receipt_printer = "escpos-tcp://10.0.0.21:9100?encoding=gb18030&width=80"
    camera = "camera:0"
    scanner = "sane:test:0"

    [privacy]
    purge_after_days = 30

    [update]
    url = "https://zwfw.example.gov.cn/counter-desk-updates"   # empty: no update checks
    trusted_root = ""             # empty: update-root.json shipped in the bundle (_internal/)
    install_dir = ""              # empty: the running bundle's folder (/opt/counter-desk)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

# Names the application looks devices up by; other names may be bound for technicians.
ROLE_ID_READER = "id_reader"
ROLE_RECEIPT_PRINTER = "receipt_printer"
ROLE_CAMERA = "camera"
ROLE_SCANNER = "scanner"


class ConfigError(Exception):
    """The config file is unreadable or wrong; the message says which line to fix."""


@dataclass
class MachineConfig:
    center_url: str = ""
    ca_bundle: str = ""
    window_id: str = "W01"
    window_name: str = "综合受理1号窗"
    hall_name: str = "政务服务大厅"
    devices: dict[str, str] = field(default_factory=dict)
    purge_after_days: int = 30
    update: dict[str, str] = field(default_factory=dict)  # [update]: url, trusted_root, install_dir
    source: Path | None = None

    def resolve_device(self, name_or_uri: str) -> str:
        """A bound device name gives its URI; anything else is taken as a URI itself."""
        return self.devices.get(name_or_uri, name_or_uri)

    @classmethod
    def load(cls, path: Path) -> MachineConfig:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(source=path)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"配置文件 {path} 格式错误：{exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"无法读取配置文件 {path}：{exc}") from exc
        center = raw.get("center", {})
        window = raw.get("window", {})
        privacy = raw.get("privacy", {})
        devices = raw.get("devices", {})
        if not isinstance(devices, dict) or not all(isinstance(v, str) for v in devices.values()):
            raise ConfigError(f'配置文件 {path} 的 [devices] 每一项都应是 名称 = "URI"')
        update = raw.get("update", {})
        if not isinstance(update, dict) or not all(isinstance(v, str) for v in update.values()):
            raise ConfigError(f'配置文件 {path} 的 [update] 每一项都应是 名称 = "文本"')
        try:
            purge_days = int(privacy.get("purge_after_days", 30))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"配置文件 {path}：purge_after_days 应为整数天数") from exc
        return cls(
            center_url=str(center.get("url", "")),
            ca_bundle=str(center.get("ca_bundle", "")),
            window_id=str(window.get("id", "W01")),
            window_name=str(window.get("name", "综合受理1号窗")),
            hall_name=str(window.get("hall", "政务服务大厅")),
            devices=dict(devices),
            purge_after_days=purge_days,
            update=dict(update),
            source=path,
        )

    def to_toml(self) -> str:
        return tomli_w.dumps(
            {
                "center": {"url": self.center_url, "ca_bundle": self.ca_bundle},
                "window": {"id": self.window_id, "name": self.window_name, "hall": self.hall_name},
                "devices": self.devices,
                "privacy": {"purge_after_days": self.purge_after_days},
                **({"update": self.update} if self.update else {}),
            }
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_toml(), encoding="utf-8")
