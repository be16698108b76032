from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.crypto import (
    HEADER_LEN,
    DataCipher,
    DecryptError,
    content_digest,
    sha256_hex,
    sm3_hex,
)

KEY = bytes(range(32))


@pytest.mark.parametrize("cipher", ["sm4-gcm", "aes-256-gcm"])
def test_round_trip_and_aad_binding(cipher):
    box = DataCipher(KEY, cipher)
    record = box.encrypt(b"secret case", b"case-1")
    assert b"secret case" not in record
    assert box.decrypt(record, b"case-1") == b"secret case"
    with pytest.raises(DecryptError):
        box.decrypt(record, b"case-2")  # moved to another case: refused
    tampered = bytearray(record)
    tampered[HEADER_LEN] ^= 1
    with pytest.raises(DecryptError):
        box.decrypt(bytes(tampered), b"case-1")


def test_records_name_their_cipher_so_switching_keeps_old_data_readable():
    old = DataCipher(KEY, "sm4-gcm").encrypt(b"x", b"a")
    assert DataCipher(KEY, "aes-256-gcm").decrypt(old, b"a") == b"x"


def test_wrong_key_is_a_decrypt_error():
    record = DataCipher(KEY).encrypt(b"x", b"a")
    with pytest.raises(DecryptError):
        DataCipher(os.urandom(32)).decrypt(record, b"a")


def test_unknown_cipher_rejected():
    with pytest.raises(ValueError):
        DataCipher(KEY, "des")


def test_digests_match_published_vectors():
    assert sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert sha256_hex(b"abc").startswith("ba7816bf8f01cfea")
    assert content_digest(b"abc", "sm3") == sm3_hex(b"abc")
    with pytest.raises(ValueError):
        content_digest(b"abc", "md5")


def test_file_names_are_keyed():
    assert DataCipher(KEY).file_name("ab") != DataCipher(os.urandom(32)).file_name("ab")


@given(st.binary(max_size=300))
def test_decrypt_of_any_bytes_gives_plaintext_or_decrypt_error(data):
    try:
        DataCipher(KEY).decrypt(data, b"a")
    except DecryptError:
        pass
