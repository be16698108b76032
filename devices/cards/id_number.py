"""GB 11643-1999 citizen identity numbers, as cards carry them.

The check character comes from python-stdnum (``stdnum.cn.ric``), the same library the
form validators use, so a card reader and the form never disagree on a number.
``devices`` may import nothing of the project; ``tests/devices/cards/test_id_rules.py``
holds the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from stdnum.cn import ric

_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
_SHAPE_15 = re.compile(r"^[0-9]{15}$")


def normalize(text: str) -> str:
    """Full-width to ASCII, spaces (any kind) out, letters upper-case."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).upper()


def check_char(first17: str) -> str:
    """The check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要 17 位数字")
    return ric.calc_check_digit(first17 + "0")  # stdnum takes the number with a check slot


def is_valid(number: str) -> bool:
    """True when the 18-character number has the right shape, a real birth date and check.

    Sequence 000, an unknown region and the 81/82/83 permit prefixes are all valid here:
    they are unusual, not wrong (the form warns about them).
    """
    number = normalize(number)
    if not _SHAPE.match(number):
        return False
    if birth_date_of(number) is None:
        return False
    return check_char(number[:17]) == number[17]


def upgrade_15(number15: str) -> str:
    """A first-generation 15-digit number as 18 digits: century 19 and a check character."""
    number15 = normalize(number15)
    if not _SHAPE_15.match(number15):
        raise ValueError("需要 15 位数字")
    return with_check_char(number15[:6] + "19" + number15[6:])


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
