"""The pinyin a person types for a name: phrase reading first, then the other readings.

pypinyin reads a text by its phrase dictionary (重庆 chongqing, 银行 yinhang, 长安
chang'an), which is what most people type. For a polyphonic character it still has one
answer only, and that answer is sometimes not the one typed: 单县 is keyed danxian where
people type shanxian, 还款 haikuan where they type huankuan. So a text also gets its
*alternative* readings: each polyphonic character's other readings, one character at a
time, bounded (``MAX_ALTERNATIVES``); search ranks them after the phrase reading.

Person names follow GB/T 28039 (surname first, compound surnames as one): a surname's
reading is its reading as a surname (单 shan, 曾 zeng, 解 xie…), which pypinyin 0.55 has
no style for, so ``SURNAME_READINGS`` lists the polyphonic ones as the common surname
readings lists give them. A catalog may also name the reading of a place or person name
pypinyin gets wrong (``Item.pinyin``: {"单县": "shan xian"}); that reading then comes
first and pypinyin's own becomes an alternative.

``RULES_VERSION`` is part of the search-key cache's key: bump it whenever what this
module produces for a text changes, so no cached keys of the old rules are used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

RULES_VERSION = 1
MAX_ALTERNATIVES = 6

_KEEP = "\x00"  # marks a run pypinyin has no reading for (latin, digits, rare characters)

# (syllable as typed, what it contributes to the initials); a kept run stays whole in both
Part = tuple[str, str]
Reading = tuple[Part, ...]

# Polyphonic surnames and their surname readings (toneless, syllables space-separated).
# Compound surnames are matched before single ones. Sources: the commonly published
# "容易读错的姓氏" / 百家姓 readings lists (see tests/forms/test_pinyin_readings.py).
SURNAME_READINGS: dict[str, str] = {
    "尉迟": "yu chi", "万俟": "mo qi", "单于": "chan yu", "长孙": "zhang sun",
    "令狐": "ling hu", "澹台": "tan tai", "句龙": "gou long", "皇甫": "huang fu",
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "盖": "ge", "缪": "miao", "繁": "po", "阚": "kan", "乜": "nie",
    "句": "gou", "任": "ren", "员": "yun", "能": "nai", "都": "du", "翟": "zhai",
    "种": "chong", "覃": "qin", "召": "shao", "折": "she", "黑": "he", "华": "hua",
    "过": "guo", "纪": "ji", "要": "yao", "应": "ying", "谌": "chen", "乐": "yue",
    "曲": "qu", "瞿": "qu", "秘": "bi", "佘": "she", "祭": "zhai",
    "哈": "ha", "訾": "zi", "逄": "pang", "郗": "xi", "恽": "yun", "亓": "qi",
    "仉": "zhang", "沈": "shen", "薄": "bo", "蕃": "pi", "车": "che", "长": "chang",
    "藏": "zang", "重": "chong", "校": "jiao", "率": "shuai",
}
_COMPOUND = sorted((s for s in SURNAME_READINGS if len(s) > 1), key=len, reverse=True)

_SYLLABLES = re.compile(r"^[a-zü]+(?:[ '][a-zü]+)*$")


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, no spaces: what keys and queries are compared as."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _part(item: str) -> Part:
    if item.startswith(_KEEP):
        run = item[1:]
        return run, run
    return item, item[:1]


def _parts_with_chars(text: str) -> list[tuple[str, Part]]:
    """pypinyin's phrase reading of ``text``, each part with the characters it reads."""
    # imported here: loading pypinyin's phrase tables costs ~0.9 s, and a warm start takes
    # every key from the key cache without it
    from pypinyin import lazy_pinyin

    out: list[tuple[str, Part]] = []
    pos = 0
    for item in lazy_pinyin(text, errors=lambda run: [_KEEP + run]):
        width = len(item) - 1 if item.startswith(_KEEP) else 1
        out.append((text[pos:pos + width], _part(item)))
        pos += width
    return out


def phrase_reading(text: str) -> Reading:
    """pypinyin's phrase reading (重庆 → chong qing, 银行 → yin hang)."""
    return tuple(part for _, part in _parts_with_chars(text))


@cache
def readings_of_char(char: str) -> tuple[str, ...]:
    """Every toneless reading pypinyin knows for one character, most common first."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda run: [_KEEP + run])
    seen: dict[str, None] = {}
    for r in found[0] if found else ():
        if not r.startswith(_KEEP) and r.isascii() and r.isalpha():
            seen.setdefault(r, None)
    return tuple(seen)


@cache
def _readings_in_phrases() -> dict[str, frozenset[str]]:
    """Per character, the readings pypinyin's own phrase dictionary gives it somewhere:
    the readings in real use (单 dan/shan/chan, 还 hai/huan), not the rare ones."""
    from pypinyin.constants import PHRASES_DICT

    seen: dict[str, set[str]] = {}
    for phrase, readings in PHRASES_DICT.items():
        if len(phrase) == len(readings):
            for char, options in zip(phrase, readings, strict=True):
                seen.setdefault(char, set()).add(_toneless(options[0]))
    return {char: frozenset(r) for char, r in seen.items()}


def _toneless(reading: str) -> str:
    # ü as v (as typed), then the tone marks dropped
    plain = unicodedata.normalize("NFKD", reading).replace("u\u0308", "v")
    return plain.encode("ascii", "ignore").decode()


def alternative_readings(chars_and_parts: list[tuple[str, Part]],
                         limit: int = MAX_ALTERNATIVES) -> list[Reading]:
    """The reading with one polyphonic character read otherwise, character by character:
    first the readings in real use (in pypinyin's phrase dictionary), then the rare ones,
    until ``limit`` (a short place name keeps all, a long item name its common ones).

    One character at a time keeps the count linear in the text's length (every
    combination of a long item name's polyphones would be thousands of keys), and a
    person mistyping a name's reading gets one character wrong far more often than two.
    """
    base = [part for _, part in chars_and_parts]
    common_of = _readings_in_phrases()
    common: list[Reading] = []
    rare: list[Reading] = []
    for i, (chars, (syllable, _)) in enumerate(chars_and_parts):
        if len(chars) != 1:
            continue
        in_use = common_of.get(chars, frozenset())
        for other in readings_of_char(chars):
            if other != syllable:
                reading = (*base[:i], (other, other[:1]), *base[i + 1:])
                (common if other in in_use else rare).append(reading)
    return (common + rare)[:limit]


def _alias_reading(syllables: str) -> list[Part]:
    return [(s, s[:1]) for s in re.split(r"[ ']", syllables.replace("ü", "v"))]


def aliased_reading(text: str, aliases: Mapping[str, str]) -> Reading | None:
    """``text``'s reading with each alias phrase read as the catalog says; None if no
    alias phrase occurs in it."""
    if not aliases:
        return None
    phrases = sorted((normalise(p) for p in aliases), key=len, reverse=True)
    by_phrase = {normalise(p): r for p, r in aliases.items()}
    out: list[Part] = []
    rest_start, pos, used = 0, 0, False
    while pos < len(text):
        hit = next((p for p in phrases if p and text.startswith(p, pos)), None)
        if hit is None:
            pos += 1
            continue
        if rest_start < pos:
            out += phrase_reading(text[rest_start:pos])
        out += _alias_reading(by_phrase[hit])
        pos += len(hit)
        rest_start, used = pos, True
    if not used:
        return None
    if rest_start < len(text):
        out += phrase_reading(text[rest_start:])
    return tuple(out)


def _surname_length(name: str) -> int:
    for compound in _COMPOUND:
        if name.startswith(compound):
            return len(compound)
    return 1


def person_name_readings(name: str) -> list[Reading]:
    """A person's name: surname reading + pypinyin's reading of the given name first,
    then pypinyin's reading of the whole name, then the alternatives (GB/T 28039 5.1:
    surname first, a compound surname read as one)."""
    name = normalise(name)
    if not name:
        return []
    n = _surname_length(name)
    surname, given = name[:n], name[n:]
    first: list[Reading] = []
    if surname in SURNAME_READINGS:
        first.append(tuple(_alias_reading(SURNAME_READINGS[surname])) + phrase_reading(given))
    plain = _parts_with_chars(name)
    first.append(tuple(part for _, part in plain))
    return _unique(first + alternative_readings(plain))


def text_readings(text: str) -> tuple[list[Reading], list[Reading]]:
    """(phrase readings, alternative readings) of an item name or keyword."""
    parts = _parts_with_chars(text)
    return [tuple(p for _, p in parts)], alternative_readings(parts)


def full(reading: Reading) -> str:
    return "".join(p for p, _ in reading)


def initials(reading: Reading) -> str:
    return "".join(i for _, i in reading)


def _unique(readings: Iterable[Reading]) -> list[Reading]:
    seen: dict[str, Reading] = {}
    for r in readings:
        seen.setdefault(full(r), r)
    return list(seen.values())


@cache
def _known_syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT
    out: set[str] = set()
    for readings in PINYIN_DICT.values():
        out.update(_toneless(r) for r in readings.split(","))
    return frozenset(out)


def alias_problem(phrase: str, syllables: str) -> str | None:
    """Why a catalog ``pinyin`` alias cannot be used (Chinese, for the catalog author)."""
    chars = normalise(phrase)
    if not chars or not all(readings_of_char(c) for c in chars):
        return f"拼音别名“{phrase}”应为汉字词语"
    if not _SYLLABLES.match(syllables):
        return f"拼音别名“{phrase}”的读音应为小写拼音、音节间用空格分开，如 shan xian"
    parts = _alias_reading(syllables)
    if len(parts) != len(chars):
        return f"拼音别名“{phrase}”有 {len(chars)} 个字，读音却有 {len(parts)} 个音节"
    unknown = [p for p, _ in parts if p not in _known_syllables()]
    if unknown:
        return f"拼音别名“{phrase}”中的“{unknown[0]}”不是汉语拼音音节"
    return None
