"""Signing in online, then offline from the cache when the center is down (real center)."""

from __future__ import annotations

import pytest

from center.inprocess import start_in_thread
from desk_app.core.audit import AuditLog
from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import BadCredentials
from desk_app.core.clerk_cache import ClerkCache
from desk_app.core.machine_config import MachineConfig
from desk_app.services.sign_in import OfflineSignInRefused, sign_in

pytestmark = pytest.mark.realstack


def test_online_then_offline_sign_in(tmp_path):
    center = start_in_thread(f"sqlite:///{tmp_path / 'c.db'}", tmp_path / "blobs")
    config = MachineConfig(center_url=center.url, window_id="W02")
    cache = ClerkCache.in_data_dir(tmp_path)
    audit = AuditLog.in_data_dir(tmp_path, id_key=b"k" * 32, window="W02")
    try:
        client = CenterClient(center.url)
        with pytest.raises(BadCredentials):
            sign_in(client, cache, audit, config, "clerk01", "wrong")
        clerk = sign_in(client, cache, audit, config, "clerk01", "demo1234")
        assert (clerk.username, clerk.name, clerk.online) == ("clerk01", "张敏", True)
    finally:
        center.stop()

    offline_client = CenterClient(center.url, timeout=(0.5, 0.5))
    clerk = sign_in(offline_client, cache, audit, config, "clerk01", "demo1234")
    assert (clerk.name, clerk.online) == ("张敏", False)
    with pytest.raises(OfflineSignInRefused) as refused:
        sign_in(offline_client, cache, audit, config, "clerk01", "nope")
    assert "无法连接受理中心" in str(refused.value)
    with pytest.raises(OfflineSignInRefused):
        sign_in(offline_client, cache, audit, config, "clerk02", "demo1234")  # never online here

    actions = [r.action for r in audit.records()]
    assert actions == ["login", "login_offline"]
    assert audit.verify() == []
