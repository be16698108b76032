"""Builds every long-lived object of a running client once, and closes them in order.

This is the application context the design asks for: objects are made here and
passed in (constructor injection); nothing reaches for a global. The demo's throw-away
world (the reference center in-process) is built by ``desk_app.services.demo``, the one
module of the client that may import ``center``.
"""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import (
    MachineConfig,
)
from desk_app.services.desk_services import DeskServices

log = logging.getLogger(__name__)

def read_usage(path: Path) -> dict[str, int]:
    """How often this desk took each item (codes only, no personal data): ranks search."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Building the catalog and its index makes a few hundred thousand small objects that
    all stay alive; the cyclic collector would walk them dozens of times meanwhile, for
    nothing (3× the time measured on an 8,000-item catalog). It runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


@dataclass
class DeskContext:
    services: DeskServices | None = None
    bridge: object | None = None  # the device bridge's server, when [bridge] enabled
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
        from desk_app.core.hardware import device_ops
        from desk_app.core.hardware.device_hub import OWNER_DESK, DeviceHub
        from desk_app.core.keystore import Keystore
        from desk_app.core.logging_setup import configure_logging
        from desk_app.core.network_watch import NetworkWatch
        from desk_app.core.sending.outbox import Outbox
        from desk_app.core.sending.sync import SyncService
        from desk_app.core.updates.service import UpdateService
        from desk_app.core.window_day.window_cases import CenterCaseCache, case_cache_path
        from desk_app.services.paper_printing import CasePapers
        from desk_app.services.sign_in import sign_in
        from forms.regions import RegionIndex

        paths.ensure().secure()
        desk = cls()
        try:
            redactor = configure_logging(paths.log_dir)
            outbox = Outbox.open(paths, Keystore(),
                                 purge_after=timedelta(days=config.purge_after_days))
            desk.closers.append(outbox.close)
            client = CenterClient(config.center_url, ca_bundle=config.ca_bundle or None,
                                  allow_insecure_http=config.allow_insecure_http)
            desk.closers.append(client.close)
            for warning in client.address_warnings:  # said at every start (and by doctor)
                log.warning("%s", warning)
            # every device, once: the desk and the device bridge share these drivers
            hub = DeviceHub(config.devices)
            desk.closers.append(hub.close)
            hub.start_probing()
            hub.start_card_watch()
            network = NetworkWatch.for_client(client)
            network.start()
            desk.closers.append(network.stop)
            audit = AuditLog.in_data_dir(paths.data_dir, id_key=load_audit_key(create=True),
                                         window=config.window_id)
            clerk = sign_in(client, ClerkCache.in_data_dir(paths.data_dir), audit, config,
                            username, password)
            desk.closers.append(lambda: audit.record("logout", clerk=clerk.username))
            bridge, bridge_problem = cls.start_bridge(hub, config, audit, clerk.username)
            if bridge is not None:
                desk.closers.append(bridge.stop)
            desk.bridge = bridge
            catalog, index, searcher = cls.load_catalog(paths, client, Keystore().load())
            this_year = date.today().year
            calendar = CalendarCache(paths.cache_dir, client.calendar).load(
                (this_year, this_year + 1))
            sync = SyncService(outbox, client, case_cache=CenterCaseCache(
                case_cache_path(paths.cache_dir)))
            sync.start()
            desk.closers.append(sync.stop)
            clerk_name = clerk.name
            papers = CasePapers(config, catalog, calendar, f"{config.center_url}/progress",
                                clerk_name,
                                send_slip=lambda slip: device_ops.print_slip(hub, OWNER_DESK, slip))
            desk.services = DeskServices(
                config=config, clerk_username=clerk.username, clerk_name=clerk_name,
                catalog=catalog, searcher=searcher, outbox=outbox, sync=sync,
                regions=RegionIndex(), calendar=calendar, audit=audit,
                clerk_cache=ClerkCache.in_data_dir(paths.data_dir), online=clerk.online,
                redactor=redactor, hub=hub, network=network, papers=papers,
                usage=lambda code: (index.record_use(code),
                                    write_usage(paths.data_dir / "item-usage.json",
                                                index.usage())),
                updates=UpdateService.from_config(config.update, paths.data_dir, __version__),
            )
            desk.services.bridge = bridge
            desk.services.bridge_problem = bridge_problem
        except BaseException:
            desk.close()
            raise
        return desk

    @staticmethod
    def start_bridge(hub, config: MachineConfig, audit, clerk: str):
        """The device bridge when ``[bridge] enabled``; (server or None, why not in words).

        A bridge that cannot start (port taken, bad [bridge]) never stops the desk: the
        status strip says why.
        """
        from desk_app.core.bridge.server import BridgeServer
        from desk_app.core.bridge.settings import BridgeSettings
        from desk_app.core.machine_config import ConfigError

        try:
            settings = BridgeSettings.from_config(config)
        except ConfigError as exc:
            return None, str(exc)
        if not settings.enabled:
            return None, ""
        server = BridgeServer(hub, settings, audit=audit, clerk=clerk)
        try:
            server.start()
        except RuntimeError as exc:
            server.stop()
            return None, str(exc)
        return server, ""

    @staticmethod
    def load_catalog(paths: AppPaths, client, data_key: bytes | None = None):
        from desk_app.core.catalog_cache import CatalogCache
        from forms.search import SearchIndex

        ready = None
        if data_key is not None:
            from desk_app.core.ready_catalog import ReadyCatalog, seal_key

            ready = ReadyCatalog(paths.cache_dir, seal_key(data_key))
        with bulk_objects():
            snapshot = CatalogCache(paths.cache_dir, client.fetch_catalog, ready).load()
            catalog = snapshot.catalog
            usage_file = paths.data_dir / "item-usage.json"
            keys = load_search_keys(paths.cache_dir)
            index = SearchIndex(catalog, usage=read_usage(usage_file), keys=keys)
        if snapshot.problem:
            log.warning("catalog: %s", snapshot.problem)
        save_search_keys(keys, paths.cache_dir)
        popular = sorted(catalog.items.values(), key=lambda i: -i.frequency)[:30]

        def search(text: str) -> list:
            return index.search(text, limit=50) if text.strip() else popular

        return catalog, index, search
