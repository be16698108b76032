"""GB 11643-1999 citizen identity numbers: the ISO 7064 MOD 11-2 check character.

Written here rather than imported because ``devices`` may import nothing of the
project; the rule is twenty lines and fixed by the standard.
"""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


def check_char(first17: str) -> str:
    """The check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要 17 位数字")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_valid(number: str) -> bool:
    """True when the 18-character number has the right shape, a real birth date and check."""
    number = number.upper()
    if not _SHAPE.match(number):
        return False
    if birth_date_of(number) is None:
        return False
    return check_char(number[:17]) == number[17]


def birth_date_of(number: str) -> date | None:
    """The birth date encoded in positions 7–14, or None when it is not a real date."""
    if len(number) < 14 or not number[6:14].isascii() or not number[6:14].isdigit():
        return None
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def sex_code_of(number: str) -> str:
    """'1' (male) when the sequence digit (17th) is odd, '2' (female) when even, '' if unknown."""
    if len(number) < 17 or not number[16].isdigit():
        return ""
    return "1" if int(number[16]) % 2 else "2"


def with_check_char(first17: str) -> str:
    """A complete number from its first 17 digits (used to build test and demo identities)."""
    return first17 + check_char(first17)
