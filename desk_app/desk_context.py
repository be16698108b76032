"""Builds every long-lived object of a running client once, and closes them in order.

This is the application context the design asks for: objects are made here and
passed in (constructor injection); nothing reaches for a global. ``start_demo``
makes a throw-away world: the reference center in-process on a free loopback port
with a fresh demo database, simulated devices, and a signed-in demo clerk.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import ROLE_ID_READER, ROLE_RECEIPT_PRINTER, MachineConfig
from desk_app.desk_services import DeskServices

log = logging.getLogger(__name__)

DEMO_USERNAME = "clerk01"
DEMO_PASSWORD = "demo1234"
DEMO_IDENTITY = "zhang-wei"


@dataclass
class DeskContext:
    services: DeskServices
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
        from desk_app.core.center_client import CenterClient
        from desk_app.core.keystore import Keystore
        from desk_app.core.logging_setup import configure_logging
        from desk_app.core.outbox import Outbox
        from desk_app.core.sync import SyncService
        from desk_app.receipts import ReceiptPrinting
        from devices.cards.uri import open_reader

        paths.ensure()
        closers: list[Callable[[], None]] = []
        redactor = configure_logging(paths.log_dir)
        outbox = Outbox.open(paths, Keystore())
        closers.append(outbox.close)
        client = CenterClient(config.center_url, ca_bundle=config.ca_bundle or None)
        session = client.login(username, password, config.window_id)
        catalog, searcher = cls.load_catalog(paths, client)
        sync = SyncService(outbox, client)
        sync.start()
        closers.append(sync.stop)
        receipts = ReceiptPrinting(config, catalog)
        services = DeskServices(
            config=config, clerk_username=session.clerk.username,
            clerk_name=session.clerk.name, catalog=catalog, searcher=searcher,
            outbox=outbox, sync=sync, redactor=redactor, open_reader=open_reader,
            print_receipt=receipts.print_receipt,
        )
        return cls(services=services, closers=closers)

    @staticmethod
    def load_catalog(paths: AppPaths, client):
        from desk_app.core.catalog_cache import CatalogCache
        from forms.search import ItemSearch

        catalog = CatalogCache(paths.cache_dir, client.fetch_catalog).load()
        index = ItemSearch(catalog)
        return catalog, lambda text: index.search(text)

    @classmethod
    def start_demo(cls) -> DeskContext:
        from center.inprocess import start_in_thread

        root = Path(tempfile.mkdtemp(prefix="counter-desk-demo-"))
        paths = AppPaths.under(root).ensure()
        center = start_in_thread(f"sqlite:///{root / 'center.db'}", root / "center-blobs")
        config = MachineConfig(
            center_url=center.url,
            window_id="W01",
            window_name="综合受理1号窗（演示）",
            devices={
                ROLE_ID_READER: f"sim:{DEMO_IDENTITY}",
                ROLE_RECEIPT_PRINTER: f"escpos-file:{root / 'receipt-printer.bin'}",
            },
            source=paths.config_file,
        )
        config.save(paths.config_file)
        try:
            desk = cls.start(paths, config, username=DEMO_USERNAME, password=DEMO_PASSWORD)
        except BaseException:
            center.stop()
            shutil.rmtree(root, ignore_errors=True)
            raise
        desk.closers.insert(0, lambda: shutil.rmtree(root, ignore_errors=True))
        desk.closers.insert(1, center.stop)
        return desk
