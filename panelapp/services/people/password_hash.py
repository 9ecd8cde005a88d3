"""argon2id hashing of account passwords (argon2-cffi, RFC 9106's low-memory profile).

argon2 is imported on the first hash or check, not when services are imported (start-up)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from panelapp.domain.passwords import normalize_password

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(type=Type.ID)


def hash_password(password: str) -> str:
    return str(_hasher().hash(normalize_password(password)))


def verify_password(stored: str | None, password: str) -> bool:
    """True when `password` matches the stored hash; False for no hash or a wrong password."""
    if not stored:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, normalize_password(password)))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """The stored hash was made with weaker parameters than today's."""
    return bool(_hasher().check_needs_rehash(stored))
