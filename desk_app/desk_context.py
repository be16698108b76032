"""Builds every long-lived object of a running client once, and closes them in order.

This is the application context the design asks for: objects are made here and
passed in (constructor injection); nothing reaches for a global. ``start_demo``
makes a throw-away world: the reference center in-process on a free loopback port
with a fresh demo database, simulated devices, and a signed-in demo clerk.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import (
    ROLE_CAMERA,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
    MachineConfig,
)
from desk_app.desk_services import DeskServices

log = logging.getLogger(__name__)

DEMO_USERNAME = "clerk01"
DEMO_PASSWORD = "demo1234"
DEMO_IDENTITY = "zhang-wei"  # the center's demo person, with electronic licences


def read_usage(path: Path) -> dict[str, int]:
    """How often this desk took each item (codes only, no personal data): ranks search."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}


def _replace_file(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename over it: a reader never sees half a file."""
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def write_usage(path: Path, usage: dict[str, int]) -> None:
    _replace_file(path, json.dumps(usage).encode("utf-8"))


def load_search_keys(cache_dir: Path):
    """The pinyin keys earlier runs worked out (``forms.search_key_cache``: why)."""
    from forms.search_key_cache import SearchKeyCache

    try:
        return SearchKeyCache.loads((cache_dir / "search-keys.json").read_bytes())
    except OSError:
        return SearchKeyCache()


def save_search_keys(keys, cache_dir: Path) -> None:
    if not keys.converted:
        return  # nothing new: the file on disk already has every key this catalog needs
    try:
        _replace_file(cache_dir / "search-keys.json", keys.dumps())
    except OSError as exc:  # a cache: the next start converts again, nothing is lost
        log.warning("search keys not cached: %s", type(exc).__name__)


def _bind_demo_scanner(root: Path, devices: dict[str, str]) -> Callable[[], None]:
    """Bind SANE's ``test`` feeder as the demo's scanner (F7 in the capture screen).

    The backend is off in the system's dll.conf; a private SANE_CONFIG_DIR enables it.
    Only scanner helper processes read the variable; it is put back when the demo ends.
    """
    from devices.scanner.sane_test_backend import has_test_backend, write_test_backend_config

    if not has_test_backend():
        return lambda: None  # no libsane1 here: the demo simply has no scanner
    config = write_test_backend_config(root / "sane.d")
    previous = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(config)
    devices[ROLE_SCANNER] = "sane:test:1?test-picture=Color pattern&read-return-value=Default"

    def restore() -> None:
        if previous is None:
            os.environ.pop("SANE_CONFIG_DIR", None)
        else:
            os.environ["SANE_CONFIG_DIR"] = previous

    return restore


@dataclass
class DeskContext:
    services: DeskServices | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        while self.closers:
            closer = self.closers.pop()
            try:
                closer()
            except Exception:  # closing the rest matters more than one failure
                log.exception("shutdown step failed")

    @classmethod
    def start(cls, paths: AppPaths, config: MachineConfig, *, username: str,
              password: str) -> DeskContext:
        from desk_app import __version__
        from desk_app.core.audit import AuditLog, load_audit_key
        from desk_app.core.calendar_cache import CalendarCache
        from desk_app.core.center_client import CenterClient
        from desk_app.core.clerk_cache import ClerkCache
        from desk_app.core.keystore import Keystore
        from desk_app.core.logging_setup import configure_logging
        from desk_app.core.outbox import Outbox
        from desk_app.core.sync import SyncService
        from desk_app.core.updates.service import UpdateService
        from desk_app.core.window_cases import CenterCaseCache, case_cache_path
        from desk_app.receipts import CasePapers
        from desk_app.sign_in import sign_in
        from devices.cards.uri import open_reader
        from forms.regions import RegionIndex

        paths.ensure()
        desk = cls()
        try:
            redactor = configure_logging(paths.log_dir)
            outbox = Outbox.open(paths, Keystore(),
                                 purge_after=timedelta(days=config.purge_after_days))
            desk.closers.append(outbox.close)
            client = CenterClient(config.center_url, ca_bundle=config.ca_bundle or None)
            desk.closers.append(client.close)
            audit = AuditLog.in_data_dir(paths.data_dir, id_key=load_audit_key(create=True),
                                         window=config.window_id)
            clerk = sign_in(client, ClerkCache.in_data_dir(paths.data_dir), audit, config,
                            username, password)
            desk.closers.append(lambda: audit.record("logout", clerk=clerk.username))
            catalog, index, searcher = cls.load_catalog(paths, client)
            this_year = date.today().year
            calendar = CalendarCache(paths.cache_dir, client.calendar).load(
                (this_year, this_year + 1))
            sync = SyncService(outbox, client, case_cache=CenterCaseCache(
                case_cache_path(paths.cache_dir)))
            sync.start()
            desk.closers.append(sync.stop)
            clerk_name = clerk.name
            papers = CasePapers(config, catalog, calendar, f"{config.center_url}/progress",
                                clerk_name)
            desk.services = DeskServices(
                config=config, clerk_username=clerk.username, clerk_name=clerk_name,
                catalog=catalog, searcher=searcher, outbox=outbox, sync=sync,
                regions=RegionIndex(), calendar=calendar, audit=audit,
                clerk_cache=ClerkCache.in_data_dir(paths.data_dir), online=clerk.online,
                redactor=redactor, open_reader=open_reader, papers=papers,
                usage=lambda code: (index.record_use(code),
                                    write_usage(paths.data_dir / "item-usage.json",
                                                index.usage())),
                updates=UpdateService.from_config(config.update, paths.data_dir, __version__),
            )
        except BaseException:
            desk.close()
            raise
        return desk

    @staticmethod
    def load_catalog(paths: AppPaths, client):
        from desk_app.core.catalog_cache import CatalogCache
        from forms.search import SearchIndex

        snapshot = CatalogCache(paths.cache_dir, client.fetch_catalog).load()
        if snapshot.problem:
            log.warning("catalog: %s", snapshot.problem)
        catalog = snapshot.catalog
        usage_file = paths.data_dir / "item-usage.json"
        keys = load_search_keys(paths.cache_dir)
        index = SearchIndex(catalog, usage=read_usage(usage_file), keys=keys)
        save_search_keys(keys, paths.cache_dir)
        popular = sorted(catalog.items.values(), key=lambda i: -i.frequency)[:30]

        def search(text: str) -> list:
            return index.search(text, limit=50) if text.strip() else popular

        return catalog, index, search

    @classmethod
    def start_demo(cls) -> DeskContext:
        import keyring

        from center.backoffice import BackofficeSimulator
        from center.inprocess import start_in_thread
        from desk_app.core.memory_keyring import MemoryKeyring

        # The demo's data dies with its temp folder; its key must not land in (or need)
        # the machine's real keyring, which a bare Linux desk may not even have.
        keyring.set_keyring(MemoryKeyring())
        root = Path(tempfile.mkdtemp(prefix="counter-desk-demo-"))
        paths = AppPaths.under(root).ensure()
        center = start_in_thread(f"sqlite:///{root / 'center.db'}", root / "center-blobs")
        # The demo's back office approves and readies each case on its own, so 本窗口办件 and
        # 出件 can be shown on the cases just filed (one step every 20 seconds).
        backoffice = BackofficeSimulator(center.app.state.center, delay=20)
        backoffice.start()
        devices = {
            ROLE_ID_READER: f"sim:{DEMO_IDENTITY}",
            ROLE_RECEIPT_PRINTER: f"escpos-file:{root / 'receipt-printer.bin'}",
            ROLE_CAMERA: "camera-sim:?seed=7&width=1600&height=1200&frames_per_image=20",
        }
        restore_sane = _bind_demo_scanner(root, devices)
        config = MachineConfig(
            center_url=center.url,
            window_id="W01",
            window_name="综合受理1号窗（演示）",
            devices=devices,
            source=paths.config_file,
        )
        config.save(paths.config_file)
        try:
            desk = cls.start(paths, config, username=DEMO_USERNAME, password=DEMO_PASSWORD)
        except BaseException:
            backoffice.stop()
            center.stop()
            restore_sane()
            shutil.rmtree(root, ignore_errors=True)
            raise
        desk.closers.insert(0, lambda: shutil.rmtree(root, ignore_errors=True))
        desk.closers.insert(1, restore_sane)
        desk.closers.insert(2, center.stop)
        desk.closers.insert(3, backoffice.stop)
        return desk
