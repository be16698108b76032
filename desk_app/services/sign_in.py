"""Signing a clerk in: online when the center answers, from the offline cache when not.

Town stations lose the network for days; a clerk who signed in online on this desk
within the cache's lifetime can still sign in and accept cases, which then wait in
the outbox until an online login gives the sync thread a token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from desk_app.core.machine_config import MachineConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    username: str
    name: str
    online: bool  # False: signed in from the offline cache; the outbox waits for a login


class OfflineSignInRefused(Exception):
    """The center is unreachable and the offline cache cannot vouch for this clerk."""


def sign_in(client, cache, audit, config: MachineConfig, username: str,
            password: str) -> SignedIn:
    """Online when the center answers; from the offline cache when it cannot be reached."""
    from desk_app.core.center_errors import BadCredentials, Transient
    from desk_app.core.clerk_cache import ClerkCacheError

    try:
        session = client.login(username, password, config.window_id)
    except BadCredentials:
        cache.forget(username)
        raise
    except Transient:
        cached = cache.verify_offline(username, password)
        if cached is None:
            raise OfflineSignInRefused(
                "无法连接受理中心，且" + cache.refusal(username)) from None
        audit.record("login_offline", clerk=username)
        return SignedIn(cached.username, cached.name, online=False)
    try:
        cache.remember(username=username, password=password, name=session.clerk.name,
                       clerk_id=session.clerk.id, window_id=config.window_id)
    except ClerkCacheError:
        log.warning("offline sign-in cache not written")
    audit.record("login", clerk=username)
    return SignedIn(session.clerk.username, session.clerk.name, online=True)
