"""Argon2id at test costs for the centers and clerk caches the tests build.

The production costs (argon2-cffi's RFC 9106 low-memory profile, ~0.4 s a hash, over a
second on a loaded 2-core CI box) would make every center start (six seeded clerks) and
every sign-in slow. The hash is still real Argon2id; tests/center/test_password_costs.py
proves that the center and the desk use the production costs when none are passed.
"""

from __future__ import annotations

from argon2 import PasswordHasher


def cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
