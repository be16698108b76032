"""Pre-application codes (预审编号): random, with a check character, validated on input.

``YS`` + 10 random characters of 0-9A-Z (36¹⁰ ≈ 3.7 × 10¹⁵ codes, so guessing one of the
few thousand open ones takes ~10¹² tries, against a rate limit) + one ISO 7064 MOD 37-2
check character (python-stdnum), which catches every single mistyped character and every
swap of two neighbours before the database is asked.

MOD 37-2 (a *pure* system) rather than the hybrid MOD 37-36: the hybrid one misses some
swaps that involve the check character (``…U01`` ↔ ``…U10``, found by our test). A pure
system's check character may be ``*``; such bodies are drawn again, so codes stay 0-9A-Z.
"""

from __future__ import annotations

import re
import secrets

from stdnum.iso7064 import mod_37_2

PREFIX = "YS"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BODY_LENGTH = 10
_SHAPE = re.compile(rf"{PREFIX}[0-9A-Z]{{{BODY_LENGTH + 1}}}")
_SEPARATORS = re.compile(r"[\s\-]+")


class BadCode(ValueError):
    """Not a pre-application code; the message says what to check (Chinese)."""


def new_code() -> str:
    while True:
        body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
        check = mod_37_2.calc_check_digit(body)
        if check != "*":  # 1 body in 37: draw again rather than print a '*'
            return PREFIX + body + check


def with_check(body: str) -> str:
    """A code for a fixed body (demo data); the body must not need a '*'."""
    check = mod_37_2.calc_check_digit(body)
    if check == "*":
        raise ValueError(body)
    return PREFIX + body + check


def normalise(text: str) -> str:
    """Upper-case, without spaces or hyphens (codes are read aloud and typed in groups)."""
    code = _SEPARATORS.sub("", text).upper()
    if not _SHAPE.fullmatch(code):
        raise BadCode("预审编号格式不正确：应为 YS 加 11 位字母或数字，请核对申请人出示的编号")
    if not mod_37_2.is_valid(code[len(PREFIX) :]):
        raise BadCode("预审编号校验位不符，可能输错了一位或两位颠倒，请核对后重新输入")
    return code
