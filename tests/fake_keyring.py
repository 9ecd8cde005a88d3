"""A keyring of the test's own (fixtures made available to every test by tests/conftest.py):
`memory_keyring` (an in-memory backend, what a desktop with a system keyring gives) and
`no_keyring` (keyring's "fail" backend, what a Linux desktop without Secret Service gives).
Each puts the previous backend back afterwards; without the keyring package they skip."""

from __future__ import annotations

import pytest


def _memory_backend():
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def delete_password(self, service, username):
            self.kept.pop((service, username), None)

    return MemoryKeyring()


@pytest.fixture
def memory_keyring():
    keyring = pytest.importorskip("keyring")
    previous = keyring.get_keyring()
    backend = _memory_backend()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
