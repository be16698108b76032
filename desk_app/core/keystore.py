"""The per-install data key, kept in the OS keyring (Windows Credential Manager,
Secret Service on UOS/Kylin) through ``keyring``.

The key is created only when the outbox has never held encrypted data. If the keyring
entry disappears while encrypted data exists, we raise ``KeyMissingError`` and never
generate a new key over it: a fresh key would silently orphan every queued case.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

import keyring
from keyring.errors import KeyringError

SERVICE = "counter-desk"
ACCOUNT = "outbox-data-key"


class KeystoreError(Exception):
    """The data key cannot be used; the message tells the clerk or technician what to do."""

    @property
    def clerk_message(self) -> str:
        """What the UI shows (the same convention as ``devices.errors.DeviceError``)."""
        return str(self)


class KeyMissingError(KeystoreError):
    def __init__(self) -> None:
        super().__init__(
            "本机数据密钥丢失：待发送的办件已加密保存但无法读取。"
            "请勿重装或清除数据，联系技术人员从备份恢复密钥。"
        )


class KeyMismatchError(KeystoreError):
    def __init__(self) -> None:
        super().__init__(
            "本机数据密钥与已保存的办件不匹配：请联系技术人员恢复原密钥，办件数据未被删除。"
        )


class KeystoreUnavailable(KeystoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"无法访问系统密钥环（{detail}）：请联系技术人员检查系统密钥服务。")


class Keystore:
    """Reads and creates the data key; ``service``/``account`` name the keyring entry."""

    def __init__(self, service: str = SERVICE, account: str = ACCOUNT) -> None:
        self.service = service
        self.account = account

    def load(self) -> bytes | None:
        try:
            stored = keyring.get_password(self.service, self.account)
        except KeyringError as exc:
            raise KeystoreUnavailable(type(exc).__name__) from exc
        if stored is None:
            return None
        try:
            key = base64.b64decode(stored, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise KeyMismatchError() from exc
        if len(key) != 32:
            raise KeyMismatchError()
        return key

    def load_or_create(self, *, data_exists: bool) -> bytes:
        key = self.load()
        if key is not None:
            return key
        if data_exists:
            raise KeyMissingError()
        key = os.urandom(32)
        try:
            keyring.set_password(self.service, self.account, base64.b64encode(key).decode())
        except KeyringError as exc:
            raise KeystoreUnavailable(type(exc).__name__) from exc
        return key


HELD_DATA_ACCOUNT = "outbox-held-data"


class HeldDataMarker:
    """Beside the data key: "this install's outbox has held sealed cases".

    Kept in the keyring next to the key (and by the outbox on disk too), so an emptied or
    deleted queue database is recognised as damage instead of opening as a new, empty queue.
    One entry per data folder (a hash of its path names it), so a second data folder of
    the same user (the demo's) starts empty as it should.
    """

    def __init__(self, folder: str, service: str = SERVICE) -> None:
        self.service = service
        digest = hashlib.sha256(folder.encode()).hexdigest()[:16]
        self.account = f"{HELD_DATA_ACCOUNT}:{digest}"

    def is_set(self) -> bool:
        try:
            return keyring.get_password(self.service, self.account) is not None
        except KeyringError:
            return False  # the on-disk marker still speaks; the key load reports the keyring

    def set(self) -> None:
        try:
            keyring.set_password(self.service, self.account, "1")
        except KeyringError:
            pass  # best effort: the on-disk marker was written first
