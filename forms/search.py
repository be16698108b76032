"""Find items and bundles as the clerk types: name, code, full pinyin, pinyin initials.

Ranking: exact > prefix > substring > fuzzy (typo-tolerant); inside a tier, entries the
phrase reading reaches before those only an alternative reading of a polyphonic
character reaches (``forms.pinyin_readings``), then the more popular entry first
(catalog frequency plus this desk's own use, see ``record_use``).

Built for a keystroke budget (p99 < 5 ms on 10,000 items, see ``scripts/bench_search.py``):
every searchable string (name, code, pinyin, initials, keywords and theirs) is kept
sorted, so exact and prefix hits are two bisects; a character-bigram index (sorted
posting lists in numpy) gives substring hits by intersection and fuzzy candidates by
``bincount``, and only the best few hundred candidates are scored by rapidfuzz.
A lower tier is only searched while the higher ones leave the result list short.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from forms.catalog import Catalog
from forms.pinyin_readings import (
    Reading,
    aliased_reading,
    full,
    initials,
    normalise,
    text_readings,
)

EXACT, PREFIX, SUBSTRING, FUZZY = 3, 2, 1, 0
FUZZY_CUTOFF = 75.0
_MAX_CANDIDATES = 300
_SCAN_ABOVE = 2000  # candidate count above which one scan of all keys beats checking each
_SCAN_FIRST = 2000  # alternative readings' keys: substring hits taken from one scan


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "item" | "bundle"
    code: str
    name: str
    department: str
    tier: int  # EXACT, PREFIX, SUBSTRING or FUZZY
    score: float  # popularity inside a tier; fuzzy: similarity 0..100 + popularity


@dataclass(frozen=True)
class SearchKeys:
    """The strings a text is found by: the phrase reading's (and the text itself), and
    the alternative readings' (ranked after them, see ``forms.pinyin_readings``)."""

    primary: frozenset[str]
    alternative: frozenset[str] = frozenset()

    def all(self) -> frozenset[str]:
        return self.primary | self.alternative


def _ascii_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def _reading_keys(readings: list[Reading]) -> set[str]:
    return {k for r in readings for k in (_ascii_only(full(r)), _ascii_only(initials(r)))}


def _keys(base: str, first: list[Reading], others: list[Reading]) -> SearchKeys:
    primary = {base} | _reading_keys(first)
    alternative = _reading_keys(others) - primary
    primary.discard("")
    alternative.discard("")
    return SearchKeys(frozenset(primary), frozenset(alternative))


@lru_cache(maxsize=65536)  # keywords repeat across items; pinyin is the costly part
def search_keys(text: str) -> SearchKeys:
    """Itself, full pinyin and initials of the phrase reading; those of the others."""
    base = normalise(text)
    if base.isascii():
        return SearchKeys(frozenset({base} - {""}))
    return _keys(base, *text_readings(base))


def aliased_keys(text: str, aliases: Mapping[str, str], keys: SearchKeys) -> SearchKeys:
    """``keys`` of ``text`` when the catalog names the reading of a phrase in it: that
    reading comes first, pypinyin's own becomes an alternative."""
    base = normalise(text)
    reading = aliased_reading(base, aliases)
    if reading is None:
        return keys
    phrase, others = text_readings(base)
    return _keys(base, [reading], [*phrase, *others])


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


class _KeyPart:
    """Some of the index's keys (by their index in the sorted key list), with a bigram
    index and one joined string for substring scans."""

    def __init__(self, keys: list[str], ids: np.ndarray, *, bigrams: bool = True) -> None:
        self.ids = ids.astype(np.int64)
        texts = [keys[k] for k in self.ids.tolist()]
        # substring scan: the part's keys joined by newlines, key n starting at offsets[n]
        self.haystack = "\n".join(texts)
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        self.offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        postings: dict[str, list[int]] = defaultdict(list)
        for k, text in zip(self.ids.tolist(), texts, strict=True) if bigrams else ():
            for gram in _bigrams(text):
                postings[gram].append(k)
        self.postings = {g: np.array(p, dtype=np.int64) for g, p in postings.items()}
        self.bigrams = bigrams

    def scan(self, q: str, cap: int = 200, *, first: bool = False) -> np.ndarray | None:
        """Keys containing ``q`` by ``str.find`` over the part joined; past ``cap`` hits
        None, or with ``first`` the first ``cap`` of them."""
        hay, found, start = self.haystack, [], 0
        while True:
            pos = hay.find(q, start)
            if pos < 0:
                break
            if len(found) == cap:
                if first:
                    break
                return None
            found.append(pos)
            start = pos + 1
        local = np.searchsorted(self.offsets, np.array(found, dtype=np.int64), side="right") - 1
        return self.ids[local]


class SearchIndex:
    def __init__(
        self,
        catalog: Catalog,
        usage: dict[str, int] | None = None,
        keys: Callable[[str], SearchKeys] = search_keys,  # or a SearchKeyCache
    ) -> None:
        self._kind: list[str] = []
        self._code: list[str] = []
        self._name: list[str] = []
        self._dept: list[str] = []
        keywords: list[tuple[str, ...]] = []
        aliases: list[Mapping[str, str]] = []
        base_popularity: list[float] = []
        for item in catalog.items.values():
            self._add("item", item.code, item.name, item.department)
            keywords.append(item.keywords)
            aliases.append(dict(item.pinyin))
            base_popularity.append(float(item.frequency))
        for bundle in catalog.bundles.values():
            self._add("bundle", bundle.code, bundle.name, "一件事")
            keywords.append(bundle.keywords)
            aliases.append({})
            members = [catalog.items[c].frequency for c in bundle.item_codes if c in catalog.items]
            base_popularity.append(float(max(members, default=0)))
        self._base = np.array(base_popularity, dtype=np.float64)
        self._entry_of_code = {(k, c): i for i, (k, c) in enumerate(zip(self._kind, self._code,
                                                                          strict=True))}
        self._usage: dict[int, int] = {}
        self.popularity = self._base.copy()
        for code, n in (usage or {}).items():
            for kind in ("item", "bundle"):
                if (kind, code) in self._entry_of_code:
                    self._set_usage(self._entry_of_code[(kind, code)], n)

        # (key, entry) -> reached by an alternative reading only
        key_entry: dict[tuple[str, int], bool] = {}
        for i in range(len(self._code)):
            for text in (self._name[i], self._code[i], *keywords[i]):
                found = keys(text)
                if aliases[i]:
                    found = aliased_keys(text, aliases[i], found)
                for key in found.primary:
                    key_entry[(key, i)] = False
                for key in found.alternative:
                    key_entry.setdefault((key, i), True)
        pairs = sorted(key_entry)
        self._keys = [k for k, _ in pairs]
        self._key_entry = np.array([e for _, e in pairs], dtype=np.int64)
        self._key_alt = np.array([key_entry[p] for p in pairs], dtype=bool)
        # substring and fuzzy look-ups per part: the phrase readings' keys, then the
        # alternative readings' (about as many again, and searched only while the first
        # part leaves the list short)
        # (the second without a bigram index: building one for so many keys cost more of
        # the start-up than all the rest of the index, and one scan of its joined keys is
        # quick enough for a tier searched only when the first falls short)
        self._parts = [_KeyPart(self._keys, np.flatnonzero(~self._key_alt)),
                       _KeyPart(self._keys, np.flatnonzero(self._key_alt), bigrams=False)]

    def _add(self, kind: str, code: str, name: str, dept: str) -> None:
        self._kind.append(kind)
        self._code.append(code)
        self._name.append(name)
        self._dept.append(dept)

    def __len__(self) -> int:
        return len(self._code)

    # -- popularity ------------------------------------------------------------------
    def _set_usage(self, entry: int, uses: int) -> None:
        self._usage[entry] = uses
        self.popularity[entry] = self._base[entry] + 5.0 * uses  # this desk's habits count

    def record_use(self, code: str) -> None:
        """The clerk took this item or bundle: rank it higher from now on."""
        for kind in ("item", "bundle"):
            entry = self._entry_of_code.get((kind, code))
            if entry is not None:
                self._set_usage(entry, self._usage.get(entry, 0) + 1)

    def usage(self) -> dict[str, int]:
        """Uses recorded so far, by code (persist it and pass it back to the constructor)."""
        return {self._code[e]: n for e, n in self._usage.items()}

    # -- searching -------------------------------------------------------------------
    def _top(self, entries: np.ndarray, taken: set[int], want: int) -> list[int]:
        """The ``want`` most popular distinct entries of ``entries``, not yet ``taken``."""
        if len(entries) > 4 * want:
            # pre-select by popularity so a one-letter prefix (thousands of keys) stays cheap
            pop = self.popularity[entries]
            pre = entries[np.argpartition(-pop, 4 * want - 1)[:4 * want]]
            chosen = self._top(pre, taken, want)
            if len(chosen) == want:
                return chosen
        entries = np.unique(entries)
        if taken:
            entries = entries[~np.isin(entries, np.fromiter(taken, dtype=np.int64))]
        if len(entries) > want:
            pop = self.popularity[entries]
            entries = entries[np.argpartition(-pop, want - 1)[:want]]
        order = np.lexsort((entries, -self.popularity[entries]))
        return [int(e) for e in entries[order]]

    def _top_keys(self, keys: np.ndarray, taken: set[int], want: int) -> list[int]:
        """Entries of matching ``keys``: those a phrase reading reaches first, then those
        only an alternative reading reaches (单县: danxian before shanxian)."""
        alt = self._key_alt[keys]
        chosen = self._top(self._key_entry[keys[~alt]], taken, want)
        if len(chosen) < want and alt.any():
            more = self._top(self._key_entry[keys[alt]], taken | set(chosen), want - len(chosen))
            chosen += more
        return chosen

    def _substring(self, q: str, taken: set[int], want: int) -> list[int]:
        """Most popular entries with a key containing ``q`` (len >= 2): those a phrase
        reading's key contains first, then those only an alternative reading's does."""
        found: list[int] = []
        for part in self._parts:
            if len(found) < want:
                found += self._substring_in(part, q, taken | set(found), want - len(found))
        return found

    def _substring_in(self, part: _KeyPart, q: str, taken: set[int], want: int) -> list[int]:
        """Intersected bigram postings give the candidates (for two letters, the answer);
        longer queries are confirmed with ``in`` on plain lists, not numpy scalars."""
        if not part.bigrams:  # the most popular of the first hits of one scan
            keys = part.scan(q, _SCAN_FIRST, first=True)
            return self._top(self._key_entry[keys], taken, want) if len(keys) else []
        postings = part.postings
        grams = sorted(_bigrams(q), key=lambda g: len(postings.get(g, ())))
        if not grams or grams[0] not in postings:
            return []
        keys = postings[grams[0]]
        for gram in grams[1:3]:
            keys = np.intersect1d(keys, postings[gram], assume_unique=True)
        if len(q) > 2:
            # many candidates but few real hits (e.g. a mistyped code): one scan of all
            # keys is cheapest; when hits are many too, check each candidate instead
            scanned = part.scan(q) if len(keys) > _SCAN_ABOVE else None
            if scanned is None:
                return self._confirm_by_popularity(q, keys, taken, want)
            keys = scanned
        if not len(keys):
            return []
        return self._top(self._key_entry[keys], taken, want)

    def _confirm_by_popularity(self, q: str, keys: np.ndarray, taken: set[int],
                               want: int) -> list[int]:
        """Check candidates most popular first and stop at ``want`` distinct hits."""
        entries = self._key_entry[keys]
        order = np.argsort(-self.popularity[entries], kind="stable")
        texts, found = self._keys, []
        for k, e in zip(keys[order].tolist(), entries[order].tolist(), strict=True):
            if e not in taken and e not in found and q in texts[k]:
                found.append(e)
                if len(found) == want:
                    break
        return found

    def _fuzzy(self, q: str, taken: set[int], want: int) -> list[tuple[int, float]]:
        postings = self._parts[0].postings  # a typo in an alternative reading: too far
        lists = [postings[g] for g in _bigrams(q) if g in postings]
        if not lists:
            return []
        counts = np.bincount(np.concatenate(lists), minlength=len(self._keys))
        need = max(1, (len(q) - 1) // 2)  # at least half the bigrams: a typo or two
        candidates = np.flatnonzero(counts >= need)
        if len(candidates) > _MAX_CANDIDATES:
            best = np.argpartition(-counts[candidates], _MAX_CANDIDATES - 1)[:_MAX_CANDIDATES]
            candidates = candidates[best]
        choices = [self._keys[k] for k in candidates]
        scored = process.extract(q, choices, scorer=fuzz.partial_ratio,
                                 score_cutoff=FUZZY_CUTOFF, limit=None)
        best_by_entry: dict[int, float] = {}
        for _, score, pos in scored:
            entry = int(self._key_entry[candidates[pos]])
            if entry not in taken and score > best_by_entry.get(entry, 0.0):
                best_by_entry[entry] = score
        ranked = sorted(best_by_entry.items(),
                        key=lambda es: (-es[1], -self.popularity[es[0]], es[0]))
        return ranked[:want]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        q = normalise(query)
        if not q or limit <= 0:
            return []
        hits: list[SearchHit] = []
        taken: set[int] = set()

        def take(entries: list[int], tier: int, scores: list[float] | None = None) -> None:
            for n, e in enumerate(entries):
                taken.add(e)
                score = scores[n] if scores else float(self.popularity[e])
                hits.append(SearchHit(self._kind[e], self._code[e], self._name[e],
                                      self._dept[e], tier, score))

        lo, hi = bisect_left(self._keys, q), bisect_right(self._keys, q)
        take(self._top_keys(np.arange(lo, hi), taken, limit), EXACT)
        end = bisect_left(self._keys, q + "\U0010ffff", lo=hi)
        if len(hits) < limit and end > hi:
            take(self._top_keys(np.arange(hi, end), taken, limit - len(hits)), PREFIX)
        if len(hits) < limit and len(q) >= 2:
            take(self._substring(q, taken, limit - len(hits)), SUBSTRING)
        if len(hits) < limit and len(q) >= 3:
            fuzzy = self._fuzzy(q, taken, limit - len(hits))
            take([e for e, _ in fuzzy], FUZZY, [s for _, s in fuzzy])
        return hits
