"""Personal fields encrypted at rest: envelope encryption with AES-256-GCM, and a keyed hash
(HMAC-SHA256) to find a record by a personal value without storing it.

Each record gets a fresh data key (DEK). The DEK encrypts the fields; the center's active
key-encryption key (KEK, named by a key id) wraps the DEK. Both are AES-GCM, with the
record's identity as associated data, so a ciphertext moved to another row or field does
not decrypt. Stored form (JSON)::

    {"v": 1, "kid": "k1", "dek": b64(nonce‖wrapped DEK), "ct": b64(nonce‖ciphertext)}

Rotation: add a new KEK to the key file and make it ``active``; new records use it, old
ones still open with the KEK their ``kid`` names (keep it until every record was rewrapped:
``rewrap`` opens the DEK with the old KEK and wraps it with the active one — the fields
themselves are not re-encrypted). The lookup key is separate and not rotated casually:
changing it means recomputing every stored lookup hash.

Keys come from, in order: a key file (``--key-file`` / DESK_CENTER_KEY_FILE, JSON as
written by ``CenterKeys.to_json``, mode 0600, kept off the database's volume), the system
keyring (service ``counter-desk-center``), or — for a demo or test center only — a key file
generated next to a SQLite database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEYRING_SERVICE = "counter-desk-center"
KEYRING_ENTRY = "field-keys"
KEY_FILE_ENV = "DESK_CENTER_KEY_FILE"
log = logging.getLogger(__name__)


class KeyError_(Exception):
    """Missing, unreadable or wrong keys (message in Chinese, for the technician)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class CenterKeys:
    active: str
    keks: dict[str, bytes]
    lookup_key: bytes

    @classmethod
    def generate(cls, kid: str = "k1") -> CenterKeys:
        return cls(kid, {kid: AESGCM.generate_key(256)}, secrets.token_bytes(32))

    def with_new_active(self, kid: str) -> CenterKeys:
        if kid in self.keks:
            raise KeyError_(f"密钥编号 {kid} 已存在")
        return CenterKeys(kid, {**self.keks, kid: AESGCM.generate_key(256)}, self.lookup_key)

    def to_json(self) -> str:
        return json.dumps(
            {
                "active": self.active,
                "keks": {k: _b64(v) for k, v in self.keks.items()},
                "lookup": _b64(self.lookup_key),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> CenterKeys:
        try:
            data = json.loads(text)
            keks = {str(k): _unb64(v) for k, v in data["keks"].items()}
            keys = cls(str(data["active"]), keks, _unb64(data["lookup"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyError_("中心密钥文件格式不正确") from exc
        if keys.active not in keys.keks or any(len(k) != 32 for k in keys.keks.values()):
            raise KeyError_("中心密钥文件不完整：当前密钥缺失或长度不是 256 位")
        if len(keys.lookup_key) < 32:
            raise KeyError_("中心密钥文件不完整：查询密钥过短")
        return keys

    # ---- lookup hashes ----------------------------------------------------------------
    def lookup_hash(self, kind: str, value: str) -> str:
        """HMAC-SHA256 of a normalised personal value: equal values match, nothing leaks."""
        message = f"{kind}\x00{value.strip().upper()}".encode()
        return hmac.new(self.lookup_key, message, hashlib.sha256).hexdigest()

    # ---- envelopes --------------------------------------------------------------------
    def seal(self, value: Any, context: str) -> dict[str, Any]:
        aad = context.encode("utf-8")
        dek = AESGCM.generate_key(256)
        nonce = os.urandom(12)
        plaintext = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        ciphertext = nonce + AESGCM(dek).encrypt(nonce, plaintext, aad)
        wrap_nonce = os.urandom(12)
        wrapped = wrap_nonce + AESGCM(self.keks[self.active]).encrypt(wrap_nonce, dek, aad)
        return {"v": 1, "kid": self.active, "dek": _b64(wrapped), "ct": _b64(ciphertext)}

    def _dek(self, envelope: dict[str, Any], aad: bytes) -> bytes:
        kek = self.keks.get(str(envelope.get("kid")))
        if kek is None:
            raise KeyError_(f"缺少密钥 {envelope.get('kid')}，无法解密（密钥轮换后旧密钥须保留）")
        wrapped = _unb64(envelope["dek"])
        return AESGCM(kek).decrypt(wrapped[:12], wrapped[12:], aad)

    def open(self, envelope: Any, context: str) -> Any:
        if not is_envelope(envelope):
            return envelope  # written before encryption was introduced
        aad = context.encode("utf-8")
        try:
            dek = self._dek(envelope, aad)
            raw = _unb64(envelope["ct"])
            return json.loads(AESGCM(dek).decrypt(raw[:12], raw[12:], aad))
        except (InvalidTag, ValueError) as exc:
            raise KeyError_("个人信息解密失败：密钥不符或数据被改动") from exc

    def rewrap(self, envelope: Any, context: str) -> Any:
        """The same fields with their DEK wrapped by the active KEK (key rotation)."""
        if not is_envelope(envelope) or envelope["kid"] == self.active:
            return envelope
        aad = context.encode("utf-8")
        try:
            dek = self._dek(envelope, aad)
        except InvalidTag as exc:
            raise KeyError_("个人信息解密失败：密钥不符或数据被改动") from exc
        wrap_nonce = os.urandom(12)
        wrapped = wrap_nonce + AESGCM(self.keks[self.active]).encrypt(wrap_nonce, dek, aad)
        return {**envelope, "kid": self.active, "dek": _b64(wrapped)}


def is_envelope(value: Any) -> bool:
    return isinstance(value, dict) and value.get("v") == 1 and {"kid", "dek", "ct"} <= set(value)


def load_keys(key_file: Path | None, fallback_file: Path | None) -> CenterKeys:
    """Keys from ``key_file`` (or DESK_CENTER_KEY_FILE), else the keyring, else
    ``fallback_file`` (created if absent)."""
    if key_file is None and os.environ.get(KEY_FILE_ENV):
        key_file = Path(os.environ[KEY_FILE_ENV])
    if key_file is not None:
        try:
            return CenterKeys.from_json(key_file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise KeyError_(f"无法读取中心密钥文件 {key_file}") from exc
    stored = _from_keyring()
    if stored is not None:
        return CenterKeys.from_json(stored)
    if fallback_file is None:
        raise KeyError_("没有中心密钥：请用 --key-file 指定密钥文件，或存入系统密钥环")
    if fallback_file.exists():
        return CenterKeys.from_json(fallback_file.read_text(encoding="utf-8"))
    keys = CenterKeys.generate()
    fallback_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(fallback_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(keys.to_json())
    log.warning("generated center field keys next to the database (demo/test only)")
    return keys


def _from_keyring() -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
        except (KeyringError, RuntimeError, OSError):
            return None
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
