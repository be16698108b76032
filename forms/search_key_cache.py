"""``search_keys`` results kept between runs of the client.

Pinyin is most of what building the search index costs: about 2.9 of 3.6 s for a
10,000-item catalog, every morning the client starts. The keys of a text never change
for one pypinyin version and one version of our own reading rules
(``forms.pinyin_readings.RULES_VERSION``), so they are kept in the cache folder, keyed
by both, and only texts new to this catalog are converted. The file is ours but may be
damaged (a power cut mid-write, a disk error): anything unexpected in it just means
starting with an empty cache.
"""

from __future__ import annotations

import json
from importlib.metadata import version

from forms.pinyin_readings import RULES_VERSION
from forms.search import SearchKeys, search_keys

FORMAT = 2  # 2: phrase-reading and alternative-reading keys kept apart


def _pypinyin_version() -> str:
    return version("pypinyin")


def _string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(k, str) for k in value)


class SearchKeyCache:
    def __init__(self, known: dict[str, SearchKeys] | None = None) -> None:
        self._known = dict(known or {})
        self._used: dict[str, SearchKeys] = {}
        self.converted = 0  # texts that were not in the cache

    def __call__(self, text: str) -> SearchKeys:
        keys = self._used.get(text)
        if keys is None:
            keys = self._known.get(text)
            if keys is None:
                keys = search_keys(text)
                self.converted += 1
            self._used[text] = keys
        return keys

    def dumps(self) -> bytes:
        """The texts this run asked for (a retired item's keys are not carried on)."""
        body = {
            "format": FORMAT,
            "rules": RULES_VERSION,
            "pypinyin": _pypinyin_version(),
            "keys": {
                text: [sorted(keys.primary), sorted(keys.alternative)]
                for text, keys in self._used.items()
            },
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def loads(cls, data: bytes) -> SearchKeyCache:
        try:
            body = json.loads(data)
            if (
                not isinstance(body, dict)
                or body.get("format") != FORMAT
                or body.get("rules") != RULES_VERSION
                or body.get("pypinyin") != _pypinyin_version()
                or not isinstance(body.get("keys"), dict)
            ):
                return cls()
            known = {}
            for text, keys in body["keys"].items():
                if not isinstance(keys, list) or len(keys) != 2 or not all(map(_string_list, keys)):
                    return cls()
                known[text] = SearchKeys(frozenset(keys[0]), frozenset(keys[1]))
            return cls(known)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return cls()
