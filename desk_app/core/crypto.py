"""Authenticated encryption and content digests for data at rest.

Every sealed record is ``MAGIC | cipher id | 12-byte nonce | ciphertext | 16-byte tag``.
The cipher id travels with the record, so switching the configured cipher never makes
older records unreadable. SM4-GCM (国密) is the default, AES-256-GCM selectable; both
come from ``cryptography`` (OpenSSL). The associated data binds a record to what it
belongs to (the case UUID), so a file swapped between cases fails to decrypt.

The per-install data key is 32 random bytes; each cipher gets its own sub-key through
HKDF-SHA256 (SM4 needs 16 bytes, AES-256 32).
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"CDE1"
NONCE_LEN = 12
TAG_LEN = 16
CIPHER_IDS = {"sm4-gcm": 1, "aes-256-gcm": 2}
_ID_TO_NAME = {v: k for k, v in CIPHER_IDS.items()}
HEADER_LEN = len(MAGIC) + 1 + NONCE_LEN


class DecryptError(Exception):
    """A record is damaged, truncated, or belongs to another key or case."""

    def __init__(self, message: str = "加密数据无法解密：文件已损坏或密钥不匹配") -> None:
        super().__init__(message)


def _subkey(master: bytes, cipher: str) -> bytes:
    length = 16 if cipher == "sm4-gcm" else 32
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=length, salt=None, info=b"counter-desk/" + cipher.encode()
    )
    return hkdf.derive(master)


class DataCipher:
    """Encrypts with the configured cipher, decrypts whichever cipher a record names."""

    def __init__(self, master_key: bytes, cipher: str = "sm4-gcm") -> None:
        if cipher not in CIPHER_IDS:
            raise ValueError(f"unknown cipher {cipher!r}; choose one of {sorted(CIPHER_IDS)}")
        if len(master_key) != 32:
            raise ValueError("the data key must be 32 bytes")
        self.cipher = cipher
        self._keys = {name: _subkey(master_key, name) for name in CIPHER_IDS}
        self._name_key = hmac.new(master_key, b"counter-desk/names", hashlib.sha256).digest()

    def encrypt(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        key = self._keys[self.cipher]
        if self.cipher == "aes-256-gcm":
            body = AESGCM(key).encrypt(nonce, plaintext, aad)
        else:
            encryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
            encryptor.authenticate_additional_data(aad)
            body = encryptor.update(plaintext) + encryptor.finalize() + encryptor.tag
        return MAGIC + bytes([CIPHER_IDS[self.cipher]]) + nonce + body

    def decrypt(self, record: bytes, aad: bytes) -> bytes:
        if len(record) < HEADER_LEN + TAG_LEN or not record.startswith(MAGIC):
            raise DecryptError()
        name = _ID_TO_NAME.get(record[len(MAGIC)])
        if name is None:
            raise DecryptError()
        nonce = record[len(MAGIC) + 1 : HEADER_LEN]
        body = record[HEADER_LEN:]
        key = self._keys[name]
        try:
            if name == "aes-256-gcm":
                return AESGCM(key).decrypt(nonce, body, aad)
            decryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce, body[-TAG_LEN:])).decryptor()
            decryptor.authenticate_additional_data(aad)
            return decryptor.update(body[:-TAG_LEN]) + decryptor.finalize()
        except InvalidTag as exc:
            raise DecryptError() from exc

    def file_name(self, digest: str) -> str:
        """Name a blob file by a keyed hash, so file names reveal nothing about contents."""
        return hmac.new(self._name_key, digest.encode(), hashlib.sha256).hexdigest()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sm3_hex(data: bytes) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def content_digest(data: bytes, algorithm: str = "sha256") -> str:
    """Content digest: SHA-256 (what the center's blob API addresses by) or SM3."""
    if algorithm == "sha256":
        return sha256_hex(data)
    if algorithm == "sm3":
        return sm3_hex(data)
    raise ValueError(f"unknown digest {algorithm!r}")
