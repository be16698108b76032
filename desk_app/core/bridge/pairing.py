"""Pairing: each allowed origin is paired once, by a technician, with a code shown at
the desk; the page then holds a token and the keyring holds its hash.

The code never travels to the page: the page asks for one, the desk shows it, a person
types it into the page. Six digits, valid 5 minutes, five wrong tries void it. Only the
token's SHA-256 is kept (keyring service ``counter-desk-bridge``, user = the origin): a
reader of the keyring cannot act as the page. Re-pairing replaces the old token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError

SERVICE = "counter-desk-bridge"
CODE_TTL_S = 300.0
MAX_TRIES = 5
RESHOW_AFTER_S = 30.0


class PairingError(Exception):
    """Why pairing did not happen, in Chinese for the page to show."""


@dataclass
class _Pending:
    code: str
    expires: float
    tries: int = 0


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class PairingBook:
    def __init__(self, show_code: Callable[[str, str], None], *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._show_code = show_code
        self._clock = clock
        self._pending: dict[str, _Pending] = {}
        self._known: dict[str, str] = {}  # origin → token digest (cache of the keyring)
        self._lock = threading.Lock()

    def start(self, origin: str) -> float:
        """A new code for ``origin``, shown at the desk; seconds it stays valid.

        A page asking again within ``RESHOW_AFTER_S`` gets no new dialog: a looping page
        cannot bury the clerk's screen in pairing codes.
        """
        code = f"{secrets.randbelow(1_000_000):06d}"
        now = self._clock()
        with self._lock:
            pending = self._pending.get(origin)
            if pending is not None and now < pending.expires - CODE_TTL_S + RESHOW_AFTER_S:
                raise PairingError("配对码刚刚已在柜台显示：请输入该配对码，或稍后再申请")
            self._pending[origin] = _Pending(code, now + CODE_TTL_S)
        self._show_code(origin, code)
        return CODE_TTL_S

    def confirm(self, origin: str, code: str) -> str:
        """The token for ``origin`` when ``code`` is the one the desk shows."""
        with self._lock:
            pending = self._pending.get(origin)
            if pending is None or self._clock() > pending.expires:
                self._pending.pop(origin, None)
                raise PairingError("配对码已失效：请重新申请配对，并输入柜台显示的新配对码")
            if not hmac.compare_digest(pending.code, str(code)[:12]):
                pending.tries += 1
                if pending.tries >= MAX_TRIES:
                    del self._pending[origin]
                    raise PairingError("配对码错误次数过多：请重新申请配对")
                raise PairingError("配对码不正确：请输入柜台屏幕上显示的 6 位数字")
            del self._pending[origin]
        token = secrets.token_urlsafe(32)
        try:
            keyring.set_password(SERVICE, origin, _digest(token))
        except KeyringError as exc:
            raise PairingError("本机密钥环不可用，无法保存配对：请联系技术支持") from exc
        with self._lock:
            self._known[origin] = _digest(token)
        return token

    def is_paired(self, origin: str, token: str | None) -> bool:
        if not token:
            return False
        with self._lock:
            digest = self._known.get(origin)
        if digest is None:
            try:
                digest = keyring.get_password(SERVICE, origin)
            except KeyringError:
                return False
            if digest is None:
                return False
            with self._lock:
                self._known[origin] = digest
        return hmac.compare_digest(digest, _digest(token))

    def forget(self, origin: str) -> None:
        with self._lock:
            self._known.pop(origin, None)
        try:
            keyring.delete_password(SERVICE, origin)
        except KeyringError:
            pass
