from __future__ import annotations

import base64

import pytest
from keyring.errors import KeyringLocked

from desk_app.core.keystore import (
    ACCOUNT,
    SERVICE,
    KeyMismatchError,
    KeyMissingError,
    Keystore,
    KeystoreUnavailable,
)


def test_creates_once_then_reads_the_same_key(isolated_machine):
    store = Keystore()
    key = store.load_or_create(data_exists=False)
    assert len(key) == 32
    assert store.load_or_create(data_exists=True) == key
    assert base64.b64decode(isolated_machine.secrets[(SERVICE, ACCOUNT)]) == key


def test_never_creates_a_key_over_existing_data(isolated_machine):
    with pytest.raises(KeyMissingError) as info:
        Keystore().load_or_create(data_exists=True)
    assert "密钥" in str(info.value)
    assert isolated_machine.secrets == {}


def test_garbage_in_the_keyring_is_a_mismatch(isolated_machine):
    isolated_machine.secrets[(SERVICE, ACCOUNT)] = "not base64!!"
    with pytest.raises(KeyMismatchError):
        Keystore().load()


def test_locked_keyring_is_a_clear_error(isolated_machine, monkeypatch):
    def locked(*_args):
        raise KeyringLocked("locked")

    monkeypatch.setattr(isolated_machine, "get_password", locked)
    with pytest.raises(KeystoreUnavailable) as info:
        Keystore().load()
    assert "密钥环" in str(info.value)
